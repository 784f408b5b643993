using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using CommsLinter.Content;
using CommsLinter.Engine.Stages;
using CommsLinter.Pipeline;
using CommsLinter.Text;

namespace CommsLinter.Engine.Caching;

/// <summary>A file this run loaded and checked, with its text: what the cache stores.</summary>
internal sealed record CheckedFile(ContentFile File, SourceText Source, FileOutcome Outcome);

/// <summary>What a locale's speller decided in earlier runs: each word's verdict, and the suggestions for the misspelled ones.</summary>
internal sealed record SpellingVerdicts(string Locale, IReadOnlyList<KeyValuePair<string, bool>> Verdicts, IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Suggestions);

/// <summary>
/// What each file's per-file checks gave in earlier runs, kept in <c>.commslint/</c> so that a re-check
/// reads only the files that changed. An entry stands for a file only when the file's text is the text
/// it was made from, and the run's environment (the tool's build, the catalog, the style guides and
/// their dictionaries, the snippets, the samples, the working folder) is the one it was made in.
/// A file whose size and time have not changed since well before the run that cached it is taken to be
/// unchanged, as git does; any other file is read and its text hashed. A damaged cache file is never
/// used: it is discarded and written again. Thread-safe for lookups. docs/cache.md.
/// </summary>
internal sealed class CheckCache
{
    public const string FolderName = ".commslint";
    public const string FileName = "check-cache.bin";

    /// <summary>A file changed this close before the run that cached it may change again without its size or time changing.</summary>
    internal static readonly long RacyTicks = TimeSpan.FromSeconds(2).Ticks;

    private readonly string _folder;
    private readonly string _environment;
    private readonly Dictionary<string, CacheEntry> _entries;
    private readonly bool _mustWrite;

    /// <summary>The string table of the file read; written again with it, the entries kept are copied as bytes.</summary>
    private readonly string[] _table;
    private readonly int _freshTableSize;
    private readonly StoredEntries? _stored;
    private readonly long _startedTicks;
    private readonly ConcurrentDictionary<string, (long Length, long Ticks)> _seen = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CacheEntry> _used = new(StringComparer.Ordinal);

    private CheckCache(string folder, string environment, CacheContents? contents, TimeProvider time)
    {
        _startedTicks = time.GetUtcNow().UtcTicks;
        _folder = folder;
        _environment = environment;
        var usable = contents is not null && contents.Environment == environment;
        _entries = new Dictionary<string, CacheEntry>(StringComparer.Ordinal);
        foreach (var entry in usable ? contents!.Entries : [])
        {
            _entries.TryAdd(entry.FullPath, entry);
        }

        _mustWrite = !usable;
        Vocabulary = usable ? contents!.Vocabulary : [];
        // Strings of files since changed or deleted stay in the table; once they are half of it, it is written afresh.
        _table = usable && contents!.Table.Length <= 2 * Math.Max(contents.FreshTableSize, 256) ? contents.Table : [];
        _freshTableSize = usable ? contents!.FreshTableSize : 0;
        _stored = usable ? contents!.Stored : null;
    }

    /// <summary>The spelling verdicts kept by earlier runs in this environment, by locale.</summary>
    public IReadOnlyList<SpellingVerdicts> Vocabulary { get; }

    /// <summary>The cache file.</summary>
    public string FilePath => Path.Combine(_folder, FileName);

    /// <summary>
    /// Opens the cache in <paramref name="folder"/> for a run in <paramref name="environment"/> (see
    /// <see cref="EnvironmentOf"/>). A missing cache, or one made in another environment, is empty;
    /// a damaged one is too, and <paramref name="problem"/> says what was wrong with it.
    /// </summary>
    /// <param name="time">The clock that dates this run's entries; the machine's when null.</param>
    public static CheckCache Open(string folder, string environment, out string? problem, TimeProvider? time = null)
    {
        var stored = StoredCache.Read(folder);
        problem = stored.Problem;
        return stored.For(environment, time ?? TimeProvider.System);
    }

    /// <summary>The cache as read from its folder, before the run's environment is known, so that reading it overlaps loading the configuration.</summary>
    public sealed class StoredCache
    {
        private readonly string _folder;
        private readonly CacheContents? _contents;

        private StoredCache(string folder, CacheContents? contents, string? problem)
        {
            _folder = folder;
            _contents = contents;
            Problem = problem;
        }

        /// <summary>What was wrong with a damaged cache file; null when it was intact or absent.</summary>
        public string? Problem { get; }

        public static StoredCache Read(string folder)
        {
            var path = Path.Combine(folder, FileName);
            if (!File.Exists(path))
            {
                return new StoredCache(folder, null, null);
            }

            try
            {
                return new StoredCache(folder, CacheFormat.Read(File.ReadAllBytes(path), out var problem), problem);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return new StoredCache(folder, null, $"it cannot be read ({ex.Message})");
            }
        }

