using System.Text;
using CommsLinter.Catalog;
using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Text;

namespace CommsLinter.Reports.Html;

/// <summary>
/// The pages a team reads without opening a template: the journey map, the facts, cross-locale
/// parity, a queue per owning team and the legal review queue. Static HTML, charts as inline SVG.
/// </summary>
internal static class OverviewPages
{
    /// <summary>A long queue is cut here on a page; the editor's problems panel filters all of them.</summary>
    private const int MaxRows = 500;

    public static IEnumerable<(string File, string Html)> All(Site site)
    {
        yield return ("journey.html", Journey(site));
        yield return ("facts.html", Facts(site));
        yield return ("parity.html", Parity(site));
        yield return ("teams.html", Teams(site));
        yield return ("legal.html", Legal(site));
    }

    private static StringBuilder Begin(Site site, string file, string title)
    {
        var html = new StringBuilder(16 * 1024);
        HtmlText.Begin(html, title, file, site.Report.Summary, string.Empty);
        html.Append("<main class=\"page\">\n<h1>").Append(HtmlText.Escape(title)).Append("</h1>\n");
        return html;
    }

    private static string End(StringBuilder html)
    {
        html.Append("</main>\n");
        HtmlText.End(html);
        return html.ToString();
    }

    /// <summary>Stages and touchpoints against channels and locales: a cell per template the catalog asks for, coloured by its worst finding.</summary>
    private static string Journey(Site site)
    {
        var html = Begin(site, "journey.html", "Journey map");
        if (site.Report.Catalog is not { } catalog)
        {
            html.Append("<p>No journey catalog was read, so there is no map. See the findings in the editor.</p>\n");
            return End(html);
        }

        var templates = site.Files.Where(f => f.Document is { Kind: DocumentKind.Template, Touchpoint: not null })
            .ToLookup(f => (f.Document!.Touchpoint!, f.Document.Channel ?? string.Empty, f.Document.Locale ?? string.Empty));
        var rows = new List<(string, int, int, int)>();
        foreach (var stage in catalog.Stages)
        {
            var findings = catalog.Touchpoints.Where(t => t.Stage == stage.Id)
                .SelectMany(t => site.ByTouchpoint[t.Id]).SelectMany(f => f.Findings).ToArray();
            rows.Add((stage.Name, Count(findings, Severity.Error), Count(findings, Severity.Warning), Count(findings, Severity.Suggestion)));
        }

        html.Append("<h2>Findings by stage</h2>\n").Append(SvgChart.Bars("Findings by stage", rows)).Append('\n');
        html.Append("<h2>Coverage and health</h2>\n<p class=\"legend\"><span class=\"cell ok\" style=\"background:#d7f0d9\">clean</span>")
            .Append("<span style=\"background:#fde7b8\">warnings</span><span style=\"background:#f8c9c9\">errors</span>")
            .Append("<span style=\"background:#eee\">missing (a coverage gap)</span><span style=\"background:#e6ecf5\">not asked for by the catalog</span></p>\n");
        html.Append("<table class=\"grid\">\n<tr><th rowspan=\"2\">stage</th><th rowspan=\"2\">touchpoint</th><th rowspan=\"2\">owner</th>");
        foreach (var channel in catalog.Channels)
        {
            html.Append(HtmlText.Invariant($"<th colspan=\"{catalog.Locales.Count}\">")).Append(HtmlText.Escape(channel.Name)).Append("</th>");
        }

        html.Append("<th rowspan=\"2\">covered</th></tr>\n<tr>");
        foreach (var _ in catalog.Channels)
        {
            foreach (var locale in catalog.Locales)
            {
                html.Append("<th>").Append(HtmlText.Escape(locale)).Append("</th>");
            }
        }

        html.Append("</tr>\n");
        foreach (var stage in catalog.Stages)
        {
            foreach (var touchpoint in catalog.Touchpoints.Where(t => t.Stage == stage.Id))
            {
                WriteJourneyRow(html, catalog, stage, touchpoint, templates);
            }
        }

        html.Append("</table>\n");
        return End(html);
    }

