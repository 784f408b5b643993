using CommsLinter.Catalog;
using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Text;

namespace CommsLinter.Pipeline;

/// <summary>A file to check: its full path, the path shown to users, and what kind of document it is.</summary>
public sealed record ContentFile(string FullPath, string DisplayPath, DocumentKind Kind);

/// <summary>What loading one file gave: the document (null when it could not be read) and findings.</summary>
public sealed record DocumentLoadResult(Document? Document, IReadOnlyList<Finding> Findings);

/// <summary>Reads one file into a <see cref="Document"/>. Implemented by the content readers.</summary>
public interface IDocumentLoader
{
    DocumentLoadResult Load(ContentFile file);
}

/// <summary>What every check may consult besides the document itself.</summary>
public sealed class CheckContext
{
    public CheckContext(JourneyCatalog? catalog, bool isWholeCorpus, SnippetLibrary? snippets = null, ITemplateRendering? rendering = null)
    {
        Catalog = catalog;
        IsWholeCorpus = isWholeCorpus;
        Snippets = snippets;
        Rendering = rendering;
    }

    /// <summary>The journey catalog; null when it is missing or invalid.</summary>
    public JourneyCatalog? Catalog { get; }

    /// <summary>True when every file under the content root is being checked, so absences mean something.</summary>
    public bool IsWholeCorpus { get; }

    /// <summary>The shared snippets of the content folder, whether or not they are among the checked files; null when there is no _partials folder.</summary>
    public SnippetLibrary? Snippets { get; }

    /// <summary>Templates rendered with their samples, for rules that need the values a customer sees; null when nothing renders.</summary>
    public ITemplateRendering? Rendering { get; }
}

/// <summary>A template as the customer receives it: its subject, preheader and body rendered with sample data.</summary>
public sealed record RenderedText(string? Subject, string? Preheader, string Body)
{
    /// <summary>Where each part of <see cref="Body"/> came from in the template; empty when not known.</summary>
    public RenderMap BodyMap { get; init; } = RenderMap.Empty;

    public RenderMap SubjectMap { get; init; } = RenderMap.Empty;

    public RenderMap PreheaderMap { get; init; } = RenderMap.Empty;
}

/// <summary>One run of rendered output and the template source that produced it: a literal (copied character for character) or an expression (its value).</summary>
public readonly record struct RenderPiece(int OutputStart, int OutputEnd, TextRange Source, bool IsLiteral);

/// <summary>
/// Maps offsets in rendered output back to the template source, so that a finding about the text a
/// customer receives points at the literal or the Liquid expression that produced it.
/// </summary>
public sealed class RenderMap(IReadOnlyList<RenderPiece> pieces, string output)
{
    public static RenderMap Empty { get; } = new([], string.Empty);

    public IReadOnlyList<RenderPiece> Pieces => pieces;

    /// <summary>
    /// The source of the output from <paramref name="offset"/> to the end of its piece: the rest of the
    /// literal's line from that character, or the whole expression whose value it is part of; null when
    /// the map does not cover it.
    /// </summary>
    public TextRange? SourceFrom(int offset)
    {
        // Pieces are in output order and do not overlap: the last one starting at or before the offset is the only candidate.
        int lo = 0, hi = pieces.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            if (pieces[mid].OutputStart <= offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        if (hi < 0 || offset >= pieces[hi].OutputEnd)
        {
            return null;
        }

        var piece = pieces[hi];
        if (!piece.IsLiteral)
        {
            return piece.Source;
        }

        // A literal's output is its source, character for character, so its line ends where the output's does.
        var lineEnd = output.IndexOf('\n', offset, piece.OutputEnd - offset);
        var end = lineEnd < 0 ? piece.OutputEnd : lineEnd;
        return new TextRange(piece.Source.Start + offset - piece.OutputStart, piece.Source.Start + end - piece.OutputStart);
    }
}

/// <summary>Renders templates with their samples, once per template and run. Implemented by the content layer.</summary>
public interface ITemplateRendering
{
    /// <summary>The rendered template, or null when it has no usable sample or cannot be rendered.</summary>
    RenderedText? RenderedFor(Document document, CheckContext context);
}

/// <summary>
/// A check that ships with CommsLinter. Its rules are fixed, so they are known before the check is
/// built: the registry lists them for SARIF, <c>explain</c> and the docs without building it.
/// </summary>
public interface IBuiltinCheck
{
    static abstract IReadOnlyList<RuleDescriptor> Descriptors { get; }
}

/// <summary>A check that looks at one document at a time; runs in parallel over documents.</summary>
public interface IDocumentCheck
{
    IReadOnlyList<RuleDescriptor> Rules { get; }

