namespace CommsLinter.Engine.Caching;

/// <summary>Writes each distinct string once, into the table, and its index wherever it occurs.</summary>
internal sealed class TableWriter
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

internal sealed class TableReader(BinaryReader reader, string[] table, byte[] bytes, int offset)
{
    public BinaryReader Reader => reader;

    public string[] Table => table;

    /// <summary>The file's bytes, and where the reader's stream starts in them.</summary>
    public byte[] Bytes => bytes;

    public int Offset => offset;

    public string Read() => table[reader.Read7BitEncodedInt()];

    public string? ReadOptional() => reader.ReadBoolean() ? Read() : null;

    /// <summary>A count written by <see cref="TableWriter.Count"/>, bounded so that damaged bytes cannot ask for a huge array.</summary>
    public int Count() => CountOf(reader);

    public string[] ReadList()
    {
        var values = new string[Count()];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Read();
        }

        return values;
    }

    public static int CountOf(BinaryReader reader)
    {
        var count = reader.Read7BitEncodedInt();
        return count is >= 0 and <= 1 << 24 ? count : throw new InvalidDataException($"a count of {count}");
    }
}
