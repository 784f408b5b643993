using CommsLinter.Model;
using CommsLinter.Text;

namespace CommsLinter.Diagnostics;

/// <summary>An edit of a segment's text: replace [<see cref="Start"/>, <see cref="End"/>) with <see cref="NewText"/>.</summary>
public sealed record SegmentEdit(int Start, int End, string NewText);

/// <summary>
/// A fix as a check proposes it, in the coordinates of the segment it read. <see cref="InSource"/> is
/// the one place that turns it into source edits, and it does so only where the segment's text is the
/// source verbatim: a span with a Liquid placeholder, a tag, an entity, a Markdown escape, folded white
/// space or an escaped YAML value inside it reads differently in the source, so it gets no fix. A
/// segment never holds a front-matter key, only values, so keys are never edited either.
/// </summary>
public sealed record SegmentFix(string Description, bool Safe, IReadOnlyList<SegmentEdit> Edits)
{
    /// <summary>A fix of one edit.</summary>
    public SegmentFix(string description, bool safe, int start, int end, string newText)
        : this(description, safe, [new SegmentEdit(start, end, newText)])
    {
    }

    /// <summary>The fix as edits of <paramref name="source"/>, or null when an edit's span is not verbatim in it.</summary>
    public Fix? InSource(SourceText source, Segment segment)
    {
        var edits = new TextEdit[Edits.Count];
        for (var i = 0; i < edits.Length; i++)
        {
            var (start, end, newText) = Edits[i];
            var range = segment.Map.ToSource(start, end);
            if (!source.Text.AsSpan(range.Start, range.Length).SequenceEqual(segment.Text.AsSpan(start, end - start)))
            {
                return null;
            }

            edits[i] = new TextEdit(range, source.GetLocation(range), newText);
        }

        return new Fix(Description, edits, Safe);
    }
}
