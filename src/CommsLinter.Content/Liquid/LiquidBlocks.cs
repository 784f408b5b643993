using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Text;

namespace CommsLinter.Content.Liquid;

/// <summary>
/// Whether a file's Liquid blocks open and close in order, in Liquid's own words: an unclosed
/// <c>{% if %}</c> is reported at its opening tag ("`{% if %}` at line 12 is never closed: add
/// `{% endif %}`"), not where a parser gives up (a later <c>{% else %}</c>), and a stray
/// <c>{% else %}</c> or <c>{% endfor %}</c> where it stands.
/// </summary>
internal static class LiquidBlocks
{
    private static readonly Dictionary<string, string[]> Middles = new(StringComparer.Ordinal)
    {
        ["else"] = ["if", "unless", "case", "for"],
        ["elsif"] = ["if", "unless"],
        ["when"] = ["case"],
    };

    private static readonly HashSet<string> Openers = new(StringComparer.Ordinal) { "if", "unless", "for", "case", "capture", "tablerow", "raw", "comment" };

    /// <summary>The first block that does not balance, or null when they all do (another error is then the parser's to say).</summary>
    public static Finding? Check(SourceText source, IReadOnlyList<Placeholder> tags)
    {
        var open = new Stack<(string Name, Placeholder Tag)>();
        // A raw or comment block is one construct from its opening to its end, so it opens nothing that stays open.
        foreach (var tag in tags.Where(t => t.Kind == PlaceholderKind.Tag))
        {
            var name = NameOf(tag.Code.Span);
            if (name.Length == 0 || name == "liquid")
            {
                // `{% liquid %}` holds several statements in one tag: its blocks are the parser's to judge.
                return null;
            }

            if (Openers.Contains(name))
            {
                open.Push((name, tag));
            }
            else if (name.StartsWith("end", StringComparison.Ordinal) && Openers.Contains(name[3..]))
            {
                var opened = name[3..];
                if (open.TryPeek(out var top) && top.Name == opened)
                {
                    open.Pop();
                }
                else if (open.Any(o => o.Name == opened))
                {
                    return NeverClosed(source, top.Name, top.Tag.Range, $" before the `{{% {name} %}}` at line {LineOf(source, tag.Range)}");
                }
                else
                {
                    return ContentRules.LiquidSyntax.At(source, tag.Range,
                        $"`{{% {name} %}}` closes no `{{% {opened} %}}`: remove it, or open the block it ends before it.");
                }
            }
            else if (Middles.TryGetValue(name, out var parents) && !(open.TryPeek(out var parent) && parents.Contains(parent.Name)))
            {
                var within = string.Join(", ", parents[..^1].Select(p => $"`{{% {p} %}}`")) + (parents.Length > 1 ? " or " : string.Empty) + $"`{{% {parents[^1]} %}}`";
                return ContentRules.LiquidSyntax.At(source, tag.Range, open.TryPeek(out var inner)
                    ? $"`{{% {name} %}}` cannot stand inside `{{% {inner.Name} %}}` (line {LineOf(source, inner.Tag.Range)}); it belongs in {within}. Close the `{{% {inner.Name} %}}` with `{{% end{inner.Name} %}}` first."
                    : $"`{{% {name} %}}` is outside any block; it belongs in {within}.");
            }
        }

        return open.TryPeek(out var unclosed) ? NeverClosed(source, unclosed.Name, unclosed.Tag.Range, string.Empty) : null;
    }

    /// <summary>A tag left open at the end of the text: a raw or comment block that is never closed.</summary>
    public static Finding? UnclosedBlock(SourceText source, int at)
    {
        var code = source.Text.AsSpan(at, Math.Min(source.Text.Length - at, 64));
        var close = code.IndexOf("%}");
        var name = NameOf(close >= 0 ? code[..(close + 2)] : code);
        return name is "raw" or "comment" ? NeverClosed(source, name, new TextRange(at, at + (close >= 0 ? close + 2 : 2)), string.Empty) : null;
    }

    private static Finding NeverClosed(SourceText source, string name, TextRange tag, string where) =>
        ContentRules.LiquidSyntax.At(source, tag, $"`{{% {name} %}}` at line {LineOf(source, tag)} is never closed: add `{{% end{name} %}}`{where}.");

    private static int LineOf(SourceText source, TextRange tag) => source.GetLocation(tag).Start.Line;

    /// <summary>The tag's name: "if" of "{%- if x -%}".</summary>
    private static string NameOf(ReadOnlySpan<char> code)
    {
        var inner = code.StartsWith("{%") ? code[2..] : code;
        inner = inner.TrimStart('-').TrimStart();
        var length = 0;
        while (length < inner.Length && char.IsAsciiLetter(inner[length]))
        {
            length++;
        }

        return inner[..length].ToString();
    }
}
