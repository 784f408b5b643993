using CommsLinter.Content;
using System.Threading.Channels;

namespace CommsLinter.Cli;

/// <summary>
/// Files and folders that change on disk under some folders, handed over in batches: a batch is
/// complete once no change has come for a quiet spell, because an editor saves a file in several steps
/// (write a copy, rename it over the file) and a branch switch changes many files at once; a batch
/// that keeps growing is handed over after <see cref="LongestWait"/>, so that a file written all the
/// time does not hold back every check. Dot-folders (.git, .commslint) and a folder's own change of
/// time are not reported; a watcher that lost track (its buffer overflowed) reports
/// <see cref="LostTrack"/>, so that everything is listed again.
/// </summary>
internal sealed class DiskChanges : IDisposable
{
    /// <summary>Stands in a batch for "a watcher lost track of what changed".</summary>
    public const string LostTrack = "";

    /// <summary>The longest a batch waits for its quiet spell.</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(2);

    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    /// <param name="folders">The folders to watch, each with everything below it; one inside another is watched once.</param>
    public DiskChanges(IEnumerable<string> folders)
    {
        var distinct = folders.Distinct(StringComparer.Ordinal).ToList();
        foreach (var folder in distinct.Where(f => Directory.Exists(f) && !distinct.Any(other => other != f && ContentDiscovery.IsSameOrInside(f, other))))
        {
            var watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Created += (_, e) => Post(folder, e.FullPath);
            watcher.Deleted += (_, e) => Post(folder, e.FullPath);
            watcher.Changed += (_, e) =>
            {
                if (!Directory.Exists(e.FullPath))
                {
                    Post(folder, e.FullPath);
                }
            };
            watcher.Renamed += (_, e) =>
            {
                Post(folder, e.OldFullPath);
                Post(folder, e.FullPath);
            };
            watcher.Error += (_, _) => _changes.Writer.TryWrite(LostTrack);
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    /// <summary>Told each time a quiet spell is on the clock (a change came, and the batch waits for more): tests move their clock then.</summary>
    internal event Action? QuietSpellStarted;

    /// <summary>The next batch of changed paths, each once, in the order they first changed.</summary>
    public async Task<IReadOnlyList<string>> NextAsync(TimeProvider time, TimeSpan quiet, CancellationToken cancellationToken)
    {
        var batch = new List<string> { await _changes.Reader.ReadAsync(cancellationToken).ConfigureAwait(false) };
        var started = time.GetTimestamp();
        while (time.GetElapsedTime(started) < LongestWait)
        {
            using var spell = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var done = Task.Delay(quiet, time, spell.Token);
            QuietSpellStarted?.Invoke();
            var more = _changes.Reader.WaitToReadAsync(spell.Token).AsTask();
            var first = await Task.WhenAny(more, done).ConfigureAwait(false);
            await spell.CancelAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (first == done)
            {
                break;
            }

            while (_changes.Reader.TryRead(out var path))
            {
                batch.Add(path);
            }
        }

        return [.. batch.Distinct(StringComparer.Ordinal)];
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }
    }

    private void Post(string folder, string path)
    {
        // What git, editors' swap folders and the cache write under dot-folders is not content.
        if (!Path.GetRelativePath(folder, path).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')))
        {
            _changes.Writer.TryWrite(path);
        }
    }
}
