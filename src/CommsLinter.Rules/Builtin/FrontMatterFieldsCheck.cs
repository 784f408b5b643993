using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Pipeline;
using CommsLinter.Text;

namespace CommsLinter.Rules.Builtin;

/// <summary>
/// Every template names its touchpoint, channel and locale; e-mails also give a subject and a
/// preheader, in the front matter or as the HTML's hidden preheader; when both give one, they say the
/// same. Unknown keys are reported as likely typos.
/// </summary>
public sealed class FrontMatterFieldsCheck : IDocumentCheck, IBuiltinCheck
{
    public static readonly RuleDescriptor MissingField = new("frontmatter.missing-field", "Required front-matter field is missing", Severity.Error);
    public static readonly RuleDescriptor UnknownField = new("frontmatter.unknown-field", "Unknown front-matter field", Severity.Warning);
    public static readonly RuleDescriptor PreheaderMismatch = new("frontmatter.preheader-mismatch", "The front matter's preheader and the HTML's differ", Severity.Warning);

    private static readonly string[] Required = [FrontMatterKeys.Touchpoint, FrontMatterKeys.Channel, FrontMatterKeys.Locale];
    private static readonly string[] RequiredForEmail = [FrontMatterKeys.Subject, FrontMatterKeys.Preheader];

    public static IReadOnlyList<RuleDescriptor> Descriptors { get; } = [MissingField, UnknownField, PreheaderMismatch];

    /// <summary>
    /// The text as an inbox shows it: without the invisible characters that pad a hidden preheader (zero-width
    /// non-joiners and joiners, soft hyphens, the combining grapheme joiner) and with each run of white space one space.
    /// </summary>
    private static string Visible(string text)
    {
        var shown = new System.Text.StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (c == '\u034F' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                space = shown.Length > 0;
                continue;
            }

            shown.Append(space ? " " : string.Empty).Append(c);
            space = false;
        }

        return shown.ToString();
    }

    public IReadOnlyList<RuleDescriptor> Rules => Descriptors;

    public void Check(Document document, CheckContext context, ICollection<Finding> findings)
    {
        var frontMatter = document.FrontMatter;
        if (document.Kind != DocumentKind.Template || !frontMatter.IsPresent)
        {
            return;
        }

        var at = new TextRange(0, 3);
        var required = document.Channel == "email" ? Required.Concat(RequiredForEmail) : Required;
        var inBody = HtmlPreheader(document);
        foreach (var key in required)
        {
            if (frontMatter.GetText(key) is null && !(key == FrontMatterKeys.Preheader && inBody is not null))
            {
                findings.Add(MissingField.At(document, frontMatter.Get(key)?.KeyRange ?? at,
                    $"The front matter has no '{key}'. Add a line '{key}: {Example(key)}'."));
            }
        }

        if (inBody is not null && frontMatter.Get(FrontMatterKeys.Preheader) is { Value.Length: > 0 } written
            && document.Segments.FirstOrDefault(s => s.Scope == SegmentScope.Preheader && s.SourceRange.Start < frontMatter.Range.End) is { } fromFrontMatter
            && Visible(fromFrontMatter.Text) is var expected && Visible(inBody.Text) is var shown && !string.Equals(expected, shown, StringComparison.Ordinal))
        {
            findings.Add(PreheaderMismatch.At(document, inBody.SourceRange,
                $"The hidden preheader here, “{shown}”, is not the front matter's, “{expected}” (line {document.Source.GetLocation(written.ValueRange).Start.Line}). Inboxes show this one; checks and previews read both. Make them the same, or remove the front matter's."));
        }

        foreach (var field in frontMatter.Fields)
        {
            if (!FrontMatterKeys.All.Contains(field.Key))
            {
                findings.Add(UnknownField.At(document, field.KeyRange,
                    $"Unknown front-matter field '{field.Key}'.{Suggestions.DidYouMean(field.Key, FrontMatterKeys.All)} Known fields: {string.Join(", ", FrontMatterKeys.All)}."));
            }
        }
    }

    /// <summary>The preheader the body gives (a hidden element, or one whose class or id says preheader), if any.</summary>
    private static Segment? HtmlPreheader(Document document) =>
        document.Segments.FirstOrDefault(s => s.Scope == SegmentScope.Preheader && s.SourceRange.Start >= document.FrontMatter.Range.End && s.Text.Trim().Length > 0);

    private static string Example(string key) => key switch
    {
        FrontMatterKeys.Touchpoint => "order-confirmation",
        FrontMatterKeys.Channel => "email",
        FrontMatterKeys.Locale => "pl",
        FrontMatterKeys.Subject => "\"Your order {{ order.number }}\"",
        _ => "...",
    };
}
