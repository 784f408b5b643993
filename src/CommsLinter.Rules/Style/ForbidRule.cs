namespace CommsLinter.Rules.Style;

/// <summary>
/// <c>forbid "term", /pattern/</c>: every occurrence in scope is a finding. Message values:
/// {match}. Docs: docs/rules/style/forbid.md.
/// </summary>
public sealed class ForbidRule(StyleRuleHeader header, IReadOnlyList<TextPattern> patterns) : StyleRule(header)
{
    public static StyleRuleKind Kind { get; } = new("forbid", "Reports every occurrence of a forbidden term or pattern.", Parse);

    private static BindRule Parse(RuleBodyParser body)
    {
        var forbidden = body.Patterns("a \"term\" or /pattern/ to forbid");
        return binder => new ForbidRule(binder.Header, binder.Patterns(forbidden));
    }

    public override bool FiresOnlyOnMatches => true;

    public override IEnumerable<TextPattern> Patterns => patterns;

    public override string Describe() => $"Forbids {string.Join(", ", patterns.Select(p => p.Source))}.";

    protected override void Evaluate(Model.Document document, Pipeline.CheckContext context, RuleOutput output, PatternMatcher matches)
    {
        foreach (var segment in SegmentsInScope(document))
        {
            foreach (var pattern in patterns)
            {
                foreach (var (start, length) in matches.Of(pattern, segment))
                {
                    output.Report(segment, start, start + length, new MessageValues(Match: segment.Text.Substring(start, length)));
                }
            }
        }
    }
}
