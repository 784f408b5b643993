using System.Runtime.CompilerServices;
using CommsLinter.Diagnostics;
using CommsLinter.Engine.Stages;
using CommsLinter.Model;
using CommsLinter.Text;

namespace CommsLinter.Engine.Caching;

/// <summary>
/// How a file's outcome (its findings and its summary) is kept in the cache: the only code that knows
/// their shape. The cache file holds each outcome as these bytes and never looks inside them; a change
/// to what an outcome holds changes <see cref="Version"/>, which is part of the cache's key.
/// </summary>
internal static class FileOutcomeCodec
{
    public const int Version = 2;

    public static void Write(TableWriter strings, FileOutcome outcome)
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
                writer.Write(fix.Safe);
                strings.Count(fix.Edits.Count);
                foreach (var edit in fix.Edits)
                {
                    writer.Write7BitEncodedInt(edit.Range.Start);
                    writer.Write7BitEncodedInt(edit.Range.End);
                    WriteLocation(writer, edit.Location);
                    strings.Write(edit.NewText);
                }
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

    public static FileOutcome Read(TableReader strings)
    {
        var reader = strings.Reader;
        var findings = new Finding[TableReader.CountOf(reader)];
        for (var i = 0; i < findings.Length; i++)
        {
            findings[i] = new Finding(strings.Read(), (Severity)ReadEnum(reader, Severities, nameof(Severity)), strings.Read(), strings.Read(), ReadLocation(reader),
                strings.ReadOptional(), strings.ReadOptional(), strings.ReadOptional(),
                reader.ReadBoolean() ? ReadFix(strings) : null);
        }

        if (!reader.ReadBoolean())
        {
            return new FileOutcome(findings, null);
        }

        var summary = new DocumentSummary(strings.Read(), (DocumentKind)ReadEnum(reader, DocumentKinds, nameof(DocumentKind)), strings.ReadOptional(), strings.ReadOptional(), strings.ReadOptional())
        {
            TouchpointValue = ReadLocation(reader),
            Includes = strings.ReadList(),
            Suppressions = [.. Enumerable.Range(0, TableReader.CountOf(reader)).Select(_ => new SuppressedLines(strings.ReadList(), reader.Read7BitEncodedInt(), reader.ReadInt32(), ReadLocation(reader)))],
            TextHash = strings.Read(),
        };
        var observations = new Dictionary<string, IReadOnlyList<Observation>>(StringComparer.Ordinal);
        for (var checks = TableReader.CountOf(reader); checks > 0; checks--)
        {
            var check = strings.Read();
            var count = TableReader.CountOf(reader);
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

    private static Fix ReadFix(TableReader strings)
    {
        var reader = strings.Reader;
        var description = strings.Read();
        var safe = reader.ReadBoolean();
        var edits = new TextEdit[TableReader.CountOf(reader)];
        for (var i = 0; i < edits.Length; i++)
        {
            edits[i] = new TextEdit(new TextRange(reader.Read7BitEncodedInt(), reader.Read7BitEncodedInt()), ReadLocation(reader), strings.Read());
        }

        return new Fix(description, edits, safe);
    }

    private static readonly int Severities = Enum.GetValues<Severity>().Length;
    private static readonly int DocumentKinds = Enum.GetValues<DocumentKind>().Length;

    /// <summary>
    /// An enum's value, whose members are 0 to <paramref name="count"/> - 1. Not Enum.IsDefined: it reflects on
    /// each call, and a large cache reads one per finding.
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
    /// <remarks>Compiled optimised at once: it walks every observation of a large cache in a cold process.</remarks>
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

