using CommsLinter.Catalog;
using CommsLinter.Diagnostics;
using CommsLinter.Model;

namespace CommsLinter.Pipeline;

/// <summary>What to check: the files, the catalog, and what loading the configuration already found.</summary>
public sealed record LintRequest(
    IReadOnlyList<ContentFile> Files,
    JourneyCatalog? Catalog,
    IReadOnlyList<Finding> ConfigurationFindings,
    bool IsWholeCorpus,
    SnippetLibrary? Snippets = null,
    ITemplateRendering? Rendering = null)
{
    /// <summary>
    /// When set, only these files (by full path) get the per-file checks and keep their per-file
    /// findings; every file is still read, so the corpus checks see the whole content.
    /// </summary>
    public IReadOnlySet<string>? ChangedFiles { get; init; }

    public bool IsChanged(ContentFile file) => ChangedFiles is null || ChangedFiles.Contains(file.FullPath);
}

/// <summary>The outcome of a run: every document read and every finding, sorted.</summary>
public sealed record LintResult(IReadOnlyList<Document> Documents, IReadOnlyList<Finding> Findings, int FileCount)
{
    public int Count(Severity severity) => Findings.Count(f => f.Severity == severity);
}

/// <summary>
/// The pipeline: load every file in parallel, run the per-document checks on each, then the corpus
/// checks over all of them, and sort the findings. A failure inside one file's processing becomes a
/// finding on that file; the run goes on.
/// </summary>
public sealed class Linter
{
    public static readonly RuleDescriptor InternalError =
        new("internal.error", "CommsLinter failed on this file", Severity.Error);

    public static readonly RuleDescriptor UnusedSuppression =
        new("suppression.unused", "A commslint-disable directive suppresses nothing", Severity.Warning);

    private readonly IDocumentLoader _loader;
    private readonly IReadOnlyList<IDocumentCheck> _documentChecks;
    private readonly IReadOnlyList<ICorpusCheck> _corpusChecks;

    public Linter(IDocumentLoader loader, IReadOnlyList<IDocumentCheck> documentChecks, IReadOnlyList<ICorpusCheck> corpusChecks)
    {
        _loader = loader;
        _documentChecks = documentChecks;
        _corpusChecks = corpusChecks;
    }

    public IEnumerable<RuleDescriptor> Rules =>
        _documentChecks.SelectMany(c => c.Rules).Concat(_corpusChecks.SelectMany(c => c.Rules));

