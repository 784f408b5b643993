using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Engine.Stages;
using CommsLinter.Text;

namespace CommsLinter.Engine.Caching;

/// <summary>
/// One file's entry: which file, its size and time when its text was last hashed, when that was
/// (the start of that run), the hash of its text, and what it gave.
/// </summary>
internal sealed record CacheEntry(string FullPath, long Length, long LastWriteTicks, long RecordedTicks, string TextHash, FileOutcome Outcome);

/// <summary>The cache's contents: the environment they were made in, the entries, and the spelling verdicts of each locale.</summary>
internal sealed record CacheContents(string Environment, IReadOnlyList<CacheEntry> Entries, IReadOnlyList<SpellingVerdicts> Vocabulary)
{
    /// <summary>The string table of the file these contents were read from; a file written with it keeps their observations' bytes as they are.</summary>
    public string[] Table { get; init; } = [];

    /// <summary>How many strings the table had when it was last written afresh; it keeps the strings of changed and deleted files until it has twice as many.</summary>
    public int FreshTableSize { get; init; }

    /// <summary>The bytes these contents were read from, and where each entry is in them: written with the same table, an entry read is copied as bytes.</summary>
    public StoredEntries? Stored { get; init; }
}

/// <summary>A cache file's bytes and the span of each entry read from it (by reference: an entry changed with <c>with</c> is not the one stored).</summary>
internal sealed class StoredEntries(byte[] file)
{
    private readonly Dictionary<CacheEntry, (int Start, int Length)> _ranges = new(ReferenceEqualityComparer.Instance);

    public void Add(CacheEntry entry, int start, int length) => _ranges[entry] = (start, length);

    public bool TryGetBytes(CacheEntry entry, out ReadOnlySpan<byte> bytes)
    {
        if (_ranges.TryGetValue(entry, out var range))
        {
            bytes = file.AsSpan(range.Start, range.Length);
            return true;
        }

        bytes = default;
        return false;
    }
}

/// <summary>
/// The cache file's binary form: a magic number, the format version, the environment, the entries and
/// spelling verdicts (strings as indexes into the table), the string table, where the table starts,
/// and the SHA-256 of everything before it. A file whose hash does not match, or that does not parse
/// exactly to its end, is damaged; nothing in it is used.
/// </summary>
/// <remarks>
/// The table comes after what refers to it, so the file is written in one pass as a stream: a re-check
/// of one file rewrites a 7 MB cache without building it in memory (the large buffers cost a full
/// collection, 0.1 s), copying the bytes of every entry it kept.
/// </remarks>
internal static class CacheFormat
{
    public const int Version = 5;
    private const int HashLength = 32;
    private const int FooterLength = sizeof(long) + HashLength;
    private static readonly byte[] Magic = "CLCACHE\n"u8.ToArray();

