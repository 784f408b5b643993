using System.Net;
using System.Text;
using CommsLinter.Diagnostics;

namespace CommsLinter.Reports;

/// <summary>What a customer receives from one template, ready to show: the rendered parts and the template's findings.</summary>
public sealed record PreviewPage(
    string Path,
    string? Stage,
    string? Touchpoint,
    string? Channel,
    string? Locale,
    PreviewKind Kind,
    string? From,
    string? Subject,
    string? Preheader,
    string BodyHtml,
    string? SmsSummary,
    string? Failure,
    IReadOnlyList<Finding> Findings)
{
    /// <summary>The letter printed to PDF, relative to the preview folder; null when it was not printed.</summary>
    public string? PdfFile { get; init; }

    /// <summary>Every image of the body that would come from another machine (http, https, a file share), in order.</summary>
    public IReadOnlyList<Uri> RemoteImages { get; init; } = [];
}

public enum PreviewKind
{
    Email,
    Sms,
    Letter,
    Page,
}

/// <summary>A shared snippet and the files that include it.</summary>
public sealed record SnippetUse(string Name, string Path, IReadOnlyList<string> UsedBy);

/// <summary>
/// The document generator's output: one self-contained HTML page per template and an index by stage,
/// touchpoint and locale. Template content is always shown inside a sandboxed frame and every page
/// forbids scripts, so nothing a template contains can run in the preview, and nothing in it reaches
/// the network: not an image (unless remote images are allowed, and then only over https), a style
/// sheet, a font, a form or a <c>&lt;base&gt;</c> that would send relative addresses elsewhere. The frames'
/// documents (srcdoc) are under their page's policy.
/// </summary>
public static class PreviewSite
{
    /// <summary>
    /// The content security policy of every page. frame-src 'self' lets the srcdoc frames load (they get no
    /// permissions: sandbox="") and keeps them from being navigated to anything on the network.
    /// </summary>
    private static string Policy(bool remoteImages) =>
        "default-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'self'; style-src 'unsafe-inline'; img-src data:" + (remoteImages ? " https:" : string.Empty);

    private const string PageStyle = """
        body{font-family:system-ui,sans-serif;margin:0;color:#1d1d1f;background:#f4f5f7}
        header{background:#1f5f8b;color:#fff;padding:12px 24px}header a{color:#fff}
        main{padding:16px 24px}.meta{background:#fff;border:1px solid #d9dce1;border-radius:6px;padding:12px 16px;margin-bottom:16px}
        .meta dt{font-weight:600;float:left;width:7em}.meta dd{margin:0 0 4px 7em}
        .frames{display:flex;gap:24px;flex-wrap:wrap;align-items:flex-start}
        .frames figure{margin:0}.frames figcaption{font-size:12px;color:#555;margin-bottom:4px}
        iframe{background:#fff;border:1px solid #c7cbd1;border-radius:4px}
        .sms{background:#fff;border:1px solid #c7cbd1;border-radius:12px;padding:12px 16px;max-width:360px;white-space:pre-wrap}
        .failure{background:#fde8e8;border:1px solid #e0a0a0;padding:8px 12px;border-radius:6px;margin-bottom:12px}
        .blocked{background:#fff6dc;border:1px solid #e2c77a;padding:8px 12px;border-radius:6px;margin-bottom:12px}
        table{border-collapse:collapse;background:#fff}td,th{border:1px solid #d9dce1;padding:6px 10px;text-align:left;font-size:14px}
        .error{color:#b00020}.warning{color:#8a5a00}.suggestion{color:#245}.count{font-size:12px;margin-left:4px}
        .findings li{margin-bottom:4px;font-size:14px}
        """;

    /// <summary>The index page, in the folder's root.</summary>
    public const string IndexFile = "index.html";

    /// <summary>Writes the pages and the index through <paramref name="write"/> (a '/'-separated path inside the preview folder, and the page).</summary>
    /// <param name="remoteImages">Let the previews load images over https, as a mail client would.</param>
    public static void Write(Action<string, string> write, IReadOnlyList<PreviewPage> pages, string title, IReadOnlyList<SnippetUse>? snippets, bool remoteImages)
    {
        foreach (var page in pages)
        {
            write(PageFile(page), Page(page, RootFrom(PageFile(page)), remoteImages));
        }

        write(IndexFile, Index(pages, title, snippets ?? [], remoteImages));
    }

