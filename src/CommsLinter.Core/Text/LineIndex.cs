namespace CommsLinter.Text;

/// <summary>
/// Maps character offsets of one text to 1-based lines and columns. Columns count UTF-16 code units,
/// as VS Code and MSBuild do, so a tab is one column and an emoji outside the BMP is two.
/// CRLF, LF and a lone CR each end a line.
/// </summary>
public sealed class LineIndex
{
    private readonly int[] _lineStarts;

    private LineIndex(int[] lineStarts, int length)
    {
        _lineStarts = lineStarts;
        Length = length;
    }

    public int Length { get; }

    public int LineCount => _lineStarts.Length;

    public static LineIndex Build(ReadOnlySpan<char> text)
    {
        var starts = new List<int>(capacity: 64) { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            // Every document's text is scanned: let the vectorised search skip between line breaks.
            var next = text[i..].IndexOfAny('\r', '\n');
            if (next < 0)
            {
                break;
            }

            i += next;
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            starts.Add(i + 1);
        }

        return new LineIndex([.. starts], text.Length);
    }

    /// <summary>The 1-based line and column of an offset; an offset past the end maps to the end.</summary>
    public LinePosition GetPosition(int offset)
    {
        offset = Math.Clamp(offset, 0, Length);
        var line = Array.BinarySearch(_lineStarts, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new LinePosition(line + 1, offset - _lineStarts[line] + 1);
    }

    /// <summary>The offset at which a 1-based line starts.</summary>
    public int GetLineStart(int line) => _lineStarts[Math.Clamp(line, 1, _lineStarts.Length) - 1];
}

/// <summary>A 1-based line and a 1-based column counted in UTF-16 code units.</summary>
public readonly record struct LinePosition(int Line, int Column) : IComparable<LinePosition>
{
    public int CompareTo(LinePosition other) =>
        Line != other.Line ? Line.CompareTo(other.Line) : Column.CompareTo(other.Column);

    public static bool operator <(LinePosition a, LinePosition b) => a.CompareTo(b) < 0;

    public static bool operator >(LinePosition a, LinePosition b) => a.CompareTo(b) > 0;

    public static bool operator <=(LinePosition a, LinePosition b) => a.CompareTo(b) <= 0;

    public static bool operator >=(LinePosition a, LinePosition b) => a.CompareTo(b) >= 0;

    public override string ToString() => $"{Line},{Column}";
}
