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
            var extension = Path.GetExtension(path);
            if (!Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            var relative = Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/');
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

            snippets.Add(new Snippet(relative[..^extension.Length], ContentDiscovery.DisplayPath(path, workingDirectory), path, extension,
                [.. SnippetLibrary.IncludesIn(text).Select(i => i.Name)]));
        }

        return new SnippetLibrary(ContentDiscovery.DisplayPath(folder, workingDirectory), snippets);
    }
}