    /// <summary>
    /// The page of a template inside the output folder: its path as findings give it, where only '/'
    /// separates folders (a '\\' is part of a name on Linux), and no part may climb out of the folder.
    /// </summary>
    public static string PageFile(PreviewPage page) =>
        string.Join('/', page.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(part => part is "." or ".." ? "_" + part : part)) + ".html";

    /// <summary>
    /// A letter as a standalone A4 document, for printing to PDF. It carries the same policy as the
    /// pages (no script) since a browser prints it outside any sandboxed frame.
    /// </summary>
    public static string PrintableLetter(PreviewPage page, bool remoteImages) =>
        Document(page.BodyHtml, print: true).Replace("<head>", $"<head><meta http-equiv=\"Content-Security-Policy\" content=\"{Policy(remoteImages)}\">", StringComparison.Ordinal);

    private static string RootFrom(string pageFile) => string.Concat(Enumerable.Repeat("../", pageFile.Count(c => c == '/')));

    private static string Page(PreviewPage page, string root, bool remoteImages)
    {
        var html = new StringBuilder();
        Open(html, page.Path, root, remoteImages);
        html.Append("<dl class=\"meta\">");
        Field(html, "Touchpoint", $"{page.Stage} / {page.Touchpoint}");
        Field(html, "Channel", page.Channel);
        Field(html, "Locale", page.Locale);
        Field(html, "From", page.From);
        Field(html, "Subject", page.Subject);
        Field(html, "Preheader", page.Preheader);
        Field(html, "SMS", page.SmsSummary);
        html.Append("</dl>");
        if (page.PdfFile is { } pdf)
        {
            html.Append($"<p><a href=\"{root}{E(pdf)}\">The letter as PDF</a></p>");
        }
        if (page.Failure is { } failure)
        {
            html.Append("<p class=\"failure\">Not rendered with its sample: ").Append(E(failure)).Append(". Shown as written.</p>");
        }

        BlockedImages(html, page, remoteImages);

        switch (page.Kind)
        {
            case PreviewKind.Email:
                html.Append("<div class=\"frames\">");
                Frame(html, "Desktop, 640 px", page.BodyHtml, 640, 900);
                Frame(html, "Mobile, 375 px", page.BodyHtml, 375, 900);
                html.Append("</div>");
                break;
            case PreviewKind.Sms:
                html.Append("<div class=\"sms\">").Append(page.BodyHtml).Append("</div>");
                break;
            default:
                // A4 at 96 dpi; the frame's own print style sets the paper size.
                Frame(html, page.Kind == PreviewKind.Letter ? "A4 page" : "Web page", Document(page.BodyHtml, print: page.Kind == PreviewKind.Letter), 794, 1123);
                break;
        }

        html.Append("<h2>Findings</h2>");
        if (page.Findings.Count == 0)
        {
            html.Append("<p>None.</p>");
        }
        else
        {
            html.Append("<ul class=\"findings\">");
            foreach (var finding in page.Findings)
            {
                var severity = finding.Severity.ToString().ToLowerInvariant();
                html.Append($"<li class=\"{severity}\">({finding.Location.Start.Line},{finding.Location.Start.Column}) {severity} <code>{E(finding.RuleId)}</code>: {E(finding.Message)}</li>");
            }

            html.Append("</ul>");
        }

        html.Append("</main></body></html>\n");
        return html.ToString();
    }

