using CommsLinter.Catalog;
using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Text;

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

    /// <summary>
    /// What an earlier run found for a file whose content has not changed since (the cache); null, or
    /// a null answer, to load the file.
    /// </summary>
    public Func<ContentFile, FileOutcome?>? Known { get; init; }

    /// <summary>
    /// Whether the result keeps every loaded document (a report that shows them). Off, each document is
    /// dropped once it is checked and summarised, which keeps memory and collection pauses small.
    /// </summary>
    public bool KeepDocuments { get; init; }

    /// <summary>
    /// Told, once every file is loaded and checked and before the corpus checks run, what a cache may
    /// keep: so it can be written while they run.
    /// </summary>
    public Action<FilesChecked>? OnFilesChecked { get; init; }
}

/// <summary>The files a run checked in full, for a cache to keep; none may be kept when <see cref="IsCacheable"/> is false.</summary>
/// <param name="IsCacheable">False when a finding reported once per run (<see cref="RuleDescriptor.OncePerRun"/>) sits in one file's outcome.</param>
public sealed record FilesChecked(IReadOnlyList<CheckedFile> Files, bool IsCacheable);

/// <summary>What a file gave: its per-file findings (before suppressions) and its summary (null when it could not be read).</summary>
public sealed record FileOutcome(IReadOnlyList<Finding> Findings, DocumentSummary? Summary);

/// <summary>A file this run loaded and checked, with its text: what a cache stores.</summary>
public sealed record CheckedFile(ContentFile File, SourceText Source, FileOutcome Outcome);

/// <summary>The outcome of a run: every finding, sorted, and every file's summary.</summary>
/// <param name="Documents">The documents this run read, when the request kept them (<see cref="LintRequest.KeepDocuments"/>); without those an earlier run's outcome stood for.</param>
public sealed record LintResult(IReadOnlyList<Document> Documents, IReadOnlyList<Finding> Findings, int FileCount)
{
    /// <summary>The text of every file this run read, kept documents or not.</summary>
    public IReadOnlyList<SourceText> Sources { get; init; } = [];

    /// <summary>Every file's summary, loaded or known, in the order of the request's files.</summary>
    public IReadOnlyList<DocumentSummary> Summaries { get; init; } = [];

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
        var documents = new Document?[request.KeepDocuments ? files.Count : 0];
        var sources = new SourceText?[files.Count];
        var summaries = new DocumentSummary?[files.Count];
        var perFile = new IReadOnlyList<Finding>[files.Count];
        var fresh = new CheckedFile?[files.Count];
        var done = 0;

        Parallel.For(0, files.Count, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var file = files[i];
            var changed = request.IsChanged(file);
            try
            {
                if (request.Known?.Invoke(file) is { } known)
                {
                    perFile[i] = changed ? known.Findings : [];
                    summaries[i] = known.Summary;
                }
                else
                {
                    var (document, outcome) = Check(file, changed, context);
                    if (request.KeepDocuments)
                    {
                        documents[i] = document;
                    }

                    sources[i] = document?.Source;
                    summaries[i] = outcome.Summary;
                    perFile[i] = outcome.Findings;
                    // A file whose per-file checks were skipped (--changed-since) has an incomplete outcome: never keep it.
                    fresh[i] = changed && document is not null ? new CheckedFile(file, document.Source, outcome) : null;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                perFile[i] = [Failure(file, ex)];
            }

            progress?.Invoke(Interlocked.Increment(ref done));
        });

        var oncePerRun = Rules.Where(r => r.OncePerRun).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var cacheable = !perFile.Any(findings => findings is not null && findings.Any(f => oncePerRun.Contains(f.RuleId)));
        request.OnFilesChecked?.Invoke(new FilesChecked(fresh.OfType<CheckedFile>().ToArray(), cacheable));

        var known = summaries.OfType<DocumentSummary>().ToArray();
        var all = new List<Finding>(request.ConfigurationFindings);
        foreach (var findings in perFile)
        {
            all.AddRange(findings);
        }

