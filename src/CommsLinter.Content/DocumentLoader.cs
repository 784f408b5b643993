using System.Buffers;
using CommsLinter.Content.Decoding;
using CommsLinter.Content.Liquid;
using CommsLinter.Content.Readers;
using CommsLinter.Content.Yaml;
using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Pipeline;
using CommsLinter.Text;

namespace CommsLinter.Content;

/// <summary>Limits that keep a hostile or broken file from exhausting the run.</summary>
public sealed record LoaderLimits(long MaxFileBytes = 10 * 1024 * 1024, int MaxLineLength = 100_000)
{
    public static LoaderLimits Default { get; } = new();
}

/// <summary>
/// Loads one file: decode, front matter, Liquid, then the reader for its format. Each failure is one
/// finding with its position; what could be read is still returned so catalog checks can run.
/// </summary>
public sealed class DocumentLoader : IDocumentLoader
{
    private static readonly (string Key, SegmentScope Scope)[] ProseFields =
    [
        (FrontMatterKeys.Subject, SegmentScope.Subject),
        (FrontMatterKeys.Preheader, SegmentScope.Preheader),
        (FrontMatterKeys.Title, SegmentScope.Title),
    ];

    private readonly LoaderLimits _limits;
    private readonly LiquidScanner _liquid = new();

    public DocumentLoader(LoaderLimits? limits = null) => _limits = limits ?? LoaderLimits.Default;

