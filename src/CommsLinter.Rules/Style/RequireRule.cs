using CommsLinter.Model;
using CommsLinter.Pipeline;
using CommsLinter.Text;

namespace CommsLinter.Rules.Style;

public enum Requirement
{
    Phrase,
    Pattern,
    Link,
    Fact,
    Placeholder,
}

/// <summary>
/// <c>require phrase "…" | pattern /…/ | link /…/ | fact name | placeholder variable</c>: the message must
/// contain it, in scope (a placeholder anywhere in the template: an output of the variable or of a field of it). A missing requirement is reported at the template's touchpoint. Applies to templates only:
/// a snippet is part of the messages that include it. Message values: {expected}, {fact}.
/// Docs: docs/rules/style/require.md.
/// </summary>
public sealed class RequireRule(StyleRuleHeader header, Requirement requirement, TextPattern? pattern, Fact? fact, string? variable = null)
    : StyleRule(fact is null ? header : header.HoldingTo([fact]))
{
    public static StyleRuleKind Kind { get; } = new("require", "Reports a template that lacks a required phrase, pattern, link, fact or placeholder.", Parse);

    private static readonly string[] RequirementNames = ["phrase", "pattern", "link", "fact", "placeholder"];

    private static BindRule Parse(RuleBodyParser body)
    {
        var what = body.OneOf(RequirementNames, "what to require: phrase, pattern, link, fact or placeholder", "requirement", "phrase, pattern, link, fact or placeholder");
        var required = Enum.Parse<Requirement>(what.Value, ignoreCase: true);
        if (required == Requirement.Placeholder)
        {
            var variable = body.Word("a variable such as invoice.number");
            return binder => new RequireRule(binder.Header, required, null, null, variable.Value);
        }

        if (required == Requirement.Fact)
        {
            var factName = body.Word("a fact name");
            return binder => binder.Fact(factName) is { } named ? new RequireRule(binder.Header, required, null, named) : null;
        }

        var patternSyntax = body.InflectablePattern("a \"phrase\" or /pattern/");
        return binder => binder.Patterns([patternSyntax]) is [var compiled] ? new RequireRule(binder.Header, required, compiled, null) : null;
    }

    // A fact is found as whole words: 14 days is not found in "140".
    private readonly TextPattern? _factTerm = fact is null ? null : TextPattern.Term(fact.Value);

    protected override bool AppliesToSnippets => false;

    public override IEnumerable<TextPattern> Patterns => new[] { pattern, _factTerm }.OfType<TextPattern>();

    public override string Describe() => requirement switch
    {
        Requirement.Link => $"Requires a link whose address or text matches {pattern!.Source}.",
        Requirement.Fact => $"Requires the fact '{fact!.Name}' ({fact.Value}) to appear.",
        Requirement.Placeholder => $"Requires the placeholder {{{{ {variable} }}}}.",
        _ => $"Requires {pattern!.Source} to appear.",
    };

    protected override void Evaluate(Document document, CheckContext context, RuleOutput output, PatternMatcher matches)
    {
        var satisfied = requirement switch
        {
            Requirement.Link => document.Links.Any(l => pattern!.Matches(l.Url, locale: document.Locale).Any() || pattern.Matches(l.Text, locale: document.Locale).Any()),
            Requirement.Fact => SegmentsInScope(document).Any(s => ContainsFact(s, matches)),
            Requirement.Placeholder => document.Placeholders.Any(p => p.Kind == PlaceholderKind.Output && IsOf(p.Expression, variable!)),
            _ => SegmentsInScope(document).Any(s => matches.Of(pattern!, s).Any()),
        };

        if (!satisfied)
        {
            var at = document.FrontMatter.Get(FrontMatterKeys.Touchpoint)?.ValueRange ?? new TextRange(0, 0);
            output.Report(at, new MessageValues(Expected: fact?.Value ?? pattern?.Named ?? $"{{{{ {variable} }}}}", Fact: fact?.Value));
        }
    }

    /// <summary>Whether an output prints the variable or a field of it: invoice.number, invoice.number.formatted, invoice.number[0].</summary>
    private static bool IsOf(string expression, string variable) =>
        expression.StartsWith(variable, StringComparison.Ordinal) && (expression.Length == variable.Length || expression[variable.Length] is '.' or '[');

    private bool ContainsFact(Segment segment, PatternMatcher matches) => fact!.Kind == FactKind.Phone
        ? ConsistentRule.PhoneNumbers(segment.Text).Any(p => Fact.Normalize(FactKind.Phone, p.Text) == fact.Normalized)
        : matches.Of(_factTerm!, segment).Any();
}
