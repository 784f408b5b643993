using CommsLinter.Diagnostics;

namespace CommsLinter.Rules.Style;

/// <summary>
/// <c>prefer "preferred" over "term", /pattern/</c>: every occurrence of a replaced term is a
/// finding with a fix. Message values: {match}, {expected}. Docs: docs/rules/style/prefer.md.
/// </summary>
public sealed class PreferRule(StyleRuleHeader header, string preferred, IReadOnlyList<TextPattern> over) : StyleRule(header)
{
    public static StyleRuleKind Kind { get; } = new("prefer", "Reports a term that has a preferred replacement, with a fix.", Parse);

    private static BindRule Parse(RuleBodyParser body)
    {
        var preferredTerm = body.QuotedString("the preferred term");
        if (!body.Accept("over"))
        {
            body.Fail(DslErrors.ExpectedOver, body.CurrentRange,
                $"expected 'over' after the preferred term, found {body.Current}. Write: prefer \"{preferredTerm.Value}\" over \"...\".");
        }

        var replaced = body.Patterns("a \"term\" or /pattern/ to replace");
        return binder => new PreferRule(binder.Header, preferredTerm.Value, binder.Patterns(replaced));
    }

    public override bool FiresOnlyOnMatches => true;

    public override IEnumerable<TextPattern> Patterns => over;

    public override string Describe() => $"Prefers \"{preferred}\" over {string.Join(", ", over.Select(p => p.Source))}, with a fix.";

    protected override void Evaluate(Model.Document document, Pipeline.CheckContext context, RuleOutput output, PatternMatcher matches)
    {
        foreach (var segment in SegmentsInScope(document))
        {
            foreach (var pattern in over)
            {
                foreach (var (start, length) in matches.Of(pattern, segment))
                {
                    var match = segment.Text.Substring(start, length);
                    output.Report(segment, start, start + length, new MessageValues(Match: match, Expected: preferred),
                        new SegmentFix($"Replace “{match}” with “{preferred}”", safe: true, start, start + length, preferred));
                }
            }
        }
    }
}
