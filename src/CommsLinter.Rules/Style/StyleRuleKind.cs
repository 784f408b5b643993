namespace CommsLinter.Rules.Style;

/// <summary>
/// Binds a parsed rule body once every guide is read: the compiler calls it when all facts and the
/// accepted vocabulary of all guides are known, which the parser cannot know at the kind's keyword.
/// Returns the rule, or null when it cannot be built; a rule whose binding reported an error is left
/// out either way.
/// </summary>
public delegate StyleRule? BindRule(RuleBinder binder);

/// <summary>
/// One kind of style rule (<c>forbid</c>, <c>limit</c>, …) as the DSL knows it: the keyword that
/// starts a rule's body, the sentence the rule-kind index shows, and the grammar of the body. Each
/// kind's class declares its own, so adding a kind needs no change in the parser or the compiler.
/// </summary>
/// <param name="Name">The keyword that starts the body, such as <c>forbid</c>.</param>
/// <param name="Summary">What the kind reports, in one sentence: its row in docs/rules/style/README.md.</param>
/// <param name="Parse">
/// Reads the body after the keyword, when the parser reaches it, so that syntax errors come in
/// source order and the parser recovers from them as from any other; returns what binds it later.
/// A syntax error abandons the whole rule and hides the errors of its header, so a name that reads
/// well but may be unknown (a metric, a formula, a fact) is looked up when binding, not here.
/// </param>
public sealed record StyleRuleKind(string Name, string Summary, Func<RuleBodyParser, BindRule> Parse)
{
    /// <summary>The kind's page, which every rule of the kind links to as its help.</summary>
    public string HelpPath => $"docs/rules/style/{Name}.md";
}
