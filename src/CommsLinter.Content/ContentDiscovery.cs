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

    /// <summary>
    /// The file at <paramref name="fullPath"/> as discovering <paramref name="paths"/> would list it, or
    /// null when it would not: for a live workspace told that one file appeared or changed.
    /// </summary>
    public static ContentFile? Classify(string fullPath, IEnumerable<string> paths, string workingDirectory)
    {
        if (!IsTemplateName(Path.GetFileName(fullPath.AsSpan())))
        {
            return null;
        }

        foreach (var path in paths)
        {
            var root = Path.GetFullPath(path, workingDirectory);
            if (root == fullPath)
            {
                return Entry(fullPath, workingDirectory);
            }

            if (!IsSameOrInside(fullPath, root))
            {
                continue;
            }

            // The folders a listing does not enter: dot-folders and samples/.
            var folders = Path.GetRelativePath(root, fullPath).Split(Path.DirectorySeparatorChar)[..^1];
            if (!folders.Any(f => f.StartsWith('.') || f == SamplesFolder))
            {
                return Entry(fullPath, workingDirectory);
            }
        }

        return null;
    }

    /// <summary>The path shown to users: relative to the working directory when inside it, always with '/'.</summary>
    public static string DisplayPath(string fullPath, string workingDirectory)
    {
        var relative = Path.GetRelativePath(workingDirectory, fullPath);
        var shown = IsDownwards(relative) ? relative : fullPath;
        // Only the system's separator: on Linux a '\' is part of a file's name, and turning it into a folder would name another file.
        return shown.Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or inside it (both full paths), by their text alone.</summary>
    public static bool IsSameOrInside(string path, string folder) => IsDownwards(Path.GetRelativePath(folder, path));

    /// <summary>A relative path that goes down from where it starts, or stays there: not up, not to another root.</summary>
    private static bool IsDownwards(string relative) =>
        !Path.IsPathRooted(relative) && relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal);

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
        var file = Entry(fullPath, workingDirectory);
        files[file.DisplayPath] = file;
    }

    private static ContentFile Entry(string fullPath, string workingDirectory)
    {
        var isSnippet = fullPath.Contains($"{Path.DirectorySeparatorChar}{PartialsFolder}{Path.DirectorySeparatorChar}", StringComparison.Ordinal);
        return new ContentFile(fullPath, DisplayPath(fullPath, workingDirectory), isSnippet ? DocumentKind.Snippet : DocumentKind.Template);
    }
}
