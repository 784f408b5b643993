using CommsLinter.Content;
using CommsLinter.Diagnostics;
using CommsLinter.Engine.Stages;
using CommsLinter.Model;
using CommsLinter.Pipeline;
using CommsLinter.Text;

namespace CommsLinter.Engine.Live;

/// <summary>The findings of one file as a live workspace publishes them: every finding at that path, in output order.</summary>
public sealed record FileFindings(string Path, IReadOnlyList<Finding> Findings);

/// <summary>What one change did to a live workspace: the findings of every file whose findings changed, by path.</summary>
public sealed record WorkspaceChange(IReadOnlyList<FileFindings> Changed)
{
    public static WorkspaceChange None { get; } = new([]);

    /// <summary>The findings this change published for <paramref name="path"/>, or null when they did not change.</summary>
    public IReadOnlyList<Finding>? FindingsOf(string path) => Changed.FirstOrDefault(c => c.Path == path)?.Findings;
}

/// <summary>
/// The content of a repository held open and checked as it changes: what a language server, the studio
/// and <c>check --watch</c> work on. A template's text may come from an editor's unsaved buffer
/// (<see cref="SetText"/>) or from disk (<see cref="FileChanged"/>); after each change only the files that
/// change can affect are checked again (the file, and for a snippet every template that includes it),
/// then the stages across files run over every file's outcome, and every file whose findings changed is
/// published (<see cref="Changed"/>). When the catalog, a style guide, a dictionary or a sample changes,
/// every file is checked again; a catalog or style guides that no longer compile keep serving their last
/// good version while their errors are shown. Thread-safe: changes are applied one at a time.
/// </summary>
public sealed class LiveWorkspace
{
    private readonly IReadOnlyList<string> _paths;
    private readonly ConfigurationOptions _options;
    private readonly string _workingDirectory;
    private readonly WorkspaceLayout _layout;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _buffers = new(StringComparer.Ordinal);

    /// <summary>Every content file's latest outcome, by the path findings give, in that order.</summary>
    private readonly SortedDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The same files by full path, as changes name them.</summary>
    private readonly Dictionary<string, ContentFile> _files = new(StringComparer.Ordinal);

    private Configuration _configuration;
    private LintPipeline _pipeline;

    /// <summary>What the catalog and the style guides as last read say of themselves (their errors), whatever version serves.</summary>
    private IReadOnlyList<Finding> _definitionFindings = [];
    private Dictionary<string, FileFindings> _published = new(StringComparer.Ordinal);
    private IReadOnlyList<Finding> _findings = [];
    private IReadOnlyList<ReviewItem> _reviews = [];

    private LiveWorkspace(IReadOnlyList<string> paths, ConfigurationOptions options, string workingDirectory)
    {
        _paths = paths;
        _options = options;
        _workingDirectory = workingDirectory;
        _layout = WorkspaceLayout.Of(paths, options, workingDirectory);
        _configuration = LoadConfiguration(null);
        _pipeline = PipelineFor(_configuration);
    }

    /// <summary>Told of every change, in order, while the change holds the workspace: a handler must not change the workspace itself.</summary>
    public event Action<WorkspaceChange>? Changed;

    /// <summary>The configuration the files are checked with: the last good catalog and style guides.</summary>
    public Configuration Configuration => Volatile.Read(ref _configuration);

    /// <summary>Every finding, in output order.</summary>
    public IReadOnlyList<Finding> Findings => Volatile.Read(ref _findings);

    /// <summary>The templates that a team must review, as the approval gate last found them.</summary>
    public IReadOnlyList<ReviewItem> Reviews => Volatile.Read(ref _reviews);

    /// <summary>The checked paths that do not exist.</summary>
    public IReadOnlyList<string> MissingPaths { get; private set; } = [];

    /// <summary>How many content files the workspace holds.</summary>
    public int FileCount
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>The findings of one file, by the path findings give.</summary>
    public IReadOnlyList<Finding> FindingsOf(string path) => Volatile.Read(ref _published).GetValueOrDefault(path)?.Findings ?? [];

    /// <summary>Opens the content under <paramref name="paths"/> and checks all of it once.</summary>
    public static LiveWorkspace Open(IReadOnlyList<string> paths, ConfigurationOptions options, string workingDirectory)
    {
        var workspace = new LiveWorkspace(paths, options, workingDirectory);
        lock (workspace._lock)
        {
            var files = ContentDiscovery.Discover(paths, workingDirectory, out var missing);
            workspace.MissingPaths = missing;
            workspace.CheckFiles(files);
            workspace.Publish();
        }

        return workspace;
    }

    /// <summary>An editor's text for a file: it counts instead of the file on disk until <see cref="CloseText"/>.</summary>
    public WorkspaceChange SetText(string fullPath, string text)
    {
        lock (_lock)
        {
            _buffers[fullPath] = text;
            return Apply([fullPath]);
        }
    }

