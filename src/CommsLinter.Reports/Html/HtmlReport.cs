using System.Text;
using System.Text.Json;
using CommsLinter.Diagnostics;
using CommsLinter.Model;

namespace CommsLinter.Reports.Html;

/// <summary>
/// The consistency report as a static folder that opens from disk: <c>index.html</c> laid out like a
/// code editor (explorer, source view, problems panel), one source page per file under <c>files/</c>,
/// and the overview pages (journey map, facts, parity, teams, legal review). Template text is escaped
/// everywhere; the only script is the editor's own, allowed by its hash. docs/reports.md.
/// </summary>
public sealed class HtmlReport
{
    public const string FilesFolder = "files";

    /// <summary>
    /// Writes the report's pages through <paramref name="write"/> (a '/'-separated path inside the report
    /// folder, and the page), from several threads at once; returns the number of pages.
    /// </summary>
    public static int Write(Action<string, string> write, ReportData report)
    {
        var site = new Site(report);
        Parallel.For(0, site.Files.Count, i =>
        {
            var file = site.Files[i];
            write(file.Page, SourcePage.Write(file.Path, file.Document, file.Findings, report, site.UsersOf(file)));
        });

        write("index.html", Index(site));
        foreach (var (name, page) in OverviewPages.All(site))
        {
            write(name, page);
        }

        return site.Files.Count + HtmlText.Pages.Length;
    }

    private static string Index(Site site)
    {
        var report = site.Report;
        var script = ReportAssets.Script;
        var html = new StringBuilder(64 * 1024);
        HtmlText.Begin(html, "Editor", "index.html", report.Summary, string.Empty, "editor", HtmlText.ScriptHash(script));
        html.Append("<div class=\"workbench\">\n<nav class=\"explorer\" aria-label=\"Explorer\">\n");
        WriteExplorer(html, site);
        html.Append("</nav>\n<section class=\"source\"><iframe id=\"source-frame\" name=\"source\" title=\"Source view\" src=\"")
            .Append(site.Files.FirstOrDefault(f => f.Findings.Count > 0)?.Page ?? (site.Files.Count > 0 ? site.Files[0].Page : "about:blank"))
            .Append("\"></iframe></section>\n");
        html.Append("<section class=\"problems\" aria-label=\"Problems\">\n<div class=\"filters\"><strong>Problems</strong> <span id=\"problem-count\">")
            .Append(HtmlText.Invariant($"{report.Findings.Count} findings")).Append("</span>");
        foreach (var (key, label) in new[] { ("severity", "severity"), ("rule", "rule"), ("team", "team"), ("locale", "locale"), ("channel", "channel") })
        {
            html.Append("<label>").Append(label).Append(" <select id=\"filter-").Append(key).Append("\" data-key=\"").Append(key).Append("\"><option value=\"\">all</option></select></label>");
        }

        html.Append("<span>file: <span id=\"file-filter\">all files</span> <button id=\"clear-file\" type=\"button\" hidden>show all files</button></span>")
            .Append("<span class=\"muted\">F8 / j / ↓ next, Shift+F8 / k / ↑ previous</span></div>\n")
            .Append("<div class=\"list\"><noscript><p>The problems list needs JavaScript; the explorer, source views and overview pages work without it.</p></noscript>")
            .Append("<table><tbody id=\"problem-rows\"></tbody></table></div>\n")
            .Append("<div class=\"pager\"><button id=\"previous-page\" type=\"button\">previous</button><span id=\"page-label\"></span><button id=\"next-page\" type=\"button\">next</button></div>\n")
            .Append("</section>\n</div>\n");
        html.Append("<script type=\"application/json\" id=\"report-data\">").Append(Data(site)).Append("</script>\n");
        html.Append("<script>").Append(script).Append("</script>\n");
        HtmlText.End(html);
        return html.ToString();
    }

    /// <summary>Stage, touchpoint and template, in the catalog's order; then shared snippets and everything else.</summary>
    private static void WriteExplorer(StringBuilder html, Site site)
    {
        var byTouchpoint = site.ByTouchpoint;
        var placed = new HashSet<SiteFile>();
        if (site.Report.Catalog is { } catalog)
        {
            foreach (var stage in catalog.Stages)
            {
                var touchpoints = catalog.Touchpoints.Where(t => t.Stage == stage.Id).ToArray();
                var stageFiles = touchpoints.SelectMany(t => byTouchpoint[t.Id]).ToArray();
                Group(html, stage.Name, stageFiles, open: true, () =>
                {
                    foreach (var touchpoint in touchpoints)
                    {
                        var files = byTouchpoint[touchpoint.Id].ToArray();
                        Group(html, touchpoint.Name, files, open: false, () => FileList(html, files, placed));
                    }
                });
            }
        }

        var snippets = site.Files.Where(f => f.Document?.Kind == DocumentKind.Snippet).ToArray();
        if (snippets.Length > 0)
        {
            Group(html, "Shared snippets", snippets, open: false, () => FileList(html, snippets, placed));
        }

        var rest = site.Files.Where(f => !placed.Contains(f)).ToArray();
        if (rest.Length > 0)
        {
            Group(html, "Other files", rest, open: true, () => FileList(html, rest, placed));
        }
    }

