using System.Text;

namespace CommsLinter.Tests.Fuzz;

/// <summary>
/// Turns a valid input into a broken or hostile one, reproducibly from a seed: flipped and deleted
/// characters, pieces moved or repeated, the syntax of every format the tool reads (Liquid, HTML,
/// Markdown, YAML, JSON, the DSL) dropped in where it does not belong, nesting thousands deep, and the
/// characters that break naive code (NUL, the placeholder mask, a byte order mark mid-text, lone
/// surrogates, right-to-left marks, combining marks, emoji, every kind of line break).
/// </summary>
internal sealed class Mutator(int seed)
{
    private static readonly string[] Tokens =
    [
        "{{", "}}", "{%", "%}", "{% if x %}", "{% endif %}", "{% for i in order.items %}", "{% endfor %}", "{% raw %}", "{% comment %}",
        "{% include 'legal-footer.pl' %}", "{% include '../../etc/passwd' %}", "{{ customer.first_name | default: \"\" }}", "{{ a.b.c.d }}",
        "<", ">", "</", "<p>", "</p>", "<a href=\"", "\">", "<img src=x alt=\"", "<!--", "-->", "<script>", "</script>", "<style>", "&amp;", "&", "&#x10FFFF;", "&#0;",
        "---\n", "\n---\n", "touchpoint: ", "locale: ../../etc/x", "channel: ", "subject: \"", ": ", "- ", "  - ", "[", "]", "{", "}", "\"", "'", "|", ">",
        "# ", "> ", "* ", "1. ", "```", "[x](http://", "![a](", "\\", "*", "_",
        "rule ", "styleguide \"x\"", "when (", "not ", " and ", " or ", ")", "forbid /(a+)+$/", "prefer \"a\" over ", "limit characters max 99999999999", "facts {", "vocabulary {",
        ",", ":", "null", "true", "1e400", "-0", "\"\\u0000\"",
        "\0", "\uFFFC", "\uFEFF", "\uD800", "\uDC00", "\u202E", "\u0301\u0301\u0301", "🙂", "\r", "\r\n", "\u2028", "\f", "\t",
        "dziękujemy", "Благодарим", "perché", "Okna Nowak", "+48 22 307 41 00", "14 dni", "https://www.oknanowak.pl",
    ];

    private static readonly string[] Nesting = ["(", "not ", "- ", "> ", "<div>", "{% if x %}", "[", "{", "  ", "<b><i>", "{{ a | default: ", "**"];

    private readonly Random _random = new(seed);

    /// <summary>The text with one to four mutations; <paramref name="others"/> give pieces to splice in.</summary>
    public string Mutate(string text, IReadOnlyList<string> others)
    {
        var result = new StringBuilder(text);
        for (var i = _random.Next(1, 5); i > 0; i--)
        {
            Apply(result, others);
        }

        return result.ToString();
    }

    /// <summary>The bytes with one to four flips, cuts or copies: for binary files (the cache).</summary>
    public byte[] Mutate(byte[] bytes)
    {
        var result = new List<byte>(bytes);
        for (var i = _random.Next(1, 5); i > 0 && result.Count > 0; i--)
        {
            var at = _random.Next(result.Count);
            switch (_random.Next(4))
            {
                case 0:
                    result[at] ^= (byte)(1 << _random.Next(8));
                    break;
                case 1:
                    result.RemoveRange(at, Math.Min(result.Count - at, _random.Next(1, 64)));
                    break;
                case 2:
                    var from = _random.Next(result.Count);
                    result.InsertRange(at, result.GetRange(from, Math.Min(16, result.Count - from)));
                    break;
                default:
                    result[at] = (byte)_random.Next(256);
                    break;
            }
        }

        return [.. result];
    }

    private void Apply(StringBuilder text, IReadOnlyList<string> others)
    {
        var at = text.Length == 0 ? 0 : _random.Next(text.Length + 1);
        switch (_random.Next(9))
        {
            case 0 when text.Length > 0:
                text.Remove(Math.Min(at, text.Length - 1), 1).Insert(Math.Min(at, text.Length), (char)_random.Next(32, 0x3000));
                break;
            case 1 when text.Length > 0:
                var start = _random.Next(text.Length);
                text.Remove(start, Math.Min(text.Length - start, _random.Next(1, 200)));
                break;
            case 2 when text.Length > 0:
                var from = _random.Next(text.Length);
                text.Insert(at, text.ToString(from, Math.Min(text.Length - from, _random.Next(1, 300))));
                break;
            case 3:
                text.Insert(at, Tokens[_random.Next(Tokens.Length)]);
                break;
            case 4:
                // Deep nesting: what recursive parsers and walkers must survive.
                text.Insert(at, string.Concat(Enumerable.Repeat(Nesting[_random.Next(Nesting.Length)], _random.Next(2) == 0 ? _random.Next(10, 200) : _random.Next(2_000, 6_000))));
                break;
            case 5 when others.Count > 0:
                var other = others[_random.Next(others.Count)];
                var piece = _random.Next(other.Length + 1);
                text.Insert(at, other[piece..Math.Min(other.Length, piece + _random.Next(1, 500))]);
                break;
            case 6:
                text.Length = Math.Min(text.Length, at);
                break;
            case 7:
                text.Replace("\n", _random.Next(3) switch { 0 => "\r\n", 1 => "\r", _ => "\n\n" });
                break;
            default:
                // Many placeholders or tags at once: what quadratic code cannot survive.
                text.Insert(at, string.Concat(Enumerable.Repeat(Tokens[_random.Next(Tokens.Length)], _random.Next(50, 2_000))));
                break;
        }
    }
}
