using CommsLinter.Diagnostics;

namespace CommsLinter.Rules.Style;

/// <summary>
/// The style-guide DSL's error codes. Stable: a code is never reused for another meaning.
/// Documented in docs/styleguide-dsl.md. They live beside the rule kinds because each kind's
/// grammar and binding report them as well as the parser and compiler.
/// </summary>
public static class DslErrors
{
    public static readonly RuleDescriptor UnexpectedCharacter = Error("DSL001", "Unexpected character");
    public static readonly RuleDescriptor Unterminated = Error("DSL002", "Unterminated string or pattern");
    public static readonly RuleDescriptor InvalidPattern = Error("DSL003", "Invalid regular expression");
    public static readonly RuleDescriptor MissingHeader = Error("DSL004", "Missing styleguide header");
    public static readonly RuleDescriptor Expected = Error("DSL005", "Unexpected token");
    public static readonly RuleDescriptor UnknownKeyword = Error("DSL006", "Unknown keyword");
    public static readonly RuleDescriptor UnknownKind = Error("DSL007", "Unknown rule kind");
    public static readonly RuleDescriptor UnknownScope = Error("DSL008", "Unknown scope");
    public static readonly RuleDescriptor UnknownField = Error("DSL009", "Unknown condition field");
    public static readonly RuleDescriptor UnknownFactKind = Error("DSL010", "Unknown fact kind");
    public static readonly RuleDescriptor UnknownFact = Error("DSL011", "Unknown fact");
    public static readonly RuleDescriptor ExpectedOver = Error("DSL012", "Expected 'over'");
    public static readonly RuleDescriptor DuplicateRule = Error("DSL013", "Duplicate rule id");
    public static readonly RuleDescriptor ExtendsCycle = Error("DSL014", "Cycle in extends");
    public static readonly RuleDescriptor UnknownGuide = Error("DSL015", "Unknown style guide");
    public static readonly RuleDescriptor DuplicateFact = Error("DSL016", "Duplicate fact");
    public static readonly RuleDescriptor InvalidFactValue = Error("DSL017", "Invalid fact value");
    public static readonly RuleDescriptor UnknownMetric = Error("DSL018", "Unknown limit metric");
    public static readonly RuleDescriptor UnknownPlaceholder = Error("DSL019", "Unknown message placeholder");
    public static readonly RuleDescriptor DuplicateGuide = Error("DSL020", "Duplicate style guide name");
    public static readonly RuleDescriptor UnknownValue = Error("DSL021", "Unknown catalog name in a condition");
    public static readonly RuleDescriptor TooDeep = Error("DSL022", "Nested too deeply");

    public static IReadOnlyList<RuleDescriptor> All { get; } =
    [
        UnexpectedCharacter, Unterminated, InvalidPattern, MissingHeader, Expected, UnknownKeyword, UnknownKind,
        UnknownScope, UnknownField, UnknownFactKind, UnknownFact, ExpectedOver, DuplicateRule, ExtendsCycle,
        UnknownGuide, DuplicateFact, InvalidFactValue, UnknownMetric, UnknownPlaceholder, DuplicateGuide, UnknownValue,
        TooDeep,
    ];

    // One table explains every code, a row each.
    private static RuleDescriptor Error(string code, string title) => new(code, title, Severity.Error) { HelpPath = "docs/styleguide-dsl.md#error-codes" };
}
