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
using CommsLinter.Text;

namespace CommsLinter.Cli;

/// <summary><c>commslint render</c>: the document generator. Every template rendered with its sample, with an index.</summary>
internal static class RenderCommand
{
    public static Command Create(TextWriter output, TextWriter error, string workingDirectory)
    {
        var paths = new Argument<string[]>("paths") { Description = "Templates or folders to render. Default: content.", Arity = ArgumentArity.ZeroOrMore };
        var outFolder = new Option<string>("--out", "-o")
        {
            Description = "The folder to write the pages and index.html to. It may not be inside or hold the content, and must be new, empty or written by commslint before; " +
                "the pages of an earlier run there are replaced only once every new page is written.",
            DefaultValueFactory = _ => "out/preview",
            HelpName = "folder",
        };
        var sample = new Option<string?>("--sample") { Description = "A JSON sample to render every template with, instead of each template's own (front matter 'sample:' or its touchpoint's).", HelpName = "file" };
        var catalog = new Option<string?>("--catalog") { Description = "The journey catalog. Default: found from the paths upwards.", HelpName = "file" };
        var styleGuides = new Option<string?>("--styleguides") { Description = "The folder of style guides whose findings are shown beside each page. Default: found from the catalog upwards.", HelpName = "folder" };
        var pdf = new Option<bool>("--pdf") { Description = "Also print letters to PDF (A4) with a headless Chromium (Debian: apt-get install chromium; or set COMMSLINT_CHROMIUM)." };
        var remoteImages = new Option<bool>("--remote-images")
        {
            Description = "Let previews load the templates' images from https addresses, as the customer's mail client would. " +
                "By default a preview loads nothing from the network, and says which images it left out.",
        };
        var command = new Command("render",
            "Render every template as the customer receives it, with its sample data, into a folder of HTML pages with an index by stage, " +
            "touchpoint and locale. E-mails show from, subject and preheader above the body at desktop and mobile widths; SMS show the text " +
            "with its segments and encoding; letters are A4 pages. Each page lists the template's findings. Template HTML is shown in a " +
            "sandboxed frame, so nothing in a template runs, and nothing is loaded from the network (--remote-images lets https images load).\n\n" +
            "Examples:\n  commslint render --out out/preview\n  commslint render --remote-images --out out/preview\n  commslint render content/after-purchase/invoice/letter.pl.md --sample content/samples/invoice.json --out out/one --pdf")
        {
            paths, outFolder, sample, catalog, styleGuides, pdf, remoteImages,
        };
        command.SetAction(parse => Execute(
            parse.GetValue(paths) is { Length: > 0 } given ? given : [ProjectLayout.DefaultContent],
            parse.GetValue(outFolder)!, parse.GetValue(sample), parse.GetValue(catalog), parse.GetValue(styleGuides), parse.GetValue(pdf), parse.GetValue(remoteImages), output, error, workingDirectory));
        return command;
    }

    private static int Execute(string[] paths, string outFolder, string? sampleOption, string? catalogOption, string? styleGuides, bool pdf, bool remoteImages, TextWriter output, TextWriter error, string workingDirectory)
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

        if (OutputFolder.Refusal(outFolder, "preview folder", "out/preview", paths, catalogOption, styleGuides, workingDirectory) is { } refusal)
        {
            error.WriteLine($"commslint: error: {refusal}");
            return CommsLintApp.ExitUsage;
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
            try
            {
                if (forced is null && configuration.Rendering?.Result(document, context) is { } own)
                {
                    (rendered, failure) = (own.Text, own.Failure);
                }
                else
                {
                    rendered = renderer.Render(document, forced?.Data, out failure);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failure of the renderer itself, not of the template's Liquid: the page shows the template as written.
                (rendered, failure) = (AsWritten(document), new RenderFailure(ex.Message, BodyStart(document)));
            }

            pages.Add(Page(document, rendered, failure, configuration, [.. findingsByPath[document.Path]], out var failed));
            if (failed is var (message, at))
            {
                error.WriteLine($"{document.Path}({at.Line},{at.Column}): error {RenderCheck.Failed.Id}: {message.TrimEnd('.')}. The preview shows the template as written.");
            }
        }

        var unread = Unread(paths, workingDirectory, result);
        foreach (var finding in unread)
        {
            error.WriteLine($"{finding.Path}({finding.Location.Start.Line},{finding.Location.Start.Column}): error {RenderCheck.Failed.Id}: Not rendered: the template could not be read ({finding.RuleId}: {finding.Message})");
        }

        var snippets = configuration.Snippets is { } library
            ? Rules.Builtin.IncludeCheck.UsedBy(result.Summaries, library).Select(u => new SnippetUse(u.Key, library.Resolve(u.Key)!.DisplayPath, u.Value)).ToList()
            : null;
        var title = configuration.Catalog?.Company is { } company ? $"{company}: the customer journey as sent" : "The customer journey as sent";
        var folder = Path.GetFullPath(outFolder, workingDirectory);
        var printed = 0;
        if (!OutputFolder.TryWrite(folder, "preview", outFolder, site =>
        {
            printed = printer is null ? 0 : Print(printer, pages, site, remoteImages, error);
            PreviewSite.Write(site.Write, pages, title, snippets, remoteImages);
        }, error))
        {
            return CommsLintApp.ExitUsage;
        }

        var notRead = unread.Count > 0 ? $"; {unread.Count} could not be read, listed above" : string.Empty;
        output.WriteLine($"Rendered {pages.Count} templates ({pages.Count(p => p.Failure is not null)} could not be rendered with their sample{notRead}) to {ContentDiscovery.DisplayPath(Path.Combine(folder, PreviewSite.IndexFile), workingDirectory)}");
        if (printer is not null)
        {
            output.WriteLine($"Printed {printed} letters to PDF beside their pages.");
        }
        return CommsLintApp.ExitClean;
    }

