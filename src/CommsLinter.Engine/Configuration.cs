using CommsLinter.Catalog;
using CommsLinter.Content;
using CommsLinter.Content.Approvals;
using CommsLinter.Content.Catalog;
using CommsLinter.Content.Rendering;
using CommsLinter.Content.Samples;
using CommsLinter.Diagnostics;
using CommsLinter.Engine.Baselines;
using CommsLinter.Model;
using CommsLinter.Pipeline;
using CommsLinter.Rules.Style;
using CommsLinter.Spelling;
using CommsLinter.StyleGuides.Compilation;
using CommsLinter.Text;

namespace CommsLinter.Engine;

/// <summary>
/// What a check works with besides the templates: the journey catalog, the compiled style guides, the
/// snippets and samples of the content folder, the approvals ledger and the baseline, each found from
/// the checked paths unless given, with every problem in them as a finding. Immutable: a live workspace
/// that reloads one part makes a new configuration with the other parts kept.
/// </summary>
public sealed record Configuration
{
    public static readonly RuleDescriptor StyleGuidesMissing = new("styleguides.missing", "Style guide folder not found", Severity.Error);

    public JourneyCatalog? Catalog { get; init; }

    /// <summary>The folder that holds the catalog: the content folder.</summary>
    public string? CatalogFolder { get; init; }

    /// <summary>The shared snippets in the _partials folder beside the catalog.</summary>
    public SnippetLibrary? Snippets { get; init; }

    /// <summary>The content folder's samples and the templates rendered with them, once per run; null without a catalog.</summary>
    public SampleRendering? Rendering { get; init; }

    public StyleSet Style { get; init; } = StyleSet.Empty;

    /// <summary>The approvals ledger (empty when its file does not exist yet); null without a catalog or --approvals.</summary>
    public ApprovalLedger? Approvals { get; init; }

    /// <summary>The accepted findings that a run leaves out; null when there is no baseline or it is not used.</summary>
    public Baseline? Baseline { get; init; }

    /// <summary>The spelling dictionaries the style guides' spelling rules use, and the catalog's locales; null when no rule spells.</summary>
    public (SpellingDictionaries Dictionaries, IReadOnlyList<string> Locales)? Spelling { get; init; }

