using System.Collections.Concurrent;
using System.Text.Json;
using CommsLinter.Content.Liquid;
using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Pipeline;
using CommsLinter.Text;

namespace CommsLinter.Content.Samples;

/// <summary>
/// Every piece of data a template reads must exist in its sample: the JSON named by the template's
/// front matter (<c>sample: samples/order.json</c>) or, by default, by its touchpoint in the catalog.
/// A misspelt member (<c>customer.frist_name</c>) renders as nothing for every customer, so it is
/// reported at the template's expression with the nearest name the sample has. Samples live inside the
/// content folder; each is read once per run. Docs: docs/rules/sample.*.md.
/// </summary>
public sealed class SampleCheck(string contentFolder, Func<string, string> displayPath) : IDocumentCheck
{
    public static readonly RuleDescriptor UnknownVariable = new("sample.unknown-variable", "A template reads data its sample does not have", Severity.Warning);
    public static readonly RuleDescriptor Missing = new("sample.missing", "A template's sample file does not exist or is outside the content folder", Severity.Error);
    public static readonly RuleDescriptor Invalid = new("sample.invalid", "A sample is not valid JSON", Severity.Error);

    public static IReadOnlyList<RuleDescriptor> Descriptors { get; } = [UnknownVariable, Missing, Invalid];

    private readonly ConcurrentDictionary<string, Lazy<Sample>> _samples = new(StringComparer.Ordinal);

    public IReadOnlyList<RuleDescriptor> Rules => Descriptors;

    public void Check(Document document, CheckContext context, ICollection<Finding> findings)
    {
        if (document.Kind != DocumentKind.Template)
        {
            return;
        }

        var field = document.FrontMatter.Get(FrontMatterKeys.Sample);
        var name = field?.Value ?? (document.Touchpoint is { } id ? context.Catalog?.FindTouchpoint(id)?.Sample : null);
        if (string.IsNullOrWhiteSpace(name))
        {
            return;
        }

        var at = field?.ValueRange ?? default;
        var full = Path.GetFullPath(name, contentFolder);
        var relative = Path.GetRelativePath(contentFolder, full);
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            findings.Add(Missing.At(document, at, $"The sample '{name}' is outside the content folder ({displayPath(contentFolder)}/). Samples are named relative to it, such as 'samples/order.json'."));
            return;
        }

        var sample = _samples.GetOrAdd(full, path => new Lazy<Sample>(() => Sample.Load(path, displayPath(path)))).Value;
        if (sample.IsMissing)
        {
            findings.Add(Missing.At(document, at, $"The sample '{name}' does not exist in {displayPath(contentFolder)}/. Create it or name an existing one."));
            return;
        }

        if (sample.Problem is { } problem)
        {
            // Reported once, at the sample file, whichever template reads it first.
            if (sample.ClaimReport())
            {
                findings.Add(problem);
            }

            return;
        }

        foreach (var (path, range, optional) in LiquidVariables.Collect(document.Source.Text))
        {
            if (sample.Has(path))
            {
                continue;
            }

            // A field the template tests or defaults may be absent by design, unless it looks like a typo of one that exists.
            var meant = sample.Nearest(path);
            if (optional && meant is null)
            {
                continue;
            }

            findings.Add(UnknownVariable.At(document, range,
                $"The sample {sample.DisplayPath} has no '{path}', so this renders as nothing{(optional ? " where the template expects it" : string.Empty)}.{(meant is null ? string.Empty : $" Did you mean '{meant}'?")} Correct the name or add it to the sample."));
        }
    }

    /// <summary>One sample file: the paths of its data ("order.items[].name"), or why it cannot be used.</summary>
    private sealed class Sample
    {
        private static readonly string[] CollectionMembers = ["size", "first", "last"];
        private int _reported;

        private Sample(string displayPath, HashSet<string> paths, Finding? problem, bool isMissing = false)
        {
            DisplayPath = displayPath;
            Paths = paths;
            Problem = problem;
            IsMissing = isMissing;
        }

        public bool IsMissing { get; }

        public string DisplayPath { get; }

        public HashSet<string> Paths { get; }

        /// <summary>A finding about the file itself (missing or invalid), reported once per run.</summary>
        public Finding? Problem { get; }

        public bool ClaimReport() => Interlocked.Exchange(ref _reported, 1) == 0;

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

        public static Sample Load(string path, string displayPath)
        {
            if (!File.Exists(path))
            {
                return new Sample(displayPath, [], null, isMissing: true);
            }

            try
            {
                using var json = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { MaxDepth = 64, CommentHandling = JsonCommentHandling.Skip });
                var paths = new HashSet<string>(StringComparer.Ordinal);
                Collect(json.RootElement, string.Empty, paths);
                return new Sample(displayPath, paths, null);
            }
            catch (JsonException ex)
            {
                var line = (int)(ex.LineNumber ?? 0) + 1;
                var column = (int)(ex.BytePositionInLine ?? 0) + 1;
                var position = new LinePosition(line, column);
                return new Sample(displayPath, [], Invalid.At(displayPath, new Location(position, position),
                    $"This sample is not valid JSON: {ex.Message.Split(" LineNumber:", StringSplitOptions.None)[0].Replace(" Change the reader options.", string.Empty, StringComparison.Ordinal)} Templates that use it are not checked against it."));
            }
            catch (IOException ex)
            {
                return new Sample(displayPath, [], Invalid.At(displayPath, Location.FileStart, $"This sample cannot be read: {ex.Message}"));
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
}
