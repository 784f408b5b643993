using CommsLinter.Catalog;
using CommsLinter.Diagnostics;
using CommsLinter.Model;

namespace CommsLinter.Pipeline;

/// <summary>What to check: the files, the catalog, and what loading the configuration already found.</summary>
public sealed record LintRequest(
    IReadOnlyList<ContentFile> Files,
    JourneyCatalog? Catalog,
    IReadOnlyList<Finding> ConfigurationFindings,
    bool IsWholeCorpus);

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
        var context = new CheckContext(request.Catalog, request.IsWholeCorpus);
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
                findings.AddRange(loaded.Findings);
                documents[i] = loaded.Document;
                if (loaded.Document is { } document)
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

        all.Sort(Finding.Order);
        return new LintResult(loadedDocuments, all, files.Count);
    }
}
