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
}

/// <summary>
/// <c>require phrase "…" | pattern /…/ | link /…/ | fact name</c>: the message must contain it, in
/// scope. A missing requirement is reported at the template's touchpoint. Applies to templates only:
/// a snippet is part of the messages that include it. Message values: {expected}, {fact}.
/// Docs: docs/rules/style/require.md.
/// </summary>
public sealed class RequireRule(StyleRuleHeader header, Requirement requirement, TextPattern? pattern, Fact? fact)
    : StyleRule(fact is null ? header : header.HoldingTo([fact]))
{
    public static StyleRuleKind Kind { get; } = new("require", "Reports a template that lacks a required phrase, pattern, link or fact.", Parse);

    private static readonly string[] RequirementNames = ["phrase", "pattern", "link", "fact"];

    private static BindRule Parse(RuleBodyParser body)
    {
        var what = body.OneOf(RequirementNames, "what to require: phrase, pattern, link or fact", "requirement", "phrase, pattern, link or fact");
        var required = Enum.Parse<Requirement>(what.Value, ignoreCase: true);
        if (required == Requirement.Fact)
        {
            var factName = body.Word("a fact name");
            return binder => binder.Fact(factName) is { } named ? new RequireRule(binder.Header, required, null, named) : null;
        }

        var patternSyntax = body.Pattern("a \"phrase\" or /pattern/");
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
        _ => $"Requires {pattern!.Source} to appear.",
    };

    protected override void Evaluate(Document document, CheckContext context, RuleOutput output, PatternMatcher matches)
    {
        var satisfied = requirement switch
        {
            Requirement.Link => document.Links.Any(l => pattern!.IsMatch(l.Url) || pattern.IsMatch(l.Text)),
            Requirement.Fact => SegmentsInScope(document).Any(s => ContainsFact(s, matches)),
            _ => SegmentsInScope(document).Any(s => matches.Of(pattern!, s).Any()),
        };

        if (!satisfied)
        {
            var at = document.FrontMatter.Get(FrontMatterKeys.Touchpoint)?.ValueRange ?? new TextRange(0, 0);
            output.Report(at, new MessageValues(Expected: fact?.Value ?? pattern!.Source, Fact: fact?.Value));
        }
    }

    private bool ContainsFact(Segment segment, PatternMatcher matches) => fact!.Kind == FactKind.Phone
        ? ConsistentRule.PhoneNumbers(segment.Text).Any(p => Fact.Normalize(FactKind.Phone, p.Text) == fact.Normalized)
        : matches.Of(_factTerm!, segment).Any();
}
