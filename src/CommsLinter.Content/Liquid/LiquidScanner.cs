using System.Buffers;
using System.Collections.Concurrent;
using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Text;
using Scriban;
using Scriban.Parsing;

namespace CommsLinter.Content.Liquid;

/// <summary>
/// Finds every Liquid construct of a file with Scriban (Liquid mode): its lexer gives the exact
/// extent of each <c>{{ }}</c>, <c>{% %}</c>, raw and comment block; its parser reports syntax
/// errors, which are mapped to the source.
/// </summary>
/// <remarks>
/// Parsing is what costs, so it is done once per distinct piece of code in a run: every output
/// (<c>{{ order.number }}</c> recurs in hundreds of templates) and every file's tag skeleton (its
/// <c>{% %}</c> tags, raw and comment blocks in order, which alone decide whether blocks balance;
/// prose between constructs cannot make Liquid invalid). Thread-safe: one scanner serves a run.
/// </remarks>
internal sealed class LiquidScanner
{
    private static readonly LexerOptions LexerOptions = new() { Lang = ScriptLang.Liquid, KeepTrivia = false };

    /// <summary>
    /// What makes a construct's extent a question for the lexer: strings, braces, a percent sign, and NUL,
    /// which Scriban's lexer reads as the end of the text.
    /// </summary>
    private static readonly SearchValues<char> PlainCodeBreakers = SearchValues.Create("\"'{}%\0");

    private readonly ConcurrentDictionary<string, ParseOutcome> _outcomes = new(StringComparer.Ordinal);

    /// <summary>Adds the placeholders of <paramref name="source"/> to <paramref name="placeholders"/>.</summary>
    /// <returns>A syntax error, or null.</returns>
    public Finding? Scan(SourceText source, List<Placeholder> placeholders)
    {
        var text = source.Text;
        if (!text.AsSpan().Contains('{'))
        {
            return null;
        }

        // Prose between constructs is skipped with a vectorised search, and the lexer runs from each opening
        // delimiter to its exit: lexing the prose too (a character at a time, tracking lines) was a tenth of
        // loading a template. Between constructs the lexer is in its initial state, so a fresh one at the
        // opening reads the same tokens the whole-text lexer did.
        var position = 0;
        while (NextOpening(text, position) is var opening and >= 0)
        {
            var construct = ReadConstruct(text, opening, out var unclosedAt);
            if (unclosedAt >= 0)
            {
                // Scriban reports a construct left open at the end of the text at no position at all, or
                // at the line break where the lexer gave up; the useful position is the unclosed delimiter.
                var at = unclosedAt;
                if (LiquidBlocks.UnclosedBlock(source, at) is { } block)
                {
                    return block;
                }

                var opened = text.Substring(at, Math.Min(2, text.Length - at));
                var closer = opened == "{%" ? "%}" : "}}";
                return ContentRules.LiquidSyntax.At(source, new TextRange(at, at + opened.Length),
                    $"Liquid: '{opened}' is never closed. Add '{closer}' where the expression ends.");
            }

            if (construct is not { } found)
            {
                break;
            }

            placeholders.Add(found);
            position = found.Range.End;
        }

        foreach (var placeholder in placeholders)
        {
            if (placeholder.Kind == PlaceholderKind.Output && Parse(placeholder.Code.Span) is { Message: not null } outcome)
            {
                return Error(source, placeholder.Range.Start + Math.Max(0, outcome.Offset), outcome.Message);
            }
        }

        return CheckSkeleton(source, placeholders);
    }

