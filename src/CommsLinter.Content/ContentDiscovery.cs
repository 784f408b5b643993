using System.IO.Enumeration;
using CommsLinter.Content.Readers;
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
        // A dictionary sorted once at the end, not a sorted one: listing 10,000 files is on the path of every cached re-check.
        var files = new Dictionary<string, ContentFile>(StringComparer.Ordinal);
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
                var templates = new FileSystemEnumerable<string>(full, (ref entry) => entry.ToFullPath(), options)
                {
                    // Dot-folders and samples/ hold no templates: not even listed.
                    ShouldRecursePredicate = (ref entry) => !entry.FileName.StartsWith('.') && !entry.FileName.SequenceEqual(SamplesFolder),
                    ShouldIncludePredicate = (ref entry) => !entry.IsDirectory && IsTemplateName(entry.FileName),
                };
                foreach (var file in templates)
                {
                    Add(file, workingDirectory, files);
                }
            }
            else
            {
                notFound.Add(path);
            }
        }

        missing = notFound;
        var sorted = files.Values.ToArray();
        Array.Sort(sorted, (a, b) => string.CompareOrdinal(a.DisplayPath, b.DisplayPath));
        return sorted;
    }

    /// <summary>The path shown to users: relative to the working directory when inside it, always with '/'.</summary>
    public static string DisplayPath(string fullPath, string workingDirectory)
    {
        var relative = Path.GetRelativePath(workingDirectory, fullPath);
        var shown = relative.StartsWith("..", StringComparison.Ordinal) ? fullPath : relative;
        return shown.Replace('\\', '/');
    }

    private static bool IsTemplateName(ReadOnlySpan<char> name) =>
        !name.StartsWith('.')
        && !Path.GetFileNameWithoutExtension(name).Equals("README", StringComparison.OrdinalIgnoreCase)
        && IsTemplateExtension(Path.GetExtension(name));

    private static bool IsTemplateExtension(ReadOnlySpan<char> extension)
    {
        foreach (var known in ContentReaders.Extensions)
        {
            if (extension.Equals(known, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static void Add(string fullPath, string workingDirectory, Dictionary<string, ContentFile> files)
    {
        var display = DisplayPath(fullPath, workingDirectory);
        var isSnippet = fullPath.Contains($"{Path.DirectorySeparatorChar}{PartialsFolder}{Path.DirectorySeparatorChar}", StringComparison.Ordinal);
        files[display] = new ContentFile(fullPath, display, isSnippet ? DocumentKind.Snippet : DocumentKind.Template);
    }
}
