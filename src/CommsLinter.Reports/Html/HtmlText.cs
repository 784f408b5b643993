using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using CommsLinter.Diagnostics;

namespace CommsLinter.Reports.Html;

/// <summary>
/// What every page of the HTML report shares: escaping, the page frame with its navigation and
/// content security policy, and the little pieces (severity badges, counts) each page repeats.
/// </summary>
internal static class HtmlText
{
    /// <summary>The overview pages, in the order of the navigation bar.</summary>
    public static readonly (string File, string Title)[] Pages =
    [
        ("index.html", "Editor"),
        ("journey.html", "Journey"),
        ("facts.html", "Facts"),
        ("parity.html", "Parity"),
        ("teams.html", "Teams"),
        ("legal.html", "Legal review"),
    ];

    /// <summary>Text for an element or a quoted attribute: every character that could open markup or close the quote is escaped.</summary>
    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    public static string SeverityClass(Severity severity) => severity switch
    {
        Severity.Error => "e",
        Severity.Warning => "w",
        _ => "s",
    };

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The CSP source that allows exactly one inline script: its SHA-256, so nothing injected can run beside it.</summary>
    public static string ScriptHash(string script) => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)))}'";

    /// <summary>
    /// Opens a page: the policy (no script unless <paramref name="scriptHash"/> names one; styles only
    /// inline; frames only from the report's own folder), the style sheet and the navigation bar.
    /// </summary>
    public static void Begin(StringBuilder html, string title, string active, ReportSummary summary, string root, string bodyClass = "", string? scriptHash = null, bool navigation = true)
    {
        var script = scriptHash is null ? "'none'" : scriptHash;
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src ").Append(script)
            .Append("; style-src 'unsafe-inline'; img-src data:; frame-src 'self' file:; base-uri 'none'; form-action 'none'\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">\n")
            .Append("<title>").Append(Escape(title)).Append(" · CommsLinter</title>\n<style>").Append(ReportAssets.Css).Append("</style>\n</head>\n<body")
            .Append(bodyClass.Length > 0 ? $" class=\"{bodyClass}\"" : string.Empty).Append(">\n");
        if (!navigation)
        {
            return;
        }

        html.Append("<header class=\"top\"><strong>CommsLinter</strong><nav>");
        foreach (var (file, name) in Pages)
        {
            html.Append("<a href=\"").Append(root).Append(file).Append('"').Append(file == active ? " class=\"active\"" : string.Empty).Append('>')
                .Append(Escape(name)).Append("</a>");
        }

        html.Append("</nav><span class=\"totals\">").Append(Counts(summary.Errors, summary.Warnings, summary.Suggestions))
            .Append(Invariant($" in {summary.Files} files</span></header>\n"));
    }

    public static void End(StringBuilder html) => html.Append("</body>\n</html>\n");

    /// <summary>Three badges: errors, warnings, suggestions; a zero is shown dimmed.</summary>
    public static string Counts(int errors, int warnings, int suggestions) =>
        Badge("e", errors, "errors") + Badge("w", warnings, "warnings") + Badge("s", suggestions, "suggestions");

    public static string Counts(IEnumerable<Finding> findings)
    {
        int e = 0, w = 0, s = 0;
        foreach (var finding in findings)
        {
            switch (finding.Severity)
            {
                case Severity.Error: e++; break;
                case Severity.Warning: w++; break;
                default: s++; break;
            }
        }

        return Counts(e, w, s);
    }

    private static string Badge(string severity, int count, string title) =>
        Invariant($"<span class=\"badge {severity}{(count == 0 ? " zero" : string.Empty)}\" title=\"{count} {title}\">{count}</span>");
}
