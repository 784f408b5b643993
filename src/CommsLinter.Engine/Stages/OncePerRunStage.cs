using CommsLinter.Diagnostics;

namespace CommsLinter.Engine.Stages;

/// <summary>
/// A problem outside the templates (a sample that is not JSON, a missing dictionary) is met by every
/// file that needs it, and each file's outcome says so, so that an outcome stands on its own (the cache,
/// a live workspace). The run reports it once: the first such finding in the output's order.
/// </summary>
internal sealed class OncePerRunStage(IReadOnlySet<string> oncePerRun) : ICorpusStage
{
    public void Run(CorpusRun run)
    {
        Dictionary<(string, string), Finding>? first = null;
        foreach (var finding in run.Findings)
        {
            if (oncePerRun.Contains(finding.RuleId))
            {
                first ??= [];
                var key = (finding.RuleId, finding.Message);
                if (!first.TryGetValue(key, out var kept) || Finding.Order.Compare(finding, kept) < 0)
                {
                    first[key] = finding;
                }
            }
        }

        if (first is not null)
        {
            var winners = first.Values.ToHashSet(ReferenceEqualityComparer.Instance);
            run.Findings = run.Findings.FindAll(f => !oncePerRun.Contains(f.RuleId) || winners.Contains(f));
        }
    }
}
