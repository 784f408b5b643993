using System.Collections.Concurrent;
using System.Text.Json;
using CommsLinter.Catalog;
using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Text;

namespace CommsLinter.Content.Samples;

/// <summary>
/// The sample data of a content folder: which sample a template uses (its front matter's
/// <c>sample:</c>, else its touchpoint's), and each sample file read once per run. Thread-safe.
/// </summary>
public sealed class SampleStore(string contentFolder, Func<string, string> displayPath)
{
    private readonly ConcurrentDictionary<string, Lazy<SampleFile>> _files = new(StringComparer.Ordinal);

    public string FolderDisplayPath => displayPath(contentFolder);

    /// <summary>The sample a template names, with the front matter range to report at; null when it has none.</summary>
    public static (string Name, TextRange Range)? NameOf(Document document, JourneyCatalog? catalog)
    {
        var field = document.FrontMatter.Get(FrontMatterKeys.Sample);
        var name = field?.Value ?? (document.Touchpoint is { } id ? catalog?.FindTouchpoint(id)?.Sample : null);
        return string.IsNullOrWhiteSpace(name) ? null : (name, field?.ValueRange ?? default);
    }

    /// <summary>Whether a sample name leaves the content folder, or is no file name at all; such a file is never read.</summary>
    public bool IsOutside(string name) =>
        name.Contains('\0', StringComparison.Ordinal) || !ContentDiscovery.IsSameOrInside(Path.GetFullPath(name, contentFolder), contentFolder);

    /// <summary>The sample file a template uses, or null when it names none or one outside the content folder.</summary>
    public (string Name, SampleFile File)? For(Document document, JourneyCatalog? catalog) =>
        NameOf(document, catalog) is { } named && !IsOutside(named.Name) ? (named.Name, Load(named.Name)) : null;

    /// <summary>The sample file <paramref name="name"/> (inside the content folder), read once; not read when it is, or lies in, a symbolic link.</summary>
    public SampleFile Load(string name)
    {
        var full = Path.GetFullPath(name, contentFolder);
        return _files.GetOrAdd(full, path => new Lazy<SampleFile>(() => ContentDiscovery.FirstLink(contentFolder, path) is { } link
            ? SampleFile.ThroughLink(displayPath(path), displayPath(link), ContentDiscovery.LinkTarget(link)!)
            : SampleFile.Load(path, displayPath(path)))).Value;
    }
}

/// <summary>One sample file: its data, the paths of its data ("order.items[].name"), or why it cannot be used.</summary>
public sealed class SampleFile
{
    private static readonly string[] CollectionMembers = ["size", "first", "last"];

    private SampleFile(string displayPath, HashSet<string> paths, Finding? problem, bool isMissing = false, JsonElement? data = null, (string Path, string Target)? link = null)
    {
        Data = data;
        DisplayPath = displayPath;
        Paths = paths;
        Problem = problem;
        IsMissing = isMissing;
        Link = link;
    }

    public bool IsMissing { get; }

    /// <summary>The symbolic link the sample would be read through (the file, or a folder on its way), as shown and where it leads; the sample is then not read.</summary>
    public (string Path, string Target)? Link { get; }

    /// <summary>The sample's data, for rendering; null when it could not be read.</summary>
    public JsonElement? Data { get; }

    public string DisplayPath { get; }

    public HashSet<string> Paths { get; }

    /// <summary>A finding about the file itself (missing or invalid).</summary>
    public Finding? Problem { get; }

    public bool Has(string path)
    {
        if (Paths.Contains(path))
        {
            return true;
        }

        // Liquid's own members of lists and text: items.size, items.first.name.
        var dot = path.LastIndexOf('.');
        if (dot > 0 && CollectionMembers.Contains(path[(dot + 1)..]) && Paths.Contains(path[..dot]))
        {
            return true;
        }

        foreach (var member in new[] { ".first", ".last" })
        {
            var at = path.IndexOf(member, StringComparison.Ordinal);
            if (at > 0 && (at + member.Length == path.Length || path[at + member.Length] == '.'))
            {
                return Has(string.Concat(path.AsSpan(0, at), "[]", path.AsSpan(at + member.Length)));
            }
        }

        return false;
    }

    /// <summary>The path with its first unknown member replaced by the nearest member the sample has there.</summary>
    public string? Nearest(string path)
    {
        var segments = path.Split('.');
        var known = 0;
        while (known < segments.Length && Paths.Contains(string.Join('.', segments[..(known + 1)])))
        {
            known++;
        }

        if (known == segments.Length)
        {
            return null;
        }

        var parent = known == 0 ? string.Empty : string.Join('.', segments[..known]) + ".";
        var siblings = Paths.Where(p => p.StartsWith(parent, StringComparison.Ordinal) && p.IndexOf('.', parent.Length) < 0).Select(p => p[parent.Length..]);
        return Suggestions.Nearest(segments[known], siblings) is { } match
            ? parent + string.Join('.', new[] { match }.Concat(segments[(known + 1)..]))
            : null;
    }

    /// <summary>A sample that is not read, since it is reached through the symbolic link <paramref name="linkDisplayPath"/>.</summary>
    public static SampleFile ThroughLink(string displayPath, string linkDisplayPath, string target) =>
        new(displayPath, [], null, link: (linkDisplayPath, target));

    public static SampleFile Load(string path, string displayPath)
    {
        if (!File.Exists(path))
        {
            return new SampleFile(displayPath, [], null, isMissing: true);
        }

        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { MaxDepth = 64, CommentHandling = JsonCommentHandling.Skip });
            var paths = new HashSet<string>(StringComparer.Ordinal);
            Collect(json.RootElement, string.Empty, paths);
            return new SampleFile(displayPath, paths, null, data: json.RootElement.Clone());
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = (int)(ex.BytePositionInLine ?? 0) + 1;
            var position = new LinePosition(line, column);
            return new SampleFile(displayPath, [], SampleCheck.Invalid.At(displayPath, new Location(position, position),
                $"This sample is not valid JSON: {ex.Message.Split(" LineNumber:", StringSplitOptions.None)[0].Replace(" Change the reader options.", string.Empty, StringComparison.Ordinal)} Templates that use it are not checked against it."));
        }
        catch (IOException ex)
        {
            return new SampleFile(displayPath, [], SampleCheck.Invalid.At(displayPath, Location.FileStart, $"This sample cannot be read: {ex.Message}"));
        }
    }

    private static void Collect(JsonElement element, string prefix, HashSet<string> paths)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var path = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
                    paths.Add(path);
                    Collect(property.Value, path, paths);
                }

                break;
            case JsonValueKind.Array:
                paths.Add(prefix + "[]");
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, prefix + "[]", paths);
                }

                break;
        }
    }
}