    public static void Write(CacheContents contents, Stream destination)
    {
        using var hashing = new HashingStream(destination);
        using var buffered = new BufferedStream(hashing, 1 << 16);
        using var writer = new BinaryWriter(buffered, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(contents.Environment);
        writer.Write7BitEncodedInt(contents.Table.Length == 0 ? -1 : contents.FreshTableSize);

        // Strings are indexes into a table that starts as the one the contents were read with, so entries and
        // observations read from that file are still valid as bytes; strings not in it are added at its end.
        var strings = new TableWriter(writer, contents.Table);
        var stored = contents.Table.Length == 0 ? null : contents.Stored;
        strings.Count(contents.Entries.Count);
        foreach (var entry in contents.Entries)
        {
            if (stored is not null && stored.TryGetBytes(entry, out var bytes))
            {
                writer.Write(bytes);
                continue;
            }

            strings.Write(entry.FullPath);
            writer.Write(entry.Length);
            writer.Write(entry.LastWriteTicks);
            writer.Write(entry.RecordedTicks);
            strings.Write(entry.TextHash);
            WriteOutcome(strings, entry.Outcome);
        }

        strings.Count(contents.Vocabulary.Count);
        foreach (var (locale, verdicts, suggestions) in contents.Vocabulary)
        {
            strings.Write(locale);
            strings.Count(verdicts.Count);
            foreach (var (word, correct) in verdicts)
            {
                strings.Write(word);
                writer.Write(correct);
            }

            strings.Count(suggestions.Count);
            foreach (var (word, list) in suggestions)
            {
                strings.Write(word);
                strings.WriteList(list);
            }
        }

        writer.Flush();
        var tableStart = hashing.Written;
        writer.Write7BitEncodedInt(strings.Table.Count);
        foreach (var value in strings.Table)
        {
            writer.Write(value);
        }

        writer.Write(tableStart);
        writer.Flush();
        buffered.Flush();
        destination.Write(hashing.Hash());
    }

    /// <summary>Reads the contents; null, with what is wrong, when the bytes are not an intact cache of this version.</summary>
    public static CacheContents? Read(byte[] bytes, out string? problem)
    {
        problem = null;
        if (bytes.Length < Magic.Length + sizeof(int) + FooterLength || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            problem = "it is not a commslint cache";
            return null;
        }

        var body = bytes.AsSpan(0, bytes.Length - HashLength);
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(bytes.AsSpan(body.Length)))
        {
            problem = "its checksum does not match its contents";
            return null;
        }

        try
        {
            var tableEnd = bytes.Length - FooterLength;
            using var reader = new BinaryReader(new MemoryStream(bytes, 0, tableEnd, writable: false), System.Text.Encoding.UTF8);
            reader.BaseStream.Position = Magic.Length;
            if (reader.ReadInt32() != Version)
            {
                // An older or newer commslint wrote it: not damaged, only made in another environment.
                return new CacheContents(string.Empty, [], []);
            }

            var environment = reader.ReadString();
            var freshTableSize = reader.Read7BitEncodedInt();
            var bodyStart = reader.BaseStream.Position;
            var tableStart = BitConverter.ToInt64(bytes, tableEnd);
            if (tableStart < bodyStart || tableStart > tableEnd)
            {
                throw new InvalidDataException($"a string table at {tableStart}");
            }

            reader.BaseStream.Position = tableStart;
            var table = new string[Count(reader)];
            for (var i = 0; i < table.Length; i++)
            {
                table[i] = reader.ReadString();
            }

            if (reader.BaseStream.Position != tableEnd)
            {
                throw new InvalidDataException("data after the string table");
            }

            reader.BaseStream.Position = bodyStart;
            var strings = new TableReader(reader, table, bytes, 0);
            var stored = new StoredEntries(bytes);
            var entries = new CacheEntry[Count(reader)];
            for (var i = 0; i < entries.Length; i++)
            {
                var start = (int)reader.BaseStream.Position;
                entries[i] = new CacheEntry(strings.Read(), reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64(), strings.Read(), ReadOutcome(strings));
                stored.Add(entries[i], start, (int)reader.BaseStream.Position - start);
            }

            var vocabulary = new SpellingVerdicts[Count(reader)];
            for (var i = 0; i < vocabulary.Length; i++)
            {
                var locale = strings.Read();
                var verdicts = new KeyValuePair<string, bool>[Count(reader)];
                for (var j = 0; j < verdicts.Length; j++)
                {
                    verdicts[j] = new(strings.Read(), reader.ReadBoolean());
                }

                var suggestions = new KeyValuePair<string, IReadOnlyList<string>>[Count(reader)];
                for (var j = 0; j < suggestions.Length; j++)
                {
                    suggestions[j] = new(strings.Read(), ReadList(strings));
                }

                vocabulary[i] = new SpellingVerdicts(locale, verdicts, suggestions);
            }

            if (reader.BaseStream.Position != tableStart)
            {
                problem = "it has data after its last entry";
                return null;
            }

            // A table written afresh records its own size as -1, so that writing the size needs no second pass.
            return new CacheContents(environment, entries, vocabulary) { Table = table, FreshTableSize = freshTableSize < 0 ? table.Length : freshTableSize, Stored = stored };
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or FormatException or ArgumentException or InvalidDataException or IndexOutOfRangeException)
        {
            problem = $"it cannot be read ({ex.Message})";
            return null;
        }
    }

