using CommsLinter.Content;
using CommsLinter.Model;
using CommsLinter.Pipeline;
using CommsLinter.Text;

namespace CommsLinter.Engine.Stages;

/// <summary>
/// The text of a checked file by the path findings give: the document's when the run read it, else
/// read again from disk (a file an earlier run's outcome stood for), once. Thread-safe.
/// </summary>
internal sealed class SourceLookup
{
    private readonly IReadOnlyList<SourceText> _read;
    private readonly IReadOnlyList<DocumentSummary> _summaries;
    private readonly IReadOnlyList<ContentFile> _files;
    private readonly Lock _gate = new();
    private (Dictionary<string, SourceText> Read, Dictionary<string, ContentFile> Files, HashSet<string> ReadBefore)? _maps;

    /// <summary>Texts of files an earlier run's outcome stood for, read again now for fingerprints and the gate.</summary>
    private readonly Dictionary<string, SourceText> _readAgain = new(StringComparer.Ordinal);

    public SourceLookup(IReadOnlyList<SourceText> read, IReadOnlyList<DocumentSummary> summaries, IReadOnlyList<ContentFile> files)
    {
        _read = read;
        _summaries = summaries;
        _files = files;
    }

    public SourceText? Of(string path)
    {
        lock (_gate)
        {
            var (read, files, readBefore) = _maps ??= Maps();
            if (read.TryGetValue(path, out var source) || _readAgain.TryGetValue(path, out source))
            {
                return source;
            }

            // Only files an earlier run read are read again: a file that could not be loaded has no text to give.
            if (!readBefore.Contains(path) || !files.TryGetValue(path, out var file) || DocumentLoader.ReadSource(file) is not { } loaded)
            {
                return null;
            }

            _readAgain[path] = loaded;
            return loaded;
        }
    }

    /// <summary>The text this run read, never one read again from disk.</summary>
    public SourceText? ReadThisRun(string path)
    {
        lock (_gate)
        {
            return (_maps ??= Maps()).Read.GetValueOrDefault(path);
        }
    }

    public ContentFile? FileOf(string path)
    {
        lock (_gate)
        {
            return (_maps ??= Maps()).Files.GetValueOrDefault(path);
        }
    }

    // Built on first use: a run whose output needs no text (most runs) does not pay for every path.
    private (Dictionary<string, SourceText> Read, Dictionary<string, ContentFile> Files, HashSet<string> ReadBefore) Maps()
    {
        var read = new Dictionary<string, SourceText>(StringComparer.Ordinal);
        foreach (var source in _read)
        {
            read.TryAdd(source.Path, source);
        }

        var files = new Dictionary<string, ContentFile>(StringComparer.Ordinal);
        foreach (var file in _files)
        {
            files.TryAdd(file.DisplayPath, file);
        }

        return (read, files, _summaries.Select(s => s.Path).Where(p => !read.ContainsKey(p)).ToHashSet(StringComparer.Ordinal));
    }
}
