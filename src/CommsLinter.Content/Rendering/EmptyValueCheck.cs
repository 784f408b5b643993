using System.Net;
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

        var optional = rendering.VariablesOf(document).Where(v => v.Optional && !v.Path.Contains("[]", StringComparison.Ordinal))
            .Select(v => v.Path).Distinct(StringComparer.Ordinal).Take(MaxFieldsPerTemplate);
        var isHtml = document.Format == ContentFormat.Html;
        var before = new HashSet<string>(Artifacts(rendered.Text, isHtml), StringComparer.Ordinal);
        foreach (var path in optional)
        {
            var emptied = rendering.Renderer.Render(document, rendered.Data, out var failure, emptied: path);
            if (failure is not null)
            {
                continue;
            }

            var after = Artifacts(emptied, isHtml);
            var fresh = after.FirstOrDefault(a => !before.Contains(a));
            if (fresh is null || FirstOutput(document, path) is not { } at)
            {
                continue;
            }

            findings.Add(EmptyValue.At(document, at,
                $"When '{path}' is empty, this reads “{fresh}”. Put the words and punctuation around it inside {{% if {path} %}}…{{% endif %}}, or give it a default."));
        }
    }

    /// <summary>Each suspicious spot of the visible text, with a little context, as text.</summary>
    private static List<string> Artifacts(RenderedText rendered, bool isHtml)
    {
        var found = new List<string>();
        foreach (var (text, markup) in new[] { (rendered.Subject, false), (rendered.Preheader, false), (rendered.Body, isHtml) })
        {
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            var visible = markup ? Whitespace().Replace(WebUtility.HtmlDecode(Tags().Replace(text, " ")), " ") : text;
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

    // A space before punctuation, a comma or colon followed by more punctuation, empty brackets.
    [GeneratedRegex(@"\p{L}\s+[,.;:!?](?!\d)|[,;:]\s*[,.;:!?]|\(\s*\)")]
    private static partial Regex HtmlArtifact();

    // The same, plus a doubled space inside a line (HTML collapses those; SMS, subjects and letters do not).
    [GeneratedRegex(@"\p{L}\s+[,.;:!?](?!\d)|[,;:]\s*[,.;:!?]|\(\s*\)|\S {2,}\S")]
    private static partial Regex TextArtifact();
}
