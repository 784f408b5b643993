using System.Threading.Channels;
using CommsLinter.Engine.Live;
using StreamJsonRpc;

namespace CommsLinter.LanguageServer;

/// <summary>
/// The editor's changes, taken in one at a time and in order by one worker: a typed edit after the pause
/// (at once when a request needs it), an opened or closed document, files changed on disk, the folders
/// opened again. A request waits for the changes before it by queueing a barrier behind them.
/// </summary>
internal sealed partial class CommsLintLanguageServer
{
    private readonly Channel<Work> _work = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, long> _editGenerations = new(StringComparer.Ordinal);

    /// <summary>The generation of each file's edits last taken in, so a change is checked once.</summary>
    private readonly Dictionary<string, long> _applied = new(StringComparer.Ordinal);

    private async Task WorkAsync()
    {
        await foreach (var work in _work.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                Apply(work);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // One change that cannot be taken in (a file changed again while it was read, a defect) must not end the
                // server: it is logged, and what it was about is read again by the next change or request.
                await NotifyAsync("window/logMessage", new ShowMessageParams(1, $"commslint: {work.GetType().Name.ToLowerInvariant()} failed: {ex.Message}")).ConfigureAwait(false);
                if (work is Barrier barrier)
                {
                    barrier.Done.TrySetResult();
                }

                // The edit counts as not taken in: the next request about the file, or the next edit, checks it again.
                if (work is Edited edited)
                {
                    lock (_editGenerations)
                    {
                        _applied.Remove(edited.Path);
                    }
                }
            }
        }
    }

    private void Apply(Work work)
    {
        switch (work)
        {
            case Reopen:
                OpenFolders();
                break;
            case Edited edited when IsLatest(edited.Path, edited.Generation):
                if (FolderOf(edited.Path) is { } editedIn && _documents.TextOf(edited.Path) is { } text)
                {
                    editedIn.Workspace.SetText(edited.Path, text);
                }

                break;
            case Closed closed when IsLatest(closed.Path, closed.Generation):
                FolderOf(closed.Path)?.Workspace.CloseText(closed.Path);
                break;
            case OnDisk disk:
                foreach (var folder in _folders)
                {
                    var held = disk.Paths.Where(p => folder.Holds(p) || folder.HoldsDefinition(p)).ToList();
                    if (held.Count > 0)
                    {
                        folder.Workspace.FilesChanged(held);
                    }
                }

                break;
            case Barrier barrier:
                barrier.Done.TrySetResult();
                break;
        }
    }

    /// <summary>
    /// Opens every folder again (settings or folders changed): each is built whole, with the editor's texts, before it
    /// is served; the files that had findings before and have none now are sent empty, or the editor would keep them.
    /// </summary>
    private void OpenFolders()
    {
        var before = _folders.SelectMany(f => f.Workspace.Findings.Select(x => f.FullPathOf(x.Path))).ToHashSet(StringComparer.Ordinal);
        var folders = new List<ProjectFolder>();
        foreach (var root in _roots)
        {
            var folder = ProjectFolder.Open(root, _styleGuides);
            foreach (var open in OpenIn(folder))
            {
                if (_documents.TextOf(open) is { } text)
                {
                    folder.Workspace.SetText(open, text);
                }
            }

            folder.Workspace.Changed += change => Publish(folder, change.Changed);
            folders.Add(folder);
        }

        _folders = folders;
        NextFindingsGeneration();
        var now = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            var files = folder.Workspace.Findings.GroupBy(f => f.Path, StringComparer.Ordinal).Select(g => new FileFindings(g.Key, [.. g])).ToList();
            now.UnionWith(files.Select(f => folder.FullPathOf(f.Path)));
            Publish(folder, files);
        }

        foreach (var gone in before.Where(p => !now.Contains(p)))
        {
            PublishEmpty(gone);
        }
    }

    private List<string> OpenIn(ProjectFolder folder) => [.. Generations().Select(g => g.Path).Where(folder.Holds)];

    /// <summary>The file a request names and its workspace folder (null outside every folder), once the changes before the request are checked.</summary>
    private async Task<(string Path, ProjectFolder? Folder)> SettledFolderAsync(string uri)
    {
        var path = PathOf(uri);
        await SettledAsync(path).ConfigureAwait(false);
        return (path, FolderOf(path));
    }

    /// <summary>Waits until every change received so far, debounced edits included, has been checked.</summary>
    /// <param name="document">The file the request is about, whose edit still waiting out the pause is checked now; null for every open file.</param>
    private async Task SettledAsync(string? document = null)
    {
        EnsureInitialized();

        // The request is about the text as the editor has it; other files' edits keep their pause.
        foreach (var (path, generation) in Generations().Where(g => document is null || g.Path == document))
        {
            Enqueue(new Edited(path, generation));
        }

        var barrier = new Barrier(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        Enqueue(barrier);
        await barrier.Done.Task.ConfigureAwait(false);
    }

    private List<(string Path, long Generation)> Generations()
    {
        lock (_editGenerations)
        {
            return [.. _editGenerations.Where(p => _documents.IsOpen(p.Key)).Select(p => (p.Key, p.Value))];
        }
    }

    private long NextGeneration(string path)
    {
        lock (_editGenerations)
        {
            return _editGenerations[path] = _editGenerations.GetValueOrDefault(path) + 1;
        }
    }

    /// <summary>An edit is checked once, with the text of its latest generation; older ones and repeats are dropped.</summary>
    private bool IsLatest(string path, long generation)
    {
        lock (_editGenerations)
        {
            if (_editGenerations.GetValueOrDefault(path) != generation || _applied.GetValueOrDefault(path) == generation)
            {
                return false;
            }

            _applied[path] = generation;
            return true;
        }
    }

    /// <summary>Queues a change; before <c>initialize</c> there is no workspace to change, and the specification says to drop notifications.</summary>
    private void Enqueue(Work work)
    {
        if (_initialized)
        {
            _work.Writer.TryWrite(work);
        }
    }

    private abstract record Work;

    private sealed record Reopen : Work;

    private sealed record Edited(string Path, long Generation) : Work;

    private sealed record Closed(string Path, long Generation) : Work;

    private sealed record OnDisk(IReadOnlyList<string> Paths) : Work;

    private sealed record Barrier(TaskCompletionSource Done) : Work;

    /// <summary>A request before <c>initialize</c> is answered with the specification's error.</summary>
    private void EnsureInitialized()
    {
        if (!_initialized)
        {
            throw new LocalRpcException("The server is not initialized: send 'initialize' first.") { ErrorCode = ServerNotInitialized };
        }
    }
}
