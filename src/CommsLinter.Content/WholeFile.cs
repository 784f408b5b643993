using System.Diagnostics;
using System.Globalization;
using System.IO.Enumeration;
using System.Text;

namespace CommsLinter.Content;

/// <summary>
/// Writes the files commslint changes (the ledger, the baseline, the cache, templates it fixes) whole or not at all.
/// The new text is written to a temporary file beside the target, named <c>&lt;target&gt;.commslint-&lt;process id&gt;.tmp</c>,
/// and moved over it.
/// </summary>
public static class WholeFile
{
    private const string Marker = ".commslint-";
    private const string Extension = ".tmp";

    /// <summary>
    /// Writes beside <paramref name="path"/> and moves the result over it, so an interrupted write never
    /// leaves half a file; false, with the reason, when it cannot, and <paramref name="path"/> is as it was.
    /// A temporary file of the same target that a killed run left behind is removed first (<see cref="RemoveStale"/>).
    /// </summary>
    public static bool Replace(string path, Action<Stream> write, out string? problem)
    {
        // The process id keeps two runs writing the same file at once from sharing a temporary file;
        // one this process's id left behind (an earlier run that had the same id) is simply written over.
        var temporary = TemporaryName(path);
        RemoveStale(path);
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

    /// <summary>
    /// The name this process gives a temporary file (or folder) for <paramref name="name"/>:
    /// <c>approvals.yml.commslint-4242.tmp</c>. Output folders being written use the same scheme.
    /// </summary>
    public static string TemporaryName(string name) => string.Create(CultureInfo.InvariantCulture, $"{name}{Marker}{Environment.ProcessId}{Extension}");

    /// <summary>
    /// Whether a temporary file or folder (<see cref="TemporaryName"/>) was left by a run that has ended, so
    /// no writer is at work on it: the process it names is neither this one nor running.
    /// </summary>
    public static bool IsLeftBehind(ReadOnlySpan<char> fileName) =>
        !TargetOf(fileName, out var writer).IsEmpty && writer != Environment.ProcessId && !IsRunning(writer);

    /// <summary>
    /// Whether a file name is one of this writer's temporary files (<c>approvals.yml.commslint-4242.tmp</c>):
    /// never a template, a snippet or a configuration file, whatever its target's extension.
    /// </summary>
    public static bool IsTemporary(ReadOnlySpan<char> fileName) => !TargetOf(fileName, out _).IsEmpty;

    /// <summary>
    /// The name of the file a temporary file was written for, with the id of the process that wrote it;
    /// empty when <paramref name="fileName"/> is not a temporary file.
    /// </summary>
    private static ReadOnlySpan<char> TargetOf(ReadOnlySpan<char> fileName, out int processId)
    {
        processId = 0;
        if (!fileName.EndsWith(Extension, StringComparison.Ordinal))
        {
            return [];
        }

        var rest = fileName[..^Extension.Length];
        var marker = rest.LastIndexOf(Marker, StringComparison.Ordinal);
        return marker > 0 && int.TryParse(rest[(marker + Marker.Length)..], NumberStyles.None, CultureInfo.InvariantCulture, out processId)
            ? rest[..marker]
            : [];
    }

    /// <summary>
    /// Removes the temporary files of <paramref name="path"/> that a run killed while writing it left behind.
    /// A temporary file is left alone while its writer may still be at work: when the process named in it is
    /// running, or when another process holds it open for writing (which it does from creating it to closing
    /// it; that covers a writer in another container, whose process id means nothing here). A writer's file
    /// could only be taken in the instant between closing it and moving it, and only by a run that cannot see
    /// its process; that writer then reports that it could not write, and the target is as it was.
    /// </summary>
    private static void RemoveStale(string path)
    {
        var folder = Path.GetDirectoryName(path);
        var target = Path.GetFileName(path);
        if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
        {
            return;
        }

        try
        {
            var stale = new FileSystemEnumerable<string>(folder, (ref entry) => entry.ToFullPath(), new EnumerationOptions { AttributesToSkip = 0 })
            {
                ShouldIncludePredicate = (ref entry) => !entry.IsDirectory && TargetOf(entry.FileName, out _).SequenceEqual(target) && IsLeftBehind(entry.FileName),
            };
            foreach (var file in stale.ToArray())
            {
                Remove(file);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Tidying is never a reason not to write: a folder that cannot be listed fails the write itself, with its reason.
        }
    }

    /// <summary>Deletes a temporary file, holding it exclusively as it goes, unless another process holds it.</summary>
    private static void Remove(string file)
    {
        try
        {
            using var _ = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.None, bufferSize: 1, FileOptions.DeleteOnClose);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Held by a writer at work, already gone, or not ours to delete: left as it is.
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