    /// <summary>Passes writes on and hashes them, so the file's checksum needs no copy of the file.</summary>
    private sealed class HashingStream(Stream inner) : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public long Written { get; private set; }

        public byte[] Hash() => _hash.GetHashAndReset();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _hash.AppendData(buffer);
            inner.Write(buffer);
            Written += buffer.Length;
        }

        public override void Flush() => inner.Flush();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _hash.Dispose();
            }

            base.Dispose(disposing);
        }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Written; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    private static void WriteOutcome(TableWriter strings, FileOutcome outcome)
    {
        var writer = strings.Writer;
        strings.Count(outcome.Findings.Count);
        foreach (var finding in outcome.Findings)
        {
            strings.Write(finding.RuleId);
            writer.Write((byte)finding.Severity);
            strings.Write(finding.Message);
            strings.Write(finding.Path);
            WriteLocation(writer, finding.Location);
            strings.WriteOptional(finding.Touchpoint);
            strings.WriteOptional(finding.Locale);
            strings.WriteOptional(finding.Channel);
            writer.Write(finding.Fix is not null);
            if (finding.Fix is { } fix)
            {
                strings.Write(fix.Description);
                strings.Write(fix.Replacement);
                WriteLocation(writer, fix.Location);
            }
        }

        writer.Write(outcome.Summary is not null);
        if (outcome.Summary is not { } summary)
        {
            return;
        }

        strings.Write(summary.Path);
        writer.Write((byte)summary.Kind);
        strings.WriteOptional(summary.Touchpoint);
        strings.WriteOptional(summary.Channel);
        strings.WriteOptional(summary.Locale);
        WriteLocation(writer, summary.TouchpointValue);
        strings.WriteList(summary.Includes);
        strings.Count(summary.Suppressions.Count);
        foreach (var lines in summary.Suppressions)
        {
            strings.WriteList(lines.RuleIds);
            writer.Write7BitEncodedInt(lines.FromLine);
            writer.Write(lines.ToLine);
            WriteLocation(writer, lines.Directive);
        }

        strings.Write(summary.TextHash);
        strings.Count(summary.Observations.Count);
        foreach (var (check, observations) in summary.Observations.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            strings.Write(check);
            strings.Count(observations.Count);
            if (observations is StoredObservations stored && stored.Table == strings.BaseTable)
            {
                strings.Count(stored.Length);
                writer.Write(stored.Bytes);
                continue;
            }

            // Each list is preceded by its length in bytes, so that reading can step over it and decode it only when asked.
            using var block = new MemoryStream();
            var blockStrings = strings.Into(new BinaryWriter(block, System.Text.Encoding.UTF8, leaveOpen: true));
            foreach (var observation in observations)
            {
                blockStrings.Write(observation.Kind);
                blockStrings.Write(observation.Key);
                blockStrings.Write(observation.Text);
                WriteLocation(blockStrings.Writer, observation.Location);
            }

            blockStrings.Writer.Flush();
            strings.Count((int)block.Length);
            writer.Write(block.GetBuffer(), 0, (int)block.Length);
        }
    }

    private static FileOutcome ReadOutcome(TableReader strings)
    {
        var reader = strings.Reader;
        var findings = new Finding[Count(reader)];
        for (var i = 0; i < findings.Length; i++)
        {
            findings[i] = new Finding(strings.Read(), (Severity)ReadEnum(reader, Severities, nameof(Severity)), strings.Read(), strings.Read(), ReadLocation(reader),
                strings.ReadOptional(), strings.ReadOptional(), strings.ReadOptional(),
                reader.ReadBoolean() ? new Fix(strings.Read(), strings.Read(), ReadLocation(reader)) : null);
        }

        if (!reader.ReadBoolean())
        {
            return new FileOutcome(findings, null);
        }

        var summary = new DocumentSummary(strings.Read(), (DocumentKind)ReadEnum(reader, DocumentKinds, nameof(DocumentKind)), strings.ReadOptional(), strings.ReadOptional(), strings.ReadOptional())
        {
            TouchpointValue = ReadLocation(reader),
            Includes = ReadList(strings),
            Suppressions = [.. Enumerable.Range(0, Count(reader)).Select(_ => new SuppressedLines(ReadList(strings), reader.Read7BitEncodedInt(), reader.ReadInt32(), ReadLocation(reader)))],
            TextHash = strings.Read(),
        };
        var observations = new Dictionary<string, IReadOnlyList<Observation>>(StringComparer.Ordinal);
        for (var checks = Count(reader); checks > 0; checks--)
        {
            var check = strings.Read();
            var count = Count(reader);
            var length = reader.Read7BitEncodedInt();
            if (length < 0 || length > reader.BaseStream.Length - reader.BaseStream.Position)
            {
                throw new InvalidDataException($"an observation block of {length} bytes");
            }

            var stored = new StoredObservations(strings.Table, strings.Bytes, strings.Offset + (int)reader.BaseStream.Position, length, count);
            stored.Validate();
            observations[check] = stored;
            reader.BaseStream.Seek(length, SeekOrigin.Current);
        }

        return new FileOutcome(findings, summary with { Observations = observations });
    }

    private static int Count(BinaryReader reader)
    {
        var count = reader.Read7BitEncodedInt();
        return count is >= 0 and <= 1 << 24 ? count : throw new InvalidDataException($"a count of {count}");
    }

    private static readonly int Severities = Enum.GetValues<Severity>().Length;
    private static readonly int DocumentKinds = Enum.GetValues<DocumentKind>().Length;

    /// <summary>
    /// An enum's value, whose members are 0 to <paramref name="count"/> - 1. Not Enum.IsDefined: it reflects on
    /// each call, 40 ms over a 10,000-file cache.
    /// </summary>
    private static int ReadEnum(BinaryReader reader, int count, string what)
    {
        var value = reader.ReadByte();
        return value < count ? value : throw new InvalidDataException($"{what} {value}");
    }

    private static void WriteLocation(BinaryWriter writer, Location location)
    {
        writer.Write7BitEncodedInt(location.Start.Line);
        writer.Write7BitEncodedInt(location.Start.Column);
        writer.Write7BitEncodedInt(location.End.Line);
        writer.Write7BitEncodedInt(location.End.Column);
    }

    private static Location ReadLocation(BinaryReader reader) =>
        new(new LinePosition(reader.Read7BitEncodedInt(), reader.Read7BitEncodedInt()), new LinePosition(reader.Read7BitEncodedInt(), reader.Read7BitEncodedInt()));

    /// <summary>Writes each distinct string once, into the table, and its index wherever it occurs.</summary>
    private sealed class TableWriter
    {
        private readonly BinaryWriter writer;
        private readonly Dictionary<string, int> _indexes;

        public TableWriter(BinaryWriter writer, string[] baseTable)
        {
            this.writer = writer;
            BaseTable = baseTable;
            Table = [.. baseTable];
            _indexes = new Dictionary<string, int>(baseTable.Length, StringComparer.Ordinal);
            for (var i = 0; i < baseTable.Length; i++)
            {
                _indexes.TryAdd(baseTable[i], i);
            }
        }

        private TableWriter(BinaryWriter writer, TableWriter shared)
        {
            this.writer = writer;
            BaseTable = shared.BaseTable;
            Table = shared.Table;
            _indexes = shared._indexes;
        }

        public BinaryWriter Writer => writer;

        /// <summary>The table the written file starts from: indexes into it stay valid.</summary>
        public string[] BaseTable { get; }

        public List<string> Table { get; }

        /// <summary>A writer to another stream that shares this table.</summary>
        public TableWriter Into(BinaryWriter other) => new(other, this);

        public void Count(int count) => writer.Write7BitEncodedInt(count);

        public void Write(string value)
        {
            if (!_indexes.TryGetValue(value, out var index))
            {
                _indexes[value] = index = Table.Count;
                Table.Add(value);
            }

            writer.Write7BitEncodedInt(index);
        }

        public void WriteOptional(string? value)
        {
            writer.Write(value is not null);
            if (value is not null)
            {
                Write(value);
            }
        }

        public void WriteList(IReadOnlyList<string> values)
        {
            Count(values.Count);
            foreach (var value in values)
            {
                Write(value);
            }
        }
    }

    private sealed class TableReader(BinaryReader reader, string[] table, byte[] bytes, int offset)
    {
        public BinaryReader Reader => reader;

        public string[] Table => table;

        /// <summary>The file's bytes, and where the reader's stream starts in them.</summary>
        public byte[] Bytes => bytes;

        public int Offset => offset;

        public string Read() => table[reader.Read7BitEncodedInt()];

        public string? ReadOptional() => reader.ReadBoolean() ? Read() : null;
    }

    private static string[] ReadList(TableReader strings)
    {
        var values = new string[Count(strings.Reader)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = strings.Read();
        }

        return values;
    }
}

