using System.Collections.Concurrent;
using CommsLinter.Engine.Stages;
using CommsLinter.Pipeline;

namespace CommsLinter.Engine.Caching;

/// <summary>
/// Stands in front of the per-document stage: a file whose text is the text an earlier run checked, in
/// the same environment, gets that run's outcome without being read; any other file goes through the
/// stage, and its outcome is kept for <see cref="CheckCache.Save"/>. The stage and what it makes know
/// nothing of the cache.
/// </summary>
internal sealed class CachedDocumentStage(IDocumentStage inner, CheckCache cache, IReadOnlyDictionary<string, FileOutcome>? known = null) : IDocumentStage
{
    private readonly ConcurrentBag<CheckedFile> _checked = [];

    /// <summary>The files this run checked in full, for the cache to keep.</summary>
    public IReadOnlyList<CheckedFile> Checked => [.. _checked];

    public DocumentResult Run(ContentFile file, bool checkFile)
    {
        var outcome = known is null ? cache.Lookup(file) : known.GetValueOrDefault(file.FullPath);
        if (outcome is not null)
        {
            return new DocumentResult(checkFile ? outcome : outcome with { Findings = [] }, null, null);
        }

        var result = inner.Run(file, checkFile);
        // A file whose per-file checks were skipped (--changed-since) has an incomplete outcome: never keep it.
        if (checkFile && result.Source is { } source)
        {
            _checked.Add(new CheckedFile(file, source, result.Outcome));
        }

        return result;
    }

    /// <summary>An editor's text is never in the cache: it goes straight to the stage.</summary>
    public DocumentResult Run(ContentFile file, string text) => inner.Run(file, text);
}
