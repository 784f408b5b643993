using CommsLinter.Text;

namespace CommsLinter.StyleGuides.Syntax;

/// <summary>A name or literal with where it was written.</summary>
internal sealed record Located(string Value, TextRange Range);

/// <summary>A term (a quoted string, matched as whole words) or a /pattern/flags.</summary>
internal sealed record PatternSyntax(string Text, bool IsRegex, string Flags, TextRange Range);

internal sealed record VocabularyTerm(string Term, bool Accepted, TextRange Range);

internal sealed record FactSyntax(Located Name, Located Kind, Located Value);

internal abstract record ConditionSyntax(TextRange Range);

internal sealed record AndCondition(ConditionSyntax Left, ConditionSyntax Right) : ConditionSyntax(Left.Range);

internal sealed record OrCondition(ConditionSyntax Left, ConditionSyntax Right) : ConditionSyntax(Left.Range);

internal sealed record NotCondition(ConditionSyntax Operand, TextRange At) : ConditionSyntax(At);

internal sealed record TestCondition(Located Field, IReadOnlyList<Located> Values) : ConditionSyntax(Field.Range);

internal abstract record BodySyntax(Located Kind);

internal sealed record ForbidSyntax(Located Kind, IReadOnlyList<PatternSyntax> Patterns) : BodySyntax(Kind);

internal sealed record PreferSyntax(Located Kind, Located Preferred, IReadOnlyList<PatternSyntax> Over) : BodySyntax(Kind);

internal sealed record RequireSyntax(Located Kind, Located What, PatternSyntax? Pattern, Located? Fact) : BodySyntax(Kind);

internal sealed record LimitSyntax(Located Kind, Located Metric, Located Bound, Located Value) : BodySyntax(Kind);

internal sealed record CapitalizationSyntax(Located Kind, IReadOnlyList<Located> Names) : BodySyntax(Kind);

internal sealed record SmsSyntax(Located Kind, Located MaxSegments) : BodySyntax(Kind);

internal sealed record LinksSyntax(Located Kind, Located Mode, IReadOnlyList<Located> Domains) : BodySyntax(Kind);

internal sealed record ImagesSyntax(Located Kind, Located What) : BodySyntax(Kind);

internal sealed record ReadabilitySyntax(Located Kind, Located Formula, Located Bound, Located Value) : BodySyntax(Kind);

internal sealed record AddressFormSyntax(Located Kind, IReadOnlyList<PatternSyntax> Formal, IReadOnlyList<PatternSyntax> Informal) : BodySyntax(Kind);

internal sealed record SpellingSyntax(Located Kind, IReadOnlyList<Located> Accept, IReadOnlyList<PatternSyntax> Ignore) : BodySyntax(Kind);

internal sealed record ConsistentSyntax(Located Kind, Located FactKind, IReadOnlyList<Located> Facts, IReadOnlyList<PatternSyntax> Near) : BodySyntax(Kind);

internal sealed record RuleSyntax(
    Located Id,
    Located Severity,
    Located Message,
    Located? Review,
    ConditionSyntax? When,
    IReadOnlyList<Located> Scopes,
    BodySyntax Body);

/// <summary>One parsed .style file.</summary>
internal sealed record GuideSyntax(
    SourceText Source,
    Located? Name,
    IReadOnlyList<Located> Extends,
    IReadOnlyList<VocabularyTerm> Vocabulary,
    IReadOnlyList<FactSyntax> Facts,
    IReadOnlyList<RuleSyntax> Rules);
