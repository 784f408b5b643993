using System.Globalization;
using CommsLinter.Diagnostics;
using CommsLinter.Engine.Live;
using CommsLinter.Reports;

namespace CommsLinter.Cli;

/// <summary>
/// <c>commslint check --watch</c>: the content held open in a live workspace. Every batch of changes on
/// disk is taken in, and only what changed is printed: each finding that appeared (<c>+</c>) or went
/// (<c>-</c>), then the totals. A finding is known by its fingerprint (its rule, file, text and which
/// occurrence it is) with its severity and message, so one that only moved because lines were added
/// above it is neither, and one whose rule became an error went and came back as one.
/// </summary>
internal sealed class CheckWatch(LiveWorkspace workspace, TextReport lines, TextWriter output, TextWriter error, TimeProvider time)
{
    /// <summary>The identities of each file's findings as last printed, by path.</summary>
    private readonly Dictionary<string, IReadOnlyDictionary<Finding, string>> _shown = new(StringComparer.Ordinal);

    /// <summary>Prints every finding, then waits for changes and prints what each batch changed, until <paramref name="stop"/>.</summary>
    /// <param name="nextBatch">The next batch of changed files and folders (full paths); <see cref="DiskChanges.LostTrack"/> for "list everything again".</param>
    public async Task RunAsync(Func<CancellationToken, Task<IReadOnlyList<string>>> nextBatch, string watched, CancellationToken stop)
    {
        foreach (var finding in workspace.Findings)
        {
            lines.WriteFinding(output, finding);
        }

        Remember(workspace.Findings);
        output.WriteLine();
        output.WriteLine($"{Totals()} Watching {Count(workspace.FileCount, "file")} and the configuration under {watched}/; press Ctrl+C to stop.");
        output.Flush();
        while (!stop.IsCancellationRequested)
        {
            IReadOnlyList<string> batch;
            try
            {
                batch = await nextBatch(stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }

            WorkspaceChange change;
            try
            {
                change = batch.Contains(DiskChanges.LostTrack) ? workspace.Rescan() : workspace.FilesChanged(batch);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Files that changed again while they were read: reading everything again catches up with them.
                error.WriteLine($"commslint: warning: {ex.Message} Reading everything again.");
                change = workspace.Rescan();
            }

            // Saves of files the workspace does not check (a build's output, an editor's backup) say nothing.
            if (change.Checked > 0 || change.Changed.Count > 0)
            {
                Print(change.Changed);
            }
        }

        output.WriteLine("Stopped watching.");
        output.Flush();
    }

    private void Print(IReadOnlyList<FileFindings> files)
    {
        var appeared = 0;
        var gone = 0;
        var touched = new List<string>();
        foreach (var file in files)
        {
            var before = _shown.GetValueOrDefault(file.Path) ?? new Dictionary<Finding, string>();
            var now = Identities(file.Findings);
            var known = before.Values.ToHashSet(StringComparer.Ordinal);
            var kept = now.Values.ToHashSet(StringComparer.Ordinal);
            var count = appeared + gone;
            foreach (var finding in before.Keys.Where(f => !kept.Contains(before[f])))
            {
                output.Write("- ");
                lines.WriteFinding(output, finding);
                gone++;
            }

            foreach (var finding in file.Findings.Where(f => !known.Contains(now[f])))
            {
                output.Write("+ ");
                lines.WriteFinding(output, finding);
                appeared++;
            }

            if (appeared + gone > count)
            {
                touched.Add(file.Path);
            }

            _shown[file.Path] = now;
        }

        var clock = time.GetLocalNow().ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        var where = touched.Count <= 3 ? string.Join(", ", touched) : $"{string.Join(", ", touched.Take(3))} and {touched.Count - 3} more";
        output.WriteLine(appeared + gone == 0
            ? $"[{clock}] No finding appeared or went. {Totals()}"
            : $"[{clock}] {Count(appeared, "new finding")}, {gone} gone ({where}). {Totals()}");
        output.Flush();
    }

    private void Remember(IReadOnlyList<Finding> findings)
    {
        foreach (var group in findings.GroupBy(f => f.Path, StringComparer.Ordinal))
        {
            _shown[group.Key] = Identities([.. group]);
        }
    }

    private Dictionary<Finding, string> Identities(IReadOnlyList<Finding> findings)
    {
        var identities = new Dictionary<Finding, string>(ReferenceEqualityComparer.Instance);
        foreach (var (finding, fingerprint) in FindingFingerprints.Of(findings, workspace.SourceOf))
        {
            identities[finding] = $"{fingerprint}\n{finding.Severity}\n{finding.Message}";
        }

        return identities;
    }

    private string Totals()
    {
        var findings = workspace.Findings;
        return $"Now {Count(findings.Count(f => f.Severity == Severity.Error), "error")}, {Count(findings.Count(f => f.Severity == Severity.Warning), "warning")}, {Count(findings.Count(f => f.Severity == Severity.Suggestion), "suggestion")}.";
    }

    private static string Count(int count, string noun) => string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");
}