    void Check(Document document, CheckContext context, ICollection<Finding> findings);
}

/// <summary>
/// A check that looks across all documents: duplicates, coverage, parity. It works in two steps so that
/// an unchanged document need not be read again: <see cref="Observe"/> records what the check compares
/// of each document as it is loaded, and <see cref="Check"/> compares the summaries of all documents.
/// </summary>
public interface ICorpusCheck
{
    IReadOnlyList<RuleDescriptor> Rules { get; }

    /// <summary>The check's name, unique among corpus checks: a summary keeps the check's observations under it.</summary>
    string Id { get; }

    /// <summary>Records what this check needs of one document; nothing by default.</summary>
    void Observe(Document document, CheckContext context, ICollection<Observation> observations)
    {
    }

    void Check(IReadOnlyList<DocumentSummary> documents, CheckContext context, ICollection<Finding> findings);
}

/// <summary>
/// A corpus check that compares documents within groups (the locales of one message, the templates of
/// one journey stage): what it finds in a group depends on that group's members alone, so a live
/// workspace checks again only the groups an edit takes a document out of or puts one into.
/// </summary>
public interface IGroupedCorpusCheck : ICorpusCheck
{
    /// <summary>The group a document belongs to; null when the check does not compare it.</summary>
    string? GroupOf(DocumentSummary document, CheckContext context);

    /// <summary>Groups that are checked even without members: a catalog touchpoint with no template at all.</summary>
    IEnumerable<string> StandingGroups(CheckContext context) => [];

    /// <summary>Compares the members of one group, given in path order.</summary>
    void CheckGroup(string group, IReadOnlyList<DocumentSummary> members, CheckContext context, ICollection<Finding> findings);

    void ICorpusCheck.Check(IReadOnlyList<DocumentSummary> documents, CheckContext context, ICollection<Finding> findings) =>
        CorpusGroups.CheckAll(this, documents, context, findings);
}

/// <summary>Runs a grouped corpus check over every document at once.</summary>
public static class CorpusGroups
{
    /// <summary>
    /// Groups the documents, and checks the groups in the order of their names. A plain loop over string
    /// keys rather than LINQ over tuples: a cached re-check groups every summary in a cold process, where
    /// generic code over value types runs unoptimised.
    /// </summary>
    public static void CheckAll(IGroupedCorpusCheck check, IReadOnlyList<DocumentSummary> documents, CheckContext context, ICollection<Finding> findings)
    {
        var groups = new Dictionary<string, List<DocumentSummary>>(StringComparer.Ordinal);
        foreach (var group in check.StandingGroups(context))
        {
            groups.TryAdd(group, []);
        }

        foreach (var document in documents)
        {
            if (check.GroupOf(document, context) is not { } key)
            {
                continue;
            }

            if (!groups.TryGetValue(key, out var members))
            {
                groups[key] = members = [];
            }

            members.Add(document);
        }

        var names = groups.Keys.ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        foreach (var name in names)
        {
            var members = groups[name];
            members.Sort(ByPath);
            check.CheckGroup(name, members, context, findings);
        }
    }

    /// <summary>The order of a group's members: by path.</summary>
    public static int ByPath(DocumentSummary a, DocumentSummary b) => string.CompareOrdinal(a.Path, b.Path);
}
