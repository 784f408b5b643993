using CommsLinter.Diagnostics;
using CommsLinter.Pipeline;

namespace CommsLinter.Engine.Stages;

/// <summary>The checks that compare documents (duplicates, coverage, includes, parity, address form), over every file's summary.</summary>
internal sealed class CorpusChecksStage(IReadOnlyList<ICorpusCheck> checks) : ICorpusStage
{
    public void Run(CorpusRun run)
    {
        // The checks are independent of each other: run them side by side, and keep their findings in check order.
        var found = new List<Finding>[checks.Count];
        Parallel.For(0, checks.Count, i =>
        {
            found[i] = [];
            checks[i].Check(run.Summaries, run.Context, found[i]);
        });
        foreach (var findings in found)
        {
            run.Findings.AddRange(findings);
        }
    }
}