    /// <summary>The next '{{' or '{%' at or after <paramref name="start"/>, or -1.</summary>
    private static int NextOpening(string text, int start)
    {
        for (var i = start; i < text.Length - 1; i++)
        {
            i = text.IndexOf('{', i);
            if (i < 0 || i == text.Length - 1)
            {
                return -1;
            }

            if (text[i + 1] is '{' or '%')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The construct the lexer reads from <paramref name="opening"/> to its exit; null when there is none.</summary>
    /// <param name="unclosedAt">Where a construct opens that is never closed; -1 when none is.</param>
    private static Placeholder? ReadConstruct(string text, int opening, out int unclosedAt)
    {
        unclosedAt = -1;
        if (ReadPlainConstruct(text, opening) is { } plain)
        {
            return plain;
        }

        Token? open = null;
        var options = LexerOptions with { StartPosition = new TextPosition(opening, 0, 0) };
        foreach (var token in new Lexer(text, options: options))
        {
            switch (token.Type)
            {
                case TokenType.CodeEnter or TokenType.LiquidTagEnter or TokenType.EscapeEnter:
                    open = token;
                    break;
                case TokenType.CodeExit or TokenType.LiquidTagExit or TokenType.EscapeExit when open is { } enter:
                    var range = new TextRange(enter.Start.Offset, token.End.Offset + 1);
                    return new Placeholder(range, KindOf(enter, text), text.AsMemory(range.Start, range.Length));
            }
        }

        unclosedAt = open is { } unclosed ? unclosed.Start.Offset : -1;
        return null;
    }

    /// <summary>
    /// A construct whose code holds nothing that could hide or move its closing delimiter
    /// (no quotes, braces or percent signs) and that opens no raw or comment block: its extent is
    /// plain, from the opening to the first closing delimiter, and the lexer would read the same.
    /// Nearly every construct of a template is one of these (<c>{{ order.number }}</c>,
    /// <c>{% if customer.company_name %}</c>); a lexer for each was a fifth of loading a template.
    /// </summary>
    private static Placeholder? ReadPlainConstruct(string text, int opening)
    {
        var isOutput = text[opening + 1] == '{';
        var codeStart = opening + 2;
        var close = text.AsSpan(codeStart).IndexOf(isOutput ? "}}" : "%}");
        if (close < 0)
        {
            return null;
        }

        var code = text.AsSpan(codeStart, close);
        if (code.ContainsAny(PlainCodeBreakers) || (!isOutput && (code.Contains("raw", StringComparison.Ordinal) || code.Contains("comment", StringComparison.Ordinal))))
        {
            return null;
        }

        var range = new TextRange(opening, codeStart + close + 2);
        return new Placeholder(range, isOutput ? PlaceholderKind.Output : PlaceholderKind.Tag, text.AsMemory(range.Start, range.Length));
    }

    private Finding? CheckSkeleton(SourceText source, List<Placeholder> placeholders)
    {
        var pieces = placeholders.Where(p => p.Kind != PlaceholderKind.Output).ToArray();
        if (pieces.Length == 0)
        {
            return null;
        }

        var skeleton = string.Concat(pieces.Select(p => p.Code.ToString()));
        if (Parse(skeleton) is not { Message: { } message } outcome)
        {
            return null;
        }

        // Blocks that do not balance are said at the block, in Liquid's words; what else fails is the parser's message.
        if (LiquidBlocks.Check(source, pieces) is { } unbalanced)
        {
            return unbalanced;
        }

        // Map the offset in the skeleton back to the tag it falls in; "no position" means the end.
        var offset = outcome.Offset < 0 ? skeleton.Length : outcome.Offset;
        foreach (var piece in pieces)
        {
            if (offset <= piece.Range.Length)
            {
                return Error(source, piece.Range.Start + offset, message);
            }

            offset -= piece.Range.Length;
        }

        return Error(source, pieces[^1].Range.End, message);
    }

    private ParseOutcome Parse(ReadOnlySpan<char> code)
    {
        // Looked up by span: a recurring output costs no string until it is seen for the first time.
        if (_outcomes.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(code, out var known))
        {
            return known;
        }

        var text = code.ToString();
        var template = Template.ParseLiquid(text, lexerOptions: LexerOptions);
        var outcome = template.Messages.FirstOrDefault(m => m.Type == ParserMessageType.Error) is { } error
            ? new ParseOutcome(error.Message, error.Span.Start.Offset)
            : default;
        _outcomes.TryAdd(text, outcome);
        return outcome;
    }

    private static Finding Error(SourceText source, int position, string message) =>
        ContentRules.LiquidSyntax.At(source, new TextRange(position, position + 1), $"Liquid: {Describe(message)}");

    private static PlaceholderKind KindOf(Token enter, string text)
    {
        if (enter.Type == TokenType.EscapeEnter)
        {
            return PlaceholderKind.Raw;
        }

        var opening = text.AsSpan(enter.Start.Offset, enter.End.Offset - enter.Start.Offset + 1);
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

    private readonly record struct ParseOutcome(string? Message, int Offset);
}
