using System.Collections;
using CommsLinter.Text;

namespace CommsLinter.Model;

public enum PlaceholderKind
{
    /// <summary><c>{{ expression }}</c>: a value the customer sees.</summary>
    Output,

    /// <summary><c>{% tag %}</c>: control flow, include, assignment.</summary>
    Tag,

    /// <summary><c>{% raw %}…{% endraw %}</c>: text shown verbatim, never checked as prose.</summary>
    Raw,

    /// <summary><c>{% comment %}…{% endcomment %}</c>.</summary>
    Comment,
}

/// <summary>One Liquid construct: its source range, its kind, and its code as written (a slice of the source).</summary>
public readonly record struct Placeholder(TextRange Range, PlaceholderKind Kind, ReadOnlyMemory<char> Code)
{
    /// <summary>What an output prints before its filters: <c>{{- customer.first_name | default: "Klient" }}</c> prints customer.first_name.</summary>
    public string Expression
    {
        get
        {
            var inner = Code.Span.Trim("{}").Trim('-').Trim();
            var pipe = inner.IndexOf('|');
            return (pipe >= 0 ? inner[..pipe] : inner).Trim().ToString();
        }
    }
}

/// <summary>The Liquid constructs of one document, sorted by position, searchable by offset.</summary>
public sealed class Placeholders : IReadOnlyList<Placeholder>
{
    /// <summary>
    /// Stands for Liquid in masked text and in segment text. U+FFFC OBJECT REPLACEMENT CHARACTER is
    /// meant for exactly this: an object embedded in text.
    /// </summary>
    public const char MaskChar = '\uFFFC';

    private readonly Placeholder[] _items;

    public Placeholders(IEnumerable<Placeholder> items)
    {
        _items = [.. items];
        for (var i = 1; i < _items.Length; i++)
        {
            if (_items[i - 1].Range.Start > _items[i].Range.Start)
            {
                Array.Sort(_items, static (a, b) => a.Range.Start.CompareTo(b.Range.Start));
                break;
            }
        }
    }

    public static Placeholders None { get; } = new([]);

    public int Count => _items.Length;

    public Placeholder this[int index] => _items[index];

    /// <summary>The index of the placeholder covering an offset, or -1.</summary>
    public int IndexAt(int offset)
    {
        int lo = 0, hi = _items.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            var range = _items[mid].Range;
            if (offset < range.Start)
            {
                hi = mid - 1;
            }
            else if (offset >= range.End)
            {
                lo = mid + 1;
            }
            else
            {
                return mid;
            }
        }

        return -1;
    }

    /// <summary>
    /// A copy of the text in which every Liquid character except line breaks is the mask character,
    /// so Markdown and HTML parsers see the same offsets and lines as the source.
    /// </summary>
    public string Mask(string text)
    {
        if (_items.Length == 0)
        {
            return text;
        }

        return string.Create(text.Length, (text, _items), static (span, state) =>
        {
            state.text.AsSpan().CopyTo(span);
            foreach (var item in state._items)
            {
                var masked = span.Slice(item.Range.Start, item.Range.Length);
                var lineBreak = masked.IndexOfAny('\n', '\r');
                masked.Fill(MaskChar);
                for (var i = lineBreak; i >= 0 && i < masked.Length; i++)
                {
                    if (state.text[item.Range.Start + i] is '\n' or '\r')
                    {
                        masked[i] = state.text[item.Range.Start + i];
                    }
                }
            }
        });
    }

    public IEnumerator<Placeholder> GetEnumerator() => ((IEnumerable<Placeholder>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();
}
