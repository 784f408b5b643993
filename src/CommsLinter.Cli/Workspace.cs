using CommsLinter.Catalog;
using CommsLinter.Content;
using CommsLinter.Content.Approvals;
using CommsLinter.Content.Caching;
using CommsLinter.Content.Catalog;
using CommsLinter.Content.Liquid;
using CommsLinter.Content.Rendering;
using CommsLinter.Content.Samples;
using CommsLinter.Pipeline;
using CommsLinter.Reports;
using CommsLinter.Rules;
using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Rules.Style;
using CommsLinter.Spelling;
using CommsLinter.StyleGuides.Compilation;
using CommsLinter.Text;

namespace CommsLinter.Cli;

/// <summary>
/// The configuration a run works with: the journey catalog and the compiled style guides, found
/// from the checked paths unless given, with every problem in them as a finding.
/// </summary>
internal sealed class Workspace
{
    public const string DefaultContent = "content";
    public const string StyleGuidesFolder = "styleguides";

    /// <summary>A company's own dictionaries and word lists, inside the style guide folder.</summary>
    public const string DictionariesFolder = "dictionaries";

    public static readonly RuleDescriptor StyleGuidesMissing = new("styleguides.missing", "Style guide folder not found", Severity.Error);

    private Workspace(JourneyCatalog? catalog, string? catalogFolder, StyleSet style, List<Finding> findings, SnippetLibrary? snippets)
    {
        Catalog = catalog;
        CatalogFolder = catalogFolder;
        Style = style;
        Findings = findings;
        Snippets = snippets;
    }

    public JourneyCatalog? Catalog { get; }

    /// <summary>The shared snippets in the _partials folder beside the catalog.</summary>
    public SnippetLibrary? Snippets { get; }

    /// <summary>Checks that read files of the content folder besides the templates (samples).</summary>
    public IReadOnlyList<IDocumentCheck> ContentChecks => Rendering is null
        ? [new MissingDefaultCheck()]
        : [new SampleCheck(Rendering), new RenderCheck(Rendering), new EmptyValueCheck(Rendering), new MissingDefaultCheck()];

    /// <summary>The content folder's samples and the templates rendered with them, once per run; null without a catalog.</summary>
    public SampleRendering? Rendering { get; private init; }

    public StyleSet Style { get; }

    /// <summary>The approvals ledger (empty when its file does not exist yet); null without a catalog or --approvals.</summary>
    public ApprovalLedger? Approvals { get; private init; }

    /// <summary>The accepted findings that a run leaves out; null when there is no baseline or it is not used.</summary>
    public Baseline? Baseline { get; private init; }

    /// <summary>For each rule that asks a team to review what it flags, that team.</summary>
    public Dictionary<string, string> ReviewTeams() =>
        Style.Rules.Select(r => r.Header.Descriptor).Where(d => d.Review is not null).ToDictionary(d => d.Id, d => d.Review!, StringComparer.Ordinal);

    /// <summary>Every rule a run may report: built in and from the style guides, whose title says what the rule checks.</summary>
    public IReadOnlyList<RuleDescriptor> RuleDescriptors => [.. BuiltinRules.All, .. Style.Rules.Select(r => r.Header.Descriptor with { Title = r.Describe() })];

