using CommsLinter.Text;

namespace CommsLinter.Model;

/// <summary>Where in a message a run of prose sits; rules choose the scopes they check.</summary>
public enum SegmentScope
{
    Subject,
    Preheader,
    Title,
    Heading,
    Paragraph,
    ListItem,
    TableCell,
    Quote,
    Button,
    AltText,
    Footer,
    Sms,
}

/// <summary>
/// A run of prose with its scope and a map from every character back to the source. Each Liquid
/// construct stands in <see cref="Text"/> as one <see cref="Placeholders.MaskChar"/>, so it is never
/// read as a word and columns stay exact.
/// </summary>
public sealed record Segment(SegmentScope Scope, string Text, SourceMap Map)
{
    private string? _folded;

    public TextRange SourceRange => Map.ToSource(0, Text.Length);

    /// <summary>
    /// The text in lower case, same length and offsets, made once and shared by every rule that
    /// matches without regard to case (an ordinal search on it is vectorised).
    /// </summary>
    public string Folded => _folded ??= Text.ToLowerInvariant();
}
