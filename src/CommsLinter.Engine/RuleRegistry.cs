using CommsLinter.Content;
using CommsLinter.Content.Approvals;
using CommsLinter.Content.Liquid;
using CommsLinter.Content.Readers;
using CommsLinter.Content.Rendering;
using CommsLinter.Content.Samples;
using CommsLinter.Diagnostics;
using CommsLinter.Engine.Baselines;
using CommsLinter.Engine.Stages;
using CommsLinter.Pipeline;
using CommsLinter.Rules.Builtin;
using CommsLinter.Rules.Style;
using CommsLinter.StyleGuides.Compilation;

namespace CommsLinter.Engine;

/// <summary>
/// Everything built into CommsLinter, in one place: the checks, the rules reported outside them, the
/// style-guide DSL's error codes, its rule kinds and the template readers. The configuration builds
/// its checks from here; SARIF's rule table, <c>commslint explain</c> and the tests that hold
/// docs/rules/ to the code read it. Adding a check is its class and one line in <see cref="Checks"/>.
/// </summary>
public static class RuleRegistry
{
    /// <summary>Every built-in check, once, whether it runs per document, across documents or both.</summary>
    internal static IReadOnlyList<BuiltinCheck> Checks { get; } =
    [
        BuiltinCheck.Of<FrontMatterFieldsCheck>(),
        BuiltinCheck.Of<CatalogReferenceCheck>(),
        BuiltinCheck.Of<IncludeCheck>(),
        BuiltinCheck.Of<DuplicateTemplateCheck>(),
        BuiltinCheck.Of<CoverageCheck>(),
        BuiltinCheck.Of<LocaleParityCheck>(),
        WithSamples(rendering => new SampleCheck(rendering)),
        WithSamples(rendering => new RenderCheck(rendering)),
        WithSamples(rendering => new EmptyValueCheck(rendering)),
        BuiltinCheck.Of<MissingDefaultCheck>(),
    ];

    /// <summary>
    /// The built-in rules that no check reports: problems reading a file or the configuration, found by
    /// the readers, the engine's stages, the ledger, the gate and the baseline, and the problems every
    /// style guide's rules share.
    /// </summary>
    public static IReadOnlyList<RuleDescriptor> PipelineRules { get; } =
    [
        .. ContentRules.All,
        DocumentStage.InternalError,
        SuppressionStage.Unused,
        SuppressionStage.Reviewed,
        Configuration.StyleGuidesMissing,
        StyleRule.PatternTimeout,
        SpellingRule.DictionaryProblem,
        StyleCompiler.RejectedWords,
        .. ApprovalLedger.Descriptors,
        .. ApprovalGate.Descriptors,
        Baseline.Invalid,
    ];

    /// <summary>Every built-in rule id, each with its page docs/rules/&lt;id&gt;.md and its row in docs/rules/README.md.</summary>
    public static IReadOnlyList<RuleDescriptor> BuiltinRules { get; } = [.. Checks.SelectMany(c => c.Rules), .. PipelineRules];

    /// <summary>The style-guide DSL's error codes, explained in docs/styleguide-dsl.md#error-codes.</summary>
    public static IReadOnlyList<RuleDescriptor> DslErrors => Rules.Style.DslErrors.All;

    /// <summary>Every rule a run may report besides the style guides' own: the built-in rules and the DSL's error codes.</summary>
    public static IReadOnlyList<RuleDescriptor> Descriptors { get; } = [.. BuiltinRules, .. DslErrors];

    /// <summary>The style rule kinds the DSL knows, each with its page in docs/rules/style/.</summary>
    public static IReadOnlyList<StyleRuleKind> Kinds => StyleRuleKinds.All;

    /// <summary>The template readers, by format and file extension.</summary>
    public static IReadOnlyList<ReaderRegistration> Readers => ContentReaders.All;

    // The checks that read the templates rendered with their samples run only with a content folder.
    private static BuiltinCheck WithSamples<TCheck>(Func<SampleRendering, TCheck> create)
        where TCheck : class, IBuiltinCheck => BuiltinCheck.Of(configuration => configuration.Rendering is { } rendering ? create(rendering) : null);
}
