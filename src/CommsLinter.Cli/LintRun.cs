using System.CommandLine;
using CommsLinter.Content;
using CommsLinter.Content.Caching;
using CommsLinter.Pipeline;
using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Reports;
using CommsLinter.Rules.Builtin;
using CommsLinter.Text;

namespace CommsLinter.Cli;

/// <summary>The arguments every command that checks content takes: what to check, the catalog and the style guides.</summary>
internal sealed class LintArguments
{
    public Argument<string[]> Paths { get; } = new("paths")
    {
        Description = "Files or folders to check. Default: content. Coverage gaps are reported only when the whole folder holding the catalog is checked.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string?> Catalog { get; } = new("--catalog")
    {
        Description = "The journey catalog. Default: the first touchpoints.yml found in the checked folder or above it.",
        HelpName = "file",
    };

    public Option<string?> StyleGuides { get; } = new("--styleguides")
    {
        Description = "The folder of style guides (*.style). Default: the first 'styleguides' folder found from the catalog's folder upwards.",
        HelpName = "folder",
    };

    public Option<string?> Approvals { get; } = new("--approvals")
    {
        Description = "The approvals ledger (docs/approvals.md). Default: approvals.yml in the folder that holds the catalog's folder (the repository root).",
        HelpName = "file",
    };

    public Option<string?> Baseline { get; } = new("--baseline")
    {
        Description = "The baseline of accepted findings (commslint baseline, docs/baseline.md): findings in it are not reported. Default: commslint-baseline.json at the repository root, when it exists.",
        HelpName = "file",
    };

    public Option<bool> NoBaseline { get; } = new("--no-baseline")
    {
        Description = "Report every finding, also those in the baseline.",
    };

    public void AddTo(Command command, bool baseline = true)
    {
        command.Add(Paths);
        command.Add(Catalog);
        command.Add(StyleGuides);
        command.Add(Approvals);
        if (baseline)
        {
            command.Add(Baseline);
            command.Add(NoBaseline);
        }
    }

    /// <summary>Where the configuration is, as the options give it.</summary>
    public WorkspaceOptions WorkspaceOf(ParseResult parse) =>
        new(parse.GetValue(Catalog), parse.GetValue(StyleGuides), parse.GetValue(Approvals), parse.GetValue(Baseline), !parse.GetValue(NoBaseline));

    public string[] PathsOf(ParseResult parse) => parse.GetValue(Paths) is { Length: > 0 } given ? given : [Workspace.DefaultContent];
}

/// <summary>The configuration files a run uses when they are given; null means found from the checked paths.</summary>
internal sealed record WorkspaceOptions(string? Catalog, string? StyleGuides, string? Approvals, string? Baseline = null, bool UseBaseline = false)
{
    /// <summary>Whether the run keeps and uses the cache of per-file outcomes (check --cache).</summary>
    public bool UseCache { get; init; }

    /// <summary>The cache's folder when given; null for .commslint/ at the repository root.</summary>
    public string? CacheLocation { get; init; }
}

/// <summary>One check of the content: the workspace it ran in, what it found, and the templates that need a review.</summary>
internal sealed record LintRun(Workspace Workspace, LintResult Result, IReadOnlyList<ReviewItem> Reviews)
{
    /// <summary>How many findings the baseline accepted and this run leaves out.</summary>
    public int Baselined { get; init; }

