using System.CommandLine;
using System.Net;
using System.Text.Json;
using CommsLinter.Content;
using CommsLinter.Content.Rendering;
using CommsLinter.Content.Samples;
using CommsLinter.Engine;
using CommsLinter.Model;
using CommsLinter.Pipeline;
using CommsLinter.Reports;
using CommsLinter.Rules.Style;

namespace CommsLinter.Cli;

/// <summary><c>commslint render</c>: the document generator. Every template rendered with its sample, with an index.</summary>
internal static class RenderCommand
{
    public static Command Create(TextWriter output, TextWriter error, string workingDirectory)
    {
        var paths = new Argument<string[]>("paths") { Description = "Templates or folders to render. Default: content.", Arity = ArgumentArity.ZeroOrMore };
        var outFolder = new Option<string>("--out", "-o") { Description = "The folder to write the pages and index.html to.", DefaultValueFactory = _ => "out/preview", HelpName = "folder" };
        var sample = new Option<string?>("--sample") { Description = "A JSON sample to render every template with, instead of each template's own (front matter 'sample:' or its touchpoint's).", HelpName = "file" };
        var catalog = new Option<string?>("--catalog") { Description = "The journey catalog. Default: found from the paths upwards.", HelpName = "file" };
        var styleGuides = new Option<string?>("--styleguides") { Description = "The folder of style guides whose findings are shown beside each page. Default: found from the catalog upwards.", HelpName = "folder" };
        var pdf = new Option<bool>("--pdf") { Description = "Also print letters to PDF (A4) with a headless Chromium (Debian: apt-get install chromium; or set COMMSLINT_CHROMIUM)." };
        var command = new Command("render",
            "Render every template as the customer receives it, with its sample data, into a folder of HTML pages with an index by stage, " +
            "touchpoint and locale. E-mails show from, subject and preheader above the body at desktop and mobile widths; SMS show the text " +
            "with its segments and encoding; letters are A4 pages. Each page lists the template's findings. Template HTML is shown in a " +
            "sandboxed frame, so nothing in a template runs.\n\n" +
            "Examples:\n  commslint render --out out/preview\n  commslint render content/after-purchase/invoice/letter.pl.md --sample content/samples/invoice.json --out out/one --pdf")
        {
            paths, outFolder, sample, catalog, styleGuides, pdf,
        };
        command.SetAction(parse => Execute(
            parse.GetValue(paths) is { Length: > 0 } given ? given : [ProjectLayout.DefaultContent],
            parse.GetValue(outFolder)!, parse.GetValue(sample), parse.GetValue(catalog), parse.GetValue(styleGuides), parse.GetValue(pdf), output, error, workingDirectory));
        return command;
    }