    /// <param name="progress">Told after each file is done, with the number done so far.</param>
    public LintResult Run(LintRequest request, Action<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var context = new CheckContext(request.Catalog, request.IsWholeCorpus, request.Snippets, request.Rendering);
        var files = request.Files;
        var documents = new Document?[files.Count];
        var perFile = new List<Finding>[files.Count];
        var done = 0;

        Parallel.For(0, files.Count, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var findings = new List<Finding>();
            try
            {
                var loaded = _loader.Load(files[i]);
                var changed = request.IsChanged(files[i]);
                if (changed)
                {
                    findings.AddRange(loaded.Findings);
                }

                documents[i] = loaded.Document;
                if (changed && loaded.Document is { } document)
                {
                    foreach (var check in _documentChecks)
                    {
                        check.Check(document, context, findings);
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                findings.Add(InternalError.At(files[i].DisplayPath, Text.Location.FileStart,
                    $"CommsLinter failed while checking this file ({ex.GetType().Name}: {ex.Message}). The other files were checked; please report this with the file attached."));
            }

            perFile[i] = findings;
            progress?.Invoke(Interlocked.Increment(ref done));
        });

        var loadedDocuments = documents.OfType<Document>().ToArray();
        var all = new List<Finding>(request.ConfigurationFindings);
        foreach (var findings in perFile)
        {
            all.AddRange(findings);
        }

        foreach (var check in _corpusChecks)
        {
            check.Check(loadedDocuments, context, all);
        }

        // A directive in a file the per-file checks skipped (--changed-since) cannot be judged unused.
        var checkedPaths = request.ChangedFiles is null ? null : files.Where(request.IsChanged).Select(f => f.DisplayPath).ToHashSet(StringComparer.Ordinal);
        all = ApplySuppressions(loadedDocuments, all, checkedPaths);
        all.Sort(Finding.Order);
        return new LintResult(loadedDocuments, all, files.Count);
    }

    /// <summary>
    /// Drops the findings that a document's directives silence, and reports each directive that
    /// silenced nothing, so stale suppressions do not pile up.
    /// </summary>
    /// <param name="checkedPaths">The files whose per-file checks ran; null for all.</param>
    private static List<Finding> ApplySuppressions(IReadOnlyList<Document> documents, List<Finding> findings, HashSet<string>? checkedPaths)
    {
        var regions = new Dictionary<string, List<SuppressedRegion>>(StringComparer.Ordinal);
        foreach (var document in documents.Where(d => d.Suppressions.Count > 0))
        {
            regions[document.Path] = SuppressedRegion.Of(document);
        }

        if (regions.Count == 0)
        {
            return findings;
        }

        var kept = new List<Finding>(findings.Count);
        foreach (var finding in findings)
        {
            var region = regions.TryGetValue(finding.Path, out var list)
                ? list.FirstOrDefault(r => r.Covers(finding))
                : null;
            if (region is null)
            {
                kept.Add(finding);
            }
            else
            {
                region.Used = true;
            }
        }

        foreach (var (path, list) in regions)
        {
            if (checkedPaths is not null && !checkedPaths.Contains(path))
            {
                continue;
            }

            var document = documents.First(d => d.Path == path);
            foreach (var region in list.Where(r => !r.Used))
            {
                kept.Add(UnusedSuppression.At(document, region.Directive.Range,
                    $"This directive suppresses nothing{(region.Directive.RuleIds.Count > 0 ? $" ({string.Join(", ", region.Directive.RuleIds)})" : string.Empty)}; remove it."));
            }
        }

        return kept;
    }

    /// <summary>The lines a disable, disable-next-line or front-matter directive covers.</summary>
    private sealed class SuppressedRegion(Suppression directive, int fromLine, int toLine)
    {
        public Suppression Directive { get; } = directive;

        public bool Used { get; set; }

        private int ToLine { get; set; } = toLine;

        public bool Covers(Finding finding) =>
            finding.RuleId != UnusedSuppression.Id && Directive.Covers(finding.RuleId)
            && finding.Location.Start.Line >= fromLine && finding.Location.Start.Line <= ToLine;

        public static List<SuppressedRegion> Of(Document document)
        {
            var lines = document.Source.Lines;
            var regions = new List<SuppressedRegion>();
            var open = new List<SuppressedRegion>();
            foreach (var directive in document.Suppressions)
            {
                var line = lines.GetPosition(directive.Range.End).Line;
                switch (directive.Kind)
                {
                    case SuppressionKind.File:
                        regions.Add(new SuppressedRegion(directive, 1, int.MaxValue));
                        break;
                    case SuppressionKind.NextLine:
                        regions.Add(new SuppressedRegion(directive, line + 1, line + 1));
                        break;
                    case SuppressionKind.Disable:
                        var region = new SuppressedRegion(directive, line, int.MaxValue);
                        regions.Add(region);
                        open.Add(region);
                        break;
                    case SuppressionKind.Enable:
                        foreach (var ended in open.Where(r => directive.RuleIds.Count == 0 || r.Directive.RuleIds.SequenceEqual(directive.RuleIds)).ToArray())
                        {
                            ended.ToLine = lines.GetPosition(directive.Range.Start).Line;
                            open.Remove(ended);
                        }

                        break;
                }
            }

            return regions;
        }
    }
}
