using System.IO.Enumeration;
using CommsLinter.Content.Readers;
using CommsLinter.Model;

namespace CommsLinter.Content;

/// <summary>
/// Reads the <c>_partials/</c> folder of the content into a <see cref="SnippetLibrary"/>. Nothing is read through a
/// symbolic link: a snippet that is one (or lies in a folder that is one) includes nothing, and discovery lists the link,
/// so the loader reports it at its own path (docs/rules/content.link.md).
/// </summary>
public static class SnippetLibraryReader
{
    // Besides the templates' own formats, a snippet may be bare Liquid.
    private static readonly string[] Extensions = [.. ContentReaders.Extensions, ".liquid"];

    /// <summary>The snippets under <paramref name="folder"/>, or null when it does not exist.</summary>
    public static SnippetLibrary? Load(string folder, string workingDirectory)
    {
        if (!Directory.Exists(folder))
        {
            return null;
        }

        var snippets = new List<Snippet>();
        if (ContentDiscovery.LinkTarget(folder) is null)
        {
            // The snippets folder holds a few files: asking each whether it is a link costs little.
            var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 };
            var entries = new FileSystemEnumerable<(string Path, bool IsLink)>(folder, (ref entry) => (entry.ToFullPath(), ContentDiscovery.IsLink(ref entry)), options)
            {
                ShouldRecursePredicate = (ref entry) => !ContentDiscovery.IsLink(ref entry),
                ShouldIncludePredicate = (ref entry) => !entry.IsDirectory && IsSnippet(new string(entry.FileName)),
            };
            foreach (var (path, isLink) in entries.OrderBy(e => e.Path, StringComparer.Ordinal))
            {
                // The loader reports an unreadable snippet, or one that is a link, at its own file; here it simply includes nothing.
                snippets.Add(ReadSnippet(folder, path, isLink ? string.Empty : ReadText(path), workingDirectory));
            }
        }

        return new SnippetLibrary(ContentDiscovery.DisplayPath(folder, workingDirectory), snippets);
    }

    /// <summary>Whether a file in the snippets folder is a snippet, by its extension.</summary>
    public static bool IsSnippet(string path) => Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The snippet of the file <paramref name="path"/> in <paramref name="folder"/>, with this text; with none when the
    /// file, the folder or one between them is a symbolic link, whoever read the text.
    /// </summary>
    public static Snippet Read(string folder, string path, string text, string workingDirectory) =>
        ReadSnippet(folder, path, ContentDiscovery.FirstLink(Path.GetDirectoryName(folder)!, path) is null ? text : string.Empty, workingDirectory);

    private static Snippet ReadSnippet(string folder, string path, string text, string workingDirectory)
    {
        var extension = Path.GetExtension(path);
        var relative = Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/');
        return new Snippet(relative[..^extension.Length], ContentDiscovery.DisplayPath(path, workingDirectory), path, extension,
            [.. SnippetLibrary.IncludesIn(text).Select(i => i.Name)], text);
    }

    private static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }
}
