using CommsLinter.Content;
using CommsLinter.Engine.Caching;
using CommsLinter.Engine.Stages;
using CommsLinter.Pipeline;

namespace CommsLinter.Engine;

/// <summary>What a batch check is asked to do besides which paths: what it keeps, reports and skips.</summary>
public sealed record CheckOptions
{
    /// <summary>Keep every loaded document in the result (reports and previews that show them).</summary>
    public bool KeepDocuments { get; init; }

    /// <summary>CI's gate (--ci): a pending review is an error.</summary>
    public bool Ci { get; init; }

    /// <summary>With --changed-since: the files (full paths) that get the per-file checks; null for all.</summary>
    public IReadOnlySet<string>? ChangedFiles { get; init; }

    /// <summary>Told after each file is done, with the number done so far and the number of files.</summary>
    public Action<int, int>? Progress { get; init; }

    /// <summary>The clock that dates the cache's entries.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}

/// <summary>
/// One batch check of the content, as the command line runs it: find the files and the configuration,
/// run the pipeline (with the cache in front of its per-document stage when asked), and keep the cache.
/// </summary>
public sealed class CheckRun
{
    /// <summary>More files to read than this, and every dictionary is read at the start.</summary>
    private const int ManyFiles = 50;

    private readonly Task<string?>? _saving;

    private CheckRun(Configuration configuration, LintResult result, Task<string?>? saving)
    {
        Configuration = configuration;
        Result = result;
        _saving = saving;
    }

    public Configuration Configuration { get; }

    public LintResult Result { get; }

    /// <summary>
    /// Finds the files and the configuration and checks them; null (after saying why on
    /// <paramref name="error"/>) when a path does not exist.
    /// </summary>
    public static CheckRun? Start(IReadOnlyList<string> paths, ConfigurationOptions options, string workingDirectory, TextWriter error, CheckOptions check)
    {
        // Listing the files, reading the cache and reading the catalog are independent: do them side by side.
        var discovery = Task.Run(() => (Files: ContentDiscovery.Discover(paths, workingDirectory, out var missing), Missing: missing));
        // The cache's key is taken before the configuration is read, so a file saved in between can only make the next run start afresh.
        var cacheFolder = options.UseCache ? ProjectLayout.CacheFolder(paths, options, workingDirectory) : null;
        var environment = cacheFolder is null ? null : CheckCache.EnvironmentOf(ProjectLayout.ConfigurationFiles(paths, options, workingDirectory), [$"working folder {workingDirectory}"], cacheFolder, check.Time);
        // Which files the cache stands for is found as soon as the files are listed, while the configuration is read.
        var cached = cacheFolder is null
            ? null
            : Task.Run(() =>
            {
                var stored = CheckCache.StoredCache.Read(cacheFolder);
                var cache = stored.For(environment!, check.Time);
                var (listed, missing) = discovery.Result;
                return (Stored: stored, Cache: cache, Known: missing.Count > 0 ? new Dictionary<string, FileOutcome>() : Lookup(cache, listed));
            });
        var configuration = Configuration.Load(paths, options, workingDirectory);
        var (files, missingPaths) = discovery.Result;
        foreach (var path in missingPaths)
        {
            error.WriteLine($"commslint: error: '{path}' does not exist. Give a file or folder under content/, or run from the repository root.");
        }

        if (missingPaths.Count > 0)
        {
            return null;
        }

        var pipeline = LintPipeline.Create(configuration, configuration.IsWholeCorpus(paths, workingDirectory));
        CachedDocumentStage? cachedStage = null;
        Task<string?>? saving = null;
        if (cached?.Result is var (stored, cache, known))
        {
            if (stored.Problem is { } problem)
            {
                error.WriteLine($"commslint: warning: the cache {ContentDiscovery.DisplayPath(cache.FilePath, workingDirectory)} is damaged ({problem}). It was not used; this run checks every file and writes it again.");
            }

            if (configuration.Spelling is var (dictionaries, _))
            {
                SpellingMemory.Seed(dictionaries, cache.Vocabulary);
            }

            cachedStage = new CachedDocumentStage(pipeline.Documents, cache, known);
            pipeline = pipeline with { Documents = cachedStage };
        }

        // Reading every dictionary overlaps reading many templates; a few templates read only the dictionaries they need, when they need them.
        if (files.Count - (cached?.Result.Known.Count ?? 0) > ManyFiles)
        {
            configuration.PreloadDictionaries();
        }

        var request = new LintRequest(files, pipeline.Context.IsWholeCorpus)
        {
            ChangedFiles = check.ChangedFiles,
            KeepDocuments = check.KeepDocuments,
            Ci = check.Ci,
            Progress = check.Progress,
            // The cache is written as soon as every file is checked, while the stages across files and the report run; Finish waits for it.
            AfterDocuments = cachedStage is null ? null : () => saving = Task.Run(() => Save(cached!.Result.Cache, cachedStage.Checked, configuration, workingDirectory)),
        };
        return new CheckRun(configuration, pipeline.Run(request), saving);
    }

    /// <summary>Waits for the cache to be written, and says on <paramref name="error"/> when it could not be.</summary>
    public void Finish(TextWriter error)
    {
        if (_saving?.Result is { } warning)
        {
            error.WriteLine(warning);
        }
    }

    /// <summary>Writes the cache: null, or a warning when it could not be written.</summary>
    private static string? Save(CheckCache cache, IReadOnlyList<CheckedFile> files, Configuration configuration, string workingDirectory)
    {
        string? problem;
        try
        {
            var vocabulary = configuration.Spelling is var (dictionaries, _) ? SpellingMemory.Collect(dictionaries, cache.Vocabulary) : [];
            if (cache.Save(files, vocabulary, out problem))
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
}
