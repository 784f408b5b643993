namespace CommsLinter.Rules.Style;

/// <summary>
/// Words and sentences of a segment's text, as offsets into it (no substrings). A word is a run of
/// letters and digits, with an apostrophe, hyphen, colon, dot or '@' inside it (dell’ordine,
/// e-mail, 8:00, kontakt@oknanowak.pl); a number with separators is one word (1 299,00; 1.299,00);
/// a URL is one word; Liquid placeholders are not words. A sentence ends at '.', '!' or '?' followed by a space or the end,
/// except after an abbreviation of the text's locale (<see cref="SentenceAbbreviations"/>).
/// </summary>
public static class TextUnits
{
    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789");
    private static readonly System.Buffers.SearchValues<char> DigitsAndSpaces = System.Buffers.SearchValues.Create("0123456789 \u00A0\u202F");

    public static IEnumerable<(int Start, int Length)> Words(string text) => Words(text, 0, text.Length);

    /// <summary>The words of text[start, end), as offsets into <paramref name="text"/>.</summary>
    public static IEnumerable<(int Start, int Length)> Words(string text, int start, int end)
    {
        var i = start;
        while (i < end)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var wordStart = i;
            if (StartsUrl(text, i))
            {
                // An address is one word however many dots and slashes it has.
                while (i < end && !char.IsWhiteSpace(text[i]) && text[i] != Model.Placeholders.MaskChar)
                {
                    i++;
                }

                yield return (wordStart, text.AsSpan(wordStart, i - wordStart).TrimEnd(".,;:)").Length);
                continue;
            }

            while (i < end && (char.IsLetterOrDigit(text[i])
                || (IsJoiner(text[i]) && i + 1 < end && char.IsLetterOrDigit(text[i + 1]))
                || IsNumberSeparator(text, i, wordStart, end)))
            {
                i++;
            }

            yield return (wordStart, i - wordStart);
        }
    }

    /// <param name="abbreviations">Words whose dot does not end a sentence, without it (the locale's <see cref="SentenceAbbreviations"/>); every shipped one when not given.</param>
    public static IEnumerable<(int Start, int Length)> Sentences(string text, IReadOnlySet<string>? abbreviations = null)
    {
        abbreviations ??= SentenceAbbreviations.Shipped.For(null);
        var start = SkipSpaces(text, 0);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('.' or '!' or '?'))
            {
                continue;
            }

            var end = i + 1;
            while (end < text.Length && text[end] is '.' or '!' or '?' or '"' or '”' or '»' or ')')
            {
                end++;
            }

            if (end < text.Length && text[end] != ' ')
            {
                continue;
            }

            if (text[i] == '.' && IsAbbreviation(text, i, abbreviations))
            {
                continue;
            }

            yield return (start, end - start);
            start = SkipSpaces(text, end);
            i = start - 1;
        }

        if (text.AsSpan(start).Trim().Length > 0)
        {
            yield return (start, text.AsSpan(start).TrimEnd().Length);
        }
    }

    private static int SkipSpaces(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsAbbreviation(string text, int dot, IReadOnlySet<string> abbreviations)
    {
        var wordStart = dot;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        return dot > wordStart && abbreviations.Contains(text[wordStart..dot]);
    }

    // Inside a word: elisions and compounds (dell’ordine, e-mail), times (8:00), e-mail addresses and abbreviations (o.o.).
    private static bool IsJoiner(char c) => c is '\'' or '’' or '-' or '‐' or ':' or '.' or '@';

    // Inside a number: 1 299,00 and 1.299,00 (a space, no-break space, comma or dot between digits,
    // a space only before a group of exactly three digits).
    private static bool IsNumberSeparator(string text, int i, int wordStart, int end)
    {
        if (i == wordStart || i + 1 >= end || !char.IsAsciiDigit(text[i - 1]) || !char.IsAsciiDigit(text[i + 1]))
        {
            return false;
        }

        if (text[i] is ',')
        {
            return true;
        }

        return text[i] is ' ' or '\u00A0' or '\u202F'
            && text.AsSpan(wordStart, i - wordStart).IndexOfAnyExcept(DigitsAndSpaces) < 0
            && i + 4 <= end && text.AsSpan(i + 1, 3).IndexOfAnyExcept(Digits) < 0
            && (i + 4 == end || !char.IsAsciiDigit(text[i + 4]));
    }

    private static bool StartsUrl(string text, int i) =>
        text.AsSpan(i).StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || text.AsSpan(i).StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || text.AsSpan(i).StartsWith("www.", StringComparison.OrdinalIgnoreCase);
}
