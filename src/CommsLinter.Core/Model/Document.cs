using CommsLinter.Text;

namespace CommsLinter.Model;

public enum ContentFormat
{
    Html,
    Markdown,
    PlainText,
}

public enum DocumentKind
{
    /// <summary>A customer-facing message for one touchpoint, channel and locale.</summary>
    Template,

    /// <summary>A shared snippet under <c>_partials/</c>, included by templates.</summary>
    Snippet,
}

/// <summary>A link in a message: its target and the text the customer clicks.</summary>
public sealed record Link(string Url, TextRange UrlRange, string Text, TextRange TextRange, SegmentScope Scope);

/// <summary>An image: its source and its alternative text (null when the attribute is missing).</summary>
public sealed record Image(string Source, TextRange SourceRange, string? Alt, TextRange AltRange);

/// <summary>
/// One loaded file: its source kept once, its front matter, and everything extracted from it with
/// exact source ranges.
/// </summary>
public sealed class Document
{
    public required SourceText Source { get; init; }

    public required ContentFormat Format { get; init; }

    public required DocumentKind Kind { get; init; }

    public FrontMatter FrontMatter { get; init; } = FrontMatter.Empty;

    public IReadOnlyList<Segment> Segments { get; init; } = [];

    public Placeholders Placeholders { get; init; } = Placeholders.None;

    public IReadOnlyList<Link> Links { get; init; } = [];

    public IReadOnlyList<Image> Images { get; init; } = [];

    /// <summary>The commslint-disable directives of the file, in source order.</summary>
    public IReadOnlyList<Suppression> Suppressions { get; init; } = [];

    public string Path => Source.Path;

    public string? Touchpoint => FrontMatter.GetText(FrontMatterKeys.Touchpoint);

    public string? Channel => FrontMatter.GetText(FrontMatterKeys.Channel);

    public string? Locale => FrontMatter.GetText(FrontMatterKeys.Locale);
}
