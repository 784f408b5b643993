using CommsLinter.Model;

namespace CommsLinter.Content.Readers;

/// <summary>
/// Plain text: an SMS is one segment; an ad is one segment per line (headlines stand alone); any
/// other text (letters) is split into paragraphs at blank lines.
/// </summary>
internal sealed class PlainTextReader : IContentReader
{
    public void Read(ReaderInput input, ReaderOutput output)
    {
        var text = input.ParseText;
        var builder = input.Segments;
        var isSms = input.Channel == "sms";
        var linePerSegment = input.Channel == "ad";
        builder.Start(isSms ? SegmentScope.Sms : SegmentScope.Paragraph);
        var lineStart = input.BodyStart;
        while (lineStart < text.Length)
        {
            var newline = text.AsSpan(lineStart).IndexOfAny('\r', '\n');
            var lineEnd = newline < 0 ? text.Length : lineStart + newline;
            var next = lineEnd < text.Length && text[lineEnd] == '\r' && lineEnd + 1 < text.Length && text[lineEnd + 1] == '\n'
                ? lineEnd + 2
                : lineEnd + 1;
            var isBlank = text.AsSpan(lineStart, lineEnd - lineStart).IsWhiteSpace();
            if (!isSms && (linePerSegment || isBlank))
            {
                builder.Start(SegmentScope.Paragraph);
            }

            builder.AppendSource(lineStart, lineEnd);
            builder.AppendSpace(lineEnd);
            lineStart = next;
        }

        builder.Flush();
    }
}
