using System.Text.RegularExpressions;
using CommsLinter.Text;

namespace CommsLinter.Model;

/// <summary>
/// The shared snippets a template may include: every file under the content's <c>_partials/</c>
/// folder, by the name an include gives it (its path inside the folder without the extension, so
/// <c>_partials/legal-footer.pl.html</c> is <c>legal-footer.pl</c>), with the snippets each one
/// includes in turn.
/// </summary>
public sealed partial class SnippetLibrary
{
    /// <summary>Past this many snippets in one circle, a finding names the circle's size, not its whole chain.</summary>
    public const int ShownInCircle = 12;

    private readonly Dictionary<string, Snippet> _byName;
    private readonly Dictionary<string, Snippet> _byDisplayPath;
    private readonly Lazy<Dictionary<string, int>> _circles;
    private readonly Dictionary<int, int> _circleSizes = [];

    public SnippetLibrary(string folderDisplayPath, IEnumerable<Snippet> snippets)
    {
        FolderDisplayPath = folderDisplayPath;
        _byName = new Dictionary<string, Snippet>(StringComparer.Ordinal);
        _byDisplayPath = new Dictionary<string, Snippet>(StringComparer.Ordinal);
        foreach (var snippet in snippets)
        {
            if (_byName.TryAdd(snippet.Name, snippet))
            {
                _byDisplayPath[snippet.DisplayPath] = snippet;
            }
        }

        _circles = new(FindCircles);
    }

    /// <summary>The folder as findings show it, such as <c>content/_partials</c>.</summary>
    public string FolderDisplayPath { get; }

    public IReadOnlyCollection<Snippet> Snippets => _byName.Values;

    public IEnumerable<string> Names => _byName.Keys;

    /// <summary>The snippet whose file is shown as <paramref name="displayPath"/>.</summary>
    public Snippet? AtDisplayPath(string displayPath) => _byDisplayPath.GetValueOrDefault(displayPath);

    /// <summary>The snippet an include names, with or without its file extension.</summary>
    public Snippet? Resolve(string name) =>
        _byName.TryGetValue(name, out var snippet) ? snippet
        : _byName.TryGetValue(Path.ChangeExtension(name, null) ?? name, out snippet) && name.EndsWith(snippet.Extension, StringComparison.Ordinal) ? snippet
        : null;

    /// <summary>
    /// Whether snippets <paramref name="from"/> and <paramref name="target"/> (both named) include each other,
    /// directly or through others, and if so the chain from one back to the other, or an empty chain
    /// when the circle has more than <see cref="ShownInCircle"/> snippets; with the circle's size.
    /// </summary>
    /// <remarks>The circles are found once per library, in time linear in its includes, so a folder of snippets that all include each other costs no more than one that does not.</remarks>
    public (IReadOnlyList<string> Chain, int Size)? CircleBack(string from, string target)
    {
        var circles = _circles.Value;
        if (Resolve(from) is not { } start || Resolve(target) is not { } end
            || !circles.TryGetValue(start.Name, out var circle) || !circles.TryGetValue(end.Name, out var other) || circle != other)
        {
            return null;
        }

        var size = _circleSizes[circle];
        return (size <= ShownInCircle ? PathTo(start.Name, end.Name) ?? [] : [], size);
    }

