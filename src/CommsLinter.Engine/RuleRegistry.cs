using CommsLinter.Content;
using CommsLinter.Diagnostics;
using CommsLinter.Engine.Baselines;
using CommsLinter.Engine.Stages;
using CommsLinter.Rules;

namespace CommsLinter.Engine;

/// <summary>Every check that ships with CommsLinter, whatever layer makes it; each has a page in docs/rules/.</summary>
public static class RuleRegistry
{
    public static IReadOnlyList<RuleDescriptor> All { get; } =
    [
        .. ContentRules.All,
        .. Content.Samples.SampleCheck.Descriptors,
        Content.Rendering.RenderCheck.Failed,
        Content.Rendering.EmptyValueCheck.EmptyValue,
        Content.Liquid.MissingDefaultCheck.MissingDefault,
        // A check that runs per document and across documents is in both lists.
        .. BuiltinChecks.DocumentChecks.SelectMany(c => c.Rules).Concat(BuiltinChecks.CorpusChecks.SelectMany(c => c.Rules)).Distinct(),
        DocumentStage.InternalError,
        SuppressionStage.Unused,
        SuppressionStage.Reviewed,
        Configuration.StyleGuidesMissing,
        Rules.Style.StyleRule.PatternTimeout,
        Rules.Style.SpellingRule.DictionaryProblem,
        .. Content.Approvals.ApprovalLedger.Descriptors,
        .. Rules.Builtin.ApprovalGate.Descriptors,
        Baseline.Invalid,
    ];
}