    /// <summary>
    /// Finds the files and the configuration, then runs <paramref name="run"/>; null (after saying why on
    /// <paramref name="error"/>) when a path does not exist.
    /// </summary>
    /// <param name="changed">With --changed-since: the files (full paths) that get the per-file checks; null for all.</param>
    public static LintRun? Start(IReadOnlyList<string> paths, WorkspaceOptions options, string workingDirectory, TextWriter error, Func<Linter, LintRequest, LintResult> run, bool ci = false, IReadOnlySet<string>? changed = null)
    {
        // Listing the files, reading the cache and reading the catalog are independent: do them side by side.
        var discovery = Task.Run(() => (Files: ContentDiscovery.Discover(paths, workingDirectory, out var missing), Missing: missing));
        // The cache's key is taken before the configuration is read, so a file saved in between can only make the next run start afresh.
        var cacheFolder = options.UseCache ? CacheFolder(paths, options, workingDirectory) : null;
        var environment = cacheFolder is null ? null : CheckCache.EnvironmentOf(Workspace.CacheInputs(paths, options, workingDirectory), [$"working folder {workingDirectory}"], cacheFolder);
        // Which files the cache stands for is found as soon as the files are listed, while the configuration is read.
        var cached = options.UseCache
            ? Task.Run(() =>
            {
                var stored = CheckCache.StoredCache.Read(cacheFolder!);
                var cache = stored.For(environment!);
                var (listed, missing) = discovery.Result;
                return (Stored: stored, Cache: cache, Known: missing.Count > 0 ? [] : Lookup(cache, listed));
            })
            : null;
        var workspace = Workspace.Load(paths, options, workingDirectory);
        var (files, missingPaths) = discovery.Result;
        foreach (var path in missingPaths)
        {
            error.WriteLine($"commslint: error: '{path}' does not exist. Give a file or folder under content/, or run from the repository root.");
        }

        if (missingPaths.Count > 0)
        {
            return null;
        }

        var request = workspace.Request(files, paths, workingDirectory) with { ChangedFiles = changed };
        var cache = cached?.Result.Cache;
        var known = cached?.Result.Known;
        if (cached is not null)
        {
            Damaged(cached.Result.Stored, cached.Result.Cache, workingDirectory, error);
            workspace.SeedSpelling(cached.Result.Cache.Vocabulary);
        }

        // Reading every dictionary overlaps reading many templates; a few templates read only the dictionaries they need, when they need them.
        if (files.Count - (known?.Count ?? 0) > ManyFiles)
        {
            workspace.PreloadDictionaries();
        }

        if (known is not null)
        {
            request = request with { Known = file => known.GetValueOrDefault(file.FullPath) };
        }

        // The cache is written as soon as every file is checked, while the corpus checks, the gate and the report run; Finish waits for it.
        Task<string?>? saving = null;
        if (cache is not null)
        {
            request = request with { OnFilesChecked = files => saving = Task.Run(() => Save(cache, files, workspace, workingDirectory)) };
        }

        var result = run(workspace.CreateLinter(), request);
        var sources = new SourceLookup(result, files);
        var (gated, reviews) = Gate(workspace, result, files, sources, ci, changed);
        if (workspace.Baseline is not { } baseline)
        {
            return new LintRun(workspace, gated, reviews) { Sources = sources, Saving = saving };
        }

        // A pending review is never accepted by the baseline: approvals are how it is resolved.
        var kept = baseline.Filter(gated.Findings, sources.Of, ApprovalGate.IsGateFinding);
        return new LintRun(workspace, gated with { Findings = kept }, reviews) { Baselined = gated.Findings.Count - kept.Count, Sources = sources, Saving = saving };
    }

    /// <summary>Writes the cache: null, or a warning when it could not be written.</summary>
    private static string? Save(CheckCache cache, FilesChecked files, Workspace workspace, string workingDirectory)
    {
        string? problem;
        try
        {
            if (cache.Save(files, workspace.SpellingVocabulary(), out problem))
            {
                return null;
            }
        }
        catch (Exception ex)
        {
            problem = ex.Message;
        }

        return $"commslint: warning: the cache {ContentDiscovery.DisplayPath(cache.FilePath, workingDirectory)} cannot be written ({problem}). The findings are complete; the next run checks every file again.";
    }

    /// <summary>More files to read than this, and every dictionary is read at the start.</summary>
    private const int ManyFiles = 50;

    /// <summary>The cache's folder: the one given, or .commslint/ at the repository root (beside the content folder).</summary>
    private static string CacheFolder(IReadOnlyList<string> paths, WorkspaceOptions options, string workingDirectory) =>
        options.CacheLocation is { } given ? Path.GetFullPath(given, workingDirectory)
        : Path.Combine(Workspace.RepositoryRootOf(Workspace.CatalogPath(paths, options.Catalog, workingDirectory)) ?? workingDirectory, CheckCache.FolderName);

    /// <summary>Says so when the cache file was damaged, and so not used.</summary>
    private static void Damaged(CheckCache.StoredCache stored, CheckCache cache, string workingDirectory, TextWriter error)
    {
        if (stored.Problem is { } problem)
        {
            error.WriteLine($"commslint: warning: the cache {ContentDiscovery.DisplayPath(cache.FilePath, workingDirectory)} is damaged ({problem}). It was not used; this run checks every file and writes it again.");
        }
    }