    /// <summary>Problems in the catalog or the style guides: configuration errors.</summary>
    public List<Finding> Findings { get; }

    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);

    private string? CatalogFolder { get; }

    private (SpellingDictionaries Dictionaries, IReadOnlyList<string> Locales)? Spelling { get; init; }

    /// <summary>The spelling verdicts the cache gave this run.</summary>
    private IReadOnlyList<SpellingVerdicts> Seeds { get; set; } = [];

    /// <summary>Starts reading the spelling dictionaries, so that it overlaps reading the templates; a run that reads no template does not need them.</summary>
    public void PreloadDictionaries()
    {
        if (Spelling is var (dictionaries, locales))
        {
            dictionaries.Preload(locales);
        }
    }

    /// <summary>Gives the spellers the verdicts of earlier runs, so a dictionary is read only for a word they do not cover.</summary>
    public void SeedSpelling(IReadOnlyList<SpellingVerdicts> vocabulary)
    {
        Seeds = vocabulary;
        if (Spelling is var (dictionaries, _))
        {
            foreach (var (locale, verdicts, suggestions) in vocabulary)
            {
                dictionaries.Seed(locale, verdicts, suggestions);
            }
        }
    }

    /// <summary>The spelling verdicts of this run (with those it was seeded with), for the cache.</summary>
    public IReadOnlyList<SpellingVerdicts> SpellingVocabulary()
    {
        if (Spelling is not var (dictionaries, _))
        {
            return [];
        }

        // A locale no template of this run needed keeps the verdicts it was seeded with.
        var used = dictionaries.Used.Select(u => new SpellingVerdicts(u.Locale, [.. u.Checker.Verdicts], [.. u.Checker.Suggestions])).ToList();
        return [.. used.Concat(Seeds.Where(s => !used.Exists(u => string.Equals(u.Locale, s.Locale, StringComparison.OrdinalIgnoreCase))))
            .OrderBy(v => v.Locale, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The files besides a template's own text that its per-file findings depend on, for the cache's
    /// key: found as <see cref="Load"/> finds them, and read before it reads them, so that a file saved
    /// during a run can only make the next run start afresh.
    /// </summary>
    public static IEnumerable<string> CacheInputs(IReadOnlyList<string> paths, WorkspaceOptions options, string workingDirectory)
    {
        static IEnumerable<string> FilesIn(string? folder) => folder is not null && Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            : [];

        var catalogPath = CatalogPath(paths, options.Catalog, workingDirectory);
        var catalogFolder = Path.GetDirectoryName(catalogPath);
        return [
            .. catalogPath is null ? [] : new[] { catalogPath },
            .. FilesIn(StyleFolderOf(paths, options.StyleGuides, catalogPath, workingDirectory)),
            .. FilesIn(catalogFolder is null ? null : Path.Combine(catalogFolder, ContentDiscovery.PartialsFolder)),
            .. FilesIn(catalogFolder is null ? null : Path.Combine(catalogFolder, ContentDiscovery.SamplesFolder)),
        ];
    }

    /// <summary>The style guide folder given, or the first 'styleguides' folder found from the catalog (or the paths) upwards.</summary>
    private static string? StyleFolderOf(IReadOnlyList<string> paths, string? styleGuidesOption, string? catalogPath, string workingDirectory) =>
        styleGuidesOption is { } folder
            ? Path.GetFullPath(folder, workingDirectory)
            : FindUpwards(catalogPath is null ? paths : [catalogPath], workingDirectory, StyleGuidesFolder, isFolder: true);

    public static Workspace Load(IReadOnlyList<string> paths, WorkspaceOptions options, string workingDirectory)
    {
        var (catalogOption, styleGuidesOption, approvalsOption, baselineOption, useBaseline) = options;
        var findings = new List<Finding>();
        var catalogPath = CatalogPath(paths, catalogOption, workingDirectory);
        JourneyCatalog? catalog = null;
        if (catalogPath is null || !File.Exists(catalogPath))
        {
            var shown = catalogPath is null ? $"{DefaultContent}/{CatalogReader.FileName}" : ContentDiscovery.DisplayPath(catalogPath, workingDirectory);
            findings.Add(ContentRules.CatalogMissing.At(shown, Location.FileStart,
                $"No journey catalog found: expected {shown}. Create it (docs/catalog.md) or pass --catalog FILE."));
        }
        else
        {
            catalog = CatalogReader.Load(catalogPath, ContentDiscovery.DisplayPath(catalogPath, workingDirectory), out var catalogFindings);
            findings.AddRange(catalogFindings);
        }

        var styleFolder = StyleFolderOf(paths, styleGuidesOption, catalogPath, workingDirectory);
        var style = StyleSet.Empty;
        (SpellingDictionaries Dictionaries, IReadOnlyList<string> Locales)? spelling = null;
        if (styleFolder is not null && Directory.Exists(styleFolder))
        {
            var files = Directory.EnumerateFiles(styleFolder, "*.style", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal)
                .Select(path => new SourceText(ContentDiscovery.DisplayPath(path, workingDirectory), File.ReadAllText(path)));
            var dictionaries = new SpellingDictionaries(Path.Combine(styleFolder, DictionariesFolder), displayPath: path => ContentDiscovery.DisplayPath(path, workingDirectory));
            style = StyleCompiler.Compile(files, catalog, findings, dictionaries);
            if (catalog is not null && style.Rules.OfType<SpellingRule>().Any())
            {
                spelling = (dictionaries, catalog.Locales);
            }
        }
        else if (styleGuidesOption is not null)
        {
            findings.Add(StyleGuidesMissing.At(styleGuidesOption, Location.FileStart,
                $"The style guide folder '{styleGuidesOption}' does not exist. Give the folder that holds your *.style files, or leave out --styleguides to use styleguides/."));
        }

        var catalogFolder = catalogPath is null ? null : Path.GetDirectoryName(catalogPath);
        var snippets = catalogFolder is null ? null : SnippetLibraryReader.Load(Path.Combine(catalogFolder, ContentDiscovery.PartialsFolder), workingDirectory);
        var ledgerPath = LedgerPath(catalogPath, approvalsOption, workingDirectory);
        var baselinePath = BaselinePath(catalogPath, baselineOption, workingDirectory);
        Baseline? baseline = null;
        if (useBaseline && baselinePath is not null && (baselineOption is not null || File.Exists(baselinePath)))
        {
            var shown = ContentDiscovery.DisplayPath(baselinePath, workingDirectory);
            baseline = File.Exists(baselinePath) ? Baseline.Load(baselinePath, shown, out var problem) is { } loaded ? loaded : Failed(problem!)
                : Failed(Baseline.Invalid.At(shown, Location.FileStart, $"The baseline '{baselineOption}' does not exist. Write it with `commslint baseline`, or leave out --baseline."));
        }

        Baseline? Failed(Finding problem)
        {
            findings.Add(problem);
            return null;
        }

        return new Workspace(catalog, catalogFolder, style, findings, snippets)
        {
            Spelling = spelling,
            Baseline = baseline,
            Approvals = ledgerPath is null ? null : ApprovalLedger.Load(ledgerPath, ContentDiscovery.DisplayPath(ledgerPath, workingDirectory), findings),
            Rendering = catalogFolder is null ? null : new SampleRendering(new SampleStore(catalogFolder, path => ContentDiscovery.DisplayPath(path, workingDirectory)), snippets),
        };
    }

    /// <summary>The catalog given, or the first touchpoints.yml found from the paths upwards; null when there is none.</summary>
    public static string? CatalogPath(IReadOnlyList<string> paths, string? catalogOption, string workingDirectory) =>
        catalogOption is { } given ? Path.GetFullPath(given, workingDirectory) : FindUpwards(paths, workingDirectory, CatalogReader.FileName, isFolder: false);

    /// <summary>The ledger given, or approvals.yml in the folder that holds the catalog's folder (the repository root).</summary>
    public static string? LedgerPath(string? catalogPath, string? approvalsOption, string workingDirectory) =>
        approvalsOption is { } given ? Path.GetFullPath(given, workingDirectory)
        : RepositoryRootOf(catalogPath) is { } root ? Path.Combine(root, ApprovalLedger.FileName)
        : null;

    /// <summary>The folder that holds the catalog's folder, where approvals.yml, the baseline and .commslint/ live; null without a catalog.</summary>
    public static string? RepositoryRootOf(string? catalogPath) =>
        Path.GetDirectoryName(catalogPath) is { } catalogFolder ? Path.GetDirectoryName(catalogFolder) ?? catalogFolder : null;

    /// <summary>The baseline given, or commslint-baseline.json at the repository root.</summary>
    public static string? BaselinePath(string? catalogPath, string? baselineOption, string workingDirectory) =>
        baselineOption is { } given ? Path.GetFullPath(given, workingDirectory)
        : LedgerPath(catalogPath, null, workingDirectory) is { } ledger ? Path.Combine(Path.GetDirectoryName(ledger)!, Baseline.FileName)
        : null;

    /// <summary>Every check of a run: built in, reading the content folder, and from the style guides.</summary>
    public Linter CreateLinter() =>
        new(new DocumentLoader(), [.. BuiltinChecks.DocumentChecks, .. ContentChecks, Style.Checks], [.. BuiltinChecks.CorpusChecks, .. Style.Rules.OfType<ICorpusCheck>()]);

    public LintRequest Request(IReadOnlyList<ContentFile> files, IReadOnlyList<string> paths, string workingDirectory) =>
        new(files, Catalog, Findings, IsWholeCorpus(paths, workingDirectory), Snippets, Rendering);

    /// <summary>True when the paths include the catalog's folder, so every template is being checked.</summary>
    public bool IsWholeCorpus(IEnumerable<string> paths, string workingDirectory) =>
        CatalogFolder is { } folder && paths.Any(p => IsSameOrInside(folder, Path.GetFullPath(p, workingDirectory)));

    private static string? FindUpwards(IEnumerable<string> paths, string workingDirectory, string name, bool isFolder)
    {
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path, workingDirectory);
            for (var current = Directory.Exists(full) ? full : Path.GetDirectoryName(full); current is not null; current = Path.GetDirectoryName(current))
            {
                foreach (var candidate in new[] { Path.Combine(current, name), Path.Combine(current, DefaultContent, name) })
                {
                    if (isFolder ? Directory.Exists(candidate) : File.Exists(candidate))
                    {
                        return candidate;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or inside it.</summary>
    public static bool IsSameOrInside(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative == "." || (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }
}