    private static void WriteJourneyRow(StringBuilder html, JourneyCatalog catalog, CatalogItem stage, Touchpoint touchpoint, ILookup<(string, string, string), SiteFile> templates)
    {
        html.Append("<tr><td>").Append(HtmlText.Escape(stage.Name)).Append("</td><td>").Append(HtmlText.Escape(touchpoint.Name))
            .Append("<br><code class=\"muted\">").Append(HtmlText.Escape(touchpoint.Id)).Append("</code></td><td>").Append(HtmlText.Escape(touchpoint.Owner)).Append("</td>");
        var (required, present) = (0, 0);
        foreach (var channel in catalog.Channels)
        {
            foreach (var locale in catalog.Locales)
            {
                var asked = touchpoint.Channels.Contains(channel.Id) && (touchpoint.Locales.Count == 0 || touchpoint.Locales.Contains(locale));
                var files = templates[(touchpoint.Id, channel.Id, locale)].ToArray();
                required += asked ? 1 : 0;
                present += asked && files.Length > 0 ? 1 : 0;
                if (files.Length == 0)
                {
                    html.Append(asked ? "<td class=\"cell gap\" title=\"no template: a coverage gap\">gap</td>" : "<td class=\"cell\"></td>");
                    continue;
                }

                var findings = files.SelectMany(f => f.Findings).ToArray();
                var health = findings.Length == 0 ? "ok" : HtmlText.SeverityClass(findings.Max(f => f.Severity));
                html.Append("<td class=\"cell ").Append(asked ? health : "extra").Append("\" title=\"")
                    .Append(HtmlText.Escape($"{string.Join(", ", files.Select(f => f.Path))}: {findings.Length} findings")).Append("\"><a href=\"").Append(files[0].Page).Append("\">")
                    .Append(findings.Length == 0 ? "✓" : HtmlText.Invariant($"{findings.Length}")).Append("</a></td>");
            }
        }

        html.Append(HtmlText.Invariant($"<td class=\"num\">{present}/{required}</td></tr>\n"));
    }

    private static string Facts(Site site)
    {
        var report = site.Report;
        var html = Begin(site, "facts.html", "Facts");
        html.Append("<p>The canonical values the style guides hold every template to, and each place a template disagrees.</p>\n");
        if (report.Facts.Count == 0)
        {
            html.Append("<p>The style guides declare no facts.</p>\n");
            return End(html);
        }

        html.Append("<table class=\"grid\">\n<tr><th>fact</th><th>kind</th><th>value</th><th>rules</th><th>disagreements</th></tr>\n");
        foreach (var fact in report.Facts)
        {
            var rules = report.Rules.Where(r => r.Facts.Contains(fact.Name)).Select(r => r.Id).ToArray();
            var findings = report.Findings.Where(f => rules.Contains(f.RuleId)).ToArray();
            html.Append("<tr><td><a href=\"#fact-").Append(HtmlText.Escape(fact.Name)).Append("\">").Append(HtmlText.Escape(fact.Name)).Append("</a></td><td>")
                .Append(HtmlText.Escape(fact.Kind)).Append("</td><td><code>").Append(HtmlText.Escape(fact.Value)).Append("</code></td><td>")
                .Append(rules.Length == 0 ? "<span class=\"muted\">no rule checks it</span>" : HtmlText.Escape(string.Join(", ", rules)))
                .Append(HtmlText.Invariant($"</td><td class=\"num\">{findings.Length}</td></tr>\n"));
        }

        html.Append("</table>\n");
        foreach (var fact in report.Facts)
        {
            var rules = report.Rules.Where(r => r.Facts.Contains(fact.Name)).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            html.Append("<h2 id=\"fact-").Append(HtmlText.Escape(fact.Name)).Append("\">").Append(HtmlText.Escape(fact.Name)).Append(" = <code>")
                .Append(HtmlText.Escape(fact.Value)).Append("</code></h2>\n");
            FindingTable(html, site, report.Findings.Where(f => rules.Contains(f.RuleId)).ToArray(), "Every template agrees.");
        }

        return End(html);
    }

