using System.Text.Json;
using System.Text.RegularExpressions;
using CommsLinter.Content;
using CommsLinter.Content.Liquid;
using CommsLinter.Model;
using CommsLinter.Pipeline;
using CommsLinter.StyleGuides.Compilation;
using CommsLinter.Text;

namespace CommsLinter.LanguageServer;

/// <summary>
/// What the editor offers besides findings: in a template, the sample's value of a placeholder on
/// hover, completion of the sample's variables inside <c>{{ }}</c> and <c>{% %}</c>, and of the
/// catalog's touchpoints, channels and locales in front matter; in a style guide, completion of the
/// DSL's words, the facts and the catalog's names, hover on a rule id, and going to the guide an
/// <c>extends</c> names or to a fact.
/// </summary>
internal static partial class Assistance
{
    private const int Field = 5;
    private const int Keyword = 14;
    private const int Value = 12;
    private const int Constant = 21;

    /// <summary>The words of the DSL besides the rule kinds, scopes and condition fields, which come from the compiler.</summary>
    private static readonly string[] DslWords =
    [
        .. StyleCompiler.BlockKeywords, "extends", "when", "in", "review", "and", "or", "not", "accept", "reject", "over", "inflected", "with", "near",
        "max", "min", "per", "template", "message", "sentence", "phrase", "pattern", "link", "fact", "placeholder", "formal", "informal",
        "ignore", "names", "https", "domains", "alt", "required", "segments", "error", "warning", "suggestion",
    ];

    public static bool IsGuide(string path) => path.EndsWith(".style", StringComparison.OrdinalIgnoreCase);

    /// <summary>Completion items at <paramref name="offset"/> of a template or a guide.</summary>
    public static IReadOnlyList<CompletionItem> Complete(ProjectFolder folder, string path, string text, int offset)
    {
        if (IsGuide(path))
        {
            return GuideWords(folder);
        }

        var line = LineAround(text, offset);
        if (InFrontMatter(text, offset) && FrontMatterField().Match(line.Before) is { Success: true } field)
        {
            var catalog = folder.Workspace.Configuration.Catalog;
            IEnumerable<string> values = field.Groups[1].Value switch
            {
                "touchpoint" => catalog?.Touchpoints.Select(t => t.Id) ?? [],
                "channel" => catalog?.Channels.Select(c => c.Id) ?? [],
                _ => catalog?.Locales ?? [],
            };
            return [.. values.Select(v => new CompletionItem(v, Value) { Detail = $"{field.Groups[1].Value} in the catalog" })];
        }

        if (OpenLiquid(text, offset) is not { } typed || Document(folder, path, text) is not { } document || SampleOf(folder, document) is not { } sample)
        {
            return [];
        }

        var dot = typed.LastIndexOf('.');
        var parent = dot < 0 ? sample.Data : Resolve(sample.Data, typed[..dot]);
        if (parent is not { ValueKind: JsonValueKind.Object } members)
        {
            return [];
        }

        return [.. members.EnumerateObject().Select(p => new CompletionItem(p.Name, Field) { Detail = $"{Preview(p.Value)} in {sample.Name}" })];
    }

    /// <summary>The sample's value of the variable under the cursor, or the description of the rule whose id is under it in a guide.</summary>
    public static string? Hover(ProjectFolder folder, string path, string text, int offset)
    {
        if (IsGuide(path))
        {
            return WordAt(text, offset) is { } word && folder.RuleOf(word) is { } rule
                ? $"**{rule.Id}** ({rule.Header.Descriptor.DefaultSeverity.ToString().ToLowerInvariant()}): {rule.Describe()}\n\nMessage: {rule.Header.Message}\n\n" +
                  $"{folder.Workspace.Findings.Count(f => f.RuleId == rule.Id)} findings in the workspace now."
                : null;
        }

        if (Document(folder, path, text) is not { } document || SampleOf(folder, document) is not { } sample)
        {
            return null;
        }

        var read = LiquidVariables.Collect(document).FirstOrDefault(r => r.Range.Start <= offset && offset <= r.Range.End);
        if (read.Path is null)
        {
            return null;
        }

        return Resolve(sample.Data, read.Path) is { } value
            ? $"`{read.Path}` is `{Preview(value)}` in the sample {sample.Name}."
            : $"`{read.Path}` is not in the sample {sample.Name}: rendered with it, it prints nothing.";
    }

