using CommsLinter.Content.Readers;
using CommsLinter.Model;

namespace CommsLinter.Content;

/// <summary>Reads the <c>_partials/</c> folder of the content into a <see cref="SnippetLibrary"/>.</summary>
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
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (IsSnippet(path))
            {
                string text;
                try
                {
                    text = File.ReadAllText(path);
                }
                catch (IOException)
                {
                    // The loader reports an unreadable snippet at its own file; here it simply includes nothing.
                    text = string.Empty;
                }

                snippets.Add(Read(folder, path, text, workingDirectory));
            }
        }

        return new SnippetLibrary(ContentDiscovery.DisplayPath(folder, workingDirectory), snippets);
    }

    /// <summary>Whether a file in the snippets folder is a snippet, by its extension.</summary>
    public static bool IsSnippet(string path) => Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    /// <summary>The snippet of the file <paramref name="path"/> in <paramref name="folder"/>, with this text.</summary>
    public static Snippet Read(string folder, string path, string text, string workingDirectory)
    {
        var extension = Path.GetExtension(path);
        var relative = Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/');
        return new Snippet(relative[..^extension.Length], ContentDiscovery.DisplayPath(path, workingDirectory), path, extension,
            [.. SnippetLibrary.IncludesIn(text).Select(i => i.Name)], text);
    }
}
