using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Text;
using Scriban;
using Scriban.Parsing;

namespace CommsLinter.Content.Liquid;

/// <summary>
/// Finds every Liquid construct in a range of text with Scriban (Liquid mode): its lexer gives the
/// exact extent of each <c>{{ }}</c>, <c>{% %}</c>, raw and comment block; its parser reports syntax
/// errors, which are mapped to the source.
/// </summary>
internal static class LiquidScanner
{
    private static readonly LexerOptions Options = new() { Lang = ScriptLang.Liquid };

    /// <summary>Adds the placeholders of <paramref name="source"/>[start, end) to <paramref name="placeholders"/>.</summary>
    /// <returns>A syntax error, or null.</returns>
    public static Finding? Scan(SourceText source, int start, int end, List<Placeholder> placeholders)
    {
        var text = source.Text;
        if (text.AsSpan(start, end - start).IndexOfAny('{', '%') < 0)
        {
            return null;
        }

        var code = text.Substring(start, end - start);
        // Liquid constructs do not nest in the lexer's output: each enter token is closed by the next exit.
        Token? open = null;
        foreach (var token in new Lexer(code, options: Options))
        {
            switch (token.Type)
            {
                case TokenType.CodeEnter or TokenType.LiquidTagEnter or TokenType.EscapeEnter:
                    open = token;
                    break;
                case TokenType.CodeExit or TokenType.LiquidTagExit or TokenType.EscapeExit when open is { } enter:
                    var range = new TextRange(start + enter.Start.Offset, start + token.End.Offset + 1);
                    placeholders.Add(new Placeholder(range, KindOf(enter, code), text[range.Start..range.End]));
                    open = null;
                    break;
            }
        }

        if (open is { } unclosed)
        {
            // Scriban reports a construct left open at the end of the text at no position at all, or
            // at the line break where the lexer gave up; the useful position is the unclosed delimiter.
            var opened = code.Substring(unclosed.Start.Offset, Math.Min(2, code.Length - unclosed.Start.Offset));
            var closer = opened == "{%" ? "%}" : "}}";
            var at = start + unclosed.Start.Offset;
            return ContentRules.LiquidSyntax.At(source, new TextRange(at, at + opened.Length),
                $"Liquid: '{opened}' is never closed. Add '{closer}' where the expression ends.");
        }

        var template = Template.ParseLiquid(code);
        if (!template.HasErrors)
        {
            return null;
        }

        var error = template.Messages.First(m => m.Type == ParserMessageType.Error);
        var offset = error.Span.Start.Offset;
        var position = offset < 0 ? end : start + offset;
        return ContentRules.LiquidSyntax.At(source, new TextRange(position, position + 1),
            $"Liquid: {Describe(error.Message)}");
    }

    private static PlaceholderKind KindOf(Token enter, string code)
    {
        if (enter.Type == TokenType.EscapeEnter)
        {
            return PlaceholderKind.Raw;
        }

        var opening = code.AsSpan(enter.Start.Offset, enter.End.Offset - enter.Start.Offset + 1);
        if (opening.StartsWith("{{"))
        {
            return PlaceholderKind.Output;
        }

        return opening.Length > 3 && opening.Contains("comment", StringComparison.Ordinal) ? PlaceholderKind.Comment : PlaceholderKind.Tag;
    }

    private static string Describe(string message)
    {
        var text = message.Replace("<EOL>/end of line", "the end of the tag", StringComparison.Ordinal)
            .Replace("`endif statement`", "'{% endif %}'", StringComparison.Ordinal)
            .Replace("`endfor statement`", "'{% endfor %}'", StringComparison.Ordinal);
        return text.EndsWith('.') ? text : text + ".";
    }
}
