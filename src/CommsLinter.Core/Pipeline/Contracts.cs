using CommsLinter.Catalog;
using CommsLinter.Diagnostics;
using CommsLinter.Model;

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
public sealed record RenderedText(string? Subject, string? Preheader, string Body);

/// <summary>Renders templates with their samples, once per template and run. Implemented by the content layer.</summary>
public interface ITemplateRendering
{
    /// <summary>The rendered template, or null when it has no usable sample or cannot be rendered.</summary>
    RenderedText? RenderedFor(Document document, CheckContext context);
}

/// <summary>A check that looks at one document at a time; runs in parallel over documents.</summary>
public interface IDocumentCheck
{
    IReadOnlyList<RuleDescriptor> Rules { get; }

    void Check(Document document, CheckContext context, ICollection<Finding> findings);
}

/// <summary>A check that looks across all documents: duplicates, coverage, facts, parity.</summary>
public interface ICorpusCheck
{
    IReadOnlyList<RuleDescriptor> Rules { get; }

    void Check(IReadOnlyList<Document> documents, CheckContext context, ICollection<Finding> findings);
}
