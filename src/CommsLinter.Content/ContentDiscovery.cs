using System.IO.Enumeration;
using CommsLinter.Content.Readers;
using CommsLinter.Model;
using CommsLinter.Pipeline;

namespace CommsLinter.Content;

/// <summary>
/// Finds the templates under the paths given: files with a template extension, in a stable order.
/// README files, dot-folders and the samples folder are not templates; files under a folder named
/// <c>_partials</c> are snippets. Nothing is found through a symbolic link: a link is listed in place
/// of what it leads to, and the loader reports it instead of reading it (docs/rules/content.link.md).
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
            if (FirstLink(workingDirectory, full) is { } link)
            {
                // The file named, or a folder on its way, is a link: that link is what the repository holds there.
                Add(link, workingDirectory, files);
            }
            else if (File.Exists(full))
            {
                Add(full, workingDirectory, files);
            }
            else if (Directory.Exists(full))
            {
                var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };
                var templates = new FileSystemEnumerable<string>(full, (ref entry) => entry.ToFullPath(), options)
                {
                    // Dot-folders and samples/ hold no templates: not even listed. A folder that is a link is listed, not entered;
                    // asking whether a folder is one costs a call per folder, never per file.
                    ShouldRecursePredicate = (ref entry) => IsListedFolder(entry.FileName) && !IsLink(ref entry),
                    // A file that is a link needs no such question: it is listed like any file, and the loader finds it out.
                    ShouldIncludePredicate = (ref entry) => entry.IsDirectory ? IsListedFolder(entry.FileName) && IsLink(ref entry) : IsTemplateName(entry.FileName),
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
    /// The file or folder at <paramref name="fullPath"/> as discovering <paramref name="paths"/> would list it, or
    /// null when it would not: for a live workspace told that one file appeared or changed.
    /// </summary>
    public static ContentFile? Classify(string fullPath, IEnumerable<string> paths, string workingDirectory)
    {
        foreach (var path in paths)
        {
            var root = Path.GetFullPath(path, workingDirectory);
            var listed = FirstLink(workingDirectory, root) is { } link
                ? link == fullPath
                : root == fullPath ? IsTemplateName(Path.GetFileName(fullPath.AsSpan())) : IsListedIn(root, fullPath);
            if (listed)
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

    /// <summary>
    /// The first file or folder of <paramref name="fullPath"/> below <paramref name="root"/> (or <paramref name="fullPath"/>
    /// itself, when it is not inside <paramref name="root"/>) that is a symbolic link; null when there is none. Links above
    /// <paramref name="root"/> are the machine's, not the repository's, and are followed.
    /// </summary>
    public static string? FirstLink(string root, string fullPath)
    {
        var relative = Path.GetRelativePath(root, fullPath);
        if (!IsDownwards(relative))
        {
            return LinkTarget(fullPath) is null ? null : fullPath;
        }

        var current = root;
        foreach (var part in relative == "." ? [] : relative.Split(Path.DirectorySeparatorChar))
        {
            current = Path.Join(current, part);
            if (LinkTarget(current) is not null)
            {
                return current;
            }
        }

        return null;
    }

    /// <summary>How an error names a path reached through the link <paramref name="linkShown"/>: the link itself, or a path through it.</summary>
    public static string ThroughLink(string pathShown, string linkShown, string target) =>
        pathShown == linkShown
            ? $"'{pathShown}' is a symbolic link (to '{target}')"
            : $"'{pathShown}' is reached through the symbolic link {linkShown} (to '{target}')";

    /// <summary>Where the symbolic link at <paramref name="fullPath"/> leads, as the link writes it; null when it is not a link (or does not exist).</summary>
    public static string? LinkTarget(string fullPath) => new FileInfo(fullPath).LinkTarget;

    /// <summary>Whether listing <paramref name="root"/> lists <paramref name="fullPath"/>, a path below it.</summary>
    private static bool IsListedIn(string root, string fullPath)
    {
        if (!IsSameOrInside(fullPath, root) || !Path.GetRelativePath(root, fullPath).Split(Path.DirectorySeparatorChar).All(f => IsListedFolder(f)))
        {
            return false;
        }

        // A folder is listed only when it is a link; then, as for a file, no folder on its way may be one.
        var listed = Directory.Exists(fullPath) ? LinkTarget(fullPath) is not null : IsTemplateName(Path.GetFileName(fullPath.AsSpan()));
        return listed && FirstLink(root, Path.GetDirectoryName(fullPath)!) is null;
    }

    /// <summary>A relative path that goes down from where it starts, or stays there: not up, not to another root.</summary>
    private static bool IsDownwards(string relative) =>
        !Path.IsPathRooted(relative) && relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>Whether a listed entry is a symbolic link: for a file or folder that is not one, this asks the file system.</summary>
    internal static bool IsLink(ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) != 0;

    private static bool IsListedFolder(ReadOnlySpan<char> name) => !name.StartsWith('.') && !name.SequenceEqual(SamplesFolder);

    private static bool IsTemplateName(ReadOnlySpan<char> name) =>
        !name.StartsWith('.')
        && !WholeFile.IsTemporary(name)
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