    /// <summary>Problems in the catalog, the style guides, the ledger or the baseline: configuration errors.</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>The problems of the catalog and the style guides alone, which reading the ledger and the baseline again keeps.</summary>
    public IReadOnlyList<Finding> DefinitionFindings { get; init; } = [];

    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);

    /// <summary>Every check of one document: the built-in ones this configuration can run, and the style guides'.</summary>
    public IReadOnlyList<IDocumentCheck> DocumentChecks() => [.. BuiltinChecks().OfType<IDocumentCheck>(), Style.Checks];

    /// <summary>Every check across documents: the built-in ones this configuration can run, and the style guides'.</summary>
    public IReadOnlyList<ICorpusCheck> CorpusChecks() => [.. BuiltinChecks().OfType<ICorpusCheck>(), .. Style.Rules.OfType<ICorpusCheck>()];

    /// <summary>For each rule that asks a team to review what it flags, that team.</summary>
    public IReadOnlyDictionary<string, string> ReviewTeams() =>
        Style.Rules.Select(r => r.Header.Descriptor).Where(d => d.Review is not null).ToDictionary(d => d.Id, d => d.Review!, StringComparer.Ordinal);

    /// <summary>
    /// Every rule a run may report: the registry's, whether or not this run can report them, and the
    /// style guides', whose title says what the rule checks. The guides' rejected words keep their
    /// built-in descriptor, so the table is the same whether or not a guide rejects words.
    /// </summary>
    public IReadOnlyList<RuleDescriptor> RuleDescriptors =>
    [
        .. RuleRegistry.Descriptors,
        .. Style.Rules.Where(r => r.Id != StyleCompiler.RejectedWords.Id).SelectMany(r => r.Rules.Select(d => d.Id == r.Id ? d with { Title = r.Describe() } : d)),
    ];

    private IEnumerable<object> BuiltinChecks() => RuleRegistry.Checks.Select(c => c.CreateFor(this)).OfType<object>();

    /// <summary>What every check may consult besides the document itself.</summary>
    public CheckContext ContextFor(bool isWholeCorpus) => new(Catalog, isWholeCorpus, Snippets, Rendering);

    /// <summary>True when the paths include the catalog's folder, so every template is being checked.</summary>
    public bool IsWholeCorpus(IEnumerable<string> paths, string workingDirectory) =>
        CatalogFolder is { } folder && paths.Any(p => ContentDiscovery.IsSameOrInside(folder, Path.GetFullPath(p, workingDirectory)));

    /// <summary>Starts reading the spelling dictionaries, so that it overlaps reading the templates; a run that reads no template does not need them.</summary>
    public void PreloadDictionaries()
    {
        if (Spelling is var (dictionaries, locales))
        {
            dictionaries.Preload(locales);
        }
    }

    /// <summary>Finds and reads the configuration for the checked paths.</summary>
    public static Configuration Load(IReadOnlyList<string> paths, ConfigurationOptions options, string workingDirectory) =>
        Load(ProjectLayout.Locate(paths, options, workingDirectory), options, workingDirectory);

    /// <summary>Reads the configuration where it is.</summary>
    /// <param name="buffers">Texts editors hold, by full path: they count instead of the files on disk.</param>
    /// <param name="lastGood">
    /// The configuration this one replaces in a live workspace: a catalog or style guides that no longer
    /// read without errors are kept from it, while their errors are reported.
    /// </param>
    public static Configuration Load(ProjectPaths where, ConfigurationOptions options, string workingDirectory,
        IReadOnlyDictionary<string, string>? buffers = null, Configuration? lastGood = null)
    {
        var catalogFindings = new List<Finding>();
        var catalog = LoadCatalog(where.CatalogPath, workingDirectory, catalogFindings, buffers);
        if (lastGood?.Catalog is { } previousCatalog && catalogFindings.Exists(f => f.Severity == Severity.Error))
        {
            catalog = previousCatalog;
        }

        var styleFindings = new List<Finding>();
        var (style, spelling) = LoadStyle(where.StyleFolder, options.StyleGuides, catalog, workingDirectory, styleFindings, buffers);
        if (lastGood is { Style.Rules.Count: > 0 } && styleFindings.Exists(f => f.Severity == Severity.Error))
        {
            (style, spelling) = (lastGood.Style, lastGood.Spelling);
        }

        var snippets = LoadSnippets(where, workingDirectory, buffers);
        return new Configuration
        {
            Catalog = catalog,
            CatalogFolder = where.CatalogFolder,
            Style = style,
            Spelling = spelling,
            Snippets = snippets,
            Rendering = RenderingFor(where.CatalogFolder, snippets, workingDirectory),
            DefinitionFindings = [.. catalogFindings, .. styleFindings],
        }.WithReviewFiles(where, options, workingDirectory);
    }

    /// <summary>This configuration with the approvals ledger and the baseline read again.</summary>
    public Configuration WithReviewFiles(ProjectPaths where, ConfigurationOptions options, string workingDirectory)
    {
        var findings = new List<Finding>(DefinitionFindings);
        return this with
        {
            Approvals = LoadLedger(where.LedgerPath, workingDirectory, findings),
            Baseline = LoadBaseline(where.BaselinePath, options.Baseline, workingDirectory, findings),
            Findings = findings,
        };
    }

    /// <summary>This configuration with other snippets, and the templates rendered with them.</summary>
    public Configuration WithSnippets(SnippetLibrary? snippets, string workingDirectory) =>
        this with { Snippets = snippets, Rendering = RenderingFor(CatalogFolder, snippets, workingDirectory) };

    /// <summary>The snippets in the _partials folder of the content folder, with those editors hold; null when there is neither.</summary>
    public static SnippetLibrary? LoadSnippets(ProjectPaths where, string workingDirectory, IReadOnlyDictionary<string, string>? buffers = null)
    {
        if (where.PartialsFolder is not { } folder)
        {
            return null;
        }

        var held = buffers?.Where(b => where.IsSnippet(b.Key)).Select(b => SnippetLibraryReader.Read(folder, b.Key, b.Value, workingDirectory)).ToList() ?? [];
        var onDisk = SnippetLibraryReader.Load(folder, workingDirectory);
        if (held.Count == 0)
        {
            return onDisk;
        }

        // Of two snippets with one include name, the first by path is the one included, as on disk alone.
        var heldPaths = held.Select(s => s.FullPath).ToHashSet(StringComparer.Ordinal);
        return new SnippetLibrary(ContentDiscovery.DisplayPath(folder, workingDirectory),
            (onDisk?.Snippets ?? []).Where(s => !heldPaths.Contains(s.FullPath)).Concat(held).OrderBy(s => s.FullPath, StringComparer.Ordinal));
    }

    /// <summary>The catalog at <paramref name="catalogPath"/>; null, with a finding, when it is missing or cannot be read at all.</summary>
    /// <param name="buffers">Texts editors hold, by full path.</param>
    public static JourneyCatalog? LoadCatalog(string? catalogPath, string workingDirectory, List<Finding> findings, IReadOnlyDictionary<string, string>? buffers = null)
    {
        if (catalogPath is not null && buffers?.GetValueOrDefault(catalogPath) is { } text)
        {
            var parsed = CatalogReader.Parse(new SourceText(ContentDiscovery.DisplayPath(catalogPath, workingDirectory), text), out var problems);
            findings.AddRange(problems);
            return parsed;
        }

        if (catalogPath is null || !File.Exists(catalogPath))
        {
            var shown = catalogPath is null ? $"{ProjectLayout.DefaultContent}/{CatalogReader.FileName}" : ContentDiscovery.DisplayPath(catalogPath, workingDirectory);
            findings.Add(ContentRules.CatalogMissing.At(shown, Location.FileStart,
                $"No journey catalog found: expected {shown}. Create it (docs/catalog.md) or pass --catalog FILE."));
            return null;
        }

        var catalog = CatalogReader.Load(catalogPath, ContentDiscovery.DisplayPath(catalogPath, workingDirectory), out var catalogFindings);
        findings.AddRange(catalogFindings);
        return catalog;
    }

    /// <summary>The style guides of <paramref name="styleFolder"/> compiled against the catalog, and the dictionaries their spelling rules need.</summary>
    /// <param name="buffers">Texts editors hold, by full path.</param>
    public static (StyleSet Style, (SpellingDictionaries, IReadOnlyList<string>)? Spelling) LoadStyle(
        string? styleFolder, string? styleGuidesOption, JourneyCatalog? catalog, string workingDirectory, List<Finding> findings, IReadOnlyDictionary<string, string>? buffers = null)
    {
        if (styleFolder is null || !Directory.Exists(styleFolder))
        {
            if (styleGuidesOption is not null)
            {
                findings.Add(StyleGuidesMissing.At(styleGuidesOption, Location.FileStart,
                    $"The style guide folder '{styleGuidesOption}' does not exist. Give the folder that holds your *.style files, or leave out --styleguides to use styleguides/."));
            }

            return (StyleSet.Empty, null);
        }

        var files = new List<SourceText>();
        foreach (var path in Directory.EnumerateFiles(styleFolder, "*.style", new EnumerationOptions { RecurseSubdirectories = true }).Order(StringComparer.Ordinal))
        {
            var shown = ContentDiscovery.DisplayPath(path, workingDirectory);
            try
            {
                files.Add(new SourceText(shown, buffers?.GetValueOrDefault(path) ?? File.ReadAllText(path)));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                findings.Add(ContentRules.Unreadable.At(shown, Location.FileStart, $"The style guide cannot be read: {ex.Message} Its rules are not checked until it can be."));
            }
        }
        var dictionaries = new SpellingDictionaries(Path.Combine(styleFolder, ProjectLayout.DictionariesFolder), displayPath: path => ContentDiscovery.DisplayPath(path, workingDirectory));
        var style = StyleCompiler.Compile(files, catalog, findings, dictionaries);
        return (style, catalog is not null && style.Rules.OfType<SpellingRule>().Any() ? (dictionaries, catalog.Locales) : null);
    }

    /// <summary>The templates rendered with the samples of the content folder; null without a content folder.</summary>
    public static SampleRendering? RenderingFor(string? catalogFolder, SnippetLibrary? snippets, string workingDirectory) =>
        catalogFolder is null ? null : new SampleRendering(new SampleStore(catalogFolder, path => ContentDiscovery.DisplayPath(path, workingDirectory)), snippets);

    /// <summary>The approvals ledger (empty when the file does not exist yet); null without a place for it.</summary>
    public static ApprovalLedger? LoadLedger(string? ledgerPath, string workingDirectory, List<Finding> findings) =>
        ledgerPath is null ? null : ApprovalLedger.Load(ledgerPath, ContentDiscovery.DisplayPath(ledgerPath, workingDirectory), findings);

    /// <summary>The baseline, when there is one or one is given; a given one that is missing or unreadable is a finding.</summary>
    public static Baseline? LoadBaseline(string? baselinePath, string? baselineOption, string workingDirectory, List<Finding> findings)
    {
        if (baselinePath is null || (baselineOption is null && !File.Exists(baselinePath)))
        {
            return null;
        }

        var shown = ContentDiscovery.DisplayPath(baselinePath, workingDirectory);
        var problem = File.Exists(baselinePath)
            ? null
            : Baseline.Invalid.At(shown, Location.FileStart, $"The baseline '{baselineOption}' does not exist. Write it with `commslint baseline`, or leave out --baseline.");
        var baseline = problem is null ? Baseline.Load(baselinePath, shown, out problem) : null;
        if (problem is not null)
        {
            findings.Add(problem);
        }

        return baseline;
    }
}
