using System.Threading.Channels;

namespace CommsLinter.Cli;

/// <summary>
/// Files and folders that change on disk under a folder, handed over in batches: a batch is complete
/// once no change has come for a quiet spell, because an editor saves a file in several steps (write a
/// copy, rename it over the file) and a branch switch changes many files at once. A folder's own
/// change of time is not reported; a watcher that lost track (its buffer overflowed) reports
/// <see cref="LostTrack"/> so that everything is listed again.
/// </summary>
internal sealed class DiskChanges : IDisposable
{
    /// <summary>Stands in a batch for "the watcher lost track of what changed".</summary>
    public const string LostTrack = "";

    private readonly FileSystemWatcher _watcher;
    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public DiskChanges(string folder)
    {
        _watcher = new FileSystemWatcher(folder)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        _watcher.Created += (_, e) => Post(e.FullPath);
        _watcher.Deleted += (_, e) => Post(e.FullPath);
        _watcher.Changed += (_, e) =>
        {
            if (!Directory.Exists(e.FullPath))
            {
                Post(e.FullPath);
            }
        };
        _watcher.Renamed += (_, e) =>
        {
            Post(e.OldFullPath);
            Post(e.FullPath);
        };
        _watcher.Error += (_, _) => Post(LostTrack);
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>Told each time a quiet spell is on the clock (a change came, and the batch waits for more): tests move their clock then.</summary>
    internal event Action? QuietSpellStarted;

    /// <summary>The next batch of changed paths, each once, in the order they first changed.</summary>
    public async Task<IReadOnlyList<string>> NextAsync(TimeProvider time, TimeSpan quiet, CancellationToken cancellationToken)
    {
        var batch = new List<string> { await _changes.Reader.ReadAsync(cancellationToken).ConfigureAwait(false) };
        while (true)
        {
            using var spell = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var done = Task.Delay(quiet, time, spell.Token);
            QuietSpellStarted?.Invoke();

            var more = _changes.Reader.WaitToReadAsync(spell.Token).AsTask();
            if (await Task.WhenAny(more, done).ConfigureAwait(false) == done)
            {
                await spell.CancelAsync().ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                return [.. batch.Distinct(StringComparer.Ordinal)];
            }

            await spell.CancelAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            while (_changes.Reader.TryRead(out var path))
            {
                batch.Add(path);
            }
        }
    }

    public void Dispose() => _watcher.Dispose();

    private void Post(string path) => _changes.Writer.TryWrite(path);
}
