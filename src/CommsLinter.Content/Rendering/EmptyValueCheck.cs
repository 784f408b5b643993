using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Pipeline;
using CommsLinter.Text;

namespace CommsLinter.Content.Rendering;

/// <summary>
/// A value that may be missing must not leave a hole in the text. For each field the template itself
/// treats as optional (it tests it in an <c>if</c> somewhere, or gives it a <c>default</c>), the template
/// is rendered again with that field empty; a space before punctuation, a dangling comma, empty
/// brackets or (outside HTML) a doubled space that only appears then is reported at the field's first
/// output. Docs: docs/rules/render.empty-value.md.
/// </summary>
public sealed partial class EmptyValueCheck(SampleRendering rendering) : IDocumentCheck, IBuiltinCheck
{
    public static readonly RuleDescriptor EmptyValue = new("render.empty-value", "An optional value left empty breaks the text around it", Severity.Warning);

    private const int MaxFieldsPerTemplate = 12;

    public static IReadOnlyList<RuleDescriptor> Descriptors { get; } = [EmptyValue];

    public IReadOnlyList<RuleDescriptor> Rules => Descriptors;

    public void Check(Document document, CheckContext context, ICollection<Finding> findings)
    {
        if (rendering.Result(document, context) is not { Failure: null } rendered)
        {
            return;
        }

        var variables = rendering.VariablesOf(document).Where(v => !v.Path.Contains("[]", StringComparison.Ordinal)).ToList();
        var isHtml = document.Format == ContentFormat.Html;
        var isMarkdown = document.Format == ContentFormat.Markdown;
        var before = Artifacts(rendered.Text, isHtml, isMarkdown);
        var seen = new HashSet<string>(before, StringComparer.Ordinal);
        foreach (var path in variables.Where(v => v.Optional).Select(v => v.Path).Distinct(StringComparer.Ordinal).Take(MaxFieldsPerTemplate))
        {
            var emptied = rendering.Renderer.Render(document, rendered.Data, out var failure, emptied: path);
            if (failure is not null)
            {
                continue;
            }

            var fresh = Artifacts(emptied, isHtml, isMarkdown).FirstOrDefault(a => !seen.Contains(a));
            if (fresh is not null && FirstOutput(document, path) is { } at)
            {
                findings.Add(EmptyValue.At(document, at,
                    $"When '{path}' is empty, this reads “{fresh}”. Put the words and punctuation around it inside {{% if {path} %}}…{{% endif %}}, or give it a default."));
            }
        }

        if (before.Count == 0)
        {
            return;
        }

        // A value the sample itself leaves empty: the spot it breaks is already in the sample's rendering, and goes when the value is there.
        foreach (var path in variables.Select(v => v.Path).Distinct(StringComparer.Ordinal).Where(p => IsEmptyText(rendered.Data, p)).Take(MaxFieldsPerTemplate))
        {
            var filled = rendering.Renderer.Render(document, rendered.Data, out var failure, emptied: path, value: StandIn);
            if (failure is not null)
            {
                continue;
            }

            // The value's own spot goes when it is filled; others near it change their text but not their number.
            var after = Artifacts(filled, isHtml, isMarkdown);
            var broken = after.Count < before.Count ? before.FirstOrDefault(a => !after.Contains(a)) : null;
            if (broken is not null && FirstOutput(document, path) is { } at)
            {
                findings.Add(EmptyValue.At(document, at,
                    $"The sample leaves '{path}' empty, and this reads “{broken}”. If it can be empty when sent, put the words and punctuation around it inside {{% if {path} != \"\" %}}…{{% endif %}}; if not, give the sample a value."));
            }
        }
    }

    /// <summary>What a value the sample leaves empty is rendered as, to see which spots it breaks.</summary>
    private const string StandIn = "Xq";

    private static bool IsEmptyText(JsonElement data, string path)
    {
        var current = data;
        foreach (var name in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return false;
            }
        }

        return current.ValueKind == JsonValueKind.String && current.GetString()!.Trim().Length == 0;
    }

    /// <summary>Each suspicious spot of the visible text, with a little context, as text.</summary>
    private static List<string> Artifacts(RenderedText rendered, bool isHtml, bool isMarkdown)
    {
        var found = new List<string>();
        foreach (var (text, markup) in new[] { (rendered.Subject, false), (rendered.Preheader, false), (rendered.Body, isHtml) })
        {
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            // A Markdown table's pipes are its syntax, not separators a value left dangling.
            var visible = markup ? Whitespace().Replace(WebUtility.HtmlDecode(Tags().Replace(text, " ")), " ")
                : isMarkdown ? TableRows().Replace(text, string.Empty) : text;
            foreach (Match match in (markup ? HtmlArtifact() : TextArtifact()).Matches(visible))
            {
                var start = Math.Max(0, match.Index - 20);
                var end = Math.Min(visible.Length, match.Index + match.Length + 20);
                found.Add(visible[start..end].Replace('\n', ' ').Trim());
            }
        }

        return found;
    }

    private static TextRange? FirstOutput(Document document, string path)
    {
        foreach (var placeholder in document.Placeholders)
        {
            if (placeholder.Kind == PlaceholderKind.Output && placeholder.Code.Span.Contains(path, StringComparison.Ordinal))
            {
                return placeholder.Range;
            }
        }

        return null;
    }

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^[ \t]*\|.*$", RegexOptions.Multiline)]
    private static partial Regex TableRows();

    // A space before punctuation, a comma or colon followed by more punctuation, empty brackets, and a
    // separator left dangling: two in a row ("Nr 12 | | Warszawa"), one before punctuation or the end
    // ("Warszawa / ."), one right after an opening bracket or at the start ("( - 14 dni)").
    [GeneratedRegex(@"\p{L}\s+[,.;:!?](?!\d)|[,;:]\s*[,.;:!?]|\(\s*\)|[/|·•]\s*[/|·•]|\s[/|·•–-]\s*(?:[,.;:!?)]|$)|(?:^|\()\s*[/|·•–-]\s")]
    private static partial Regex HtmlArtifact();

    // The same, line by line, plus a doubled space inside a line (HTML collapses those; SMS, subjects and letters do not).
    [GeneratedRegex(@"\p{L}\s+[,.;:!?](?!\d)|[,;:]\s*[,.;:!?]|\(\s*\)|[/|·•]\s*[/|·•]|\s[/|·•–-]\s*(?:[,.;:!?)]|$)|(?:^|\()\s*[/|·•–-]\s|\S {2,}\S", RegexOptions.Multiline)]
    private static partial Regex TextArtifact();
}
