using System.Text;
using CommsLinter.Diagnostics;

namespace CommsLinter.Rules.Style;

/// <summary>
/// <c>capitalization "Okna Nowak"</c>: a name written with other casing ("okna nowak", "OKNA NOWAK")
/// is a finding with a fix; <c>"Okna Nowak" inflected</c> also finds its other forms ("oknami nowak"),
/// fixed in their own form ("Oknami Nowak"). Message values: {match}, {expected}.
/// Docs: docs/rules/style/capitalization.md.
/// </summary>
public sealed class CapitalizationRule(StyleRuleHeader header, IReadOnlyList<(string Name, InflectedTerm? Inflection)> names) : StyleRule(header)
{
    public static StyleRuleKind Kind { get; } = new("capitalization", "Reports a name written in the wrong case, with a fix.", Parse);

    private static BindRule Parse(RuleBodyParser body)
    {
        var cased = body.Terms("a name in its exact casing, such as \"Okna Nowak\"");
        return binder => new CapitalizationRule(binder.Header, [.. cased.Select(n => (n.Term.Value, n.Inflected ? binder.Inflected(n.Term) : null))]);
    }

    private readonly (string Name, TextPattern Pattern)[] _names =
        [.. names.Select(n => (n.Name, n.Inflection is null ? TextPattern.Term(n.Name) : TextPattern.Inflected(n.Inflection)))];

    public override bool FiresOnlyOnMatches => true;

    public override IEnumerable<TextPattern> Patterns => _names.Select(n => n.Pattern);

    public override string Describe() => $"Requires the exact casing of {string.Join(", ", _names.Select(n => n.Pattern.Source))}, with a fix.";

    protected override void Evaluate(Model.Document document, Pipeline.CheckContext context, RuleOutput output, PatternMatcher matches)
    {
        foreach (var segment in SegmentsInScope(document))
        {
            foreach (var (name, pattern) in _names)
            {
                foreach (var (start, length) in matches.Of(pattern, segment))
                {
                    var match = segment.Text.Substring(start, length);
                    var expected = pattern.Inflection is null ? name : WithCapitalsOf(name, match);
                    if (match != expected)
                    {
                        output.Report(segment, start, start + length, new MessageValues(Match: match, Expected: expected),
                            new SegmentFix($"Write “{expected}”", safe: true, start, start + length, expected));
                    }
                }
            }
        }
    }

    /// <summary>The match with each word cased as the name's word in its place; what lies between the words is kept.</summary>
    private static string WithCapitalsOf(string name, string match)
    {
        var models = InflectedTerm.WordsOf(name);
        var cased = new StringBuilder(match.Length);
        var (position, index) = (0, 0);
        while (InflectedTerm.NextWord(match, position, out var start, out var end))
        {
            cased.Append(match, position, start - position);
            var word = match[start..end];
            cased.Append(index < models.Count ? InflectedTerm.WithCapitalsOf(models[index], word) : word);
            (position, index) = (end, index + 1);
        }

        return cased.Append(match, position, match.Length - position).ToString();
    }
}