    private static string Parity(Site site)
    {
        var html = Begin(site, "parity.html", "Cross-locale parity");
        html.Append("<p>Templates of one touchpoint and channel in different locales must agree on placeholders, numbers, contacts, links and images (rules <code>parity.*</code>).</p>\n");
        Sections(html, site, site.Report.Findings.Where(f => f.RuleId.StartsWith("parity.", StringComparison.Ordinal)).GroupBy(f => $"{f.Touchpoint ?? "?"} · {f.Channel ?? "?"}"),
            "h2", string.Empty, "Every locale of every touchpoint agrees.");
        return End(html);
    }

    private static string Teams(Site site)
    {
        var report = site.Report;
        var html = Begin(site, "teams.html", "Queues by owning team");
        html.Append("<p>Each finding belongs to the team that owns its touchpoint in the catalog; a coverage gap belongs to its touchpoint; findings in snippets, other catalog problems and the style guides are <em>")
            .Append(ReportData.Unassigned).Append("</em>.</p>\n");
        var teams = report.Findings.GroupBy(report.TeamOf).OrderBy(g => g.Key, StringComparer.Ordinal).ToArray();
        html.Append(SvgChart.Bars("Findings by team", [.. teams.Select(t => (t.Key, Count(t, Severity.Error), Count(t, Severity.Warning), Count(t, Severity.Suggestion)))])).Append('\n');
        foreach (var team in teams)
        {
            html.Append("<h2 id=\"team-").Append(HtmlText.Escape(team.Key)).Append("\">").Append(HtmlText.Escape(team.Key)).Append(' ').Append(HtmlText.Counts(team)).Append("</h2>\n");
            FindingTable(html, site, [.. team.OrderByDescending(f => f.Severity).ThenBy(f => f, Finding.Order)], string.Empty);
        }

        return End(html);
    }