    private static Dictionary<string, FileOutcome> Lookup(CheckCache cache, IReadOnlyList<ContentFile> files)
    {
        var outcomes = new FileOutcome?[files.Count];
        Parallel.For(0, files.Count, i => outcomes[i] = cache.Lookup(files[i]));
        var known = new Dictionary<string, FileOutcome>(StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
        {
            if (outcomes[i] is { } outcome)
            {
                known[files[i].FullPath] = outcome;
            }
        }

        return known;
    }

    private static (LintResult Result, IReadOnlyList<ReviewItem> Reviews) Gate(Workspace workspace, LintResult result, IReadOnlyList<ContentFile> files, SourceLookup sources, bool ci, IReadOnlySet<string>? changed)
    {
        if (workspace.Approvals is not { } ledger)
        {
            return (result, []);
        }

        var fullPaths = files.ToDictionary(f => f.DisplayPath, f => f.FullPath, StringComparer.Ordinal);
        var source = new ApprovalSource(ledger.Entries, ledger.DisplayPath,
            path => fullPaths.TryGetValue(path, out var full) ? ledger.RelativePath(full) : null,
            path => File.Exists(Path.Combine(ledger.Root, path)),
            path => sources.Of(path)?.Text);
        var teams = workspace.ReviewTeams();
        var gate = ApprovalGate.Evaluate(result.Summaries, result.Findings, workspace.Catalog, workspace.Snippets, id => teams.GetValueOrDefault(id), source, ci);
        // A pending review is a per-file finding: with --changed-since, only changed files report it.
        var findings = result.Findings.Concat(gate.Findings.Where(f => changed is null || !fullPaths.TryGetValue(f.Path, out var full) || changed.Contains(full))).ToList();
        findings.Sort(Finding.Order);
        return (result with { Findings = findings }, gate.Reviews);
    }

    /// <summary>Writing the cache, when the run uses one: a warning when it could not be written, else null.</summary>
    private Task<string?>? Saving { get; init; }

    /// <summary>Waits for the cache to be written, and says on <paramref name="error"/> when it could not be.</summary>
    public void Finish(TextWriter error)
    {
        if (Saving?.Result is { } warning)
        {
            error.WriteLine(warning);
        }
    }

    /// <summary>The text of every checked file, by the path findings give.</summary>
    public required SourceLookup Sources { get; init; }

    /// <summary>What every report format is written from.</summary>
    public ReportData Report() => new(Result.Findings, Result.FileCount, Workspace.RuleDescriptors)
    {
        Catalog = Workspace.Catalog,
        Documents = Result.Documents,
        Summaries = Result.Summaries,
        SourceOf = Sources.Of,
        Facts = [.. Workspace.Style.Facts.Values.OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => new FactEntry(f.Name, f.Kind.ToString().ToLowerInvariant(), f.Value))],
        FindSnippetUsers = SnippetUsers,
        Reviews = Reviews,
        Baselined = Baselined,
    };

    private Dictionary<string, IReadOnlyList<string>> SnippetUsers()
    {
        if (Workspace.Snippets is not { } library)
        {
            return [];
        }

        var users = IncludeCheck.UsedBy(Result.Summaries, library);
        return library.Snippets.ToDictionary(s => s.DisplayPath, s => users.GetValueOrDefault(s.Name) ?? [], StringComparer.Ordinal);
    }
}

/// <summary>
/// The text of a checked file by the path findings give: the document's when the run read it, else
/// read again from disk (a file the cache stood for), once.
/// </summary>
internal sealed class SourceLookup
{
    private readonly LintResult _result;
    private readonly IReadOnlyList<ContentFile> _files;
    private readonly Lock _gate = new();
    private (Dictionary<string, SourceText> Read, Dictionary<string, ContentFile> Known)? _maps;

    public SourceLookup(LintResult result, IReadOnlyList<ContentFile> files)
    {
        _result = result;
        _files = files;
    }

    public SourceText? Of(string path)
    {
        lock (_gate)
        {
            return Find(path);
        }
    }

    private SourceText? Find(string path)
    {
        // Built on first use: a run whose output needs no text (most runs) does not pay for 10,000 paths.
        var (read, known) = _maps ??= Maps();
        if (read.TryGetValue(path, out var source))
        {
            return source;
        }

        if (!known.TryGetValue(path, out var file) || DocumentLoader.ReadSource(file) is not { } loaded)
        {
            return null;
        }

        read[path] = loaded;
        return loaded;
    }

    private (Dictionary<string, SourceText>, Dictionary<string, ContentFile>) Maps()
    {
        var read = _result.Sources.GroupBy(s => s.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        // Only files an earlier run read (known from the cache) are read again: a file that could not be loaded has no text to give.
        var readBefore = _result.Summaries.Select(s => s.Path).Where(p => !read.ContainsKey(p)).ToHashSet(StringComparer.Ordinal);
        return (read, _files.Where(f => readBefore.Contains(f.DisplayPath)).ToDictionary(f => f.DisplayPath, StringComparer.Ordinal));
    }
}
