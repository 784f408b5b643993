using CommsLinter.Diagnostics;
using CommsLinter.Model;

namespace CommsLinter.Engine.Stages;

/// <summary>
/// Drops the findings that a file's <c>commslint-disable</c> directives silence, and reports each
/// directive that silenced nothing, so stale suppressions do not pile up. What a team reviews is not
/// the author's to silence: findings of a rule marked <c>review</c> and of the approval gate are kept
/// whatever a directive says, and a directive that names one is reported (docs/approvals.md).
/// </summary>
/// <param name="reviewers">The team that reviews what each such rule flags, by rule id.</param>
internal sealed class SuppressionStage(IReadOnlyDictionary<string, string> reviewers) : ICorpusStage
{
    public static readonly RuleDescriptor Unused =
        new("suppression.unused", "A commslint-disable directive suppresses nothing", Severity.Warning);

    public static readonly RuleDescriptor Reviewed =
        new("suppression.review", "A commslint-disable directive names a rule that a team reviews", Severity.Warning);

    public void Run(CorpusRun run)
    {
        var regions = new Dictionary<string, (DocumentSummary Document, bool[] Used)>(StringComparer.Ordinal);
        foreach (var document in run.Summaries)
        {
            if (document.Suppressions.Count > 0)
            {
                regions.TryAdd(document.Path, (document, new bool[document.Suppressions.Count]));
            }
        }

        if (regions.Count == 0)
        {
            return;
        }

        var kept = new List<Finding>(run.Findings.Count);
        foreach (var finding in run.Findings)
        {
            var index = IsSilenceable(finding.RuleId) && regions.TryGetValue(finding.Path, out var entry)
                ? IndexOf(entry.Document.Suppressions, finding)
                : -1;
            if (index < 0)
            {
                kept.Add(finding);
            }
            else
            {
                regions[finding.Path].Used[index] = true;
            }
        }

        foreach (var (path, (document, used)) in regions)
        {
            if (!run.IsChecked(path))
            {
                // A directive in a file the per-file checks skipped (--changed-since) cannot be judged.
                continue;
            }

            for (var i = 0; i < used.Length; i++)
            {
                var directive = document.Suppressions[i];
                var reviewed = directive.RuleIds.Where(reviewers.ContainsKey).ToArray();
                if (reviewed.Length > 0)
                {
                    var teams = string.Join(" and ", reviewed.Select(id => reviewers[id]).Distinct(StringComparer.Ordinal));
                    kept.Add(Reviewed.At(document, directive.Directive,
                        $"This directive names {string.Join(", ", reviewed)}: {teams} must see what {(reviewed.Length == 1 ? "it flags" : "they flag")}, so an inline directive does not silence it. " +
                        $"Change the text, or have {teams} approve it (`commslint approve {document.Path} --by NAME`); then remove {(reviewed.Length == directive.RuleIds.Count ? "the directive" : "these ids from the directive")}."));
                }
                else if (!used[i])
                {
                    kept.Add(Unused.At(document, directive.Directive,
                        $"This directive suppresses nothing{(directive.RuleIds.Count > 0 ? $" ({string.Join(", ", directive.RuleIds)})" : string.Empty)}; remove it."));
                }
            }
        }

        run.Findings = kept;
    }

    private bool IsSilenceable(string ruleId) => ruleId != Unused.Id && ruleId != Reviewed.Id && !reviewers.ContainsKey(ruleId);

    private static int IndexOf(IReadOnlyList<SuppressedLines> regions, Finding finding)
    {
        for (var i = 0; i < regions.Count; i++)
        {
            if (regions[i].Covers(finding.RuleId, finding.Location.Start.Line))
            {
                return i;
            }
        }

        return -1;
    }
}
