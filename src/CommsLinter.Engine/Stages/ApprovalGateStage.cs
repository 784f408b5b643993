using CommsLinter.Content.Approvals;
using CommsLinter.Rules.Builtin;

namespace CommsLinter.Engine.Stages;

/// <summary>
/// The review gate (<see cref="ApprovalGate"/>): which templates a team must review, and whether the
/// ledger approves their current text. It reads every finding before any is silenced, so an inline
/// directive cannot take a template out of legal's queue; its own findings are never silenced.
/// </summary>
internal sealed class ApprovalGateStage(ApprovalLedger ledger, Configuration configuration) : ICorpusStage
{
    private readonly IReadOnlyDictionary<string, string> _teams = configuration.ReviewTeams();

    public void Run(CorpusRun run)
    {
        var source = new ApprovalSource(ledger.Entries, ledger.DisplayPath,
            path => run.FileOf(path) is { } file ? ledger.RelativePath(file.FullPath) : null,
            path => File.Exists(Path.Combine(ledger.Root, path)),
            path => run.SourceOf(path)?.Text);
        var gate = ApprovalGate.Evaluate(run.Summaries, run.Findings, configuration.Catalog, configuration.Snippets, id => _teams.GetValueOrDefault(id), source, run.Ci);
        // A pending review is a per-file finding: with --changed-since, only the files checked report it.
        run.Findings.AddRange(gate.Findings.Where(f => run.FileOf(f.Path) is null || run.IsChecked(f.Path)));
        run.Reviews = gate.Reviews;
    }
}