    private static void Group(StringBuilder html, string name, IReadOnlyList<SiteFile> files, bool open, Action children)
    {
        html.Append(open ? "<details open>" : "<details>").Append("<summary>").Append(HtmlText.Escape(name)).Append(' ')
            .Append(HtmlText.Counts(files.SelectMany(f => f.Findings))).Append("</summary>\n");
        children();
        html.Append("</details>\n");
    }

    private static void FileList(StringBuilder html, IReadOnlyList<SiteFile> files, HashSet<SiteFile> placed)
    {
        html.Append("<ul>\n");
        foreach (var file in files)
        {
            placed.Add(file);
            html.Append("<li><a href=\"").Append(file.Page).Append("\" target=\"source\" data-file=\"").Append(HtmlText.Invariant($"{file.Index}"))
                .Append("\" title=\"").Append(HtmlText.Escape(file.Path)).Append("\">").Append(HtmlText.Escape(Path.GetFileName(file.Path))).Append(' ')
                .Append(HtmlText.Counts(file.Findings)).Append("</a></li>\n");
        }

        html.Append("</ul>\n");
    }

    /// <summary>The findings as compact arrays with lookup tables, so that a large corpus stays a small page.</summary>
    private static string Data(Site site)
    {
        var report = site.Report;
        var rules = Table(report.Findings.Select(f => f.RuleId));
        var teams = Table(report.Findings.Select(report.TeamOf));
        var locales = Table(report.Findings.Select(f => f.Locale).OfType<string>());
        var channels = Table(report.Findings.Select(f => f.Channel).OfType<string>());
        using var stream = new MemoryStream();
        // The default encoder writes <, > and & as \u escapes, so no text can close the script element.
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteStartArray("files");
            foreach (var file in site.Files)
            {
                json.WriteStartArray();
                json.WriteStringValue(file.Path);
                json.WriteStringValue(file.Page);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            WriteTable(json, "rules", rules);
            WriteTable(json, "teams", teams);
            WriteTable(json, "locales", locales);
            WriteTable(json, "channels", channels);
            json.WriteStartArray("findings");
            foreach (var file in site.Files)
            {
                for (var i = 0; i < file.Findings.Count; i++)
                {
                    var finding = file.Findings[i];
                    json.WriteStartArray();
                    json.WriteNumberValue((int)finding.Severity);
                    json.WriteNumberValue(rules[finding.RuleId]);
                    json.WriteNumberValue(file.Index);
                    json.WriteNumberValue(finding.Location.Start.Line);
                    json.WriteNumberValue(finding.Location.Start.Column);
                    json.WriteNumberValue(teams[report.TeamOf(finding)]);
                    json.WriteNumberValue(finding.Locale is { } locale ? locales[locale] : -1);
                    json.WriteNumberValue(finding.Channel is { } channel ? channels[channel] : -1);
                    json.WriteNumberValue(i);
                    json.WriteStringValue(finding.Message);
                    json.WriteEndArray();
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static Dictionary<string, int> Table(IEnumerable<string> values) =>
        values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i, StringComparer.Ordinal);

    private static void WriteTable(Utf8JsonWriter json, string name, Dictionary<string, int> table)
    {
        json.WriteStartArray(name);
        foreach (var value in table.OrderBy(p => p.Value).Select(p => p.Key))
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}

/// <summary>One file of the report: its page, its document when it could be read, and its findings in report order.</summary>
internal sealed record SiteFile(int Index, string Path, string Page, Document? Document, IReadOnlyList<Finding> Findings);

/// <summary>The report's files and where each finding is shown, computed once for every page.</summary>
internal sealed class Site
{
    private readonly Dictionary<Finding, (SiteFile File, int Index)> _places = new(ReferenceEqualityComparer.Instance);

    public Site(ReportData report)
    {
        Report = report;
        var documents = report.Documents.GroupBy(d => d.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var findings = report.Findings.GroupBy(f => f.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<Finding>)[.. g], StringComparer.Ordinal);
        var paths = documents.Keys.Concat(findings.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        Files = [.. paths.Select((path, i) => new SiteFile(i, path, HtmlText.Invariant($"{HtmlReport.FilesFolder}/{i + 1:D5}.html"), documents.GetValueOrDefault(path), findings.GetValueOrDefault(path) ?? []))];
        ByTouchpoint = Files.Where(f => f.Document?.Touchpoint is not null).ToLookup(f => f.Document!.Touchpoint!, StringComparer.Ordinal);
        foreach (var file in Files)
        {
            for (var i = 0; i < file.Findings.Count; i++)
            {
                _places[file.Findings[i]] = (file, i);
            }
        }
    }

    public ReportData Report { get; }

    public IReadOnlyList<SiteFile> Files { get; }

    /// <summary>The files of each touchpoint, by its id.</summary>
    public ILookup<string, SiteFile> ByTouchpoint { get; }

    /// <summary>The link to a finding's span in its file's source view, relative to the report folder.</summary>
    public string LinkTo(Finding finding) => _places.TryGetValue(finding, out var place) ? $"{place.File.Page}#{SourcePage.Anchor(place.Index)}" : "index.html";

    public IReadOnlyList<string> UsersOf(SiteFile file) => Report.SnippetUsers.GetValueOrDefault(file.Path) ?? [];
}
