using CommsLinter.Catalog;
using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Text;

namespace CommsLinter.Reports;

/// <summary>The counts every report states.</summary>
public sealed record ReportSummary(int Files, int Errors, int Warnings, int Suggestions)
{
    public static ReportSummary From(int files, IReadOnlyList<Finding> findings) => new(
        files,
        findings.Count(f => f.Severity == Severity.Error),
        findings.Count(f => f.Severity == Severity.Warning),
        findings.Count(f => f.Severity == Severity.Suggestion));
}

/// <summary>A canonical value of the style guides, as the facts page lists it.</summary>
public sealed record FactEntry(string Name, string Kind, string Value);

/// <summary>
/// What a run produced and what the reports need to explain it: the sorted findings, the rules that
/// made them, the catalog that says who owns each touchpoint, and the documents whose source the HTML
/// report shows. Every format is written from one instance.
/// </summary>
public sealed class ReportData
{
    /// <summary>The team shown for findings with no touchpoint (snippets, the catalog, style guides).</summary>
    public const string Unassigned = "unassigned";

    private readonly Dictionary<string, RuleDescriptor> _rules = new(StringComparer.Ordinal);
    private IReadOnlyList<DocumentSummary>? _summaries;
    private Func<string, SourceText?>? _sourceOf;
    private Lazy<IReadOnlyDictionary<string, IReadOnlyList<string>>> _snippetUsers = new(() => new Dictionary<string, IReadOnlyList<string>>());

    public ReportData(IReadOnlyList<Finding> findings, int fileCount, IReadOnlyList<RuleDescriptor> rules)
    {
        Findings = findings;
        Summary = ReportSummary.From(fileCount, findings);
        foreach (var rule in rules)
        {
            _rules.TryAdd(rule.Id, rule);
        }

        Rules = [.. _rules.Values.OrderBy(r => r.Id, StringComparer.Ordinal)];
    }

    public IReadOnlyList<Finding> Findings { get; }

    public ReportSummary Summary { get; }

    /// <summary>Every rule of the run, sorted by id.</summary>
    public IReadOnlyList<RuleDescriptor> Rules { get; }

    public JourneyCatalog? Catalog { get; init; }

    /// <summary>The documents that were read; a file that could not be read has findings but no document.</summary>
    public IReadOnlyList<Document> Documents { get; init; } = [];

    /// <summary>
    /// Every file that could be read, summarised; with the cache, files whose outcome was known have a
    /// summary and no document. Defaults to the summaries of <see cref="Documents"/>.
    /// </summary>
    public IReadOnlyList<DocumentSummary> Summaries
    {
        get => _summaries ??= [.. Documents.Select(DocumentSummary.Of)];
        init => _summaries = value;
    }

    /// <summary>A file's text by the path findings give, for fingerprints; defaults to the texts of <see cref="Documents"/>.</summary>
    public Func<string, SourceText?> SourceOf
    {
        get => _sourceOf ??= SourcesOf(Documents);
        init => _sourceOf = value;
    }

    public IReadOnlyList<FactEntry> Facts { get; init; } = [];

    /// <summary>The templates that a team must review, and where each stands against the approvals ledger.</summary>
    public IReadOnlyList<ReviewItem> Reviews { get; init; } = [];

    /// <summary>How many findings the baseline accepted and the report leaves out.</summary>
    public int Baselined { get; init; }

    /// <summary>For each shared snippet (by path), the templates that include it; worked out when a report asks (only the HTML report does).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> SnippetUsers => _snippetUsers.Value;

    /// <summary>How to work out <see cref="SnippetUsers"/>.</summary>
    public Func<IReadOnlyDictionary<string, IReadOnlyList<string>>> FindSnippetUsers
    {
        init => _snippetUsers = new(value);
    }

    public RuleDescriptor? RuleOf(string id) => _rules.GetValueOrDefault(id);

    /// <summary>The texts of documents by path, the first document of a path winning.</summary>
    public static Func<string, SourceText?> SourcesOf(IEnumerable<Document> documents)
    {
        var sources = documents.GroupBy(d => d.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Source, StringComparer.Ordinal);
        return path => sources.GetValueOrDefault(path);
    }

    /// <summary>The team that owns the finding's touchpoint in the catalog, or <see cref="Unassigned"/>.</summary>
    public string TeamOf(Finding finding) =>
        finding.Touchpoint is { } id && Catalog?.FindTouchpoint(id) is { } touchpoint ? touchpoint.Owner : Unassigned;

    /// <summary>The team that must review the finding (a style rule's <c>review</c>), or null.</summary>
    public string? ReviewOf(Finding finding) => RuleOf(finding.RuleId)?.Review;
}

/// <summary>A report format: writes one run's findings to a text writer.</summary>
public interface IReportWriter
{
    void Write(TextWriter output, ReportData report);
}
