using CommsLinter.Diagnostics;

namespace CommsLinter.Rules.Style;

/// <summary>
/// <c>capitalization "Okna Nowak"</c>: a name written with other casing ("okna nowak", "OKNA NOWAK")
/// is a finding with a fix. Message values: {match}, {expected}. Docs: docs/rules/style/capitalization.md.
/// </summary>
public sealed class CapitalizationRule(StyleRuleHeader header, IReadOnlyList<string> names) : StyleRule(header)
{
    public static StyleRuleKind Kind { get; } = new("capitalization", "Reports a name written in the wrong case, with a fix.", Parse);

    private static BindRule Parse(RuleBodyParser body)
    {
        var cased = body.QuotedStrings("a name in its exact casing, such as \"Okna Nowak\"");
        return binder => new CapitalizationRule(binder.Header, [.. cased.Select(n => n.Value)]);
    }

    private readonly (string Name, TextPattern Pattern)[] _names = [.. names.Select(n => (n, TextPattern.Term(n)))];

    public override bool FiresOnlyOnMatches => true;

    public override IEnumerable<TextPattern> Patterns => _names.Select(n => n.Pattern);

    public override string Describe() => $"Requires the exact casing of {string.Join(", ", names.Select(n => $"\"{n}\""))}, with a fix.";

    protected override void Evaluate(Model.Document document, Pipeline.CheckContext context, RuleOutput output, PatternMatcher matches)
    {
        foreach (var segment in SegmentsInScope(document))
        {
            foreach (var (name, pattern) in _names)
            {
                foreach (var (start, length) in matches.Of(pattern, segment))
                {
                    var match = segment.Text.Substring(start, length);
                    if (match != name)
                    {
                        output.Report(segment, start, start + length, new MessageValues(Match: match, Expected: name),
                            new SegmentFix($"Write “{name}”", safe: true, start, start + length, name));
                    }
                }
            }
        }
    }
}
