using CommsLinter.Text;

namespace CommsLinter.StyleGuides.Syntax;

internal enum TokenKind
{
    Word,
    String,
    Regex,
    Number,
    Punctuation,
    End,
    Bad,
}

/// <summary>
/// One token of a style guide. <see cref="Value"/> is the decoded text: a string without its quotes
/// and escapes, a regex's pattern; <see cref="Flags"/> holds a regex's flags.
/// </summary>
internal readonly record struct Token(TokenKind Kind, string Value, TextRange Range, string Flags = "")
{
    public bool Is(string punctuationOrWord) =>
        Kind is TokenKind.Punctuation or TokenKind.Word && Value == punctuationOrWord;

    public override string ToString() => Kind switch
    {
        TokenKind.End => "the end of the file",
        TokenKind.String => $"\"{Value}\"",
        TokenKind.Regex => $"/{Value}/{Flags}",
        _ => $"'{Value}'",
    };
}
