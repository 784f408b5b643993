using System.CommandLine;
using System.Globalization;
using CommsLinter.Reports.Html;
using CommsLinter.Engine;

namespace CommsLinter.Cli;

/// <summary><c>commslint report</c>: check, then write the HTML consistency report for the whole team.</summary>
internal static class ReportCommand
{
    public static Command Create(TextWriter output, TextWriter error, string workingDirectory, AppHost host)
    {
        var arguments = new LintArguments();
        var outFolder = new Option<string>("--out", "-o")
        {
            Description = "The folder to write the report to; open index.html in it. It may not be inside or hold the content, and must be new, empty or written by commslint before; " +
                "the pages of an earlier report there are replaced only once every new page is written.",
            DefaultValueFactory = _ => "report",
            HelpName = "folder",
        };
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Exit with 1 when a finding has this severity or a higher one, after writing the report. Default: never.",
            DefaultValueFactory = _ => "never",
            HelpName = "error|warning|suggestion|never",
        };
        failOn.AcceptOnlyFromAmong("error", "warning", "suggestion", "never");
        var command = new Command("report",
            "Check the templates and write the consistency report: a static folder that opens from disk in a browser, with no server " +
            "and no network. index.html is laid out like a code editor: an explorer by stage, touchpoint and template with finding counts, " +
            "the source of the selected template with every finding underlined, and a problems panel filtered by severity, rule, team, " +
            "locale and channel (F8 or j/k move between findings). The journey map, facts, parity, teams and legal pages give the overview. " +
            "Template text is escaped; nothing in a template runs in the report.\n\n" +
            "Examples:\n  commslint report --out report/\n  commslint report content/purchase --out out/purchase-report\n\n" +
            "Exit codes: 0 written, 1 findings at or above --fail-on, 2 usage or configuration error (the report is still written).")
        {
            outFolder, failOn,
        };
        arguments.AddTo(command);
        command.SetAction(parse => Execute(arguments.PathsOf(parse), arguments.ConfigurationOf(parse),
            parse.GetValue(outFolder)!, parse.GetValue(failOn)!, output, error, workingDirectory, host));
        return command;
    }

    private static int Execute(string[] paths, ConfigurationOptions configuration, string outFolder, string failOn, TextWriter output, TextWriter error, string workingDirectory, AppHost host)
    {
        var started = host.Time.GetTimestamp();
        if (OutputFolder.Refusal(outFolder, "report folder", "report/", paths, configuration.Catalog, configuration.StyleGuides, workingDirectory) is { } refusal)
        {
            error.WriteLine($"commslint: error: {refusal}");
            return CommsLintApp.ExitUsage;
        }

        var run = CheckRun.Start(paths, configuration, workingDirectory, error, new CheckOptions { KeepDocuments = true });
        if (run is null)
        {
            return CommsLintApp.ExitUsage;
        }

        var report = run.Report();
        var written = 0;
        if (!OutputFolder.TryWrite(Path.GetFullPath(outFolder, workingDirectory), "report", outFolder, pages => written = HtmlReport.Write(pages.Write, report), error))
        {
            return CommsLintApp.ExitUsage;
        }

        var summary = report.Summary;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Wrote the report ({written} pages) to {Path.Combine(outFolder, "index.html")} in {host.Time.GetElapsedTime(started).TotalSeconds:0.00} s: {summary.Files} files, {summary.Errors} errors, {summary.Warnings} warnings, {summary.Suggestions} suggestions."));
        return run.Configuration.HasErrors ? CommsLintApp.ExitUsage
            : CheckCommand.Threshold(failOn) is { } level && report.Findings.Any(f => f.Severity >= level) ? CommsLintApp.ExitFindings
            : CommsLintApp.ExitClean;
    }
}