    /// <summary>In a guide: the guide an <c>extends</c> names, or the definition of a fact, under the cursor.</summary>
    public static LspLocation? Definition(ProjectFolder folder, string text, int offset, Func<string, string?> textOf, Func<string, string> uriOf)
    {
        if (WordAt(text, offset) is not { } word || folder.Workspace.Where.StyleFolder is not { } styleFolder || !Directory.Exists(styleFolder))
        {
            return null;
        }

        var guides = Directory.EnumerateFiles(styleFolder, "*.style", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var header = new Regex($"^\\s*styleguide\\s+\"{Regex.Escape(word)}\"", RegexOptions.Multiline);
        var fact = new Regex($"^\\s*{Regex.Escape(word)}\\s*=", RegexOptions.Multiline);
        foreach (var pattern in new[] { header, fact })
        {
            foreach (var guide in guides)
            {
                var source = textOf(guide) ?? File.ReadAllText(guide);
                if (pattern.Match(source) is { Success: true } match)
                {
                    var lines = LineIndex.Build(source);
                    var start = lines.GetPosition(match.Index + match.Length - match.Value.TrimStart().Length);
                    var position = new Position(start.Line - 1, start.Column - 1);
                    return new LspLocation(uriOf(guide), new Range(position, position));
                }
            }
        }

        return null;
    }

    private static List<CompletionItem> GuideWords(ProjectFolder folder)
    {
        var configuration = folder.Workspace.Configuration;
        var catalog = configuration.Catalog;
        var items = new List<CompletionItem>();
        items.AddRange(DslWords.Distinct(StringComparer.Ordinal).Select(w => new CompletionItem(w, Keyword)));
        items.AddRange(Engine.RuleRegistry.Kinds.Select(k => new CompletionItem(k.Name, Keyword) { Detail = k.Summary }));
        items.AddRange(StyleCompiler.ScopeKeywords.Select(s => new CompletionItem(s, Keyword) { Detail = "scope" }));
        items.AddRange(StyleCompiler.ConditionFieldNames.Select(f => new CompletionItem(f, Keyword) { Detail = "condition field" }));
        items.AddRange(configuration.Style.Facts.Values.Select(f => new CompletionItem(f.Name, Constant) { Detail = $"fact: {f.Value}" }));
        if (catalog is not null)
        {
            items.AddRange(catalog.Touchpoints.Select(t => new CompletionItem(t.Id, Value) { Detail = "touchpoint" }));
            items.AddRange(catalog.Channels.Select(c => new CompletionItem(c.Id, Value) { Detail = "channel" }));
            items.AddRange(catalog.Stages.Select(s => new CompletionItem(s.Id, Value) { Detail = "stage" }));
            items.AddRange(catalog.Locales.Select(l => new CompletionItem(l, Value) { Detail = "locale" }));
        }

        return [.. items.DistinctBy(i => i.Label, StringComparer.Ordinal)];
    }

    private static Document? Document(ProjectFolder folder, string path, string text) =>
        new DocumentLoader().LoadText(text, folder.DisplayPathOf(path), DocumentKind.Template, Path.GetExtension(path)).Document;

    private static (string Name, JsonElement Data)? SampleOf(ProjectFolder folder, Document document)
    {
        var configuration = folder.Workspace.Configuration;
        return configuration.Rendering?.Samples.For(document, configuration.Catalog) is { File.Data: { } data } sample ? (sample.Name, data) : null;
    }

    /// <summary>A member chain (<c>order.items[].name</c>) in sample data; an element of a list stands for its first element.</summary>
    private static JsonElement? Resolve(JsonElement data, string path)
    {
        var current = data;
        foreach (var part in path.Split('.'))
        {
            var name = part.EndsWith("[]", StringComparison.Ordinal) ? part[..^2] : part;
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }

            if (part.EndsWith("[]", StringComparison.Ordinal))
            {
                if (current.ValueKind != JsonValueKind.Array || current.GetArrayLength() == 0)
                {
                    return null;
                }

                current = current[0];
            }
        }

        return current;
    }

    private static string Preview(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "{…}",
        JsonValueKind.Array => $"[{value.GetArrayLength()} items]",
        JsonValueKind.String => $"\"{value.GetString()}\"",
        _ => value.GetRawText(),
    };

    /// <summary>The member chain typed so far after an unclosed <c>{{</c> or <c>{%</c> on the cursor's line, or null outside Liquid.</summary>
    private static string? OpenLiquid(string text, int offset)
    {
        var before = LineAround(text, offset).Before;
        var open = Math.Max(before.LastIndexOf("{{", StringComparison.Ordinal), before.LastIndexOf("{%", StringComparison.Ordinal));
        if (open < 0 || before.IndexOf("}}", open, StringComparison.Ordinal) >= 0 || before.IndexOf("%}", open, StringComparison.Ordinal) >= 0)
        {
            return null;
        }

        return TypedChain().Match(before[(open + 2)..]).Value;
    }

    private static (string Before, string Line) LineAround(string text, int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        var start = offset == 0 ? 0 : text.LastIndexOf('\n', offset - 1) + 1;
        var end = text.IndexOf('\n', offset) is var next and >= 0 ? next : text.Length;
        return (text[start..offset], text[start..end]);
    }

    private static bool InFrontMatter(string text, int offset)
    {
        if (!text.StartsWith("---", StringComparison.Ordinal))
        {
            return false;
        }

        var close = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        return close < 0 || offset <= close;
    }

    private static string? WordAt(string text, int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        var start = offset;
        while (start > 0 && IsWordChar(text[start - 1]))
        {
            start--;
        }

        var end = offset;
        while (end < text.Length && IsWordChar(text[end]))
        {
            end++;
        }

        return end > start ? text[start..end] : null;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '.' or '_' or '-';

    [GeneratedRegex(@"^\s*(touchpoint|channel|locale)\s*:\s*[\w-]*$")]
    private static partial Regex FrontMatterField();

    [GeneratedRegex(@"[\w.\[\]]*$")]
    private static partial Regex TypedChain();
}
