namespace CommsLinter.Rules.Style;

/// <summary>The rule kinds the style-guide DSL knows, in the order its error messages list them.</summary>
public static class StyleRuleKinds
{
    public static IReadOnlyList<StyleRuleKind> All { get; } =
    [
        ForbidRule.Kind,
        PreferRule.Kind,
        RequireRule.Kind,
        LimitRule.Kind,
        CapitalizationRule.Kind,
        ConsistentRule.Kind,
        SmsRule.Kind,
        LinksRule.Kind,
        ImagesRule.Kind,
        ReadabilityRule.Kind,
        AddressFormRule.Kind,
        SpellingRule.Kind,
    ];
}
