namespace CommsLinter.Text;

/// <summary>
/// The decoded text of one file, kept once. Segments, placeholders, links and findings refer into it
/// by offset; nothing searches the text again to learn where something was.
/// </summary>
public sealed class SourceText
{
    private LineIndex? _lines;

    public SourceText(string path, string text)
    {
        Path = path;
        Text = text;
    }

    /// <summary>The path as shown to the user: relative to the working directory, with forward slashes.</summary>
    public string Path { get; }

    public string Text { get; }

    public LineIndex Lines => _lines ??= LineIndex.Build(Text);

    public Location GetLocation(int start, int end)
    {
        if (end < start)
        {
            end = start;
        }

        return new Location(Lines.GetPosition(start), Lines.GetPosition(end));
    }

    public Location GetLocation(TextRange range) => GetLocation(range.Start, range.End);
}

/// <summary>A half-open range of offsets [Start, End) into a <see cref="SourceText"/>.</summary>
public readonly record struct TextRange(int Start, int End)
{
    public int Length => End - Start;

    public bool Contains(int offset) => offset >= Start && offset < End;

    public override string ToString() => $"[{Start}..{End})";
}

/// <summary>
/// Where something is in a file: start and end as 1-based lines and UTF-16 columns. The end is
/// exclusive: it is the position just after the last character.
/// </summary>
public readonly record struct Location(LinePosition Start, LinePosition End) : IComparable<Location>
{
    public static Location FileStart { get; } = new(new LinePosition(1, 1), new LinePosition(1, 1));

    public int CompareTo(Location other)
    {
        var byStart = Start.CompareTo(other.Start);
        return byStart != 0 ? byStart : End.CompareTo(other.End);
    }

    public static bool operator <(Location a, Location b) => a.CompareTo(b) < 0;

    public static bool operator >(Location a, Location b) => a.CompareTo(b) > 0;

    public static bool operator <=(Location a, Location b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Location a, Location b) => a.CompareTo(b) >= 0;
}