/// <summary>
/// A summary's observations as the cache file holds them, decoded on first use: where the versions of
/// a message agree, parity reads only the leading digests, and a run that changes nothing never builds
/// the rest. Written back to a cache with the same string table as the bytes they are. Thread-safe.
/// </summary>
internal sealed class StoredObservations(string[] table, byte[] file, int offset, int length, int count) : IReadOnlyList<Observation>
{
    private readonly Observation[] _decoded = new Observation[count];
    private readonly Lock _lock = new();
    private int _ready;
    private int _read;

    public string[] Table => table;

    public int Length => length;

    public ReadOnlySpan<byte> Bytes => file.AsSpan(offset, length);

    public int Count => count;

    public Observation this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
            if (index >= Volatile.Read(ref _ready))
            {
                DecodeThrough(index);
            }

            return _decoded[index];
        }
    }

    public IEnumerator<Observation> GetEnumerator()
    {
        for (var i = 0; i < count; i++)
        {
            yield return this[i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Walks the block without building anything, so a block that would not decode fails the read, not a later check.</summary>
    /// <remarks>Compiled optimised at once: it walks 400,000 values of a 10,000-file cache in a cold process.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Validate()
    {
        var span = file.AsSpan(offset, length);
        var position = 0;
        for (var i = 0; i < count; i++)
        {
            for (var field = 0; field < 3; field++)
            {
                if ((uint)Varint(span, ref position) >= (uint)table.Length)
                {
                    throw new InvalidDataException("an observation names a string the table does not have");
                }
            }

            for (var field = 0; field < 4; field++)
            {
                Varint(span, ref position);
            }
        }

        if (position != length)
        {
            throw new InvalidDataException("an observation block of the wrong length");
        }
    }

    private void DecodeThrough(int index)
    {
        lock (_lock)
        {
            // Validate walked these bytes when the file was read.
            var span = file.AsSpan(offset, length);
            while (_ready <= index)
            {
                var kind = table[Varint(span, ref _read)];
                var key = table[Varint(span, ref _read)];
                var text = table[Varint(span, ref _read)];
                var location = new Location(new LinePosition(Varint(span, ref _read), Varint(span, ref _read)), new LinePosition(Varint(span, ref _read), Varint(span, ref _read)));
                _decoded[_ready] = new Observation(kind, key, text, location);
                Volatile.Write(ref _ready, _ready + 1);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Varint(ReadOnlySpan<byte> span, ref int position)
    {
        var value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var b = span[position++];
            value |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("a malformed number in an observation block");
    }
}