    private static int Execute(string[] paths, string outFolder, string? sampleOption, string? catalogOption, string? styleGuides, bool pdf, TextWriter output, TextWriter error, string workingDirectory)
    {
        var printer = pdf ? PdfPrinter.Find() : null;
        if (pdf && printer is null)
        {
            error.WriteLine("commslint: error: --pdf needs Chromium, and none was found (/usr/bin/chromium, or COMMSLINT_CHROMIUM). Install it (Debian: apt-get install chromium) or set COMMSLINT_CHROMIUM to its path; without --pdf the HTML pages are written.");
            return CommsLintApp.ExitUsage;
        }

        SampleFile? forced = null;
        if (sampleOption is not null)
        {
            var full = Path.GetFullPath(sampleOption, workingDirectory);
            forced = SampleFile.Load(full, ContentDiscovery.DisplayPath(full, workingDirectory));
            if (forced.IsMissing || forced.Problem is not null)
            {
                error.WriteLine(forced.Problem is { } problem
                    ? $"{problem.Path}({problem.Location.Start.Line},{problem.Location.Start.Column}): error {problem.RuleId}: {problem.Message}"
                    : $"commslint: error: the sample '{sampleOption}' does not exist.");
                return CommsLintApp.ExitUsage;
            }
        }

        if (CheckRun.Start(paths, new ConfigurationOptions(catalogOption, styleGuides, null), workingDirectory, error, new CheckOptions { KeepDocuments = true }) is not { } run)
        {
            return CommsLintApp.ExitUsage;
        }

        var (configuration, result) = (run.Configuration, run.Result);
        var findingsByPath = result.Findings.ToLookup(f => f.Path, StringComparer.Ordinal);
        // The check has already rendered each template with its own sample: those renderings are reused.
        var renderer = configuration.Rendering?.Renderer ?? new TemplateRenderer(configuration.Snippets);
        var context = new CheckContext(configuration.Catalog, isWholeCorpus: false, configuration.Snippets, configuration.Rendering);
        var pages = new List<PreviewPage>();
        foreach (var document in result.Documents.Where(d => d.Kind == DocumentKind.Template).OrderBy(d => d.Path, StringComparer.Ordinal))
        {
            RenderedText rendered;
            RenderFailure? failure;
            if (forced is null && configuration.Rendering?.Result(document, context) is { } own)
            {
                (rendered, failure) = (own.Text, own.Failure);
            }
            else
            {
                rendered = renderer.Render(document, forced?.Data, out failure);
            }

            pages.Add(Page(document, rendered, failure, configuration, [.. findingsByPath[document.Path]]));
        }

        var folder = Path.GetFullPath(outFolder, workingDirectory);
        var printed = 0;
        if (printer is not null)
        {
            for (var i = 0; i < pages.Count; i++)
            {
                if (pages[i].Kind != PreviewKind.Letter)
                {
                    continue;
                }

                var html = Path.Combine(folder, pages[i].Path + ".print.html");
                var file = pages[i].Path + ".pdf";
                Directory.CreateDirectory(Path.GetDirectoryName(html)!);
                File.WriteAllText(html, PreviewSite.PrintableLetter(pages[i]));
                if (printer.Print(html, Path.Combine(folder, file)) is { } problem)
                {
                    error.WriteLine($"{pages[i].Path}: warning render.pdf: not printed to PDF: {problem}");
                    continue;
                }

                pages[i] = pages[i] with { PdfFile = file };
                printed++;
            }
        }

        var snippets = configuration.Snippets is { } library
            ? Rules.Builtin.IncludeCheck.UsedBy(result.Summaries, library).Select(u => new SnippetUse(u.Key, library.Resolve(u.Key)!.DisplayPath, u.Value)).ToList()
            : null;
        var index = PreviewSite.Write(folder, pages, configuration.Catalog?.Company is { } company ? $"{company}: the customer journey as sent" : "The customer journey as sent", snippets);
        output.WriteLine($"Rendered {pages.Count} templates ({pages.Count(p => p.Failure is not null)} could not be rendered with their sample) to {ContentDiscovery.DisplayPath(index, workingDirectory)}");
        if (printer is not null)
        {
            output.WriteLine($"Printed {printed} letters to PDF beside their pages.");
        }
        return CommsLintApp.ExitClean;
    }

    private static PreviewPage Page(Document document, RenderedText rendered, RenderFailure? failure, Configuration configuration, IReadOnlyList<Diagnostics.Finding> findings)
    {
        var touchpoint = document.Touchpoint is { } id ? configuration.Catalog?.FindTouchpoint(id) : null;
        var kind = document.Format switch
        {
            ContentFormat.Html => PreviewKind.Email,
            ContentFormat.Markdown => document.Channel is "letter" ? PreviewKind.Letter : PreviewKind.Page,
            _ => document.Channel is "sms" ? PreviewKind.Sms : PreviewKind.Page,
        };
        string? sms = null;
        var body = rendered.Body;
        string html;
        switch (kind)
        {
            case PreviewKind.Email:
                html = body;
                break;
            case PreviewKind.Letter or PreviewKind.Page when document.Format == ContentFormat.Markdown:
                html = TemplateRenderer.MarkdownToHtml(body);
                break;
            default:
                var text = body.Trim();
                var (encoding, segments, _) = SmsRule.Measure(text);
                sms = $"{text.Length} characters, {encoding}, {segments} segment{(segments == 1 ? string.Empty : "s")}";
                html = WebUtility.HtmlEncode(text);
                break;
        }

        var failureText = failure is null ? null
            : document.Source.GetLocation(new Text.TextRange(failure.Offset, failure.Offset + 1)).Start is var at ? $"{failure.Message} (line {at.Line}, column {at.Column})" : null;
        return new PreviewPage(document.Path, touchpoint?.Stage, document.Touchpoint, document.Channel, document.Locale, kind,
            document.FrontMatter.Get(FrontMatterKeys.From)?.Value ?? configuration.Catalog?.Company,
            rendered.Subject, rendered.Preheader, html, sms,
            failureText,
            findings);
    }
}
