using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Pipeline;

namespace CommsLinter.Rules.Style;

/// <summary>
/// All style rules of a run as one check: the terms of every rule are compiled into one automaton,
/// each segment is searched once per document, and every rule reads the hits it needs.
/// </summary>
public sealed class StyleChecks : IDocumentCheck
{
    private readonly (StyleRule Rule, TextPattern[] Patterns)[] _rules;
    private readonly TermAutomaton _automaton;

    public StyleChecks(IReadOnlyList<StyleRule> rules)
    {
        _rules = [.. rules.Select(r => (r, r.Patterns.ToArray()))];
        _automaton = new TermAutomaton(_rules.SelectMany(r => r.Patterns).Select(p => p.FoldedTerm).OfType<string>());
        foreach (var pattern in _rules.SelectMany(r => r.Patterns))
        {
            pattern.AutomatonId = pattern.FoldedTerm is { } term ? _automaton.IdOf(term) : -1;
        }

        Rules = [.. rules.SelectMany(r => r.Rules)];
    }

    public IReadOnlyList<RuleDescriptor> Rules { get; }

    public void Check(Document document, CheckContext context, ICollection<Finding> findings)
    {
        var matches = PatternMatcher.For(document, _automaton);
        foreach (var (rule, patterns) in _rules)
        {
            // A rule that can only fire on a match has nothing to do when none of its terms occur.
            if (rule.FiresOnlyOnMatches && !Array.Exists(patterns, matches.MayMatch))
            {
                continue;
            }

            rule.Run(document, context, findings, matches);
        }
    }
}
