namespace CommsLinter.Text;

/// <summary>
/// Maps every character of a segment's text back to the source. Runs of characters copied from the
/// source map one to one; a character that stands for more source (an HTML entity, a Liquid
/// placeholder) maps to the whole source range it came from.
/// </summary>
public sealed class SourceMap
{
    private readonly MapRun[] _runs;

    internal SourceMap(MapRun[] runs) => _runs = runs;

    public static SourceMap Linear(int sourceStart, int length) =>
        new([new MapRun(0, length, sourceStart, length)]);

    /// <summary>A map on which every character of a text stands for the whole source range.</summary>
    public static SourceMap Spanning(TextRange source, int textLength) =>
        new([new MapRun(0, Math.Max(1, textLength), source.Start, source.Length)]);

    /// <summary>The source range that produced text [textStart, textEnd).</summary>
    public TextRange ToSource(int textStart, int textEnd)
    {
        if (_runs.Length == 0)
        {
            return default;
        }

        var first = _runs[FindRun(textStart)];
        var start = first.IsLinear ? first.SourceStart + (textStart - first.TextStart) : first.SourceStart;
        if (textEnd <= textStart)
        {
            return new TextRange(start, start);
        }

        var last = _runs[FindRun(textEnd - 1)];
        var end = last.IsLinear ? last.SourceStart + (textEnd - last.TextStart) : last.SourceStart + last.SourceLength;
        return new TextRange(start, Math.Max(start, end));
    }

    public int ToSource(int textOffset) => ToSource(textOffset, textOffset).Start;

    private int FindRun(int textOffset)
    {
        int lo = 0, hi = _runs.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >> 1;
            if (_runs[mid].TextStart <= textOffset)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }
}

internal readonly record struct MapRun(int TextStart, int TextLength, int SourceStart, int SourceLength)
{
    public bool IsLinear => TextLength == SourceLength;
}
