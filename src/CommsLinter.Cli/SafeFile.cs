namespace CommsLinter.Cli;

/// <summary>Writes the files commslint owns (the ledger, the baseline) whole or not at all.</summary>
internal static class SafeFile
{
    /// <summary>
    /// Writes <paramref name="text"/> beside <paramref name="path"/> and moves it over, so an interrupted
    /// write never leaves half a file; false, with the reason on <paramref name="error"/>, when it cannot.
    /// </summary>
    public static bool Replace(string path, string text, string shownPath, TextWriter error)
    {
        var temporary = path + ".tmp";
        try
        {
            File.WriteAllText(temporary, text);
            File.Move(temporary, path, overwrite: true);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"commslint: error: cannot write {shownPath}: {ex.Message} Nothing was changed; check the path and its permissions.");
            try
            {
                File.Delete(temporary);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // The temporary file may not exist or may be as unwritable as the target; the message above says what matters.
            }

            return false;
        }
    }
}