    /// <summary>The editor closed the file: its text on disk counts again.</summary>
    public WorkspaceChange CloseText(string fullPath)
    {
        lock (_lock)
        {
            return _buffers.Remove(fullPath) ? Apply([fullPath]) : WorkspaceChange.None;
        }
    }

    /// <summary>
    /// A file was created, changed, moved or deleted on disk, or a folder was created, moved or deleted
    /// (a folder's own change of time or attributes says nothing: do not report it).
    /// </summary>
    public WorkspaceChange FileChanged(string fullPath)
    {
        lock (_lock)
        {
            // A folder moved in brings its files; one moved out or deleted takes the files held under it.
            IEnumerable<string> paths = Directory.Exists(fullPath) ? Directory.EnumerateFiles(fullPath, "*", SearchOption.AllDirectories)
                : File.Exists(fullPath) ? [fullPath]
                : [fullPath, .. _files.Keys.Concat(_configuration.Snippets?.Snippets.Select(s => s.FullPath) ?? []).Where(p => p.StartsWith(fullPath + Path.DirectorySeparatorChar, StringComparison.Ordinal))];

            // An editor's text wins over the disk's until the editor closes the file.
            return Apply([.. paths.Where(p => !_buffers.ContainsKey(p)).Distinct(StringComparer.Ordinal)]);
        }
    }

    /// <summary>Lists the content again and checks every file: after the file watcher lost track (too many changes at once).</summary>
    public WorkspaceChange Rescan()
    {
        lock (_lock)
        {
            _configuration = LoadConfiguration(_configuration);
            _pipeline = PipelineFor(_configuration);
            var discovered = ContentDiscovery.Discover(_paths, _workingDirectory, out var missing);
            MissingPaths = missing;
            // A file an editor holds stays, whatever the disk says.
            IReadOnlyList<ContentFile> files = [.. discovered, .. _buffers.Keys.Select(Classify).OfType<ContentFile>().Where(f => !discovered.Contains(f))];
            var listed = files.Select(f => f.FullPath).ToHashSet(StringComparer.Ordinal);
            foreach (var gone in _entries.Values.Select(e => e.File).Where(f => !listed.Contains(f.FullPath)).ToArray())
            {
                Drop(gone);
            }

            CheckFiles(files);
            return Publish();
        }
    }

    /// <summary>The text a file has now: the editor's, or the disk's; null when it has neither.</summary>
    public string? TextOf(string fullPath)
    {
        lock (_lock)
        {
            if (_buffers.TryGetValue(fullPath, out var text))
            {
                return text;
            }
        }

        return ReadDisk(fullPath);
    }

    /// <summary>A checked file's text as its findings were made, by the path findings give; null for a file that is not content or could not be read.</summary>
    public SourceText? SourceOf(string path)
    {
        lock (_lock)
        {
            return _entries.GetValueOrDefault(path)?.Source;
        }
    }

    /// <summary>Takes in changed files: what each can affect is checked again, then the stages across files run once.</summary>
    private WorkspaceChange Apply(IReadOnlyList<string> fullPaths)
    {
        var toCheck = new Dictionary<string, ContentFile>(StringComparer.Ordinal);
        var changed = false;
        foreach (var fullPath in fullPaths)
        {
            if (_layout.HoldsSnippetsFolder(fullPath) && (_configuration.Snippets is null) != (CurrentSnippets() is null))
            {
                // The snippets folder itself appeared or went: every include resolves differently.
                var snippets = CurrentSnippets();
                _configuration = _configuration with { Snippets = snippets, Rendering = Configuration.RenderingFor(_configuration.CatalogFolder, snippets, _workingDirectory) };
                _pipeline = PipelineFor(_configuration);
                foreach (var file in _entries.Values.Where(e => e.Outcome.Summary is { Includes.Count: > 0 }).Select(e => e.File))
                {
                    toCheck[file.FullPath] = file;
                }

                changed = true;
            }

            switch (_layout.KindOf(fullPath))
            {
                case FileRole.Configuration:
                    _configuration = LoadConfiguration(_configuration);
                    _pipeline = PipelineFor(_configuration);
                    foreach (var file in _entries.Values.Select(e => e.File))
                    {
                        toCheck[file.FullPath] = file;
                    }

                    changed = true;
                    break;
                case FileRole.Review:
                    _configuration = WithReviewFiles(_configuration);
                    _pipeline = PipelineFor(_configuration);
                    changed = true;
                    break;
                default:
                    changed |= ApplyContent(fullPath, toCheck);
                    break;
            }
        }

        if (!changed)
        {
            return WorkspaceChange.None;
        }

        CheckFiles([.. toCheck.Values]);
        return Publish();
    }