        /// <summary>The cache for a run in <paramref name="environment"/>: empty unless the stored one was made in it.</summary>
        public CheckCache For(string environment, TimeProvider time) => new(_folder, environment, _contents, time);
    }

    /// <summary>
    /// A key for everything besides a template's own text that its per-file findings depend on: the
    /// content of <paramref name="inputs"/> (files that do not exist count as absent), the
    /// <paramref name="settings"/>, and commslint itself (<see cref="ToolIdentity"/>, recorded in <paramref name="cacheFolder"/>).
    /// </summary>
    public static string EnvironmentOf(IEnumerable<string> inputs, IEnumerable<string> settings, string cacheFolder, TimeProvider time)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Hashing.AddText(hash, $"format {CacheFormat.Version}, outcomes {FileOutcomeCodec.Version}");
        foreach (var setting in settings)
        {
            Hashing.AddText(hash, setting);
        }

        Hashing.AddText(hash, $"tool {ToolIdentity.Of(cacheFolder, time)}");
        Hashing.AddFiles(hash, inputs.Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>What the file gave when its text was last checked, or null when it must be checked again.</summary>
    public FileOutcome? Lookup(ContentFile file)
    {
        (long Length, long Ticks) stat;
        try
        {
            var info = new FileInfo(file.FullPath);
            if (!info.Exists)
            {
                return null;
            }

            stat = (info.Length, info.LastWriteTimeUtc.Ticks);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // Recorded before the file is loaded, so that a change made while it is being read shows as a new size or time next run.
        _seen[file.FullPath] = stat;
        if (!_entries.TryGetValue(file.FullPath, out var entry))
        {
            return null;
        }

        if (entry.Length != stat.Length)
        {
            return null;
        }

        if (entry.LastWriteTicks == stat.Ticks && stat.Ticks < entry.RecordedTicks - RacyTicks)
        {
            _used[file.FullPath] = entry;
            return entry.Outcome;
        }

        // Touched, or changed too close to the last run to tell: compare the text itself.
        if (DocumentLoader.ReadSource(file) is not { } source || HashOf(source.Text) != entry.TextHash)
        {
            return null;
        }

        _used[file.FullPath] = entry with { Length = stat.Length, LastWriteTicks = stat.Ticks, RecordedTicks = _startedTicks };
        return entry.Outcome;
    }

    /// <summary>
    /// Keeps what this run checked, the entries it used, and the entries of files it did not look at
    /// that still exist; writes the cache only when that changes it. False, with the reason, when it cannot be written.
    /// </summary>
    /// <param name="vocabulary">The spelling verdicts of this run and the earlier ones, by locale.</param>
    public bool Save(IReadOnlyList<CheckedFile> checkedFiles, IReadOnlyList<SpellingVerdicts> vocabulary, out string? problem)
    {
        problem = null;
        var entries = new Dictionary<string, CacheEntry>(StringComparer.Ordinal);
        foreach (var (path, entry) in _entries)
        {
            if (!_seen.ContainsKey(path) && File.Exists(path))
            {
                entries[path] = entry;
            }
        }

        foreach (var (path, entry) in _used)
        {
            entries[path] = entry;
        }

        foreach (var done in checkedFiles)
        {
            if (_seen.TryGetValue(done.File.FullPath, out var stat))
            {
                entries[done.File.FullPath] = new CacheEntry(done.File.FullPath, stat.Length, stat.Ticks, _startedTicks, HashOf(done.Source.Text), done.Outcome);
            }
        }

        var unchanged = !_mustWrite && checkedFiles.Count == 0 && entries.Count == _entries.Count
            && _used.All(u => ReferenceEquals(u.Value, _entries[u.Key]));
        if (unchanged)
        {
            return true;
        }

        try
        {
            Directory.CreateDirectory(_folder);
            var ignore = Path.Combine(_folder, ".gitignore");
            if (!File.Exists(ignore))
            {
                // The cache is this machine's; it has no place in the repository.
                File.WriteAllText(ignore, "# Written by commslint: its cache, not to be committed.\n*\n");
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = ex.Message;
            return false;
        }

        var ordered = entries.Values.ToArray();
        Array.Sort(ordered, (a, b) => string.CompareOrdinal(a.FullPath, b.FullPath));
        var contents = new CacheContents(_environment, ordered, vocabulary) { Table = _table, FreshTableSize = _freshTableSize, Stored = _stored };
        return WholeFile.Replace(FilePath, stream => CacheFormat.Write(contents, stream), out problem);
    }

    private static string HashOf(string text) => Convert.ToHexStringLower(SHA256.HashData(MemoryMarshal.AsBytes(text.AsSpan())));
}