    private static string Legal(Site site)
    {
        var report = site.Report;
        var html = Begin(site, "legal.html", "Legal review queue");
        html.Append("<p>Templates that a team must review: those of touchpoints flagged <code>").Append(Touchpoint.LegalReviewFlag)
            .Append("</code> in the catalog, those flagged by a rule marked <code>review</code>, and the snippets they include. ")
            .Append("Each is approved when its exact current text is in the approvals ledger (<code>commslint approve</code>, docs/approvals.md).</p>\n");
        var pending = report.Reviews.Count(r => r.State != ReviewState.Approved);
        html.Append(HtmlText.Invariant($"<h2>Review queue: {pending} waiting, {report.Reviews.Count - pending} approved</h2>\n"));
        if (report.Reviews.Count == 0)
        {
            html.Append("<p>No template needs a review.</p>\n");
        }
        else
        {
            html.Append("<table class=\"grid\">\n<tr><th>template</th><th>reviewed by</th><th>why</th><th>state</th><th>findings</th></tr>\n");
            foreach (var review in report.Reviews.OrderBy(r => r.State == ReviewState.Approved).ThenBy(r => r.Path, StringComparer.Ordinal))
            {
                var file = site.Files.FirstOrDefault(f => f.Path == review.Path);
                html.Append("<tr><td><a class=\"mono\" href=\"").Append(file?.Page ?? "index.html").Append("\">").Append(HtmlText.Escape(review.Path)).Append("</a></td><td>")
                    .Append(HtmlText.Escape(string.Join(", ", review.Teams))).Append("</td><td>").Append(HtmlText.Escape(string.Join("; ", review.Reasons))).Append("</td><td>")
                    .Append(StateOf(review)).Append("</td><td>").Append(HtmlText.Counts(file?.Findings ?? [])).Append("</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        foreach (var review in report.Reviews.Where(r => r.State == ReviewState.Changed))
        {
            html.Append("<h3>Changed since approval: <span class=\"mono\">").Append(HtmlText.Escape(review.Path)).Append("</span></h3>\n");
            WriteDiff(html, review.LastApproval!.Text, review.CurrentText!);
        }

        html.Append("<h2>Findings of rules that ask for a review</h2>\n");
        Sections(html, site, report.Findings.Where(f => report.ReviewOf(f) is not null).GroupBy(f => report.ReviewOf(f)!),
            "h3", "review: ", "No finding of a rule marked review in the style guides.");
        return End(html);
    }

    private static string StateOf(ReviewItem review) => review.State switch
    {
        ReviewState.Approved => $"<span class=\"sev ok\">approved</span> by {HtmlText.Escape(review.LastApproval!.By)} on {HtmlText.Escape(review.LastApproval.Date)}",
        ReviewState.Changed => $"<span class=\"sev e\">changed</span> since {HtmlText.Escape(review.LastApproval!.By)} approved it on {HtmlText.Escape(review.LastApproval.Date)}",
        _ => "<span class=\"sev e\">never approved</span>",
    };

    /// <summary>The changes since the approved text, with three lines of context around each, as a unified diff.</summary>
    private static void WriteDiff(StringBuilder html, string approved, string current)
    {
        const int Context = 3;
        var lines = LineDiff.Compute(approved, current);
        var shown = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Kind != DiffKind.Same)
            {
                for (var j = Math.Max(0, i - Context); j <= Math.Min(lines.Count - 1, i + Context); j++)
                {
                    shown[j] = true;
                }
            }
        }

        html.Append("<pre class=\"diff\">");
        for (var i = 0; i < lines.Count; i++)
        {
            if (!shown[i])
            {
                continue;
            }

            if (i == 0 || !shown[i - 1])
            {
                html.Append(HtmlText.Invariant($"<span class=\"hunk\">@@ line {Math.Max(1, lines[i].NewLine == 0 ? lines[i].OldLine : lines[i].NewLine)} @@</span>"));
            }

            var (prefix, cls) = lines[i].Kind switch
            {
                DiffKind.Added => ("+ ", "add"),
                DiffKind.Removed => ("- ", "del"),
                _ => ("  ", "same"),
            };
            html.Append("<span class=\"").Append(cls).Append("\">").Append(prefix).Append(HtmlText.Escape(lines[i].Text)).Append("</span>");
        }

        html.Append("</pre>\n");
    }

    /// <summary>A heading with counts and a table of findings per group, in the groups' order by name; a sentence when there are none.</summary>
    private static void Sections(StringBuilder html, Site site, IEnumerable<IGrouping<string, Finding>> groups, string heading, string prefix, string whenEmpty)
    {
        var ordered = groups.OrderBy(g => g.Key, StringComparer.Ordinal).ToArray();
        if (ordered.Length == 0)
        {
            html.Append("<p>").Append(HtmlText.Escape(whenEmpty)).Append("</p>\n");
        }

        foreach (var group in ordered)
        {
            html.Append('<').Append(heading).Append('>').Append(HtmlText.Escape(prefix + group.Key)).Append(' ').Append(HtmlText.Counts(group)).Append("</").Append(heading).Append(">\n");
            FindingTable(html, site, [.. group], string.Empty);
        }
    }

    private static void FindingTable(StringBuilder html, Site site, Finding[] findings, string whenEmpty)
    {
        if (findings.Length == 0)
        {
            html.Append("<p>").Append(HtmlText.Escape(whenEmpty)).Append("</p>\n");
            return;
        }

        html.Append("<table class=\"grid\">\n<tr><th></th><th>where</th><th>rule</th><th>message</th></tr>\n");
        foreach (var finding in findings.Take(MaxRows))
        {
            var severity = HtmlText.SeverityClass(finding.Severity);
            html.Append("<tr><td class=\"sev ").Append(severity).Append("\">").Append(TextReport.SeverityName(finding.Severity))
                .Append("</td><td><a class=\"mono\" href=\"").Append(HtmlText.Escape(site.LinkTo(finding))).Append("\">")
                .Append(HtmlText.Escape(finding.Path)).Append(HtmlText.Invariant($"({finding.Location.Start.Line},{finding.Location.Start.Column})"))
                .Append("</a></td><td><code>").Append(HtmlText.Escape(finding.RuleId)).Append("</code></td><td>").Append(HtmlText.Escape(finding.Message)).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
        if (findings.Length > MaxRows)
        {
            html.Append(HtmlText.Invariant($"<p class=\"muted\">…and {findings.Length - MaxRows} more: filter the problems panel in the editor to see them all.</p>\n"));
        }
    }

    private static int Count(IEnumerable<Finding> findings, Severity severity) => findings.Count(f => f.Severity == severity);
}