        // The corpus checks are independent of each other: run them side by side, and keep their findings in check order.
        var corpus = new List<Finding>[_corpusChecks.Count];
        Parallel.For(0, _corpusChecks.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            corpus[i] = [];
            _corpusChecks[i].Check(known, context, corpus[i]);
        });
        foreach (var findings in corpus)
        {
            all.AddRange(findings);
        }

        // A directive in a file the per-file checks skipped (--changed-since) cannot be judged unused.
        var checkedPaths = request.ChangedFiles is null ? null : files.Where(request.IsChanged).Select(f => f.DisplayPath).ToHashSet(StringComparer.Ordinal);
        all = ApplySuppressions(known, all, checkedPaths);
        all.Sort(Finding.Order);
        return new LintResult(documents.OfType<Document>().ToArray(), all, files.Count)
        {
            Sources = sources.OfType<SourceText>().ToArray(),
            Summaries = known,
        };
    }

    /// <summary>Loads one file, runs the per-file checks when it is <paramref name="changed"/>, and summarises it for the corpus checks.</summary>
    private (Document? Document, FileOutcome Outcome) Check(ContentFile file, bool changed, CheckContext context)
    {
        var loaded = _loader.Load(file);
        var findings = new List<Finding>();
        if (changed)
        {
            findings.AddRange(loaded.Findings);
        }

        if (loaded.Document is not { } document)
        {
            return (null, new FileOutcome(findings, null));
        }

        // The summary comes first: a check that fails on this file must not hide it from the corpus checks and the gate.
        var observations = new Dictionary<string, IReadOnlyList<Observation>>(StringComparer.Ordinal);
        foreach (var check in _corpusChecks)
        {
            var observed = new List<Observation>();
            check.Observe(document, context, observed);
            if (observed.Count > 0)
            {
                observations[check.Id] = observed;
            }
        }

        var summary = DocumentSummary.Of(document) with { Observations = observations };
        if (changed)
        {
            try
            {
                foreach (var check in _documentChecks)
                {
                    check.Check(document, context, findings);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                findings.Add(Failure(file, ex));
            }
        }

        return (document, new FileOutcome(findings, summary));
    }

    private static Finding Failure(ContentFile file, Exception ex) =>
        InternalError.At(file.DisplayPath, Location.FileStart,
            $"CommsLinter failed while checking this file ({ex.GetType().Name}: {ex.Message}). The other files were checked; please report this with the file attached.");

    /// <summary>
    /// Drops the findings that a document's directives silence, and reports each directive that
    /// silenced nothing, so stale suppressions do not pile up.
    /// </summary>
    /// <param name="checkedPaths">The files whose per-file checks ran; null for all.</param>
    private static List<Finding> ApplySuppressions(IReadOnlyList<DocumentSummary> documents, List<Finding> findings, HashSet<string>? checkedPaths)
    {
        var regions = new Dictionary<string, (DocumentSummary Document, bool[] Used)>(StringComparer.Ordinal);
        foreach (var document in documents.Where(d => d.Suppressions.Count > 0))
        {
            regions.TryAdd(document.Path, (document, new bool[document.Suppressions.Count]));
        }

        if (regions.Count == 0)
        {
            return findings;
        }

        var kept = new List<Finding>(findings.Count);
        foreach (var finding in findings)
        {
            var index = finding.RuleId != UnusedSuppression.Id && regions.TryGetValue(finding.Path, out var entry)
                ? IndexOf(entry.Document.Suppressions, finding)
                : -1;
            if (index < 0)
            {
                kept.Add(finding);
            }
            else
            {
                regions[finding.Path].Used[index] = true;
            }
        }

        foreach (var (path, (document, used)) in regions)
        {
            if (checkedPaths is not null && !checkedPaths.Contains(path))
            {
                continue;
            }

            for (var i = 0; i < used.Length; i++)
            {
                if (!used[i])
                {
                    var directive = document.Suppressions[i];
                    kept.Add(UnusedSuppression.At(document, directive.Directive,
                        $"This directive suppresses nothing{(directive.RuleIds.Count > 0 ? $" ({string.Join(", ", directive.RuleIds)})" : string.Empty)}; remove it."));
                }
            }
        }

        return kept;
    }

    private static int IndexOf(IReadOnlyList<SuppressedLines> regions, Finding finding)
    {
        for (var i = 0; i < regions.Count; i++)
        {
            if (regions[i].Covers(finding.RuleId, finding.Location.Start.Line))
            {
                return i;
            }
        }

        return -1;
    }
}
