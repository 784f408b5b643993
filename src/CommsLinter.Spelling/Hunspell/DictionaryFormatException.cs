namespace CommsLinter.Spelling.Hunspell;

/// <summary>
/// A dictionary file that cannot be read: the file, its 1-based line and column, and what is wrong,
/// so a company that adds its own .aff/.dic sees <c>file(line,col): error</c> like any other input.
/// </summary>
public sealed class DictionaryFormatException(string path, int line, int column, string reason)
    : Exception($"{path}({line},{column}): {reason}")
{
    public string Path { get; } = path;

    public int Line { get; } = line;

    public int Column { get; } = column;

    public string Reason { get; } = reason;
}
