using System.CommandLine;
using System.Diagnostics;
using CommsLinter.Diagnostics;
using CommsLinter.Engine;
using CommsLinter.Reports;
using Spectre.Console;

namespace CommsLinter.Cli;

/// <summary><c>commslint check</c>: load, check and report.</summary>
internal static class CheckCommand
{
    public static Command Create(TextWriter output, TextWriter error, string workingDirectory, bool interactive)
    {
        var arguments = new LintArguments();
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: text (one line per finding, as MSBuild and VS Code read them), json (docs/json-format.md), " +
                "sarif (SARIF 2.1.0 for code scanning), github (GitHub Actions annotations), markdown (a summary for a pull-request comment) " +
                "or junit (JUnit XML for CI dashboards). docs/reports.md describes each.",
            DefaultValueFactory = _ => "text",
            HelpName = string.Join('|', Formats),
        };
        format.AcceptOnlyFromAmong(Formats);
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

        var ci = new Option<bool>("--ci")
        {
            Description = "The CI gate: a template that a team must review (a legal-review touchpoint, or flagged by a rule marked 'review') " +
                "and whose current text has no approval in the ledger is an error (review.legal-pending), not a warning. Implies --no-progress. docs/approvals.md.",
        };

        var changedSince = new Option<string?>("--changed-since")
        {
            Description = "Run the per-file rules only on files that differ from this git revision (changed, added, renamed or untracked, " +
                "with uncommitted edits), such as origin/main. Every file is still read, so the corpus rules (facts, parity, coverage, duplicates) see the whole content.",
            HelpName = "revision",
        };

        var cache = new Option<bool>("--cache")
        {
            Description = "Keep what each file's checks found in .commslint/ at the repository root, and on the next run read only the files " +
                "whose text changed; the corpus rules still compare every file. A change to the catalog, a style guide, a dictionary, a snippet, " +
                "a sample or commslint itself starts afresh. docs/cache.md.",
        };
        var cacheLocation = new Option<string?>("--cache-location")
        {
            Description = "The cache's folder, for a CI cache step (implies --cache). Default: .commslint/ at the repository root.",
            HelpName = "folder",
        };

        var command = new Command("check",
            "Check templates against the journey catalog and report every problem.\n\n" +
            "Examples:\n" +
            "  commslint check                                  # everything under content/\n" +
            "  commslint check content/purchase --format json   # one stage, as JSON\n" +
            "  commslint check --fail-on warning                # CI: warnings fail too\n" +
            "  commslint check --format sarif > commslint.sarif # for GitHub code scanning\n" +
            "  commslint check --format github                  # annotations in a GitHub Actions run\n" +
            "  commslint check --ci                             # CI: also fails when reviewed text changed without a new approval\n" +
            "  commslint check --changed-since origin/main      # a pull request: per-file rules on what it changed\n" +
            "  commslint check --cache                          # re-check only what changed since the last run\n\n" +
            "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or configuration error.")
        {
            format, failOn, noProgress, ci, changedSince, cache, cacheLocation,
        };
        arguments.AddTo(command);

