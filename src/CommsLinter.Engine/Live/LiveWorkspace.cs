using CommsLinter.Content;
using CommsLinter.Diagnostics;
using CommsLinter.Engine.Stages;
using CommsLinter.Model;
using CommsLinter.Pipeline;
using CommsLinter.Text;

namespace CommsLinter.Engine.Live;

/// <summary>The findings of one file as a live workspace publishes them: every finding at that path, in output order.</summary>
public sealed record FileFindings(string Path, IReadOnlyList<Finding> Findings);

/// <summary>What one change did to a live workspace: the findings of every file whose findings changed, by path, and how many files it checked again.</summary>
public sealed record WorkspaceChange(IReadOnlyList<FileFindings> Changed, int Checked)
{
    /// <summary>A change that concerned nothing the workspace checks.</summary>
    public static WorkspaceChange None { get; } = new([], 0);

    /// <summary>The findings this change published for <paramref name="path"/>, or null when they did not change.</summary>
    public IReadOnlyList<Finding>? FindingsOf(string path) => Changed.FirstOrDefault(c => c.Path == path)?.Findings;
}

/// <summary>
/// The content of a repository held open and checked as it changes: what a language server, the studio
/// and <c>check --watch</c> work on. A template, snippet, style guide or the catalog may have its text
/// from an editor's unsaved buffer (<see cref="SetText"/>); everything else, and what no editor holds,
/// comes from disk (<see cref="FilesChanged"/>). After each change only what it can affect is checked
/// again (the file; for a snippet the templates that include it; everything when the catalog, a style
/// guide, a dictionary or a sample changes), then the stages across files run, and every file whose
/// findings changed is published (<see cref="Changed"/>). A catalog or style guides that no longer read
/// without errors keep serving their last good version while their errors are shown. Thread-safe:
/// changes are applied one at a time.
/// </summary>
public sealed class LiveWorkspace
{
    private readonly IReadOnlyList<string> _paths;
    private readonly ConfigurationOptions _options;
    private readonly string _workingDirectory;
    private readonly bool _ci;
    private readonly ProjectPaths _where;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _buffers = new(StringComparer.Ordinal);

    /// <summary>Every content file's latest outcome, by the path findings give, in that order.</summary>
    private readonly SortedDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The same files by full path, as changes name them.</summary>
    private readonly Dictionary<string, ContentFile> _files = new(StringComparer.Ordinal);

    private Configuration _configuration;
    private LintPipeline _pipeline;

    /// <summary>The corpus checks' groups, kept while the catalog and the style guides stay as they are.</summary>
    private IncrementalCorpusChecks? _corpusChecks;

    private Dictionary<string, FileFindings> _published = new(StringComparer.Ordinal);
    private IReadOnlyList<Finding> _findings = [];
    private IReadOnlyList<ReviewItem> _reviews = [];

