using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Pipeline;
using CommsLinter.Text;

namespace CommsLinter.Rules.Builtin;

/// <summary>
/// Every template names its touchpoint, channel and locale; e-mails also give a subject and a
/// preheader. Unknown keys are reported as likely typos.
/// </summary>
public sealed class FrontMatterFieldsCheck : IDocumentCheck, IBuiltinCheck
{
    public static readonly RuleDescriptor MissingField = new("frontmatter.missing-field", "Required front-matter field is missing", Severity.Error);
    public static readonly RuleDescriptor UnknownField = new("frontmatter.unknown-field", "Unknown front-matter field", Severity.Warning);

    private static readonly string[] Required = [FrontMatterKeys.Touchpoint, FrontMatterKeys.Channel, FrontMatterKeys.Locale];
    private static readonly string[] RequiredForEmail = [FrontMatterKeys.Subject, FrontMatterKeys.Preheader];

    public static IReadOnlyList<RuleDescriptor> Descriptors { get; } = [MissingField, UnknownField];

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
        foreach (var key in required)
        {
            if (frontMatter.GetText(key) is null)
            {
                findings.Add(MissingField.At(document, frontMatter.Get(key)?.KeyRange ?? at,
                    $"The front matter has no '{key}'. Add a line '{key}: {Example(key)}'."));
            }
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

    private static string Example(string key) => key switch
    {
        FrontMatterKeys.Touchpoint => "order-confirmation",
        FrontMatterKeys.Channel => "email",
        FrontMatterKeys.Locale => "pl",
        FrontMatterKeys.Subject => "\"Your order {{ order.number }}\"",
        _ => "...",
    };
}
