using CommsLinter.Diagnostics;
using CommsLinter.Engine;
using CommsLinter.Engine.Live;
using StreamJsonRpc;

namespace CommsLinter.LanguageServer;

/// <summary>
/// Findings sent to the editor: pushed for every file whose findings changed, or pulled per document and
/// for the workspace (with a result id per file and long polling), and refreshed when they change.
/// </summary>
internal sealed partial class CommsLintLanguageServer
{
    /// <summary>Each page's address, found once: every diagnostic names one.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> _pages = new(StringComparer.Ordinal);
    private readonly Lock _generationLock = new();
    private long _generation;
    private TaskCompletionSource _nextGeneration = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [JsonRpcMethod("textDocument/diagnostic")]
    public async Task<FullDocumentDiagnosticReport> DocumentDiagnosticAsync(DocumentDiagnosticParams parameters)
    {
        var path = PathOf(parameters.TextDocument.Uri);
        await SettledAsync(path).ConfigureAwait(false);
        return new FullDocumentDiagnosticReport(DiagnosticsOf(path));
    }

    /// <summary>
    /// Every file's findings, each report with a result id of its own: a file the editor already has as it is comes back
    /// "unchanged", and a pull that has everything as it is waits for the next change (or its cancellation), as the
    /// specification's long polling expects, instead of being answered at once and again in a loop.
    /// </summary>
    [JsonRpcMethod("workspace/diagnostic")]
    public async Task<WorkspaceDiagnosticReport> WorkspaceDiagnosticAsync(WorkspaceDiagnosticParams parameters, CancellationToken cancellation)
    {
        // Editors spell URIs their own way ("%28" for "("): files are matched by the paths they name.
        var previous = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var known in parameters.PreviousResultIds ?? [])
        {
            previous[PathOf(known.Uri)] = known.Value;
        }

        while (true)
        {
            var (_, next) = Generation();
            await SettledAsync().ConfigureAwait(false);
            var current = new List<(string Path, ProjectFolder Folder, IReadOnlyList<Finding> Findings, string Id)>();
            foreach (var folder in _folders)
            {
                foreach (var file in folder.Workspace.Findings.GroupBy(f => f.Path, StringComparer.Ordinal))
                {
                    IReadOnlyList<Finding> findings = [.. file];
                    current.Add((folder.FullPathOf(file.Key), folder, findings, ResultIdOf(findings)));
                }
            }

            var held = current.Select(c => c.Path).ToHashSet(StringComparer.Ordinal);
            var gone = previous.Where(p => p.Value != NoFindings && !held.Contains(p.Key)).Select(p => p.Key).ToList();
            if (gone.Count == 0 && current.All(c => previous.GetValueOrDefault(c.Path) == c.Id))
            {
                await next.WaitAsync(cancellation).ConfigureAwait(false);
                continue;
            }

            var reports = new List<object>();
            foreach (var (path, folder, findings, id) in current)
            {
                reports.Add(previous.GetValueOrDefault(path) == id
                    ? new WorkspaceUnchangedDocumentDiagnosticReport(UriOf(path), _documents.VersionOf(path), id)
                    : new WorkspaceDocumentDiagnosticReport(UriOf(path), [.. findings.Select(f => ToDiagnostic(folder, f))], _documents.VersionOf(path), id));
            }

            // A file whose findings all went is reported empty, or the editor would keep showing them.
            reports.AddRange(gone.Select(path => new WorkspaceDocumentDiagnosticReport(UriOf(path), [], _documents.VersionOf(path), NoFindings)));
            return new WorkspaceDiagnosticReport(reports);
        }
    }

    /// <summary>The result id of a file reported empty.</summary>
    private const string NoFindings = "none";

    /// <summary>A file's findings as one id: the same findings, the same id, for as long as the server runs.</summary>
    private static string ResultIdOf(IReadOnlyList<Finding> findings)
    {
        var hash = new HashCode();
        foreach (var finding in findings)
        {
            hash.Add(finding.RuleId);
            hash.Add(finding.Severity);
            hash.Add(finding.Message);
            hash.Add(finding.Location);
            hash.Add(finding.Fix?.Description);
        }

        return hash.ToHashCode().ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
    }

    private (string Id, Task Changed) Generation()
    {
        lock (_generationLock)
        {
            return (_generation.ToString(System.Globalization.CultureInfo.InvariantCulture), _nextGeneration.Task);
        }
    }

    /// <summary>Findings changed: a new generation, and the long-polling pulls waiting on the last one are answered.</summary>
    private void NextFindingsGeneration()
    {
        TaskCompletionSource done;
        lock (_generationLock)
        {
            _generation++;
            done = _nextGeneration;
            _nextGeneration = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        done.TrySetResult();
    }

    private void Publish(ProjectFolder folder, IReadOnlyList<FileFindings> files)
    {
        if (files.Count == 0)
        {
            return;
        }

        NextFindingsGeneration();

        if (_pull)
        {
            if (_refreshSupport)
            {
                _ = _rpc!.InvokeWithParameterObjectAsync<object?>("workspace/diagnostic/refresh");
            }

            return;
        }

        foreach (var file in files)
        {
            var path = folder.FullPathOf(file.Path);
            _ = NotifyAsync("textDocument/publishDiagnostics", new PublishDiagnosticsParams(UriOf(path), [.. file.Findings.Select(f => ToDiagnostic(folder, f))])
            {
                Version = _documents.VersionOf(path),
            });
        }
    }

    private void PublishEmpty(string path)
    {
        if (!_pull)
        {
            _ = NotifyAsync("textDocument/publishDiagnostics", new PublishDiagnosticsParams(UriOf(path), []) { Version = _documents.VersionOf(path) });
        }
    }

    private IReadOnlyList<Diagnostic> DiagnosticsOf(string path) =>
        FolderOf(path) is { } folder
            ? [.. folder.Workspace.FindingsOf(folder.DisplayPathOf(path)).Select(f => ToDiagnostic(folder, f))]
            : [];

    private Diagnostic ToDiagnostic(ProjectFolder folder, Finding finding) =>
        Findings.ToDiagnostic(finding, id => PageOf(folder, id), path => folder.FullPathOf(path) is var full && (File.Exists(full) || _documents.IsOpen(full)) ? UriOf(full) : null);

    private string? PageOf(ProjectFolder folder, string ruleId)
    {
        var helpPath = folder.RuleOf(ruleId)?.Header.Descriptor.HelpPath
            ?? RuleRegistry.Descriptors.FirstOrDefault(d => d.Id == ruleId)?.HelpPath;
        return helpPath is null ? null : _pages.GetOrAdd(helpPath, _pageOfHelpPath);
    }
}
