using CommsLinter.Model;
using CommsLinter.Pipeline;

namespace CommsLinter.Content;

/// <summary>
/// Finds the templates under the paths given: files with a template extension, in a stable order.
/// README files, dot-folders and the samples folder are not templates; files under a folder named
/// <c>_partials</c> are snippets.
/// </summary>
public static class ContentDiscovery
{
    public const string PartialsFolder = "_partials";
    public const string SamplesFolder = "samples";

    /// <param name="paths">Files or folders, absolute or relative to <paramref name="workingDirectory"/>.</param>
    /// <param name="missing">Paths that do not exist.</param>
    public static IReadOnlyList<ContentFile> Discover(IEnumerable<string> paths, string workingDirectory, out IReadOnlyList<string> missing)
    {
        var files = new SortedDictionary<string, ContentFile>(StringComparer.Ordinal);
        var notFound = new List<string>();
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path, workingDirectory);
            if (File.Exists(full))
            {
                Add(full, workingDirectory, files);
            }
            else if (Directory.Exists(full))
            {
                var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System | FileAttributes.ReparsePoint };
                foreach (var file in Directory.EnumerateFiles(full, "*", options))
                {
                    if (IsTemplate(Path.GetRelativePath(full, file)))
                    {
                        Add(file, workingDirectory, files);
                    }
                }
            }
            else
            {
                notFound.Add(path);
            }
        }

        missing = notFound;
        return [.. files.Values];
    }

    /// <summary>The path shown to users: relative to the working directory when inside it, always with '/'.</summary>
    public static string DisplayPath(string fullPath, string workingDirectory)
    {
        var relative = Path.GetRelativePath(workingDirectory, fullPath);
        var shown = relative.StartsWith("..", StringComparison.Ordinal) ? fullPath : relative;
        return shown.Replace('\\', '/');
    }

    private static bool IsTemplate(string relativePath)
    {
        var parts = relativePath.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        if (parts.Any(p => p.StartsWith('.')) || parts.AsSpan(0, parts.Length - 1).Contains(SamplesFolder))
        {
            return false;
        }

        var name = parts[^1];
        return !Path.GetFileNameWithoutExtension(name).Equals("README", StringComparison.OrdinalIgnoreCase)
            && DocumentLoader.Extensions.Contains(Path.GetExtension(name), StringComparer.OrdinalIgnoreCase);
    }

    private static void Add(string fullPath, string workingDirectory, SortedDictionary<string, ContentFile> files)
    {
        var display = DisplayPath(fullPath, workingDirectory);
        var isSnippet = fullPath.Split(Path.DirectorySeparatorChar).Contains(PartialsFolder, StringComparer.Ordinal);
        files[display] = new ContentFile(fullPath, display, isSnippet ? DocumentKind.Snippet : DocumentKind.Template);
    }
}
