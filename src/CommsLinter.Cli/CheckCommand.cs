using System.CommandLine;
using System.Diagnostics;
using CommsLinter.Content;
using CommsLinter.Content.Catalog;
using CommsLinter.Diagnostics;
using CommsLinter.Pipeline;
using CommsLinter.Reports;
using CommsLinter.Rules;
using CommsLinter.Text;
using Spectre.Console;

namespace CommsLinter.Cli;

/// <summary><c>commslint check</c>: load, check and report.</summary>
internal static class CheckCommand
{
    public static Command Create(TextWriter output, TextWriter error, string workingDirectory, bool interactive)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files or folders to check. Default: content. Coverage gaps are reported only when the whole folder holding the catalog is checked.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var catalog = new Option<string?>("--catalog")
        {
            Description = "The journey catalog. Default: the first touchpoints.yml found in the checked folder or above it.",
            HelpName = "file",
        };
        var styleGuides = new Option<string?>("--styleguides")
        {
            Description = "The folder of style guides (*.style). Default: the first 'styleguides' folder found from the catalog's folder upwards.",
            HelpName = "folder",
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: text (one line per finding, as MSBuild and VS Code read them) or json (docs/json-format.md).",
            DefaultValueFactory = _ => "text",
            HelpName = "text|json",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Exit with 1 when a finding has this severity or a higher one; 'never' always exits 0 unless the configuration is broken.",
            DefaultValueFactory = _ => "error",
            HelpName = "error|warning|suggestion|never",
        };
        failOn.AcceptOnlyFromAmong("error", "warning", "suggestion", "never");
        var noProgress = new Option<bool>("--no-progress")
        {
            Description = "Never show the progress bar (it is shown on a terminal when a run takes longer than a second).",
        };

        var command = new Command("check",
            "Check templates against the journey catalog and report every problem.\n\n" +
            "Examples:\n" +
            "  commslint check                                  # everything under content/\n" +
            "  commslint check content/purchase --format json   # one stage, as JSON\n" +
            "  commslint check --fail-on warning                # CI: warnings fail too\n\n" +
            "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or configuration error.")
        {
            paths, catalog, styleGuides, format, failOn, noProgress,
        };

        command.SetAction(parse => Execute(new CheckOptions(
            parse.GetValue(paths) is { Length: > 0 } given ? given : [Workspace.DefaultContent],
            parse.GetValue(catalog),
            parse.GetValue(styleGuides),
            parse.GetValue(format)!,
            parse.GetValue(failOn)!,
            interactive && !parse.GetValue(noProgress)), output, error, workingDirectory));
        return command;
    }

    private sealed record CheckOptions(string[] Paths, string? Catalog, string? StyleGuides, string Format, string FailOn, bool ShowProgress);

    private static int Execute(CheckOptions options, TextWriter output, TextWriter error, string workingDirectory)
    {
        var clock = Stopwatch.StartNew();
        // Listing the files and reading the catalog are independent: do them side by side.
        var discovery = Task.Run(() => (Files: ContentDiscovery.Discover(options.Paths, workingDirectory, out var missing), Missing: missing));
        var workspace = Workspace.Load(options.Paths, options.Catalog, options.StyleGuides, workingDirectory);
        var (files, missingPaths) = discovery.Result;
        if (missingPaths.Count > 0)
        {
            foreach (var path in missingPaths)
            {
                error.WriteLine($"commslint: error: '{path}' does not exist. Give a file or folder under content/, or run from the repository root.");
            }

            return CommsLintApp.ExitUsage;
        }

        var linter = workspace.CreateLinter();
        var request = workspace.Request(files, options.Paths, workingDirectory);
        var result = options.ShowProgress && options.Format == "text"
            ? RunWithProgress(linter, request, error)
            : linter.Run(request);

        var summary = ReportSummary.From(result.FileCount, result.Findings);
        IReportWriter writer = options.Format == "json"
            ? new JsonReport { ToolVersion = CommsLintApp.Version }
            : new TextReport { UseColor = options.ShowProgress && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")), Elapsed = clock.Elapsed };
        writer.Write(output, result.Findings, summary);

        if (workspace.HasErrors)
        {
            return CommsLintApp.ExitUsage;
        }

        Severity? threshold = options.FailOn switch
        {
            "error" => Severity.Error,
            "warning" => Severity.Warning,
            "suggestion" => Severity.Suggestion,
            _ => null,
        };
        return threshold is { } level && result.Findings.Any(f => f.Severity >= level) ? CommsLintApp.ExitFindings : CommsLintApp.ExitClean;
    }

    /// <summary>Runs the check; if it is still going after a second, shows a progress bar on standard error.</summary>
    private static LintResult RunWithProgress(Linter linter, LintRequest request, TextWriter error)
    {
        var done = 0;
        var run = Task.Run(() => linter.Run(request, count => Volatile.Write(ref done, count)));
        if (run.Wait(TimeSpan.FromSeconds(1)))
        {
            return run.Result;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error) });
        console.Progress().AutoClear(true).Start(context =>
        {
            var task = context.AddTask("Checking templates", maxValue: Math.Max(1, request.Files.Count));
            while (!run.Wait(TimeSpan.FromMilliseconds(100)))
            {
                task.Value = Volatile.Read(ref done);
            }

            task.Value = task.MaxValue;
        });
        return run.Result;
    }
}
