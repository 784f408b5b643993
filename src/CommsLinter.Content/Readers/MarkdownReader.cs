using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Text;

namespace CommsLinter.Content.Readers;

/// <summary>
/// Markdown web copy and letters, read with Markdig. Literal inlines are slices of the parsed text,
/// so their offsets are source offsets; entities and escapes carry their own spans. Code is skipped.
/// Blocks and inlines are walked with a stack of their own, never by recursion, so depth costs no stack.
/// </summary>
internal sealed class MarkdownReader : IContentReader
{
    /// <summary>
    /// How many quotes, list items, emphases and links may enclose one another. Deeper Markdown is still
    /// read, and reported: a renderer refuses it (Markdig's HTML renderer stops at 128 nodes, a level of
    /// list being two), and Markdig's parser itself gives up on far deeper input.
    /// </summary>
    public const int MaxDepth = 32;

    private static readonly MarkdownPipeline Pipeline = Build(keepDocument: false);

    /// <summary>The same pipeline, keeping the document in the parser context as blocks close, so that a parse Markdig abandons leaves what it had read.</summary>
    private static readonly MarkdownPipeline KeepingPipeline = Build(keepDocument: true);

    public void Read(ReaderInput input, ReaderOutput output)
    {
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(input.ParseText, Pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig refuses nesting past its own limits, without a position: find where ours was passed in what it had read.
            if (FirstTooDeep(input.ParseText, input.BodyStart) is not { } at)
            {
                throw;
            }

            output.Findings.Add(TooDeep(input, at, parsed: false));
            return;
        }

        var builder = input.Segments;
        var images = new List<LinkInline>();
        var reported = false;
        foreach (var (node, scope, level) in Walk(document, SegmentScope.Paragraph, input.BodyStart))
        {
            if (level > MaxDepth && !reported)
            {
                reported = true;
                output.Findings.Add(TooDeep(input, node.Span.Start, parsed: true));
            }

            switch (node)
            {
                case HtmlBlock html:
                    AddSuppressions(input, output, new TextRange(html.Span.Start, html.Span.End + 1));
                    break;
                case LeafBlock:
                    builder.Start(scope);
                    break;
                case Inline inline:
                    AppendInline(inline, input, output, images);
                    break;
            }
        }

        foreach (var image in images)
        {
            builder.Start(SegmentScope.AltText);
            foreach (var (node, _, _) in Walk(image, SegmentScope.AltText, 0))
            {
                AppendInline((Inline)node, input, output, null);
            }
        }

        builder.Flush();
    }

    /// <summary>Where the Markdown first nests more than <see cref="MaxDepth"/> levels, as far as Markdig reads it; null when it does not.</summary>
    internal static int? FirstTooDeep(string markdown, int bodyStart)
    {
        var context = new MarkdownParserContext();
        MarkdownDocument? document;
        try
        {
            document = Markdown.Parse(markdown, KeepingPipeline, context);
        }
        catch (ArgumentException)
        {
            document = context.Properties.GetValueOrDefault(typeof(MarkdownDocument)) as MarkdownDocument;
        }

        return document is null ? null : Walk(document, SegmentScope.Paragraph, bodyStart).FirstOrDefault(n => n.Level > MaxDepth).Node?.Span.Start;
    }

    private static MarkdownPipeline Build(bool keepDocument)
    {
        var builder = new MarkdownPipelineBuilder().UsePreciseSourceLocation().UseYamlFrontMatter().UsePipeTables();
        var pipeline = builder.Build();
        if (keepDocument)
        {
            // The parser list is complete once built: the extensions have added theirs.
            foreach (var parser in builder.BlockParsers)
            {
                parser.Closed += static (processor, _) => processor.Context!.Properties[typeof(MarkdownDocument)] = processor.Document;
            }
        }

        return pipeline;
    }

    /// <param name="parsed">Whether Markdig read the file, or gave up on it.</param>
    private static Finding TooDeep(ReaderInput input, int at, bool parsed) =>
        ContentRules.MarkdownTooDeep.At(input.Source, new TextRange(at, at + 1),
            $"Quotes, lists, emphasis and links are nested more than {MaxDepth} levels deep here" + (parsed
                ? ". No reader follows such nesting, and Markdown renderers refuse it not much deeper: flatten it."
                : ", so deep that the Markdown parser gives up: the text of this file was not read, and no rule checked it. Flatten the nesting."));

    /// <summary>
    /// What <paramref name="root"/> holds, blocks and their inlines, in document order, each with the scope
    /// it is read in and how many quotes, list items, emphases and links enclose it. Code, raw HTML, the
    /// front matter and an image's alt text (read on its own) are not entered.
    /// </summary>
    private static IEnumerable<(MarkdownObject Node, SegmentScope Scope, int Level)> Walk(MarkdownObject root, SegmentScope scope, int bodyStart)
    {
        var pending = new Stack<(MarkdownObject Node, SegmentScope Scope, int Level)>();
        Enter(pending, root, scope, 0);
        while (pending.TryPop(out var item))
        {
            if (item.Node is Block block && block.Span.Start < bodyStart)
            {
                // The front matter, whichever way Markdig read it.
                continue;
            }

            yield return item;
            if (item.Node is not (CodeBlock or HtmlBlock or YamlFrontMatterBlock or LinkInline { IsImage: true }))
            {
                Enter(pending, item.Node, item.Scope, item.Level);
            }
        }
    }

    /// <summary>Pushes what <paramref name="node"/> holds, the last first, so that the walk takes it in document order.</summary>
    private static void Enter(Stack<(MarkdownObject Node, SegmentScope Scope, int Level)> pending, MarkdownObject node, SegmentScope scope, int level)
    {
        switch (node)
        {
            case ContainerBlock container:
                for (var i = container.Count - 1; i >= 0; i--)
                {
                    var block = container[i];
                    var (inner, deeper) = block switch
                    {
                        HeadingBlock => (SegmentScope.Heading, 0),
                        ListItemBlock => (SegmentScope.ListItem, 1),
                        QuoteBlock => (SegmentScope.Quote, 1),
                        TableCell => (SegmentScope.TableCell, 0),
                        _ => (scope, 0),
                    };
                    pending.Push((block, inner, level + deeper));
                }

                break;
            case LeafBlock { Inline: { } inline }:
                Enter(pending, inline, scope, level);
                break;
            case ContainerInline container:
                for (var inline = container.LastChild; inline is not null; inline = inline.PreviousSibling)
                {
                    // Emphasis and links are a level, as quotes and list items are.
                    pending.Push((inline, scope, inline is ContainerInline ? level + 1 : level));
                }

                break;
        }
    }

    /// <summary>Adds one inline's text to the segment being built; a container's content comes after it, in the walk.</summary>
    private static void AppendInline(Inline inline, ReaderInput input, ReaderOutput output, List<LinkInline>? images)
    {
        var builder = input.Segments;
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
                output.Links.Add(new Link(UrlOf(link, input), UrlRange(link), PlainText(link), ChildrenRange(link), SegmentScope.Paragraph));
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
