using System.Globalization;
using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Pipeline;
using CommsLinter.Rules.Style;
using CommsLinter.StyleGuides.Compilation;
using CommsLinter.Tests.Support;
using CommsLinter.Text;

namespace CommsLinter.Tests;

/// <summary>
/// The seam rule kinds plug into: a kind written outside the registry is parsed, bound and checked
/// like a built-in one, with the DSL's error codes and recovery.
/// </summary>
public sealed class StyleRuleKindTests
{
    private static readonly StyleRuleKind[] WithRepeat = [.. StyleRuleKinds.All, RepeatRule.Kind];

    [Fact]
    public void A_kind_from_outside_the_registry_is_parsed_bound_and_checked()
    {
        var diagnostics = new List<Finding>();
        var style = StyleCompiler.Compile([new SourceText("a.style", """
            styleguide "A"
            rule tone.free warning "“{match}” again: {count} times, {limit} is enough." {
              in body
              repeat "free", /gratis/i max 1
            }
            rule tone.best warning "Not “{match}”." { forbid "the best" }
            """)], catalog: null, diagnostics, kinds: WithRepeat);
        Assert.Empty(diagnostics);
        var rule = Assert.IsType<RepeatRule>(style.FindRule("tone.free"));
        Assert.Equal("docs/rules/style/repeat.md", rule.Header.Descriptor.HelpPath);
        Assert.Equal(RuleScope.Body, rule.Header.Scope);

        var document = TestContent.Document("---\ntouchpoint: newsletter\nchannel: email\nlocale: en\n---\nFree delivery, free fitting and GRATIS frames: the best, FREE.\n", ".md");
        var findings = new List<Finding>();
        style.Checks.Check(document, new CheckContext(null, isWholeCorpus: false), findings);

        Assert.Equal(
            [
                "tone.free 6,16: “free” again: 2 times, 1 is enough.",
                "tone.best 6,48: Not “the best”.",
                "tone.free 6,58: “FREE” again: 3 times, 1 is enough.",
            ],
            findings.Order(Finding.Order).Select(f => $"{f.RuleId} {f.Location.Start}: {f.Message}"));
    }

    [Fact]
    public void A_kind_from_outside_the_registry_reports_errors_like_a_built_in_one()
    {
        var guide = """
            styleguide "A"
            rule tone.a warning "A." { repeat "free" max }
            rule tone.b warning "B." { repeat /(free/ max 1 }
            rule tone.c warning "C." { repet "free" max 1 }
            rule tone.d warning "D." { forbid "ok" }
            """;
        var diagnostics = new List<Finding>();
        var style = StyleCompiler.Compile([new SourceText("a.style", guide)], catalog: null, diagnostics, kinds: WithRepeat);

        Assert.Equal(
            [
                "2,46 DSL005: expected the number of times allowed, found '}'.",
                "3,35 DSL003: invalid pattern /(free/: at offset 5. Not enough )'s.",
                "4,28 DSL007: unknown rule kind 'repet'. Did you mean 'repeat'? Expected 'when', 'in' or one of: "
                    + "forbid, prefer, require, limit, capitalization, consistent, sms, links, images, readability, address-form, spelling, repeat.",
            ],
            diagnostics.Select(d => $"{d.Location.Start} {d.RuleId}: {d.Message}"));
        Assert.Equal(["tone.d"], style.Rules.Select(r => r.Id));

        // Without it, the kind is unknown: the registry is the default.
        var withoutRepeat = new List<Finding>();
        StyleCompiler.Compile([new SourceText("a.style", guide)], catalog: null, withoutRepeat);
        Assert.Equal(3, withoutRepeat.Count(d => d.RuleId == DslErrors.UnknownKind.Id));
    }

    /// <summary><c>repeat "term", /pattern/ max N</c>: each term may be said N times in the rule's scope; every further time is a finding.</summary>
    private sealed class RepeatRule(StyleRuleHeader header, IReadOnlyList<TextPattern> terms, int max) : StyleRule(header)
    {
        public static StyleRuleKind Kind { get; } = new("repeat", "Reports a term said more often than allowed.", Parse);

        public override bool FiresOnlyOnMatches => true;

        public override IEnumerable<TextPattern> Patterns => terms;

        private static BindRule Parse(RuleBodyParser body)
        {
            var counted = body.Patterns("a \"term\" or /pattern/ to count");
            body.Expect("max", "after the terms");
            var allowed = body.Number("the number of times allowed");
            return binder => new RepeatRule(binder.Header, binder.Patterns(counted), int.Parse(allowed.Value, CultureInfo.InvariantCulture));
        }

        public override string Describe() => $"Allows {string.Join(", ", terms.Select(t => t.Source))} {max} time(s) each.";

        protected override void Evaluate(Document document, CheckContext context, RuleOutput output, PatternMatcher matches)
        {
            foreach (var term in terms)
            {
                var seen = 0;
                foreach (var segment in SegmentsInScope(document))
                {
                    foreach (var (start, length) in matches.Of(term, segment))
                    {
                        if (++seen > max)
                        {
                            output.Report(segment, start, start + length, new MessageValues(
                                Match: segment.Text.Substring(start, length),
                                Count: seen.ToString(CultureInfo.InvariantCulture),
                                Limit: max.ToString(CultureInfo.InvariantCulture)));
                        }
                    }
                }
            }
        }
    }
}
