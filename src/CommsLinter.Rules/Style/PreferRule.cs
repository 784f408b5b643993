using CommsLinter.Diagnostics;

namespace CommsLinter.Rules.Style;

/// <summary>
/// <c>prefer "preferred" over "term", /pattern/</c>: every occurrence of a replaced term is a
/// finding with a fix. A term written <c>"term" inflected</c> is found in every form, and the fix puts
/// the preferred term in the same form where the dictionary can. Message values: {match}, {expected}.
/// Docs: docs/rules/style/prefer.md.
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
                    if (pattern.Inflection is not { } inflection || inflection.IsAsWritten(match))
                    {
                        output.Report(segment, start, start + length, new MessageValues(Match: match, Expected: preferred),
                            new SegmentFix($"Replace “{match}” with “{preferred}”", safe: true, start, start + length, preferred));
                        continue;
                    }

                    // Another form: the replacement in that form, which a person confirms (the sentence around it may need to agree);
                    // or, where the dictionary cannot form it, the finding names the replacement's base form and offers no fix.
                    var inForm = inflection.InSameForm(match, document.Locale, preferred);
                    output.Report(segment, start, start + length, new MessageValues(Match: match, Expected: inForm ?? preferred),
                        inForm is null ? null : new SegmentFix($"Replace “{match}” with “{inForm}” (“{preferred}” in the same form)", safe: false, start, start + length, inForm));
                }
            }
        }
    }
}
