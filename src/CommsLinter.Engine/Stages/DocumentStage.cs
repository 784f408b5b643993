using CommsLinter.Content;
using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Pipeline;
using CommsLinter.Text;

namespace CommsLinter.Engine.Stages;

/// <summary>What one file gave: its per-file findings (before suppressions) and its summary (null when it could not be read).</summary>
internal sealed record FileOutcome(IReadOnlyList<Finding> Findings, DocumentSummary? Summary);

/// <summary>What the per-document stage made of one file: the outcome, and the document and its text when the file was read this time.</summary>
internal sealed record DocumentResult(FileOutcome Outcome, Document? Document, SourceText? Source);

/// <summary>The per-document stage of the pipeline: one file in, its outcome out. Runs in parallel over files; a cache may stand in front of it.</summary>
internal interface IDocumentStage
{
    /// <param name="checkFile">False to load and summarise the file only (it did not change since --changed-since): its per-file findings are left out.</param>
    DocumentResult Run(ContentFile file, bool checkFile);

    /// <summary>Checks <paramref name="text"/> as the file's text: what an editor holds, not what is on disk.</summary>
    DocumentResult Run(ContentFile file, string text);
}

/// <summary>
/// Loads one file and checks it: decoding, front matter, Liquid and the format's reader; then what each
/// corpus check observes of it (its summary); then every per-document check. A failure inside a check
/// becomes a finding on the file, and the run goes on with the other files.
/// </summary>
internal sealed class DocumentStage : IDocumentStage
{
    public static readonly RuleDescriptor InternalError =
        new("internal.error", "CommsLinter failed on this file", Severity.Error);

    private readonly DocumentLoader _loader = new();
    private readonly IReadOnlyList<IDocumentCheck> _checks;
    private readonly IReadOnlyList<ICorpusCheck> _observers;
    private readonly CheckContext _context;

    public DocumentStage(IReadOnlyList<IDocumentCheck> checks, IReadOnlyList<ICorpusCheck> observers, CheckContext context)
    {
        _checks = checks;
        _observers = observers;
        _context = context;
    }

    public DocumentResult Run(ContentFile file, bool checkFile)
    {
        try
        {
            return Check(file, _loader.Load(file), checkFile);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new DocumentResult(new FileOutcome([Failure(file.DisplayPath, ex)], null), null, null);
        }
    }

    public DocumentResult Run(ContentFile file, string text)
    {
        try
        {
            return Check(file, _loader.LoadText(text, file.DisplayPath, file.Kind, Path.GetExtension(file.FullPath)), checkFile: true);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new DocumentResult(new FileOutcome([Failure(file.DisplayPath, ex)], null), null, null);
        }
    }

    private DocumentResult Check(ContentFile file, DocumentLoadResult loaded, bool checkFile)
    {
        var findings = new List<Finding>();
        if (checkFile)
        {
            findings.AddRange(loaded.Findings);
        }

        if (loaded.Document is not { } document)
        {
            return new DocumentResult(new FileOutcome(findings, null), null, null);
        }

        // The summary comes first: a check that fails on this file must not hide it from the corpus checks and the gate.
        var observations = new Dictionary<string, IReadOnlyList<Observation>>(StringComparer.Ordinal);
        foreach (var observer in _observers)
        {
            var observed = new List<Observation>();
            observer.Observe(document, _context, observed);
            if (observed.Count > 0)
            {
                observations[observer.Id] = observed;
            }
        }

        var summary = DocumentSummary.Of(document) with { Observations = observations };
        if (checkFile)
        {
            try
            {
                foreach (var check in _checks)
                {
                    check.Check(document, _context, findings);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                findings.Add(Failure(file.DisplayPath, ex));
            }
        }

        return new DocumentResult(new FileOutcome(findings, summary), document, document.Source);
    }

    private static Finding Failure(string path, Exception ex) =>
        InternalError.At(path, Location.FileStart,
            $"CommsLinter failed while checking this file ({ex.GetType().Name}: {ex.Message}). The other files were checked; please report this with the file attached.");
}
