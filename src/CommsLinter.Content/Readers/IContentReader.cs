using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Text;

namespace CommsLinter.Content.Readers;

/// <summary>
/// What a reader gets: the source, the text to parse (Liquid masked, same offsets as the source),
/// where the body starts (after the front matter) and the builder that records segments.
/// </summary>
internal sealed record ReaderInput(SourceText Source, string ParseText, int BodyStart, string? Channel, SegmentBuilder Segments);

/// <summary>What a reader found besides segments.</summary>
internal sealed class ReaderOutput
{
    public List<Link> Links { get; } = [];

    public List<Image> Images { get; } = [];

    public List<Suppression> Suppressions { get; } = [];

    public List<Finding> Findings { get; } = [];
}

/// <summary>Extracts prose, links and images from one format. One reader per format, registered in <see cref="ContentReaders"/>.</summary>
internal interface IContentReader
{
    void Read(ReaderInput input, ReaderOutput output);
}