    /// <summary>Prints each letter to PDF beside its page; returns how many were printed.</summary>
    private static int Print(PdfPrinter printer, List<PreviewPage> pages, OutputFolder site, bool remoteImages, TextWriter error)
    {
        var printed = 0;
        for (var i = 0; i < pages.Count; i++)
        {
            if (pages[i].Kind != PreviewKind.Letter)
            {
                continue;
            }

            var file = pages[i].Path + ".pdf";
            site.Write(pages[i].Path + ".print.html", PreviewSite.PrintableLetter(pages[i], remoteImages));
            if (printer.Print(site.PathOf(pages[i].Path + ".print.html"), site.PathOf(file)) is { } problem)
            {
                error.WriteLine($"{pages[i].Path}: warning render.pdf: not printed to PDF: {problem}");
                continue;
            }

            pages[i] = pages[i] with { PdfFile = file };
            printed++;
        }

        return printed;
    }

    /// <summary>
    /// The templates under the paths that could not be read at all (not valid text, too deep, ...), each with the
    /// first error that says why: they have no page, so they are named instead of being left out in silence.
    /// </summary>
    private static List<Diagnostics.Finding> Unread(string[] paths, string workingDirectory, Engine.Stages.LintResult result)
    {
        var read = result.Documents.Select(d => d.Path).ToHashSet(StringComparer.Ordinal);
        var errors = result.Findings.Where(f => f.Severity == Diagnostics.Severity.Error).ToLookup(f => f.Path, StringComparer.Ordinal);
        return [.. ContentDiscovery.Discover(paths, workingDirectory, out _)
            .Where(f => f.Kind == DocumentKind.Template && !read.Contains(f.DisplayPath))
            .Select(f => errors[f.DisplayPath].FirstOrDefault() ?? RenderCheck.Failed.At(f.DisplayPath, new Location(new(1, 1), new(1, 1)), "it could not be read"))];
    }

    /// <summary>What the customer receives from one template; <paramref name="failed"/> says why and where rendering stopped, when it did.</summary>
    private static PreviewPage Page(Document document, RenderedText rendered, RenderFailure? failure, Configuration configuration, IReadOnlyList<Diagnostics.Finding> findings, out (string Message, LinePosition At)? failed)
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
                RenderFailure? markdownFailure;
                try
                {
                    html = TemplateRenderer.MarkdownToHtml(document, rendered, out markdownFailure);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    markdownFailure = new RenderFailure($"the rendered Markdown cannot be shown: {ex.Message}", BodyStart(document));
                    html = string.Empty;
                }

                if (markdownFailure is not null)
                {
                    // Markdig refuses text nested too deeply, which a loop can render from a harmless template: show the template.
                    failure ??= markdownFailure;
                    html = $"<pre>{WebUtility.HtmlEncode(document.Source.Text[BodyStart(document)..])}</pre>";
                }

                break;
            default:
                var text = body.Trim();
                var (encoding, segments, _) = SmsRule.Measure(text);
                sms = $"{text.Length} characters, {encoding}, {segments} segment{(segments == 1 ? string.Empty : "s")}";
                html = WebUtility.HtmlEncode(text);
                break;
        }

        failed = failure is null ? null : (failure.Message, document.Source.GetLocation(new TextRange(failure.Offset, failure.Offset + 1)).Start);
        return new PreviewPage(document.Path, touchpoint?.Stage, document.Touchpoint, document.Channel, document.Locale, kind,
            document.FrontMatter.Get(FrontMatterKeys.From)?.Value ?? configuration.Catalog?.Company,
            rendered.Subject, rendered.Preheader, html, sms,
            failed is var (message, at) ? $"{message} (line {at.Line}, column {at.Column})" : null,
            findings)
        {
            RemoteImages = kind == PreviewKind.Sms ? [] : RemoteImages.In(html),
        };
    }

    /// <summary>The template as written, for a page when rendering failed.</summary>
    private static RenderedText AsWritten(Document document) =>
        new(document.FrontMatter.Get(FrontMatterKeys.Subject)?.Value, document.FrontMatter.Get(FrontMatterKeys.Preheader)?.Value, document.Source.Text[BodyStart(document)..]);

    private static int BodyStart(Document document) => document.FrontMatter.IsPresent ? document.FrontMatter.Range.End : 0;
}
