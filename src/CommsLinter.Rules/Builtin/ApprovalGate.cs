using CommsLinter.Catalog;
using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Text;

namespace CommsLinter.Rules.Builtin;

/// <summary>What the gate needs to know about the ledger and the repository, from the layer that reads them.</summary>
/// <param name="Entries">The trusted approvals.</param>
/// <param name="LedgerPath">The ledger's path as shown to users.</param>
/// <param name="PathOf">The ledger path (relative to the repository root) of a document, by its path as shown; null when it is outside.</param>
/// <param name="Exists">Whether a ledger path names a file that exists.</param>
/// <param name="TextOf">A document's current text, by its path as shown; asked only of a document whose text changed since its approval.</param>
public sealed record ApprovalSource(IReadOnlyList<Approval> Entries, string LedgerPath, Func<string, string?> PathOf, Func<string, bool> Exists, Func<string, string?> TextOf);

/// <summary>What the gate found: the templates that need a review, with their state, and the findings to report.</summary>
public sealed record ApprovalGateResult(IReadOnlyList<ReviewItem> Reviews, IReadOnlyList<Finding> Findings);

/// <summary>
/// The review gate. A template needs a review when its touchpoint is flagged <c>legal-review</c> in the
/// catalog, when a rule marked <c>review TEAM</c> flagged it, or when it is a snippet that such a
/// template includes. It passes when its current normalised text has an approval in the ledger. With
/// <c>--ci</c> a template without one is an error; otherwise a warning. docs/approvals.md.
/// </summary>
public static class ApprovalGate
{
    public const string LegalTeam = "legal";

    public static readonly RuleDescriptor LegalPending = new("review.legal-pending", "Text that legal must review has no approval", Severity.Error);
    public static readonly RuleDescriptor Pending = new("review.pending", "Text that a team must review has no approval", Severity.Error);
    public static readonly RuleDescriptor StaleApproval = new("review.stale-approval", "Approval for a file that no longer exists", Severity.Warning);

    public static IReadOnlyList<RuleDescriptor> Descriptors { get; } = [LegalPending, Pending, StaleApproval];

    /// <summary>A finding of the gate, which only an approval resolves (a baseline never accepts it).</summary>
    public static bool IsGateFinding(Finding finding) => Descriptors.Any(d => d.Id == finding.RuleId);