    private static string Index(IReadOnlyList<PreviewPage> pages, string title, IReadOnlyList<SnippetUse> snippets, bool remoteImages)
    {
        var html = new StringBuilder();
        Open(html, title, string.Empty, remoteImages);
        var locales = pages.Select(p => p.Locale ?? "?").Distinct().Order(StringComparer.Ordinal).ToList();
        html.Append($"<p>{pages.Count} templates, rendered with their sample data. Each page shows what the customer receives and the template's findings.</p>");
        html.Append("<table><tr><th>Stage</th><th>Touchpoint</th><th>Channel</th>");
        foreach (var locale in locales)
        {
            html.Append("<th>").Append(E(locale)).Append("</th>");
        }

        html.Append("</tr>");
        foreach (var group in pages.GroupBy(p => (p.Stage, p.Touchpoint, p.Channel)).OrderBy(g => g.Key.Stage, StringComparer.Ordinal).ThenBy(g => g.Key.Touchpoint, StringComparer.Ordinal).ThenBy(g => g.Key.Channel, StringComparer.Ordinal))
        {
            html.Append($"<tr><td>{E(group.Key.Stage)}</td><td>{E(group.Key.Touchpoint)}</td><td>{E(group.Key.Channel)}</td>");
            foreach (var locale in locales)
            {
                html.Append("<td>");
                foreach (var page in group.Where(p => (p.Locale ?? "?") == locale).OrderBy(p => p.Path, StringComparer.Ordinal))
                {
                    html.Append($"<a href=\"{E(PageFile(page))}\">{E(System.IO.Path.GetFileName(page.Path))}</a>");
                    var worst = page.Findings.Count == 0 ? null : page.Findings.Max(f => f.Severity).ToString().ToLowerInvariant();
                    if (worst is not null)
                    {
                        html.Append($"<span class=\"count {worst}\">{page.Findings.Count}</span>");
                    }

                    if (page.Failure is not null)
                    {
                        html.Append("<span class=\"count error\">not rendered</span>");
                    }
                }

                html.Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</table>");
        if (snippets.Count > 0)
        {
            // Editing a snippet changes every message listed beside it.
            html.Append("<h2>Shared snippets</h2><table><tr><th>Snippet</th><th>Used by</th></tr>");
            foreach (var snippet in snippets.OrderBy(s => s.Name, StringComparer.Ordinal))
            {
                html.Append($"<tr><td>{E(snippet.Name)}<br><small>{E(snippet.Path)}</small></td><td>{snippet.UsedBy.Count} file{(snippet.UsedBy.Count == 1 ? string.Empty : "s")}: ");
                html.Append(string.Join(", ", snippet.UsedBy.Select(path => pages.Any(p => p.Path == path) ? $"<a href=\"{E(path)}.html\">{E(path)}</a>" : E(path))));
                html.Append("</td></tr>");
            }

            html.Append("</table>");
        }

        html.Append("</main></body></html>\n");
        return html.ToString();
    }

    /// <summary>Says which images the policy kept from loading, so that a missing logo is not taken for a broken template.</summary>
    private static void BlockedImages(StringBuilder html, PreviewPage page, bool remoteImages)
    {
        var blocked = page.RemoteImages.Where(image => !remoteImages || image.Scheme != Uri.UriSchemeHttps).ToArray();
        if (blocked.Length == 0)
        {
            return;
        }

        var hosts = string.Join(", ", blocked.GroupBy(image => image.Host, StringComparer.OrdinalIgnoreCase)
            .Select(host => host.Count() == 1 ? host.Key : $"{host.Key} ×{host.Count()}"));
        var (count, it) = blocked.Length == 1 ? ("1 image was", "it") : ($"{blocked.Length} images were", "them");
        html.Append("<p class=\"blocked\">").Append(count).Append(" not loaded from the network (").Append(E(hosts)).Append("): ")
            .Append(remoteImages
                ? "with --remote-images a preview loads images over https only."
                : $"a preview loads nothing from the network, where the customer's mail client would load {it}. <code>commslint render --remote-images</code> shows images served over https.")
            .Append("</p>");
    }

    private static void Open(StringBuilder html, string title, string root, bool remoteImages) =>
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\">")
            .Append($"<meta http-equiv=\"Content-Security-Policy\" content=\"{Policy(remoteImages)}\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append($"<title>{E(title)}</title><style>{PageStyle}</style></head><body>")
            .Append($"<header><a href=\"{root}{IndexFile}\">CommsLinter preview</a> · {E(title)}</header><main>");

    private static void Field(StringBuilder html, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            html.Append("<dt>").Append(name).Append("</dt><dd>").Append(E(value)).Append("</dd>");
        }
    }

    /// <summary>Template HTML in a frame with no permissions at all: no scripts, forms, popups or navigation.</summary>
    private static void Frame(StringBuilder html, string caption, string document, int width, int height) =>
        html.Append($"<figure><figcaption>{E(caption)}</figcaption><iframe sandbox=\"\" width=\"{width}\" height=\"{height}\" srcdoc=\"{E(document)}\"></iframe></figure>");

    private static string Document(string body, bool print) =>
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>body{font-family:Georgia,serif;line-height:1.5;margin:20mm;color:#111}"
        // Inside @media print: a bare @page rule in a sandboxed frame leaves Chromium's frame blank.
        + (print ? "@media print{@page{size:A4;margin:20mm}body{margin:0}}" : string.Empty)
        + "</style></head><body>" + body + "</body></html>";

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}
