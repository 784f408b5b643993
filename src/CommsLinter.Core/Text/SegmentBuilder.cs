using System.Text;
using CommsLinter.Model;

namespace CommsLinter.Text;

/// <summary>
/// Builds segments from pieces of a source text while recording the source map. Readers feed it the
/// masked source (Liquid replaced by <see cref="Placeholders.MaskChar"/>), decoded characters and
/// breaks; it folds white space, turns each Liquid construct into one placeholder character, and
/// drops segments with no prose.
/// </summary>
public sealed class SegmentBuilder
{
    private readonly string _source;
    private readonly Placeholders _placeholders;
    private readonly List<Segment> _segments = [];
    private readonly StringBuilder _text = new();
    private readonly List<MapRun> _runs = [];
    private SegmentScope _scope;
    private int _pendingSpaceAt = -1;
    private int _lastPlaceholder = -1;
    private bool _hasProse;

    public SegmentBuilder(string maskedSource, Placeholders placeholders)
    {
        _source = maskedSource;
        _placeholders = placeholders;
    }

    public IReadOnlyList<Segment> Segments => _segments;

    public bool IsEmpty => _text.Length == 0;

    /// <summary>Ends the segment being built (if any) and starts one of the given scope.</summary>
    public void Start(SegmentScope scope)
    {
        Flush();
        _scope = scope;
    }

    /// <summary>Appends source characters [start, end) of the masked text as they are.</summary>
    public void AppendSource(int start, int end)
    {
        var source = _source.AsSpan(0, end);
        var i = start;
        while (i < end)
        {
            var c = source[i];
            if (IsFoldedSpace(c))
            {
                AppendSpace(i);
                i++;
                continue;
            }

            if (c == Placeholders.MaskChar)
            {
                var index = _placeholders.IndexAt(i);
                if (index >= 0)
                {
                    AppendPlaceholder(index);
                    i = Math.Min(end, _placeholders[index].Range.End);
                    continue;
                }
            }

            // Words with single spaces between them are copied whole, as one run: a single space
            // followed by prose folds to itself. This loop sees every character of every template,
            // so it stays a plain scan (a vectorised search pays its setup at every word).
            var runStart = i++;
            while (i < end)
            {
                c = source[i];
                if (c == ' ' && i + 1 < end && IsPlain(source[i + 1]))
                {
                    i += 2;
                }
                else if (IsPlain(c))
                {
                    i++;
                }
                else
                {
                    break;
                }
            }

            AppendProse(runStart, i);
        }
    }

    /// <summary>Appends text decoded from source [start, end), such as an HTML entity or an escape.</summary>
    public void AppendDecoded(string decoded, int start, int end)
    {
        if (decoded.Length == 0)
        {
            return;
        }

        if (decoded.Length == 1 && IsFoldedSpace(decoded[0]))
        {
            AppendSpace(start);
            return;
        }

        FlushPendingSpace();
        _lastPlaceholder = -1;
        _hasProse = true;
        AddRun(_text.Length, decoded.Length, start, end - start);
        _text.Append(decoded);
    }

    /// <summary>Appends a word break (a soft line break, a tag boundary) at a source offset.</summary>
    public void AppendSpace(int sourceOffset)
    {
        // A line break inside a Liquid construct belongs to the construct: no space where the text has none.
        if (_text.Length > 0 && _pendingSpaceAt < 0 && _placeholders.IndexAt(sourceOffset) < 0)
        {
            _pendingSpaceAt = sourceOffset;
        }
    }

    /// <summary>Ends the current segment; it is kept if it holds any prose.</summary>
    public void Flush()
    {
        if (_text.Length > 0 && _hasProse)
        {
            _segments.Add(new Segment(_scope, _text.ToString(), new SourceMap([.. _runs])));
        }

        _text.Clear();
        _runs.Clear();
        _pendingSpaceAt = -1;
        _lastPlaceholder = -1;
        _hasProse = false;
    }

    private void AppendPlaceholder(int index)
    {
        if (index == _lastPlaceholder)
        {
            return;
        }

        FlushPendingSpace();
        _lastPlaceholder = index;
        var range = _placeholders[index].Range;
        AddRun(_text.Length, 1, range.Start, range.Length);
        _text.Append(Placeholders.MaskChar);
    }

    private void AppendProse(int start, int end)
    {
        FlushPendingSpace();
        _lastPlaceholder = -1;
        _hasProse = true;
        AddRun(_text.Length, end - start, start, end - start);
        _text.Append(_source, start, end - start);
    }

    private void FlushPendingSpace()
    {
        if (_pendingSpaceAt < 0)
        {
            return;
        }

        var at = _pendingSpaceAt;
        _pendingSpaceAt = -1;
        AddRun(_text.Length, 1, at, 1);
        _text.Append(' ');
    }

    private void AddRun(int textStart, int textLength, int sourceStart, int sourceLength)
    {
        if (textLength == sourceLength && _runs.Count > 0)
        {
            var last = _runs[^1];
            if (last.IsLinear && last.TextStart + last.TextLength == textStart && last.SourceStart + last.SourceLength == sourceStart)
            {
                _runs[^1] = last with { TextLength = last.TextLength + textLength, SourceLength = last.SourceLength + sourceLength };
                return;
            }
        }

        _runs.Add(new MapRun(textStart, textLength, sourceStart, sourceLength));
    }

    // A no-break space is kept: typography rules look at it. The folded spaces are ' ' and '\t' to '\r'.
    private static bool IsFoldedSpace(char c) => c == ' ' || (uint)(c - '\t') <= '\r' - '\t';

    private static bool IsPlain(char c) => c > ' ' ? c != Placeholders.MaskChar : !IsFoldedSpace(c);
}