        command.SetAction(parse => Execute(new CommandOptions(
            arguments.PathsOf(parse),
            arguments.ConfigurationOf(parse) with
            {
                UseCache = parse.GetValue(cache) || parse.GetValue(cacheLocation) is not null,
                CacheLocation = parse.GetValue(cacheLocation),
            },
            parse.GetValue(format)!,
            parse.GetValue(failOn)!,
            interactive,
            interactive && !parse.GetValue(noProgress) && !parse.GetValue(ci),
            parse.GetValue(ci),
            parse.GetValue(changedSince)), output, error, workingDirectory));
        return command;
    }

    private static readonly string[] Formats = ["text", "json", "sarif", "github", "markdown", "junit"];

    private sealed record CommandOptions(string[] Paths, ConfigurationOptions Configuration, string Format, string FailOn, bool OnTerminal, bool ShowProgress, bool Ci, string? ChangedSince);

    private static int Execute(CommandOptions options, TextWriter output, TextWriter error, string workingDirectory)
    {
        var clock = Stopwatch.StartNew();
        HashSet<string>? changed = null;
        if (options.ChangedSince is { } revision && (changed = GitChanges.Since(revision, GitFolder(options.Paths, workingDirectory), out var problem)) is null)
        {
            error.WriteLine($"commslint: error: --changed-since {revision}: {problem}");
            return CommsLintApp.ExitUsage;
        }

        var check = new CheckOptions { Ci = options.Ci, ChangedFiles = changed };
        var run = options.ShowProgress && options.Format == "text"
            ? RunWithProgress(options, check, workingDirectory, error)
            : CheckRun.Start(options.Paths, options.Configuration, workingDirectory, error, check);
        if (run is null)
        {
            return CommsLintApp.ExitUsage;
        }

        var threshold = Threshold(options.FailOn);
        IReportWriter writer = options.Format switch
        {
            "json" => new JsonReport { ToolVersion = CommsLintApp.Version },
            "sarif" => new SarifReport { ToolVersion = CommsLintApp.Version, HelpBaseUri = DocsUri() },
            "github" => new GitHubReport(),
            "markdown" => new MarkdownReport(),
            "junit" => new JUnitReport { FailOn = threshold },
            _ => new TextReport
            {
                UseColor = options.OnTerminal && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")),
                Elapsed = clock.Elapsed,
                Scope = changed is null ? null : ScopeOf(run.Result.Summaries.Count(d => changed.Contains(Path.GetFullPath(d.Path, workingDirectory))), options.ChangedSince!, run.Result.FileCount),
            },
        };
        writer.Write(output, run.Report());
        run.Finish(error);

        return run.Configuration.HasErrors ? CommsLintApp.ExitUsage
            : threshold is { } level && run.Result.Findings.Any(f => f.Severity >= level) ? CommsLintApp.ExitFindings
            : CommsLintApp.ExitClean;
    }

    /// <summary>
    /// Where git is asked about changes: the working directory when every checked path is inside it,
    /// else the folder of the first path (a check of a folder elsewhere).
    /// </summary>
    private static string GitFolder(IReadOnlyList<string> paths, string workingDirectory)
    {
        var full = paths.Select(p => Path.GetFullPath(p, workingDirectory)).ToArray();
        if (full.All(p => ProjectLayout.IsSameOrInside(p, workingDirectory)))
        {
            return workingDirectory;
        }

        return Directory.Exists(full[0]) ? full[0] : Path.GetDirectoryName(full[0]) is { } folder && Directory.Exists(folder) ? folder : workingDirectory;
    }

    private static string ScopeOf(int changed, string revision, int files) =>
        $"Per-file rules ran on {changed} {(changed == 1 ? "file" : "files")} changed since {revision}; corpus rules on all {files}.";

    /// <summary>The severity at which a run fails; null for 'never'.</summary>
    public static Severity? Threshold(string failOn) => failOn switch
    {
        "error" => Severity.Error,
        "warning" => Severity.Warning,
        "suggestion" => Severity.Suggestion,
        _ => null,
    };

    /// <summary>
    /// Where the rule pages can be read, for SARIF's helpUri: COMMSLINT_DOCS_URI, or in a GitHub Actions
    /// run the repository's files at the checked-out commit.
    /// </summary>
    private static Uri? DocsUri()
    {
        var given = Environment.GetEnvironmentVariable("COMMSLINT_DOCS_URI");
        if (string.IsNullOrEmpty(given) && Environment.GetEnvironmentVariable("GITHUB_SERVER_URL") is { Length: > 0 } server
            && Environment.GetEnvironmentVariable("GITHUB_REPOSITORY") is { Length: > 0 } repository
            && Environment.GetEnvironmentVariable("GITHUB_SHA") is { Length: > 0 } sha)
        {
            given = $"{server}/{repository}/blob/{sha}/";
        }

        return Uri.TryCreate(given?.EndsWith('/') == false ? given + "/" : given, UriKind.Absolute, out var uri) ? uri : null;
    }

    /// <summary>How long a check on a terminal runs before it shows a progress bar; tests shorten it.</summary>
    internal static TimeSpan ProgressAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Runs the check; if it is still going after <see cref="ProgressAfter"/>, shows a progress bar on standard error.</summary>
    private static CheckRun? RunWithProgress(CommandOptions options, CheckOptions check, string workingDirectory, TextWriter error)
    {
        var done = 0;
        var total = 0;
        var run = Task.Run(() => CheckRun.Start(options.Paths, options.Configuration, workingDirectory, error,
            check with { Progress = (count, of) => { Volatile.Write(ref total, of); Volatile.Write(ref done, count); } }));
        if (run.Wait(ProgressAfter))
        {
            return run.Result;
        }

        // Only called when standard error is a terminal, so the console need not guess.
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error), Interactive = InteractionSupport.Yes, Ansi = AnsiSupport.Yes });
        console.Progress().AutoClear(true).Start(context =>
        {
            var task = context.AddTask("Checking templates", maxValue: 1);
            while (!run.Wait(TimeSpan.FromMilliseconds(100)))
            {
                task.MaxValue = Math.Max(1, Volatile.Read(ref total));
                task.Value = Volatile.Read(ref done);
            }

            task.Value = task.MaxValue;
        });
        return run.Result;
    }
}