    public DocumentLoadResult Load(ContentFile file)
    {
        if (LinkProblem(file) is { } link)
        {
            return Fail(link);
        }

        byte[]? buffer = null;
        try
        {
            using var handle = File.OpenHandle(file.FullPath);
            var length = RandomAccess.GetLength(handle);
            if (length > _limits.MaxFileBytes)
            {
                return Fail(TooLarge(file.DisplayPath, length));
            }

            // The bytes live only until decoded, so a pooled buffer serves every file.
            buffer = ArrayPool<byte>.Shared.Rent((int)length);
            var read = 0;
            while (read < length && RandomAccess.Read(handle, buffer.AsSpan(read, (int)length - read), read) is var count and > 0)
            {
                read += count;
            }

            return Load(buffer.AsSpan(0, read), file.DisplayPath, file.Kind, Path.GetExtension(file.FullPath));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(ContentRules.Unreadable.At(file.DisplayPath, Location.FileStart, $"The file cannot be read: {ex.Message}"));
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>A file's text as a document of it holds it; null when it cannot be read or decoded, or is a link.</summary>
    public static SourceText? ReadSource(ContentFile file)
    {
        if (ContentDiscovery.LinkTarget(file.FullPath) is not null)
        {
            return null;
        }

        try
        {
            return TextDecoding.Decode(File.ReadAllBytes(file.FullPath), file.DisplayPath, out _) is { } text ? new SourceText(file.DisplayPath, text) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Decodes and reads a file's bytes; <paramref name="extension"/> picks the reader.</summary>
    public DocumentLoadResult Load(ReadOnlySpan<byte> bytes, string displayPath, DocumentKind kind, string extension)
    {
        var text = TextDecoding.Decode(bytes, displayPath, out var decodingProblem);
        return text is null ? Fail(decodingProblem!) : Parse(new SourceText(displayPath, text), kind, extension);
    }

    /// <summary>Reads a file's text as an editor holds it: held to the same limits as a file's bytes, then parsed.</summary>
    public DocumentLoadResult LoadText(string text, string displayPath, DocumentKind kind, string extension)
    {
        if (System.Text.Encoding.UTF8.GetByteCount(text) is var size && size > _limits.MaxFileBytes)
        {
            return Fail(TooLarge(displayPath, size));
        }

        return TextDecoding.Check(text, displayPath, out var problem) is { } checkedText
            ? Parse(new SourceText(displayPath, checkedText), kind, extension)
            : Fail(problem!);
    }

    /// <summary>Reads already decoded text; <paramref name="extension"/> picks the reader.</summary>
    public DocumentLoadResult Parse(SourceText source, DocumentKind kind, string extension)
    {
        var findings = new List<Finding>();
        var reader = ContentReaders.For(extension)
            ?? throw new ArgumentException($"No reader for '{extension}'.", nameof(extension));

        if (FindLongLine(source.Text, _limits.MaxLineLength) is { } longLine)
        {
            return Fail(ContentRules.LineTooLong.At(source, new TextRange(longLine, longLine),
                $"This line is longer than {_limits.MaxLineLength:N0} characters, so the file is not read. Templates are written by people: break the line (minified HTML is not a template)."));
        }

        var (frontMatter, bodyStart, frontMatterProblem) = FrontMatterReader.Read(source);
        if (frontMatterProblem is not null)
        {
            return Fail(frontMatterProblem);
        }

        if (kind == DocumentKind.Template && !frontMatter.IsPresent)
        {
            findings.Add(ContentRules.FrontMatterMissing.At(source, new TextRange(0, 0),
                "The template has no front matter. Start the file with '---', then 'touchpoint:', 'channel:' and 'locale:' lines, then '---'."));
        }

        // One scan of the whole file: Liquid in the front matter (a subject's placeholders) is found
        // at its real position, and the YAML around it is plain text to Liquid.
        var placeholders = new List<Placeholder>();
        var liquidProblem = _liquid.Scan(source, placeholders);

        if (liquidProblem is not null)
        {
            // Without placeholders nothing can be extracted, but the front matter still places the file in the journey.
            findings.Add(liquidProblem);
            return new DocumentLoadResult(
                new Document { Source = source, Format = reader.Format, Kind = kind, FrontMatter = frontMatter },
                Attribute(findings, frontMatter));
        }

        var liquid = new Placeholders(placeholders);
        var masked = liquid.Mask(source.Text);
        var builder = new SegmentBuilder(masked, liquid);
        AddFrontMatterSegments(frontMatter, builder);

        var output = new ReaderOutput();
        reader.Reader.Read(new ReaderInput(source, masked, bodyStart, frontMatter.GetText(FrontMatterKeys.Channel), builder), output);
        findings.AddRange(output.Findings);

        return new DocumentLoadResult(
            new Document
            {
                Source = source,
                Format = reader.Format,
                Kind = kind,
                FrontMatter = frontMatter,
                Placeholders = liquid,
                Segments = builder.Segments,
                Links = output.Links,
                Images = output.Images,
                Suppressions = Suppressions(frontMatter, liquid, output.Suppressions),
            },
            Attribute(findings, frontMatter));
    }

    /// <summary>Directives from the front matter, Liquid comments and the reader's comments, in source order.</summary>
    private static Suppression[] Suppressions(FrontMatter frontMatter, Placeholders liquid, List<Suppression> fromReader)
    {
        var all = new List<Suppression>(fromReader);
        if (frontMatter.Get(FrontMatterKeys.Disable) is { } field)
        {
            all.Add(new Suppression(SuppressionKind.File, field.Value is { Length: > 0 } one ? [one] : field.Items, field.KeyRange));
        }

        foreach (var placeholder in liquid.Where(p => p.Kind == PlaceholderKind.Comment))
        {
            var code = placeholder.Code.Span;
            var open = code.IndexOf("%}");
            var close = code.LastIndexOf("{%");
            if (open >= 0 && close > open && Suppression.Parse(code[(open + 2)..close].ToString(), placeholder.Range) is { } suppression)
            {
                all.Add(suppression);
            }
        }

        return [.. all.OrderBy(s => s.Range.Start)];
    }

    // Findings made while reading are about this document's touchpoint, locale and channel too.
    private static List<Finding> Attribute(List<Finding> findings, FrontMatter frontMatter) =>
        findings.ConvertAll(f => f with
        {
            Touchpoint = frontMatter.GetText(FrontMatterKeys.Touchpoint),
            Locale = frontMatter.GetText(FrontMatterKeys.Locale),
            Channel = frontMatter.GetText(FrontMatterKeys.Channel),
        });

    private static void AddFrontMatterSegments(FrontMatter frontMatter, SegmentBuilder builder)
    {
        foreach (var (key, scope) in ProseFields)
        {
            if (frontMatter.Get(key) is not { Value: { } value } field)
            {
                continue;
            }

            builder.Start(scope);
            if (field.IsVerbatim)
            {
                builder.AppendSource(field.ValueRange.Start, field.ValueRange.End);
            }
            else
            {
                // An escaped or folded YAML value: each character maps to the whole value.
                builder.AppendDecoded(value, field.ValueRange.Start, field.ValueRange.End);
            }

            builder.Flush();
        }
    }

    /// <summary>
    /// Discovery lists a symbolic link in place of what it leads to, so that it is reported here instead of read: what a
    /// link leads to is not what the repository holds, and may be outside it. Asked once per file read, never of a file
    /// that a cache stands for.
    /// </summary>
    private static Finding? LinkProblem(ContentFile file)
    {
        if (ContentDiscovery.LinkTarget(file.FullPath) is not { } target)
        {
            return null;
        }

        var (what, consequence) = Directory.Exists(file.FullPath) ? ("folder", "nothing in it is checked") : ("file", "it is not checked");
        return ContentRules.Link.At(file.DisplayPath, Location.FileStart,
            $"This {what} is a symbolic link to '{target}', so {consequence}: CommsLinter reads nothing through a link. Put the {what} itself here, or remove the link.");
    }

    private static int? FindLongLine(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return null;
        }

        var lineStart = 0;
        while (lineStart < text.Length)
        {
            var newline = text.AsSpan(lineStart).IndexOfAny('\r', '\n');
            var lineEnd = newline < 0 ? text.Length : lineStart + newline;
            if (lineEnd - lineStart > maxLength)
            {
                return lineStart;
            }

            lineStart = lineEnd + 1;
        }

        return null;
    }

    private Finding TooLarge(string displayPath, long bytes) => ContentRules.TooLarge.At(displayPath, Location.FileStart,
        $"The file is {bytes / (1024.0 * 1024.0):0.#} MiB; templates over {_limits.MaxFileBytes / (1024 * 1024)} MiB are not read. A message this large is not a template: split it or remove it from content/.");

    private static DocumentLoadResult Fail(Finding finding) => new(null, [finding]);
}
