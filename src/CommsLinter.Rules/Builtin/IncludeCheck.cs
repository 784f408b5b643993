using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Pipeline;
using CommsLinter.Text;

namespace CommsLinter.Rules.Builtin;

/// <summary>
/// <c>{% include 'name' %}</c> must name a snippet in the content's <c>_partials/</c> folder and nothing
/// outside it; snippets must not include each other in a circle; a template should include the snippet
/// of its own locale; and, when the whole content is checked, every snippet should be used.
/// Docs: docs/rules/include.*.md.
/// </summary>
public sealed class IncludeCheck : IDocumentCheck, ICorpusCheck, IBuiltinCheck
{
    public static readonly RuleDescriptor Unknown = new("include.unknown", "An include names a snippet that does not exist", Severity.Error);
    public static readonly RuleDescriptor OutsidePartials = new("include.outside-partials", "An include names a file outside the snippets folder", Severity.Error);
    public static readonly RuleDescriptor Cycle = new("include.cycle", "Snippets include each other in a circle", Severity.Error);
    public static readonly RuleDescriptor LocaleMismatch = new("include.locale-mismatch", "A template includes a snippet of another locale", Severity.Warning);
    public static readonly RuleDescriptor Unused = new("include.unused", "No template includes this snippet", Severity.Suggestion);

    public string Id => "include";

    public static IReadOnlyList<RuleDescriptor> Descriptors { get; } = [Unknown, OutsidePartials, Cycle, LocaleMismatch, Unused];

    public IReadOnlyList<RuleDescriptor> Rules => Descriptors;

    public void Check(Document document, CheckContext context, ICollection<Finding> findings)
    {
        foreach (var (name, range) in SnippetLibrary.IncludesOf(document))
        {
            if (EscapesFolder(name))
            {
                findings.Add(OutsidePartials.At(document, range,
                    $"The snippet name '{name}' points outside {context.Snippets?.FolderDisplayPath ?? "the _partials folder"}. Snippets are included by their name inside that folder, such as 'legal-footer.pl'."));
                continue;
            }

            if (context.Snippets is not { } library)
            {
                findings.Add(Unknown.At(document, range,
                    $"Snippet '{name}' cannot be found: the content folder has no {ContentFolderHint(context)}_partials folder. Create it and put the snippet there."));
                continue;
            }

            if (library.Resolve(name) is not { } snippet)
            {
                findings.Add(Unknown.At(document, range,
                    $"Snippet '{name}' does not exist in {library.FolderDisplayPath}.{Suggestions.DidYouMean(name, library.Names)} Snippets there: {string.Join(", ", library.Names.Order(StringComparer.Ordinal).Take(12))}."));
                continue;
            }

            if (document.Kind == DocumentKind.Snippet && library.AtDisplayPath(document.Path)?.Name is { } current
                && library.CircleBack(snippet.Name, current) is var (back, size))
            {
                var circle = back.Count > 0 ? $"{current} → {string.Join(" → ", back)}" : $"{current} and {size - 1} other snippets include one another";
                findings.Add(Cycle.At(document, range,
                    $"Including '{name}' makes a circle: {circle}. A rendering would never end; include the shared part from both instead."));
                continue;
            }

            if (document.Locale is { Length: > 0 } locale && LocaleOf(snippet.Name, context) is { } snippetLocale && snippetLocale != locale)
            {
                findings.Add(LocaleMismatch.At(document, range,
                    $"This {locale} template includes '{name}', a snippet in '{snippetLocale}'.{(library.Resolve(ReplaceLocale(snippet.Name, snippetLocale, locale)) is { } own ? $" Include '{own.Name}' instead." : string.Empty)}"));
            }
        }
    }

    public void Check(IReadOnlyList<DocumentSummary> documents, CheckContext context, ICollection<Finding> findings)
    {
        if (!context.IsWholeCorpus || context.Snippets is not { } library)
        {
            return;
        }

        // Used means reachable from a template, directly or through other snippets.
        var used = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(documents.Where(d => d.Kind == DocumentKind.Template).SelectMany(d => d.Includes));
        while (pending.TryPop(out var name))
        {
            if (library.Resolve(name) is { } snippet && used.Add(snippet.Name))
            {
                foreach (var next in snippet.Includes)
                {
                    pending.Push(next);
                }
            }
        }

        foreach (var snippet in library.Snippets.Where(s => !used.Contains(s.Name)).OrderBy(s => s.DisplayPath, StringComparer.Ordinal))
        {
            findings.Add(Unused.At(snippet.DisplayPath, Location.FileStart,
                $"No template includes snippet '{snippet.Name}'. Include it with {{% include '{snippet.Name}' %}} or delete it."));
        }
    }

    /// <summary>Which templates and snippets include each snippet, by snippet name, for reports.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> UsedBy(IEnumerable<DocumentSummary> documents, SnippetLibrary library)
    {
        var users = library.Snippets.ToDictionary(s => s.Name, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var document in documents)
        {
            foreach (var name in document.Includes)
            {
                if (library.Resolve(name) is { } snippet)
                {
                    users[snippet.Name].Add(document.Path);
                }
            }
        }

        return users.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)[.. p.Value.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], StringComparer.Ordinal);
    }

    private static bool EscapesFolder(string name) =>
        name.Length == 0 || name[0] is '/' or '\\' || name.Contains(':', StringComparison.Ordinal)
        || name.Replace('\\', '/').Split('/').Any(part => part is ".." or ".");

    private static string ContentFolderHint(CheckContext context) => context.Catalog is { } catalog
        ? (Path.GetDirectoryName(catalog.Source.Path)?.Replace('\\', '/') is { Length: > 0 } folder ? folder + "/" : string.Empty)
        : string.Empty;

    /// <summary>The locale a snippet's name ends in (legal-footer.pl), if it is one of the catalog's locales.</summary>
    private static string? LocaleOf(string snippetName, CheckContext context)
    {
        var dot = snippetName.LastIndexOf('.');
        if (dot < 0)
        {
            return null;
        }

        var suffix = snippetName[(dot + 1)..];
        return context.Catalog is { } catalog ? (catalog.HasLocale(suffix) ? suffix : null) : (suffix.Length == 2 ? suffix : null);
    }

    private static string ReplaceLocale(string snippetName, string from, string to) => snippetName[..^from.Length] + to;
}
