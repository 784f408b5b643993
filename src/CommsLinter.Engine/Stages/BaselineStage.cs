using CommsLinter.Engine.Baselines;
using CommsLinter.Rules.Builtin;

namespace CommsLinter.Engine.Stages;

/// <summary>Leaves out the findings the team accepted in its baseline; a pending review is never accepted, since approvals resolve it.</summary>
internal sealed class BaselineStage(Baseline baseline) : ICorpusStage
{
    public void Run(CorpusRun run)
    {
        // A fingerprint counts which occurrence of its text a finding is, in the output's order: the order `commslint baseline` wrote.
        run.Findings.Sort(Diagnostics.Finding.Order);
        var kept = baseline.Filter(run.Findings, run.SourceOf, ApprovalGate.IsGateFinding);
        run.Baselined += run.Findings.Count - kept.Count;
        run.Findings = kept;
    }
}