    /// <summary>
    /// A template or snippet changed: it is to be checked again, or dropped when it is gone, and for a
    /// snippet every file that includes it too. False when the file is not content.
    /// </summary>
    private bool ApplyContent(string fullPath, Dictionary<string, ContentFile> toCheck)
    {
        var file = _files.GetValueOrDefault(fullPath) ?? Classify(fullPath);
        var text = _buffers.TryGetValue(fullPath, out var buffer) ? buffer : ReadDisk(fullPath);
        var changed = false;
        if (_layout.IsSnippet(fullPath))
        {
            var library = _configuration.Snippets ?? EmptySnippets();
            var before = library.AtPath(fullPath);
            var after = text is null ? null : SnippetLibraryReader.Read(_layout.PartialsFolder!, fullPath, text, _workingDirectory);
            var updated = after is null ? library.Without(fullPath) : library.With(after);
            // A new or deleted snippet, or one that includes others now, changes what every include resolves to and
            // which includes go in circles; otherwise only the renderings of the files that include it change.
            var reshaped = before is null || after is null || !before.Includes.SequenceEqual(after.Includes, StringComparer.Ordinal);
            var includers = reshaped
                ? _entries.Values.Where(e => e.Outcome.Summary is { Includes.Count: > 0 }).Select(e => e.File)
                : Includers(library, before).Concat(Includers(updated, after));
            foreach (var includer in includers)
            {
                toCheck[includer.FullPath] = includer;
            }

            // Without a snippets folder, an include has nothing to resolve to: as when the workspace opened without one.
            var snippets = Directory.Exists(_layout.PartialsFolder) || _buffers.Keys.Any(_layout.IsSnippet) ? updated : null;
            _configuration = _configuration with { Snippets = snippets, Rendering = Configuration.RenderingFor(_configuration.CatalogFolder, snippets, _workingDirectory) };
            _pipeline = PipelineFor(_configuration);
            changed = true;
        }

        if (file is not null)
        {
            if (text is null)
            {
                Drop(file);
                toCheck.Remove(file.FullPath);
            }
            else
            {
                toCheck[file.FullPath] = file;
            }

            changed = true;
        }

        return changed;
    }

