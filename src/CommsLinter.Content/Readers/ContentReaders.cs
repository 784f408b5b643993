using CommsLinter.Model;

namespace CommsLinter.Content.Readers;

/// <summary>A reader as registered: the format it reads and the file extensions that select it.</summary>
public sealed class ReaderRegistration
{
    internal ReaderRegistration(ContentFormat format, IReadOnlyList<string> extensions, IContentReader reader)
    {
        Format = format;
        Extensions = extensions;
        Reader = reader;
    }

    public ContentFormat Format { get; }

    /// <summary>The extensions of the files this reader reads, with the dot, such as <c>.html</c>.</summary>
    public IReadOnlyList<string> Extensions { get; }

    internal IContentReader Reader { get; }
}

/// <summary>
/// The template readers, one line each. What is a template follows from this list: discovery takes its
/// extensions, and the loader picks the reader by a file's extension. Adding a format is a reader
/// class and its line here.
/// </summary>
public static class ContentReaders
{
    public static IReadOnlyList<ReaderRegistration> All { get; } =
    [
        new(ContentFormat.Html, [".html", ".htm"], new HtmlReader()),
        new(ContentFormat.Markdown, [".md", ".markdown"], new MarkdownReader()),
        new(ContentFormat.PlainText, [".txt"], new PlainTextReader()),
    ];

    /// <summary>Every template extension, in the order of the readers.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [.. All.SelectMany(r => r.Extensions)];

    /// <summary>The reader of files with <paramref name="extension"/>; null when no reader reads them.</summary>
    internal static ReaderRegistration? For(string extension) =>
        All.FirstOrDefault(r => r.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase));
}