    private LiveWorkspace(IReadOnlyList<string> paths, ConfigurationOptions options, string workingDirectory, bool ci)
    {
        _paths = paths;
        _options = options;
        _workingDirectory = workingDirectory;
        _ci = ci;
        _where = ProjectLayout.Locate(paths, options, workingDirectory);
        _configuration = Configuration.Load(_where, options, workingDirectory, _buffers);
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

    /// <summary>Where the configuration is: the folders a watcher must see.</summary>
    public ProjectPaths Where => _where;

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
    /// <param name="ci">CI's gate (<c>--ci</c>): a pending review is an error, as in a batch check with it.</param>
    public static LiveWorkspace Open(IReadOnlyList<string> paths, ConfigurationOptions options, string workingDirectory, bool ci = false)
    {
        var workspace = new LiveWorkspace(paths, options, workingDirectory, ci);
        lock (workspace._lock)
        {
            var files = ContentDiscovery.Discover(paths, workingDirectory, out var missing);
            workspace.MissingPaths = missing;
            workspace.CheckFiles(files);
            workspace.Publish(files.Count);
        }

        return workspace;
    }

    /// <summary>
    /// An editor's text for a template, snippet, style guide or the catalog: it counts instead of the file on
    /// disk until <see cref="CloseText"/>. Samples, the ledger and the baseline are read from disk when saved.
    /// </summary>
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

    /// <summary>A file was created, changed, moved or deleted on disk, or a folder was created, moved or deleted.</summary>
    public WorkspaceChange FileChanged(string fullPath) => FilesChanged([fullPath]);

    /// <summary>
    /// Files and folders created, changed, moved or deleted on disk, taken in together: what they can
    /// affect is checked once. A folder's own change of time or attributes says nothing: do not report it.
    /// </summary>
    public WorkspaceChange FilesChanged(IReadOnlyList<string> fullPaths)
    {
        lock (_lock)
        {
            var paths = new List<string>();
            foreach (var fullPath in fullPaths)
            {
                paths.Add(fullPath);
                // A folder moved in brings its files; one moved out or deleted takes the files held under it. Nothing is read
                // through a link: a folder that is one is content of its own (content.link), and so is what was held under it.
                paths.AddRange(Directory.Exists(fullPath) && ContentDiscovery.LinkTarget(fullPath) is null ? FilesUnder(fullPath) : HeldUnder(fullPath));
            }

            // An editor's text wins over the disk's until the editor closes the file.
            return Apply([.. paths.Where(p => !_buffers.ContainsKey(p)).Distinct(StringComparer.Ordinal)]);
        }
    }

    /// <summary>Reads the configuration and lists the content again, and checks every file: after a watcher lost track of what changed.</summary>
    public WorkspaceChange Rescan()
    {
        lock (_lock)
        {
            ReloadDefinitions();
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
            return Publish(files.Count);
        }
    }

    /// <summary>A checked file's text as its findings were made, by the path findings give; null for a file that is not content or could not be read.</summary>
    public SourceText? SourceOf(string path)
    {
        lock (_lock)
        {
            return _entries.GetValueOrDefault(path)?.Source;
        }
    }

    /// <summary>Takes in changed paths: what they can affect is read and checked again, once, then the stages across files run.</summary>
    private WorkspaceChange Apply(IReadOnlyList<string> fullPaths)
    {
        var definitions = fullPaths.Any(_where.IsDefinition);
        var review = fullPaths.Any(_where.IsReviewFile);
        var snippets = fullPaths.Any(_where.TouchesSnippets);
        var toCheck = new Dictionary<string, ContentFile>(StringComparer.Ordinal);
        var dropped = false;
        foreach (var fullPath in fullPaths)
        {
            if ((Directory.Exists(fullPath) && ContentDiscovery.LinkTarget(fullPath) is null) || (_files.GetValueOrDefault(fullPath) ?? Classify(fullPath)) is not { } file)
            {
                continue;
            }

            if (Exists(fullPath))
            {
                toCheck[fullPath] = file;
            }
            else
            {
                dropped |= Drop(file);
                toCheck.Remove(fullPath);
            }
        }

        if (!definitions && !review && !snippets && !dropped && toCheck.Count == 0)
        {
            return WorkspaceChange.None;
        }

        if (definitions)
        {
            ReloadDefinitions();
            foreach (var file in _entries.Values.Select(e => e.File))
            {
                toCheck[file.FullPath] = file;
            }
        }
        else
        {
            if (snippets)
            {
                var before = _configuration.Snippets;
                var after = Configuration.LoadSnippets(_where, _workingDirectory, _buffers);
                foreach (var includer in FilesAffectedBy(before, after))
                {
                    toCheck[includer.FullPath] = includer;
                }

                _configuration = _configuration.WithSnippets(after, _workingDirectory);
            }

            if (review)
            {
                _configuration = _configuration.WithReviewFiles(_where, _options, _workingDirectory);
            }

            _pipeline = PipelineFor(_configuration);
        }

        CheckFiles([.. toCheck.Values]);
        return Publish(toCheck.Count);
    }

    /// <summary>The catalog, the style guides and everything read with them again: the groups of the corpus checks start afresh.</summary>
    private void ReloadDefinitions()
    {
        _configuration = Configuration.Load(_where, _options, _workingDirectory, _buffers, lastGood: _configuration);
        _corpusChecks = null;
        _pipeline = PipelineFor(_configuration);
    }

    /// <summary>
    /// The files a change of snippets can change: the templates whose renderings include a snippet whose
    /// text changed; every file with includes when a snippet came, went or includes others now (what an
    /// include resolves to, and which includes go in circles, change).
    /// </summary>
    private IEnumerable<ContentFile> FilesAffectedBy(SnippetLibrary? before, SnippetLibrary? after)
    {
        static string Shape(Snippet s) => $"{s.FullPath}\0{string.Join('\0', s.Includes)}";
        var shapeBefore = before?.Snippets.ToDictionary(s => s.Name, Shape, StringComparer.Ordinal) ?? [];
        var shapeAfter = after?.Snippets.ToDictionary(s => s.Name, Shape, StringComparer.Ordinal) ?? [];
        if ((before is null) != (after is null) || shapeBefore.Count != shapeAfter.Count || shapeBefore.Any(p => shapeAfter.GetValueOrDefault(p.Key) != p.Value))
        {
            return _entries.Values.Where(e => e.Outcome.Summary is { Includes.Count: > 0 }).Select(e => e.File);
        }

        if (before is null || after is null)
        {
            return [];
        }

        var edited = after.Snippets.Where(s => before.Resolve(s.Name)?.Text != s.Text).ToList();
        return edited.SelectMany(s => Includers(after, s)).DistinctBy(f => f.FullPath);
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
            if (!Exists(file.FullPath))
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
    /// <param name="checkedFiles">How many files this change checked again.</param>
    private WorkspaceChange Publish(int checkedFiles)
    {
        var entries = _entries.Values.ToArray();
        var summaries = entries.Select(e => e.Outcome.Summary).OfType<DocumentSummary>().ToArray();
        var run = _pipeline.CheckCorpus(entries.Select(e => e.Outcome), summaries,
            path => _entries.TryGetValue(path, out var entry) ? entry.Source : null,
            path => _entries.TryGetValue(path, out var entry) ? entry.File : null,
            ci: _ci);

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
        var change = new WorkspaceChange(changed, checkedFiles);
        if (changed.Count > 0)
        {
            Changed?.Invoke(change);
        }

        return change;
    }

    private LintPipeline PipelineFor(Configuration configuration)
    {
        var pipeline = LintPipeline.Create(configuration, configuration.IsWholeCorpus(_paths, _workingDirectory), checks => _corpusChecks ??= new IncrementalCorpusChecks(checks));
        return pipeline with { Documents = new EditorTexts(pipeline.Documents, _buffers) };
    }

    /// <summary>The files under a folder that a change names, as far as they can be listed.</summary>
    private IReadOnlyList<string> FilesUnder(string folder)
    {
        try
        {
            return [.. Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true })];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Gone again already, or not readable: what the workspace holds under it is what can have changed.
            return HeldUnder(folder);
        }
    }

