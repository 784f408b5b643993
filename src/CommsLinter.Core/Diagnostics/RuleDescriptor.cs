using CommsLinter.Model;
using CommsLinter.Text;

namespace CommsLinter.Diagnostics;

/// <summary>
/// What a built-in check is: a stable id (never reused), a title, its default severity and the page
/// in docs/ that explains it.
/// </summary>
public sealed record RuleDescriptor(string Id, string Title, Severity DefaultSeverity)
{
    /// <summary>The documentation page, relative to the repository root.</summary>
    public string HelpPath => $"docs/rules/{Id}.md";

    public Finding At(string path, Location location, string message, Fix? fix = null) =>
        new(Id, DefaultSeverity, message, path, location, Fix: fix);

    public Finding At(SourceText source, TextRange range, string message, Fix? fix = null) =>
        At(source.Path, source.GetLocation(range), message, fix);

    /// <summary>A finding about a document, carrying its touchpoint, locale and channel.</summary>
    public Finding At(Document document, TextRange range, string message, Fix? fix = null) =>
        new(Id, DefaultSeverity, message, document.Path, document.Source.GetLocation(range),
            document.Touchpoint, document.Locale, document.Channel, fix);
}
