using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Pipeline;
using CommsLinter.Rules.Builtin;
using CommsLinter.Text;

namespace CommsLinter.Engine.Stages;

/// <summary>What to check: the files, whether they are the whole content, and what the run keeps and reports along the way.</summary>
internal sealed record LintRequest(IReadOnlyList<ContentFile> Files, bool IsWholeCorpus)
{
    /// <summary>
    /// When set, only these files (by full path) get the per-file checks and keep their per-file
    /// findings; every file is still read, so the corpus checks see the whole content.
    /// </summary>
    public IReadOnlySet<string>? ChangedFiles { get; init; }

    /// <summary>
    /// Whether the result keeps every loaded document (a report that shows them). Off, each document is
    /// dropped once it is checked and summarised, which keeps memory and collection pauses small.
    /// </summary>
    public bool KeepDocuments { get; init; }

    /// <summary>CI's gate (--ci): a pending review is an error.</summary>
    public bool Ci { get; init; }

    /// <summary>Told after each file is done, with the number done so far and the number of files.</summary>
    public Action<int, int>? Progress { get; init; }

    /// <summary>Told once every file is loaded and checked, before the stages across files run (a cache is written then).</summary>
    public Action? AfterDocuments { get; init; }

    public bool IsChanged(ContentFile file) => ChangedFiles is null || ChangedFiles.Contains(file.FullPath);
}

/// <summary>The outcome of a run: every finding, sorted, every file's summary, and what the gate and the baseline did.</summary>
/// <param name="Documents">The documents this run read, when the request kept them (<see cref="LintRequest.KeepDocuments"/>).</param>
public sealed record LintResult(IReadOnlyList<Document> Documents, IReadOnlyList<Finding> Findings, int FileCount)
{
    /// <summary>The text of every file this run read, kept documents or not.</summary>
    public IReadOnlyList<SourceText> Sources { get; init; } = [];

    /// <summary>Every file's summary, in the order of the request's files.</summary>
    public IReadOnlyList<DocumentSummary> Summaries { get; init; } = [];

    /// <summary>The templates that a team must review, and where each stands against the ledger.</summary>
    public IReadOnlyList<ReviewItem> Reviews { get; init; } = [];

    /// <summary>How many findings the baseline accepted and this run leaves out.</summary>
    public int Baselined { get; init; }

    /// <summary>A checked file's text by the path findings give, whether this run read it or an earlier run's outcome stood for it (then read again now).</summary>
    public Func<string, SourceText?> SourceOf { get; init; } = _ => null;

    /// <summary>
    /// The text this run read and checked, by the path findings give; null for a file an earlier run's
    /// outcome stood for. Only these offsets are the findings' own: what a fix edits.
    /// </summary>
    public Func<string, SourceText?> CheckedTextOf { get; init; } = _ => null;

    public int Count(Severity severity) => Findings.Count(f => f.Severity == severity);
}

/// <summary>
/// The checking pipeline. Its stages, in the order they run:
/// <list type="number">
/// <item>discovery: the files under the checked paths (<see cref="CheckRun"/>, or a live workspace's folder);</item>
/// <item>the documents, one file at a time and in parallel (<see cref="IDocumentStage"/>): loading, what the
/// corpus checks observe, the per-document checks; a cache may stand in front of it;</item>
/// <item>then, once over all files, the <see cref="CorpusStages"/>: corpus checks, the approval gate,
/// suppressions, once-per-run problems, the baseline.</item>
/// </list>
/// Every front end runs this one pipeline, so the command line, the editor and the studio report the same findings.
/// </summary>
internal sealed record LintPipeline(Configuration Configuration, CheckContext Context, IDocumentStage Documents, IReadOnlyList<ICorpusStage> CorpusStages)
{
    /// <summary>The pipeline of a configuration, for a run over the whole content or part of it.</summary>
    /// <param name="corpusChecksStage">How the corpus checks run: all at once (a batch check), unless a live workspace keeps them.</param>
    public static LintPipeline Create(Configuration configuration, bool isWholeCorpus, Func<IReadOnlyList<ICorpusCheck>, ICorpusStage>? corpusChecksStage = null)
    {
        var context = configuration.ContextFor(isWholeCorpus);
        var corpusChecks = configuration.CorpusChecks();
        var checksStage = corpusChecksStage?.Invoke(corpusChecks) ?? new CorpusChecksStage(corpusChecks);
        return new LintPipeline(configuration, context, new DocumentStage(configuration.DocumentChecks(), corpusChecks, context), CorpusStagesOf(configuration, checksStage));
    }

