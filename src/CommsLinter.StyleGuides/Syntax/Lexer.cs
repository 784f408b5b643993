using CommsLinter.Diagnostics;
using CommsLinter.Rules.Style;
using CommsLinter.Text;

namespace CommsLinter.StyleGuides.Syntax;

/// <summary>
/// Splits a style guide into tokens. Words may contain letters, digits, '-', '_' and '.', so rule ids
/// (<c>brand.name</c>) and stage names (<c>before-purchase</c>) are single words. Comments run from
/// <c>#</c> or <c>//</c> to the end of the line. A '/' elsewhere starts a regex.
/// </summary>
internal static class Lexer
{
    public static List<Token> Tokenize(SourceText source, List<Finding> diagnostics)
    {
        var text = source.Text;
        var tokens = new List<Token>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] == '\uFEFF'))
            {
                i++;
            }

            if (i >= text.Length)
            {
                tokens.Add(new Token(TokenKind.End, string.Empty, new TextRange(text.Length, text.Length)));
                return tokens;
            }

            var c = text[i];
            var start = i;
            if (c == '#' || (c == '/' && i + 1 < text.Length && text[i + 1] == '/'))
            {
                while (i < text.Length && text[i] is not ('\n' or '\r'))
                {
                    i++;
                }

                continue;
            }

            if (char.IsLetter(c))
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '-' or '_' or '.'))
                {
                    i++;
                }

                // A trailing '.' ends a sentence-like line, it is not part of the word.
                while (text[i - 1] == '.' && i - 1 > start)
                {
                    i--;
                }

                tokens.Add(new Token(TokenKind.Word, text[start..i], new TextRange(start, i)));
            }
            else if (char.IsAsciiDigit(c))
            {
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || (text[i] == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Number, text[start..i], new TextRange(start, i)));
            }
            else if (c == '"')
            {
                tokens.Add(ReadQuoted(source, ref i, '"', TokenKind.String, diagnostics));
            }
            else if (c == '/')
            {
                var token = ReadQuoted(source, ref i, '/', TokenKind.Regex, diagnostics);
                var flagsStart = i;
                while (i < text.Length && char.IsAsciiLetter(text[i]))
                {
                    i++;
                }

                tokens.Add(token with { Flags = text[flagsStart..i], Range = new TextRange(start, i) });
            }
            else if (c is '{' or '}' or '[' or ']' or '(' or ')' or ',' or '=')
            {
                i++;
                tokens.Add(new Token(TokenKind.Punctuation, c.ToString(), new TextRange(start, i)));
            }
            else
            {
                i++;
                diagnostics.Add(DslErrors.UnexpectedCharacter.At(source, new TextRange(start, i),
                    $"unexpected character '{c}'. Strings go in \"double quotes\", patterns in /slashes/."));
                tokens.Add(new Token(TokenKind.Bad, c.ToString(), new TextRange(start, i)));
            }
        }
    }

    private static Token ReadQuoted(SourceText source, ref int i, char quote, TokenKind kind, List<Finding> diagnostics)
    {
        var text = source.Text;
        var start = i++;
        var value = new System.Text.StringBuilder();
        while (i < text.Length && text[i] != quote && text[i] is not ('\n' or '\r'))
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                // In a string, \" and \\ are escapes; in a regex, only \/ is ours, the rest is the regex's.
                var next = text[i + 1];
                if (kind == TokenKind.String && next is '"' or '\\')
                {
                    value.Append(next);
                    i += 2;
                    continue;
                }

                if (kind == TokenKind.Regex && next == '/')
                {
                    value.Append('/');
                    i += 2;
                    continue;
                }

                value.Append(text[i++]);
            }

            value.Append(text[i++]);
        }

        if (i >= text.Length || text[i] != quote)
        {
            var what = kind == TokenKind.String ? "string" : "pattern";
            diagnostics.Add(DslErrors.Unterminated.At(source, new TextRange(start, start + 1),
                $"this {what} is not closed on its line. Add the closing {quote}."));
            return new Token(kind, value.ToString(), new TextRange(start, i));
        }

        i++;
        return new Token(kind, value.ToString(), new TextRange(start, i));
    }
}
