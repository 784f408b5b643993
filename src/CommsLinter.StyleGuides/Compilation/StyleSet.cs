using CommsLinter.Rules.Style;

namespace CommsLinter.StyleGuides.Compilation;

/// <summary>Everything the style guides say, compiled: rules, facts and vocabulary.</summary>
public sealed class StyleSet
{
    public StyleSet(IReadOnlyList<StyleRule> rules, IReadOnlyDictionary<string, Fact> facts, IReadOnlySet<string> acceptedWords, IReadOnlyList<string> guides)
    {
        Rules = rules;
        Facts = facts;
        AcceptedWords = acceptedWords;
        Guides = guides;
        Checks = new StyleChecks(rules);
    }

    public static StyleSet Empty { get; } = new([], new Dictionary<string, Fact>(), new HashSet<string>(), []);

    public IReadOnlyList<StyleRule> Rules { get; }

    /// <summary>The rules as one document check, sharing one term matcher.</summary>
    public StyleChecks Checks { get; }

    public IReadOnlyDictionary<string, Fact> Facts { get; }

    /// <summary>Words never flagged: brand and product names, accepted abbreviations.</summary>
    public IReadOnlySet<string> AcceptedWords { get; }

    /// <summary>The paths of the guides compiled, in precedence order (bases first).</summary>
    public IReadOnlyList<string> Guides { get; }

    public StyleRule? FindRule(string id) => Rules.FirstOrDefault(r => r.Id == id);
}
