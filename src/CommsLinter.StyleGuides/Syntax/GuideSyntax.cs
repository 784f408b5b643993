using CommsLinter.Rules.Style;
using CommsLinter.Text;

namespace CommsLinter.StyleGuides.Syntax;

internal sealed record VocabularyTerm(string Term, bool Accepted, TextRange Range);

/// <summary><c>abbreviations pl "r.", "szt."</c>: words of a locale whose dot does not end a sentence.</summary>
internal sealed record AbbreviationsSyntax(Located Locale, IReadOnlyList<Located> Words);

internal sealed record FactSyntax(Located Name, Located Kind, Located Value);

internal abstract record ConditionSyntax(TextRange Range);

/// <summary>Two or more conditions joined by 'and': a chain is one list, however long, so nothing recurses along it.</summary>
internal sealed record AndCondition(IReadOnlyList<ConditionSyntax> Operands) : ConditionSyntax(Operands[0].Range);

/// <summary>Two or more conditions joined by 'or'.</summary>
internal sealed record OrCondition(IReadOnlyList<ConditionSyntax> Operands) : ConditionSyntax(Operands[0].Range);

internal sealed record NotCondition(ConditionSyntax Operand, TextRange At) : ConditionSyntax(At);

internal sealed record TestCondition(Located Field, IReadOnlyList<Located> Values) : ConditionSyntax(Field.Range);

/// <summary>A rule's body: its kind, and what the kind's grammar returned to bind it once every guide is read.</summary>
internal sealed record BodySyntax(StyleRuleKind Kind, BindRule Bind);

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
    IReadOnlyList<AbbreviationsSyntax> Abbreviations,
    IReadOnlyList<FactSyntax> Facts,
    IReadOnlyList<RuleSyntax> Rules);