    public static ApprovalGateResult Evaluate(
        IReadOnlyList<DocumentSummary> documents,
        IReadOnlyList<Finding> findings,
        JourneyCatalog? catalog,
        SnippetLibrary? snippets,
        Func<string, string?> reviewOfRule,
        ApprovalSource approvals,
        bool ci)
    {
        var needs = new Dictionary<string, (SortedSet<string> Teams, SortedSet<string> Reasons)>(StringComparer.Ordinal);
        // True when the path gained a team or a reason.
        bool Need(string path, string team, string reason)
        {
            if (!needs.TryGetValue(path, out var need))
            {
                needs[path] = need = (new SortedSet<string>(StringComparer.Ordinal), new SortedSet<string>(StringComparer.Ordinal));
            }

            return need.Teams.Add(team) | need.Reasons.Add(reason);
        }

        foreach (var document in documents.Where(d => d.Kind == DocumentKind.Template))
        {
            if (document.Touchpoint is { } id && catalog?.FindTouchpoint(id) is { } touchpoint && touchpoint.HasFlag(Touchpoint.LegalReviewFlag))
            {
                Need(document.Path, LegalTeam, $"its touchpoint '{id}' is flagged {Touchpoint.LegalReviewFlag}");
            }
        }

        foreach (var finding in findings)
        {
            if (reviewOfRule(finding.RuleId) is { } team)
            {
                Need(finding.Path, team, $"rule {finding.RuleId} asks {team} to review what it flags");
            }
        }

        // Legal text often lives in a shared footer: a snippet is reviewed by every team that reviews a template including it.
        var byPath = documents.ToDictionary(d => d.Path, StringComparer.Ordinal);
        // Repeated until nothing changes, so a snippet included by a snippet is reached whatever their order.
        var users = snippets is null ? null : IncludeCheck.UsedBy(documents, snippets);
        for (var changed = users is not null; changed;)
        {
            changed = false;
            foreach (var snippet in snippets!.Snippets.Where(s => byPath.ContainsKey(s.DisplayPath)))
            {
                foreach (var user in users!.GetValueOrDefault(snippet.Name) ?? [])
                {
                    if (!needs.TryGetValue(user, out var need))
                    {
                        continue;
                    }

                    foreach (var team in need.Teams.ToArray())
                    {
                        changed |= Need(snippet.DisplayPath, team, $"{user} includes it");
                    }
                }
            }
        }

        var reviews = new List<ReviewItem>();
        var gate = new List<Finding>();
        var moved = new Dictionary<Approval, string>();
        var byLedgerPath = approvals.Entries.ToDictionary(e => e.Path, StringComparer.Ordinal);
        var gone = approvals.Entries.Where(e => !approvals.Exists(e.Path)).ToArray();
        var goneByHash = gone.GroupBy(e => e.Sha256, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var (path, need) in needs.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!byPath.TryGetValue(path, out var document) || approvals.PathOf(path) is not { } ledgerPath)
            {
                continue;
            }

            var hash = document.TextHash;
            // A file moved without a change keeps its approval: the entry of the old path, which no longer exists, has the same text.
            var last = byLedgerPath.GetValueOrDefault(ledgerPath) ?? goneByHash.GetValueOrDefault(hash);
            if (last is not null && last.Path != ledgerPath)
            {
                moved[last] = ledgerPath;
            }

            var state = last is null ? ReviewState.Unapproved : last.Sha256 == hash ? ReviewState.Approved : ReviewState.Changed;
            var changedText = state == ReviewState.Changed && approvals.TextOf(path) is { } current ? Approval.Normalize(current) : null;
            reviews.Add(new ReviewItem(path, [.. need.Teams], [.. need.Reasons], state, last, changedText));
            if (state != ReviewState.Approved)
            {
                gate.Add(PendingFinding(document, need.Teams, need.Reasons, last, changedText, ledgerPath, ci));
            }
        }

        foreach (var entry in gone)
        {
            gate.Add(StaleApproval.At(approvals.LedgerPath, entry.Location, moved.TryGetValue(entry, out var now)
                ? $"'{entry.Path}' was approved by {entry.By} on {entry.Date}, and moved unchanged to '{now}', which this approval still covers. Record it at its new path: `commslint approve {now} --by \"{entry.By}\"`, then `commslint approve --prune`."
                : $"'{entry.Path}' was approved by {entry.By} on {entry.Date}, and no longer exists (moved or deleted). Remove the entry with `commslint approve --prune`, and approve the file where it is now."));
        }

        return new ApprovalGateResult(reviews, gate);
    }

    private static Finding PendingFinding(DocumentSummary document, IEnumerable<string> teams, IEnumerable<string> reasons, Approval? last, string? changedText, string ledgerPath, bool ci)
    {
        var names = string.Join(" and ", teams);
        var rule = teams.Contains(LegalTeam) ? LegalPending : Pending;
        // Normalising keeps every line but trailing blank ones, so a line of the normalised text is a line of the file.
        var line = last is null || changedText is null ? 1 : LineDiff.FirstChangedLine(last.Text, changedText) ?? 1;
        var at = changedText is null ? 1 : Math.Clamp(line, 1, Math.Max(1, changedText.Count(c => c == '\n')));
        var since = last is null
            ? "it has never been approved"
            : $"its text has changed since {last.By} approved it on {last.Date} (first change at line {line})";
        var message = $"{names} must review this template ({string.Join("; ", reasons)}), and {since}. " +
            $"Once reviewed, run `commslint approve {ledgerPath} --by NAME`.{(ci ? string.Empty : " `commslint check --ci` fails on this.")}";
        var finding = rule.At(document, new Location(new LinePosition(at, 1), new LinePosition(at, 1)), message);
        return ci ? finding : finding with { Severity = Severity.Warning };
    }
}
