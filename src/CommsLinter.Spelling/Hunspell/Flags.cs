using System.Text;

namespace CommsLinter.Spelling.Hunspell;

/// <summary>How a dictionary writes its flags (the FLAG directive).</summary>
internal enum FlagFormat
{
    /// <summary>One byte of the dictionary's encoding per flag (the default).</summary>
    Char,

    /// <summary>Two bytes per flag (FLAG long).</summary>
    Long,

    /// <summary>Decimal numbers separated by commas (FLAG num).</summary>
    Numeric,

    /// <summary>One Unicode character per flag (FLAG UTF-8).</summary>
    Utf8,
}

/// <summary>
/// Decodes flag strings into 16-bit flags. Hunspell reads single-character flags as bytes of the
/// file's encoding, so a non-ASCII flag in a UTF-8 file stands for several flags; this keeps that.
/// </summary>
internal sealed class FlagParser(FlagFormat format, Encoding encoding)
{
    public const char ForbiddenWordDefault = (char)65510;
    public const char OnlyUpcase = (char)65511;

    private readonly Dictionary<char, byte[]> _bytesOfChar = [];

    public FlagFormat Format { get; } = format;

    /// <summary>Appends the flags of <paramref name="text"/>; returns an error text or null.</summary>
    public string? Parse(ReadOnlySpan<char> text, List<char> into)
    {
        switch (Format)
        {
            case FlagFormat.Utf8:
                foreach (var c in text)
                {
                    into.Add(c);
                }

                return null;
            case FlagFormat.Numeric:
                foreach (var range in text.Split(','))
                {
                    var part = text[range].Trim();
                    if (!int.TryParse(part, out var number) || number is <= 0 or > 65509)
                    {
                        return $"'{part}' is not a numeric flag (FLAG num takes 1 to 65509, separated by commas)";
                    }

                    into.Add((char)number);
                }

                return null;
            case FlagFormat.Long:
                if (text.Length % 2 != 0)
                {
                    return $"'{text}' has an odd number of characters, but FLAG long takes two per flag";
                }

                for (var i = 0; i < text.Length; i += 2)
                {
                    into.Add((char)((ByteOf(text[i]) << 8) | ByteOf(text[i + 1])));
                }

                return null;
            default:
                foreach (var c in text)
                {
                    if (c < 128)
                    {
                        into.Add(c);
                        continue;
                    }

                    foreach (var b in BytesOf(c))
                    {
                        into.Add((char)b);
                    }
                }

                return null;
        }
    }

    /// <summary>Parses a directive's single flag (NOSUGGEST !, KEEPCASE K...).</summary>
    public char? ParseOne(ReadOnlySpan<char> text)
    {
        var flags = new List<char>(2);
        return Parse(text, flags) is null && flags.Count > 0 ? flags[0] : null;
    }

    private int ByteOf(char c) => c < 128 ? c : BytesOf(c)[0];

    private byte[] BytesOf(char c)
    {
        if (!_bytesOfChar.TryGetValue(c, out var bytes))
        {
            bytes = encoding.GetBytes([c]);
            _bytesOfChar[c] = bytes;
        }

        return bytes;
    }
}

/// <summary>
/// Every distinct flag set of a dictionary, stored once: many thousands of words share a few
/// hundred sets, and a set is looked up by id on the hot path without allocation.
/// </summary>
internal sealed class FlagSets
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private char[] _flags = new char[4096];
    private int[] _starts = new int[256];
    private int _flagCount;

    public FlagSets()
    {
        // Set 0 is the empty set, so a word without flags needs no entry.
        _ids[string.Empty] = 0;
        Count = 1;
    }

    public int Count { get; private set; }

    public ReadOnlySpan<char> this[int id] => _flags.AsSpan(_starts[id], _starts[id + 1] - _starts[id]);

    public bool Has(int id, char flag) => flag != 0 && this[id].Contains(flag);

    /// <summary>The id of the set holding <paramref name="flags"/> (any order, duplicates allowed).</summary>
    public int Intern(List<char> flags)
    {
        if (flags.Count == 0)
        {
            return 0;
        }

        flags.Sort();
        var key = string.Create(flags.Count, flags, static (span, list) => list.CopyTo(span));
        return Intern(key);
    }

    public int Intern(string sortedFlags)
    {
        if (_ids.TryGetValue(sortedFlags, out var id))
        {
            return id;
        }

        id = Count++;
        if (_starts.Length < Count + 1)
        {
            Array.Resize(ref _starts, _starts.Length * 2);
        }

        if (_flags.Length < _flagCount + sortedFlags.Length)
        {
            Array.Resize(ref _flags, Math.Max(_flags.Length * 2, _flagCount + sortedFlags.Length));
        }

        sortedFlags.CopyTo(_flags.AsSpan(_flagCount));
        _flagCount += sortedFlags.Length;
        _starts[id + 1] = _flagCount;
        _ids[sortedFlags] = id;
        return id;
    }

    /// <summary>The set of <paramref name="id"/> with one more flag.</summary>
    public int With(int id, char flag)
    {
        var flags = new List<char>(this[id].Length + 1);
        flags.AddRange(this[id]);
        flags.Add(flag);
        return Intern(flags);
    }
}
