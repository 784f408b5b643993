using CommsLinter.Content;

namespace CommsLinter.Cli;

/// <summary>Writes the files a command changes (the ledger, the baseline) whole or not at all, and says why when it cannot.</summary>
internal static class SafeFile
{
    /// <summary>
    /// Replaces <paramref name="path"/> with <paramref name="text"/> (<see cref="WholeFile"/>); false, with
    /// the reason on <paramref name="error"/>, when it cannot.
    /// </summary>
    public static bool Replace(string path, string text, string shownPath, TextWriter error)
    {
        if (WholeFile.Replace(path, text, out var problem))
        {
            return true;
        }

        error.WriteLine($"commslint: error: cannot write {shownPath}: {problem} Nothing was changed; check the path and its permissions.");
        return false;
    }
}
