using CommsLinter.Diagnostics;
using CommsLinter.Engine.Stages;
using CommsLinter.Model;
using CommsLinter.Pipeline;

namespace CommsLinter.Engine.Live;

/// <summary>
/// The corpus checks of a live workspace, run again only where an edit can change what they find. A
/// grouped check (<see cref="IGroupedCorpusCheck"/>) keeps its groups and each group's findings; a run
/// finds the files whose summary is not the one it saw last time (an unchanged file keeps its summary
/// object), and checks again only the groups those files left or joined. Other corpus checks run
/// over everything, as in a batch check. It reports what <see cref="CorpusChecksStage"/> reports.
/// </summary>
internal sealed class IncrementalCorpusChecks : ICorpusStage
{
    private readonly IReadOnlyList<ICorpusCheck> _whole;
    private readonly GroupState[] _grouped;

    /// <summary>Each file's summary as the last run saw it, and the run that saw it last.</summary>
    private readonly Dictionary<string, (DocumentSummary Summary, int Run)> _seen = new(StringComparer.Ordinal);
    private int _run;

    public IncrementalCorpusChecks(IReadOnlyList<ICorpusCheck> checks)
    {
        _whole = [.. checks.Where(c => c is not IGroupedCorpusCheck)];
        _grouped = [.. checks.OfType<IGroupedCorpusCheck>().Select(c => new GroupState(c))];
    }

    public void Run(CorpusRun run)
    {
        var changed = new List<(DocumentSummary? Before, DocumentSummary? After)>();
        var first = _run++ == 0;
        foreach (var summary in run.Summaries)
        {
            if (!_seen.TryGetValue(summary.Path, out var seen) || !ReferenceEquals(seen.Summary, summary))
            {
                changed.Add((seen.Summary, summary));
            }

            _seen[summary.Path] = (summary, _run);
        }

        if (_seen.Count > run.Summaries.Count)
        {
            foreach (var (path, (summary, _)) in _seen.Where(s => s.Value.Run != _run).ToArray())
            {
                changed.Add((summary, null));
                _seen.Remove(path);
            }
        }

        Parallel.ForEach(_grouped, state => state.Update(first, changed, run.Context));
        foreach (var state in _grouped)
        {
            state.AddFindings(run.Findings);
        }

        var found = new List<Finding>[_whole.Count];
        Parallel.For(0, _whole.Count, i => _whole[i].Check(run.Summaries, run.Context, found[i] = []));
        foreach (var findings in found)
        {
            run.Findings.AddRange(findings);
        }
    }

    /// <summary>One grouped check's groups: their members in path order and what each gave.</summary>
    private sealed class GroupState(IGroupedCorpusCheck check)
    {
        private readonly Dictionary<string, List<DocumentSummary>> _members = new(StringComparer.Ordinal);
        private readonly SortedDictionary<string, List<Finding>> _findings = new(StringComparer.Ordinal);

        public void Update(bool first, List<(DocumentSummary? Before, DocumentSummary? After)> changed, CheckContext context)
        {
            var dirty = new HashSet<string>(StringComparer.Ordinal);
            if (first)
            {
                foreach (var group in check.StandingGroups(context))
                {
                    _members.TryAdd(group, []);
                    dirty.Add(group);
                }
            }

            foreach (var (before, after) in changed)
            {
                if (before is not null && check.GroupOf(before, context) is { } left && _members.TryGetValue(left, out var was))
                {
                    was.RemoveAt(was.FindIndex(member => ReferenceEquals(member, before)));
                    dirty.Add(left);
                }

                if (after is not null && check.GroupOf(after, context) is { } joined)
                {
                    if (!_members.TryGetValue(joined, out var members))
                    {
                        _members[joined] = members = [];
                    }

                    var at = members.BinarySearch(after, Comparer<DocumentSummary>.Create(CorpusGroups.ByPath));
                    members.Insert(at < 0 ? ~at : at, after);
                    dirty.Add(joined);
                }
            }

            foreach (var group in dirty)
            {
                var found = new List<Finding>();
                check.CheckGroup(group, _members[group], context, found);
                if (found.Count > 0)
                {
                    _findings[group] = found;
                }
                else
                {
                    _findings.Remove(group);
                }
            }
        }

        public void AddFindings(List<Finding> findings)
        {
            foreach (var group in _findings.Values)
            {
                findings.AddRange(group);
            }
        }
    }
}
