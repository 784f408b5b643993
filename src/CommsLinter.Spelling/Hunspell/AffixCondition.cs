namespace CommsLinter.Spelling.Hunspell;

/// <summary>
/// An affix condition such as <c>[^aeiou]y</c>: one element per character of the stem, each a
/// literal, a set, a negated set or any character (<c>.</c>). A suffix's condition is matched
/// against the end of the stem, a prefix's against its start.
/// </summary>
internal sealed class AffixCondition
{
    public static readonly AffixCondition Always = new([]);

    private readonly Element[] _elements;

    private AffixCondition(Element[] elements) => _elements = elements;

    /// <summary>How many characters the stem needs for the condition to be tested.</summary>
    public int Length => _elements.Length;

    public static AffixCondition Parse(string text, out string? error)
    {
        error = null;
        if (text is "." or "")
        {
            return Always;
        }

        var elements = new List<Element>();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '[')
            {
                var close = text.IndexOf(']', i + 1);
                if (close < 0)
                {
                    error = $"condition '{text}' opens '[' without a closing ']'";
                    return Always;
                }

                var negated = close > i + 1 && text[i + 1] == '^';
                var set = text[(i + (negated ? 2 : 1))..close];
                elements.Add(new Element(negated ? ElementKind.NotIn : ElementKind.In, set, '\0'));
                i = close;
            }
            else if (c == '.')
            {
                elements.Add(new Element(ElementKind.Any, string.Empty, '\0'));
            }
            else
            {
                elements.Add(new Element(ElementKind.Literal, string.Empty, c));
            }
        }

        return new AffixCondition([.. elements]);
    }

    /// <summary>Whether the first <see cref="Length"/> characters of <paramref name="stem"/> match.</summary>
    public bool MatchesStart(ReadOnlySpan<char> stem)
    {
        if (stem.Length < _elements.Length)
        {
            return false;
        }

        for (var i = 0; i < _elements.Length; i++)
        {
            if (!_elements[i].Matches(stem[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the last <see cref="Length"/> characters of <paramref name="stem"/> match.</summary>
    public bool MatchesEnd(ReadOnlySpan<char> stem)
    {
        var offset = stem.Length - _elements.Length;
        if (offset < 0)
        {
            return false;
        }

        for (var i = 0; i < _elements.Length; i++)
        {
            if (!_elements[i].Matches(stem[offset + i]))
            {
                return false;
            }
        }

        return true;
    }

    private enum ElementKind
    {
        Literal,
        Any,
        In,
        NotIn,
    }

    private readonly record struct Element(ElementKind Kind, string Set, char Literal)
    {
        public bool Matches(char c) => Kind switch
        {
            ElementKind.Literal => c == Literal,
            ElementKind.Any => true,
            ElementKind.In => Set.Contains(c, StringComparison.Ordinal),
            _ => !Set.Contains(c, StringComparison.Ordinal),
        };
    }
}
