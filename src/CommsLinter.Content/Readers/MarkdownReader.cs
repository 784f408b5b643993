using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using CommsLinter.Model;
using CommsLinter.Text;

namespace CommsLinter.Content.Readers;

/// <summary>
/// Markdown web copy and letters, read with Markdig. Literal inlines are slices of the parsed text,
/// so their offsets are source offsets; entities and escapes carry their own spans. Code is skipped.
/// </summary>
internal sealed class MarkdownReader : IContentReader
{
    private const int MaxInlineDepth = 64;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .Build();

    public void Read(ReaderInput input, ReaderOutput output)
    {
        var document = Markdown.Parse(input.ParseText, Pipeline);
        var builder = input.Segments;
        var images = new List<LinkInline>();
        var pending = new Stack<(Block Block, SegmentScope Scope)>();
        for (var i = document.Count - 1; i >= 0; i--)
        {
            pending.Push((document[i], SegmentScope.Paragraph));
        }

        while (pending.Count > 0)
        {
            var (block, inherited) = pending.Pop();
            if (block.Span.Start < input.BodyStart)
            {
                // The front matter, whichever way Markdig read it.
                continue;
            }

            var scope = block switch
            {
                HeadingBlock => SegmentScope.Heading,
                ListItemBlock => SegmentScope.ListItem,
                QuoteBlock => SegmentScope.Quote,
                TableCell => SegmentScope.TableCell,
                _ => inherited,
            };

            switch (block)
            {
                case HtmlBlock html:
                    AddSuppressions(input, output, new TextRange(html.Span.Start, html.Span.End + 1));
                    continue;
                case CodeBlock or YamlFrontMatterBlock:
                    continue;
                case ContainerBlock container:
                    for (var i = container.Count - 1; i >= 0; i--)
                    {
                        pending.Push((container[i], scope));
                    }

                    continue;
                case LeafBlock { Inline: { } inline }:
                    builder.Start(scope);
                    AppendInlines(inline, input, output, images, 0);
                    builder.Flush();
                    break;
            }
        }

        foreach (var image in images)
        {
            builder.Start(SegmentScope.AltText);
            AppendInlines(image, input, output, null, 0);
            builder.Flush();
        }
    }

    private static void AppendInlines(ContainerInline container, ReaderInput input, ReaderOutput output, List<LinkInline>? images, int depth)
    {
        var builder = input.Segments;
        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    AppendLiteral(literal, input);
                    break;
                case HtmlEntityInline entity:
                    builder.AppendDecoded(entity.Transcoded.ToString(), entity.Span.Start, entity.Span.End + 1);
                    break;
                case AutolinkInline autolink:
                    builder.AppendSource(autolink.Span.Start + 1, autolink.Span.End);
                    output.Links.Add(new Link(autolink.Url, new TextRange(autolink.Span.Start + 1, autolink.Span.End),
                        autolink.Url, new TextRange(autolink.Span.Start + 1, autolink.Span.End), SegmentScope.Paragraph));
                    break;
                case LinkInline { IsImage: true } image:
                    builder.AppendSpace(image.Span.Start);
                    if (images is not null)
                    {
                        images.Add(image);
                        var altRange = ChildrenRange(image);
                        var alt = image.FirstChild is null ? null : PlainText(image);
                        output.Images.Add(new Image(UrlOf(image, input), UrlRange(image), alt, altRange));
                    }

                    break;
                case LinkInline link:
                    if (depth < MaxInlineDepth)
                    {
                        AppendInlines(link, input, output, images, depth + 1);
                    }

                    output.Links.Add(new Link(UrlOf(link, input), UrlRange(link), PlainText(link), ChildrenRange(link), SegmentScope.Paragraph));
                    break;
                case ContainerInline nested when depth < MaxInlineDepth:
                    AppendInlines(nested, input, output, images, depth + 1);
                    break;
                case HtmlInline html:
                    AddSuppressions(input, output, new TextRange(html.Span.Start, html.Span.End + 1));
                    builder.AppendSpace(inline.Span.Start);
                    break;
                case LineBreakInline or CodeInline:
                    builder.AppendSpace(inline.Span.Start);
                    break;
            }
        }
    }

    /// <summary>Reads commslint directives from the HTML comments of raw HTML in Markdown.</summary>
    private static void AddSuppressions(ReaderInput input, ReaderOutput output, TextRange range)
    {
        var text = input.Source.Text;
        var at = range.Start;
        while (at < range.End && text.IndexOf("<!--", at, range.End - at, StringComparison.Ordinal) is var open and >= 0)
        {
            var close = text.IndexOf("-->", open + 4, range.End - open - 4, StringComparison.Ordinal);
            var end = close < 0 ? range.End : close + 3;
            if (Suppression.Parse(text[(open + 4)..(close < 0 ? range.End : close)], new TextRange(open, end)) is { } suppression)
            {
                output.Suppressions.Add(suppression);
            }

            at = end;
        }
    }

    private static void AppendLiteral(LiteralInline literal, ReaderInput input)
    {
        var content = literal.Content;
        if (ReferenceEquals(content.Text, input.ParseText))
        {
            input.Segments.AppendSource(content.Start, content.End + 1);
        }
        else if (literal.Span.Length == content.Length)
        {
            // Some extensions (pipe tables) slice a copy of the text; the node's own span is exact.
            input.Segments.AppendSource(literal.Span.Start, literal.Span.End + 1);
        }
        else
        {
            input.Segments.AppendDecoded(content.ToString(), literal.Span.Start, literal.Span.End + 1);
        }
    }

    private static TextRange UrlRange(LinkInline link) =>
        link.UrlSpan.IsEmpty ? new TextRange(link.Span.Start, link.Span.Start) : new TextRange(link.UrlSpan.Start, link.UrlSpan.End + 1);

    // The URL as written, Liquid included: the parsed text has Liquid masked.
    private static string UrlOf(LinkInline link, ReaderInput input) =>
        link.UrlSpan.IsEmpty ? link.Url ?? string.Empty : input.Source.Text[link.UrlSpan.Start..(link.UrlSpan.End + 1)];

    private static TextRange ChildrenRange(ContainerInline container) =>
        container.FirstChild is null
            ? new TextRange(container.Span.Start, container.Span.Start)
            : new TextRange(container.FirstChild.Span.Start, container.LastChild!.Span.End + 1);

    private static string PlainText(ContainerInline container)
    {
        var text = new System.Text.StringBuilder();
        foreach (var literal in container.FindDescendants<LiteralInline>())
        {
            text.Append(literal.Content.AsSpan());
        }

        return text.ToString();
    }
}
