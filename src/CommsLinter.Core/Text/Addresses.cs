using System.Buffers;

namespace CommsLinter.Text;

/// <summary>
/// Addresses written in prose: URLs, bare domains (www.oknanowak.pl, oknanowak.pl/zwroty), e-mail
/// addresses, mailto: and tel: targets, file names (regulamin.pdf). Each is one token for every rule,
/// so that a brand's lower-case name inside its domain is neither a capitalization mistake nor a word
/// to spell-check. A token is a run without white space, less the punctuation around it.
/// </summary>
public static class Addresses
{
    private static readonly SearchValues<char> Marks = SearchValues.Create("./@:");

    /// <summary>How far a token is followed each way; a longer address (a tracking URL) is judged by this much of it.</summary>
    private const int Reach = 2048;

    /// <summary>
    /// Whether text[start, start + length) lies inside an address and is only part of it. A match that
    /// is the whole token, or that holds an address's own punctuation ("o.o.", "oknanowak.pl", "http://"),
    /// was written to match addresses and is not hidden.
    /// </summary>
    public static bool HidesMatch(string text, int start, int length)
    {
        var end = start + length;
        // Only a match touching a dot, slash, '@' or colon can be part of an address; most are not.
        if ((start == 0 || !Marks.Contains(text[start - 1])) && (end == text.Length || !Marks.Contains(text[end])))
        {
            return false;
        }

        if (text.AsSpan(start, length).ContainsAny(Marks))
        {
            return false;
        }

        var (from, to) = TokenAround(text, start, end);
        return (from < start || to > end) && IsAddress(text.AsSpan(from, to - from));
    }

    /// <summary>Whether a token (no white space in it, no punctuation around it) is an address.</summary>
    public static bool IsAddress(ReadOnlySpan<char> token)
    {
        if (token.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || token.StartsWith("tel:", StringComparison.OrdinalIgnoreCase)
            || token.StartsWith("www.", StringComparison.OrdinalIgnoreCase) || token.Contains("://", StringComparison.Ordinal))
        {
            return true;
        }

        var at = token.IndexOf('@');
        if (at > 0 && at < token.Length - 1)
        {
            return true;
        }

        // A host or a file name ends in a dot and a lower-case suffix of two or more letters after a part
        // of two or more characters: "oknanowak.pl", "regulamin.pdf". Abbreviations ("m.in", "Sp.z.o.o",
        // "т.е") have one-letter parts, and a sentence glued to the next one ("okna.Zapraszamy") a capital.
        var path = token.IndexOf('/');
        var host = path < 0 ? token : token[..path];
        var dot = host.LastIndexOf('.');
        return dot >= 2 && host.Length - dot - 1 >= 2
            && IsNamePart(host[..dot]) && IsLowerSuffix(host[(dot + 1)..]);
    }

    private static bool IsNamePart(ReadOnlySpan<char> part)
    {
        var last = part.LastIndexOf('.');
        var label = last < 0 ? part : part[(last + 1)..];
        return label.Length >= 2 && char.IsLetterOrDigit(label[^1]);
    }

    private static bool IsLowerSuffix(ReadOnlySpan<char> suffix)
    {
        foreach (var c in suffix)
        {
            if (!char.IsLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return char.IsLower(suffix[0]);
    }

    /// <summary>
    /// The run without white space around text[start, end), less the punctuation that opens or closes it; at most
    /// <see cref="Reach"/> characters each way, so that a megabyte without a space costs each match a bounded look.
    /// </summary>
    private static (int From, int To) TokenAround(string text, int start, int end)
    {
        var from = start;
        while (from > 0 && start - from < Reach && !IsTokenBreak(text[from - 1]))
        {
            from--;
        }

        var to = end;
        while (to < text.Length && to - end < Reach && !IsTokenBreak(text[to]))
        {
            to++;
        }

        while (from < start && IsEnclosing(text[from]))
        {
            from++;
        }

        while (to > end && (IsEnclosing(text[to - 1]) || text[to - 1] is '.' or ',' or ';' or ':' or '!' or '?'))
        {
            to--;
        }

        return (from, to);
    }

    private static bool IsTokenBreak(char c) => char.IsWhiteSpace(c) || c is Model.Placeholders.MaskChar or '<' or '>';

    private static bool IsEnclosing(char c) => c is '(' or ')' or '[' or ']' or '"' or '\'' or '«' or '»' or '„' or '“' or '”' or '‘' or '’';
}
