using AngleSharp.Html;
using TextRange = CommsLinter.Text.TextRange;

namespace CommsLinter.Content.Readers;

/// <summary>HTML character references, decoded as a browser decodes them, for the HTML reader's text and attributes.</summary>
internal static class HtmlEntities
{
    /// <summary>Decodes HTML character references in source [start, end) into a plain string.</summary>
    public static string Decode(string text, TextRange range)
    {
        var span = text.AsSpan(range.Start, range.Length);
        if (!span.Contains('&'))
        {
            return span.ToString();
        }

        var result = new System.Text.StringBuilder(span.Length);
        var i = range.Start;
        while (i < range.End)
        {
            if (text[i] == '&' && TryDecode(text, i, range.End, out var decoded, out var next))
            {
                result.Append(decoded);
                i = next;
            }
            else
            {
                result.Append(text[i++]);
            }
        }

        return result.ToString();
    }

    /// <summary>
    /// Decodes the character reference at text[at] ('&amp;') as a browser does: a number, any HTML5 named
    /// reference with its semicolon (&amp;trade;, &amp;hellip;), or one of the legacy names browsers also
    /// take without it (&amp;copy 2026, &amp;nbsp), the longest that fits, unless a letter, digit or '='
    /// follows it (an attribute's rule, kept for text too so that "&amp;copyright" stays a word).
    /// </summary>
    public static bool TryDecode(string text, int at, int limit, out string decoded, out int next)
    {
        decoded = string.Empty;
        next = at;
        var window = text.AsSpan(at + 1, Math.Min(limit - at - 1, LongestEntityName + 1));
        var semicolon = window.IndexOf(';');
        if (semicolon > 0 && window[0] == '#')
        {
            var body = window[..semicolon];
            var isHex = body.Length > 1 && (body[1] == 'x' || body[1] == 'X');
            var digits = body[(isHex ? 2 : 1)..];
            if (!int.TryParse(digits, isHex ? System.Globalization.NumberStyles.AllowHexSpecifier : System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture, out var codePoint))
            {
                return false;
            }

            decoded = codePoint is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) ? char.ConvertFromUtf32(codePoint) : "\uFFFD";
            next = at + semicolon + 2;
            return true;
        }

        var run = window.IndexOfAnyExcept(AsciiLettersAndDigits) is var stop and >= 0 ? stop : window.Length;
        var name = window[..run];
        if (name.Length == 0)
        {
            return false;
        }

        // AngleSharp's table holds every name with its semicolon, and the legacy ones also without it.
        if (run < window.Length && window[run] == ';' && HtmlEntityProvider.Resolver.GetSymbol(string.Concat(name, ";")) is { } symbol)
        {
            decoded = symbol;
            next = at + run + 2;
            return true;
        }

        for (var length = Math.Min(name.Length, LongestLegacyName); length >= 2; length--)
        {
            var after = length < window.Length ? window[length] : ' ';
            if (!char.IsAsciiLetterOrDigit(after) && after != '=' && HtmlEntityProvider.Resolver.GetSymbol(name[..length].ToString()) is { } legacy)
            {
                decoded = legacy;
                next = at + length + 1;
                return true;
            }
        }

        return false;
    }

    private const int LongestEntityName = 32;

    private const int LongestLegacyName = 6;

    private static readonly System.Buffers.SearchValues<char> AsciiLettersAndDigits =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
}