    /// <summary>Each snippet that is part of a circle of includes, with the circle's number: strongly connected components, found without recursion.</summary>
    private Dictionary<string, int> FindCircles()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var circles = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var root in _byName.Keys.Order(StringComparer.Ordinal))
        {
            if (index.ContainsKey(root))
            {
                continue;
            }

            var work = new Stack<(string Name, int Next)>([(root, 0)]);
            index[root] = low[root] = index.Count;
            stack.Push(root);
            onStack.Add(root);
            while (work.TryPop(out var frame))
            {
                var includes = _byName[frame.Name].Includes;
                if (frame.Next < includes.Count)
                {
                    work.Push((frame.Name, frame.Next + 1));
                    if (Resolve(includes[frame.Next]) is not { } included)
                    {
                        continue;
                    }

                    if (!index.TryGetValue(included.Name, out var seen))
                    {
                        index[included.Name] = low[included.Name] = index.Count;
                        stack.Push(included.Name);
                        onStack.Add(included.Name);
                        work.Push((included.Name, 0));
                    }
                    else if (onStack.Contains(included.Name))
                    {
                        low[frame.Name] = Math.Min(low[frame.Name], seen);
                    }

                    continue;
                }

                if (work.TryPeek(out var parent))
                {
                    low[parent.Name] = Math.Min(low[parent.Name], low[frame.Name]);
                }

                if (low[frame.Name] != index[frame.Name])
                {
                    continue;
                }

                var members = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    members.Add(member);
                }
                while (member != frame.Name);

                // One snippet is a circle only when it includes itself.
                if (members.Count > 1 || _byName[frame.Name].Includes.Any(name => Resolve(name)?.Name == frame.Name))
                {
                    var number = _circleSizes.Count;
                    _circleSizes[number] = members.Count;
                    foreach (var name in members)
                    {
                        circles[name] = number;
                    }
                }
            }
        }

        return circles;
    }

    /// <summary>The chain of includes from snippet <paramref name="from"/> to snippet <paramref name="target"/> (both named), or null when there is none.</summary>
    /// <remarks>Depth first, with a stack of its own: a chain of includes is as long as the folder holds snippets.</remarks>
    public IReadOnlyList<string>? PathTo(string from, string target)
    {
        if (Resolve(from) is not { } start)
        {
            return null;
        }

        var visited = new HashSet<string>(StringComparer.Ordinal) { start.Name };
        var path = new List<(Snippet Snippet, int Next)> { (start, 0) };
        while (path.Count > 0)
        {
            var (snippet, next) = path[^1];
            if (snippet.Name == target)
            {
                return [.. path.Select(p => p.Snippet.Name)];
            }

            if (next == snippet.Includes.Count)
            {
                path.RemoveAt(path.Count - 1);
                continue;
            }

            path[^1] = (snippet, next + 1);
            if (Resolve(snippet.Includes[next]) is { } included && visited.Add(included.Name))
            {
                path.Add((included, 0));
            }
        }

        return null;
    }

    /// <summary>The literal names of the includes in a piece of Liquid code: <c>{% include 'name' %}</c> or <c>{% render "name" %}</c>.</summary>
    public static IEnumerable<(string Name, int Offset, int Length)> IncludesIn(string code)
    {
        foreach (Match match in IncludePattern().Matches(code))
        {
            var name = match.Groups["name"];
            yield return (name.Value, name.Index, name.Length);
        }
    }

    /// <summary>The literal include names of a document, each with the source range of the name.</summary>
    public static IEnumerable<(string Name, TextRange Range)> IncludesOf(Document document)
    {
        foreach (var placeholder in document.Placeholders)
        {
            if (placeholder.Kind != PlaceholderKind.Tag
                || (!placeholder.Code.Span.Contains("include", StringComparison.Ordinal) && !placeholder.Code.Span.Contains("render", StringComparison.Ordinal)))
            {
                continue;
            }

            foreach (var (name, offset, length) in IncludesIn(placeholder.Code.ToString()))
            {
                var start = placeholder.Range.Start + offset;
                yield return (name, new TextRange(start, start + Math.Max(1, length)));
            }
        }
    }

    [GeneratedRegex(@"\{%-?\s*(?:include|render)\s+(?<quote>['""])(?<name>[^'""\r\n]*)\k<quote>", RegexOptions.CultureInvariant)]
    private static partial Regex IncludePattern();
}

/// <summary>
/// One shared snippet: its include name, its file (as shown and on disk), the names it includes, and
/// its text as the library read it, which is what a rendering includes (an editor's unsaved text, in a
/// live workspace).
/// </summary>
public sealed record Snippet(string Name, string DisplayPath, string FullPath, string Extension, IReadOnlyList<string> Includes, string Text);