    /// <summary>The files the workspace holds under a folder (templates and snippets), for a folder moved out or deleted.</summary>
    private IReadOnlyList<string> HeldUnder(string folder)
    {
        var prefix = folder + Path.DirectorySeparatorChar;
        return [.. _files.Keys.Concat(_configuration.Snippets?.Snippets.Select(s => s.FullPath) ?? []).Where(p => p.StartsWith(prefix, StringComparison.Ordinal))];
    }

    private ContentFile? Classify(string fullPath) => ContentDiscovery.Classify(fullPath, _paths, _workingDirectory);

    /// <summary>Whether a content file is there to check: held by an editor, on disk, or a link (which content.link reports, dangling or not).</summary>
    private bool Exists(string fullPath) => _buffers.ContainsKey(fullPath) || File.Exists(fullPath) || ContentDiscovery.LinkTarget(fullPath) is not null;

    /// <summary>Forgets a file; false when the workspace did not hold it.</summary>
    private bool Drop(ContentFile file) => _entries.Remove(file.DisplayPath) | _files.Remove(file.FullPath);

    private sealed record Entry(ContentFile File, FileOutcome Outcome, SourceText? Source);

    /// <summary>Stands in front of the per-document stage: a file an editor holds is checked with the editor's text.</summary>
    private sealed class EditorTexts(IDocumentStage inner, IReadOnlyDictionary<string, string> buffers) : IDocumentStage
    {
        public DocumentResult Run(ContentFile file, bool checkFile) =>
            buffers.TryGetValue(file.FullPath, out var text) ? inner.Run(file, text) : inner.Run(file, checkFile);

        public DocumentResult Run(ContentFile file, string text) => inner.Run(file, text);
    }
}
