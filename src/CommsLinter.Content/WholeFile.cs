using System.Text;

namespace CommsLinter.Content;

/// <summary>Writes the files commslint changes (the ledger, the baseline, the cache, templates it fixes) whole or not at all.</summary>
public static class WholeFile
{
    /// <summary>
    /// Writes beside <paramref name="path"/> and moves the result over it, so an interrupted write never
    /// leaves half a file; false, with the reason, when it cannot, and <paramref name="path"/> is as it was.
    /// </summary>
    public static bool Replace(string path, Action<Stream> write, out string? problem)
    {
        // The process id keeps two runs writing the same file at once from sharing a temporary file.
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1))
            {
                write(stream);
            }

            // The new file takes the place of the old one with its permissions (a template a group may edit stays so).
            if (!OperatingSystem.IsWindows() && File.Exists(path))
            {
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(path));
            }

            File.Move(temporary, path, overwrite: true);
            problem = null;
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = ex.Message;
            try
            {
                File.Delete(temporary);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // The temporary file may not exist, or be as unwritable as the target; the problem above says what matters.
            }

            return false;
        }
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte order mark, whole or not at all.</summary>
    public static bool Replace(string path, string text, out string? problem) =>
        Replace(path, stream => stream.Write(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text)), out problem);
}
