using System.Security.Cryptography;
using CommsLinter.Engine.Stages;

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
/// of one file rewrites the whole cache without building it in memory (large buffers cost a full
/// collection), copying the bytes of every entry it kept.
/// </remarks>
internal static class CacheFormat
{
    public const int Version = 6;
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
            FileOutcomeCodec.Write(strings, entry.Outcome);
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
                entries[i] = new CacheEntry(strings.Read(), reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64(), strings.Read(), FileOutcomeCodec.Read(strings));
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
                    suggestions[j] = new(strings.Read(), strings.ReadList());
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

    private static int Count(BinaryReader reader) => TableReader.CountOf(reader);
}