    /// <summary>The stages after the documents, in order: each sees the findings the ones before it left.</summary>
    private static IReadOnlyList<ICorpusStage> CorpusStagesOf(Configuration configuration, ICorpusStage corpusChecks)
    {
        var reviewers = configuration.ReviewTeams().ToDictionary(StringComparer.Ordinal);
        reviewers[ApprovalGate.LegalPending.Id] = ApprovalGate.LegalTeam;
        reviewers[ApprovalGate.Pending.Id] = "its reviewing team";
        return
        [
            corpusChecks,
            // The gate reads every finding before any is silenced: a directive cannot take a template out of a team's review.
            .. configuration.Approvals is { } ledger ? [new ApprovalGateStage(ledger, configuration)] : Array.Empty<ICorpusStage>(),
            new SuppressionStage(reviewers),
            new OncePerRunStage(RuleRegistry.BuiltinRules.Where(r => r.OncePerRun).Select(r => r.Id).ToHashSet(StringComparer.Ordinal)),
            .. configuration.Baseline is { } baseline ? [new BaselineStage(baseline)] : Array.Empty<ICorpusStage>(),
        ];
    }

    public LintResult Run(LintRequest request, CancellationToken cancellationToken = default)
    {
        var files = request.Files;
        var documents = new Document?[request.KeepDocuments ? files.Count : 0];
        var sources = new SourceText?[files.Count];
        var outcomes = new FileOutcome[files.Count];
        CheckDocuments(files, request.IsChanged, (i, result) =>
        {
            outcomes[i] = result.Outcome;
            sources[i] = result.Source;
            if (request.KeepDocuments)
            {
                documents[i] = result.Document;
            }
        }, request.Progress, cancellationToken);
        request.AfterDocuments?.Invoke();

        var read = sources.OfType<SourceText>().ToArray();
        var summaries = outcomes.Select(o => o.Summary).OfType<DocumentSummary>().ToArray();
        var lookup = new SourceLookup(read, summaries, files);
        var run = CheckCorpus(outcomes, summaries, lookup.Of, lookup.FileOf,
            request.ChangedFiles is null ? null : files.Where(request.IsChanged).Select(f => f.DisplayPath).ToHashSet(StringComparer.Ordinal), request.Ci, cancellationToken);
        return new LintResult(documents.OfType<Document>().ToArray(), run.Findings, files.Count)
        {
            Sources = read,
            Summaries = summaries,
            Reviews = run.Reviews,
            Baselined = run.Baselined,
            SourceOf = lookup.Of,
            CheckedTextOf = lookup.ReadThisRun,
        };
    }

    /// <summary>The per-document stage over <paramref name="files"/>, in parallel; each result goes to <paramref name="done"/> with the file's index.</summary>
    /// <param name="checkFile">Whether a file gets its per-file checks, or is only read and summarised.</param>
    /// <param name="progress">Told after each file, with the number done so far and the number of files.</param>
    public void CheckDocuments(IReadOnlyList<ContentFile> files, Func<ContentFile, bool> checkFile, Action<int, DocumentResult> done, Action<int, int>? progress = null, CancellationToken cancellationToken = default)
    {
        var count = 0;
        Parallel.For(0, files.Count, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            done(i, Documents.Run(files[i], checkFile(files[i])));
            progress?.Invoke(Interlocked.Increment(ref count), files.Count);
        });
    }

    /// <summary>The stages across files, over every file's outcome: the run's findings, sorted, and what the gate and the baseline did.</summary>
    /// <param name="summaries">The summaries of the outcomes, in the same order.</param>
    /// <param name="checkedPaths">The files whose per-file checks ran (--changed-since), by the path findings give; null for all.</param>
    public CorpusRun CheckCorpus(
        IEnumerable<FileOutcome> outcomes,
        IReadOnlyList<DocumentSummary> summaries,
        Func<string, SourceText?> sourceOf,
        Func<string, ContentFile?> fileOf,
        IReadOnlySet<string>? checkedPaths = null,
        bool ci = false,
        CancellationToken cancellationToken = default)
    {
        var findings = new List<Finding>(Configuration.Findings);
        foreach (var outcome in outcomes)
        {
            findings.AddRange(outcome.Findings);
        }

        var run = new CorpusRun
        {
            Context = Context,
            Summaries = summaries,
            Findings = findings,
            SourceOf = sourceOf,
            FileOf = fileOf,
            CheckedPaths = checkedPaths,
            Ci = ci,
        };
        foreach (var stage in CorpusStages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            stage.Run(run);
        }

        run.Findings.Sort(Finding.Order);
        return run;
    }
}
