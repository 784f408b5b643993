using CommsLinter.Model;
using CommsLinter.Text;

namespace CommsLinter.Diagnostics;

/// <summary>
/// What a built-in check is: a stable id (never reused), a title, its default severity and the page
/// in docs/ that explains it.
/// </summary>
public sealed record RuleDescriptor(string Id, string Title, Severity DefaultSeverity)
{
    private readonly string? _helpPath;

    /// <summary>The documentation page, relative to the repository root; a style guide's rule points at the page of its kind.</summary>
    public string HelpPath
    {
        get => _helpPath ?? $"docs/rules/{Id}.md";
        init => _helpPath = value;
    }

    /// <summary>The team that reviews what this rule flags (a style rule's <c>review legal</c>); null when none must.</summary>
    public string? Review { get; init; }

    /// <summary>
    /// A problem outside the templates (a broken sample, a missing dictionary) that every file needing it
    /// reports: a run shows each such finding once, the first in the output's order.
    /// </summary>
    public bool OncePerRun { get; init; }

    /// <summary>The names of the facts the rule holds templates to, for the report's facts page.</summary>
    public IReadOnlyList<string> Facts { get; init; } = [];

    public Finding At(string path, Location location, string message, Fix? fix = null) =>
        new(Id, DefaultSeverity, message, path, location, Fix: fix);

    public Finding At(SourceText source, TextRange range, string message, Fix? fix = null) =>
        At(source.Path, source.GetLocation(range), message, fix);

    /// <summary>A finding about a document, carrying its touchpoint, locale and channel.</summary>
    public Finding At(Document document, TextRange range, string message, Fix? fix = null) =>
        new(Id, DefaultSeverity, message, document.Path, document.Source.GetLocation(range),
            document.Touchpoint, document.Locale, document.Channel, fix);

    /// <summary>A finding about a document known by its summary, carrying its touchpoint, locale and channel.</summary>
    public Finding At(DocumentSummary document, Location location, string message, Fix? fix = null) =>
        new(Id, DefaultSeverity, message, document.Path, location, document.Touchpoint, document.Locale, document.Channel, fix);
}
