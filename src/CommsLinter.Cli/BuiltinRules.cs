using CommsLinter.Content;
using CommsLinter.Diagnostics;
using CommsLinter.Pipeline;
using CommsLinter.Rules;

namespace CommsLinter.Cli;

/// <summary>Every check that ships with CommsLinter, whatever layer makes it; each has a page in docs/rules/.</summary>
internal static class BuiltinRules
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
        Linter.InternalError,
        Linter.UnusedSuppression,
        Workspace.StyleGuidesMissing,
        Rules.Style.StyleRule.PatternTimeout,
        Rules.Style.SpellingRule.DictionaryProblem,
        .. Content.Approvals.ApprovalLedger.Descriptors,
        .. Rules.Builtin.ApprovalGate.Descriptors,
        Reports.Baseline.Invalid,
    ];
}