    /// <summary>The files whose renderings include <paramref name="snippet"/>, directly or through other snippets.</summary>
    private List<ContentFile> Includers(SnippetLibrary library, Snippet? snippet)
    {
        if (snippet is null)
        {
            return [];
        }

        // Every snippet from which the changed one can be reached, the changed one included.
        var reaching = new HashSet<string>(StringComparer.Ordinal) { snippet.Name };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var other in library.Snippets)
            {
                if (!reaching.Contains(other.Name) && other.Includes.Any(name => library.Resolve(name) is { } included && reaching.Contains(included.Name)))
                {
                    grew |= reaching.Add(other.Name);
                }
            }
        }

        return _entries.Values
            .Where(e => e.Outcome.Summary is { } summary && summary.Includes.Any(name => library.Resolve(name) is { } included && reaching.Contains(included.Name)))
            .Select(e => e.File)
            .ToList();
    }

    /// <summary>Runs the per-document stage over <paramref name="files"/> and keeps each outcome; a file that can no longer be read is dropped.</summary>
    private void CheckFiles(IReadOnlyList<ContentFile> files)
    {
        var results = new DocumentResult[files.Count];
        _pipeline.CheckDocuments(files, _ => true, (i, result) => results[i] = result);
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            if (!_buffers.ContainsKey(file.FullPath) && !File.Exists(file.FullPath))
            {
                Drop(file);
                continue;
            }

            // The document itself is not kept: its outcome and text are all the stages across files need.
            _entries[file.DisplayPath] = new Entry(file, results[i].Outcome, results[i].Source);
            _files[file.FullPath] = file;
        }
    }

    /// <summary>Runs the stages across files over every outcome, and publishes every file whose findings changed.</summary>
    private WorkspaceChange Publish()
    {
        var entries = _entries.Values.ToArray();
        var summaries = entries.Select(e => e.Outcome.Summary).OfType<DocumentSummary>().ToArray();
        var run = _pipeline.CheckCorpus(entries.Select(e => e.Outcome), summaries,
            path => _entries.TryGetValue(path, out var entry) ? entry.Source : null,
            path => _entries.TryGetValue(path, out var entry) ? entry.File : null);

        var published = new Dictionary<string, FileFindings>(StringComparer.Ordinal);
        foreach (var group in run.Findings.GroupBy(f => f.Path, StringComparer.Ordinal))
        {
            published[group.Key] = new FileFindings(group.Key, [.. group]);
        }

        var changed = new List<FileFindings>();
        foreach (var path in published.Keys.Union(_published.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var now = published.GetValueOrDefault(path);
            var before = _published.GetValueOrDefault(path);
            if (!(now?.Findings ?? []).SequenceEqual(before?.Findings ?? []))
            {
                changed.Add(now ?? new FileFindings(path, []));
            }
        }

        Volatile.Write(ref _published, published);
        Volatile.Write(ref _findings, run.Findings);
        Volatile.Write(ref _reviews, run.Reviews);
        var change = changed.Count == 0 ? WorkspaceChange.None : new WorkspaceChange(changed);
        if (changed.Count > 0)
        {
            Changed?.Invoke(change);
        }

        return change;
    }

    private Configuration LoadConfiguration(Configuration? lastGood)
    {
        var catalogFindings = new List<Finding>();
        var catalog = Configuration.LoadCatalog(_layout.CatalogPath, _workingDirectory, catalogFindings, BufferOf);
        if (lastGood?.Catalog is { } previousCatalog && HasErrors(catalogFindings))
        {
            catalog = previousCatalog;
        }

        var styleFindings = new List<Finding>();
        var (style, spelling) = Configuration.LoadStyle(_layout.StyleFolder, _options.StyleGuides, catalog, _workingDirectory, styleFindings, BufferOf);
        if (lastGood is not null && lastGood.Style.Rules.Count > 0 && HasErrors(styleFindings))
        {
            (style, spelling) = (lastGood.Style, lastGood.Spelling);
        }

        var snippets = CurrentSnippets();
        _definitionFindings = [.. catalogFindings, .. styleFindings];
        return WithReviewFiles(new Configuration
        {
            Catalog = catalog,
            CatalogFolder = _layout.CatalogFolder,
            Style = style,
            Spelling = spelling,
            Snippets = snippets,
            Rendering = Configuration.RenderingFor(_layout.CatalogFolder, snippets, _workingDirectory),
        });
    }

    /// <summary>The configuration with the approvals ledger and the baseline read again.</summary>
    private Configuration WithReviewFiles(Configuration configuration)
    {
        var findings = new List<Finding>(_definitionFindings);
        return configuration with
        {
            Approvals = Configuration.LoadLedger(_layout.LedgerPath, _workingDirectory, findings),
            Baseline = Configuration.LoadBaseline(_layout.BaselinePath, _options.Baseline, _workingDirectory, findings),
            Findings = findings,
        };
    }

    /// <summary>The snippets folder as the disk has it, with the snippets editors hold; null when there is neither.</summary>
    private SnippetLibrary? CurrentSnippets()
    {
        var snippets = Configuration.LoadSnippets(_layout.CatalogFolder, _workingDirectory);
        foreach (var (path, text) in _buffers.Where(b => _layout.IsSnippet(b.Key)))
        {
            snippets = (snippets ?? EmptySnippets()).With(SnippetLibraryReader.Read(_layout.PartialsFolder!, path, text, _workingDirectory));
        }

        return snippets;
    }

    private SnippetLibrary EmptySnippets() => new(ContentDiscovery.DisplayPath(_layout.PartialsFolder!, _workingDirectory), []);

    private LintPipeline PipelineFor(Configuration configuration)
    {
        var pipeline = LintPipeline.Create(configuration, configuration.IsWholeCorpus(_paths, _workingDirectory), checks => new IncrementalCorpusChecks(checks));
        return pipeline with { Documents = new EditorTexts(pipeline.Documents, _buffers) };
    }

    private ContentFile? Classify(string fullPath) => ContentDiscovery.Classify(fullPath, _paths, _workingDirectory);

    private void Drop(ContentFile file)
    {
        _entries.Remove(file.DisplayPath);
        _files.Remove(file.FullPath);
    }

    private string? BufferOf(string fullPath) => _buffers.GetValueOrDefault(fullPath);

    private static bool HasErrors(List<Finding> findings) => findings.Exists(f => f.Severity == Severity.Error);

    private static string? ReadDisk(string fullPath)
    {
        try
        {
            return File.Exists(fullPath) ? File.ReadAllText(fullPath) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The per-document stage reports an unreadable file at the file.
            return string.Empty;
        }
    }

    private sealed record Entry(ContentFile File, FileOutcome Outcome, SourceText? Source);

    /// <summary>Stands in front of the per-document stage: a file an editor holds is checked with the editor's text.</summary>
    private sealed class EditorTexts(IDocumentStage inner, IReadOnlyDictionary<string, string> buffers) : IDocumentStage
    {
        public DocumentResult Run(ContentFile file, bool checkFile) =>
            buffers.TryGetValue(file.FullPath, out var text) ? inner.Run(file, text) : inner.Run(file, checkFile);

        public DocumentResult Run(ContentFile file, string text) => inner.Run(file, text);
    }
}
