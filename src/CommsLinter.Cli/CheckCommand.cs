using System.CommandLine;
using CommsLinter.Content;
using CommsLinter.Diagnostics;
using CommsLinter.Engine;
using CommsLinter.Engine.Fixes;
using CommsLinter.Engine.Live;
using CommsLinter.Reports;
using Spectre.Console;

namespace CommsLinter.Cli;

/// <summary><c>commslint check</c>: load, check and report.</summary>
internal static class CheckCommand
{
    public static Command Create(TextWriter output, TextWriter error, string workingDirectory, bool interactive, AppHost host)
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

        var fix = new Option<bool>("--fix")
        {
            Description = "Apply every safe fix (prefer, capitalization, facts), writing each file whole, then check again and report what is left; " +
                "spelling suggestions are never applied. Says on standard error what it changed. A fix never touches Liquid, markup or front-matter keys. docs/fixes.md.",
        };
        var dryRun = new Option<bool>("--dry-run")
        {
            Description = "With --fix: write nothing, print what --fix would change as a unified diff. Exit code 1 when there is something to fix, 0 when there is not.",
        };

        var watch = new Option<bool>("--watch", "-w")
        {
            Description = "Keep checking: after the first report, check again whenever a template, snippet, style guide, the catalog, a sample, " +
                "the ledger or the baseline is saved, and print only the findings that appeared (+) or went (-). Ctrl+C stops it; the exit code is the last check's.",
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
            "  commslint check --cache                          # re-check only what changed since the last run\n" +
            "  commslint check --fix                            # apply the safe fixes, then report what is left\n" +
            "  commslint check --fix --dry-run                  # show the safe fixes as a diff, change nothing\n" +
            "  commslint check --watch                          # check again on every save, print what changed\n\n" +
            "Exit codes: 0 clean, 1 findings at or above --fail-on (with --fix --dry-run: something to fix), 2 usage or configuration error " +
            "(with --fix: also a file that could not be written).")
        {
            format, failOn, noProgress, ci, changedSince, cache, cacheLocation, fix, dryRun, watch,
        };
        arguments.AddTo(command);

        command.SetAction((parse, stop) => Execute(new CommandOptions(
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
            parse.GetValue(changedSince),
            parse.GetValue(fix),
            parse.GetValue(dryRun),
            parse.GetValue(watch)), output, error, workingDirectory, host, stop));
        return command;
    }

    private static readonly string[] Formats = ["text", "json", "sarif", "github", "markdown", "junit"];

    private sealed record CommandOptions(string[] Paths, ConfigurationOptions Configuration, string Format, string FailOn, bool OnTerminal, bool ShowProgress, bool Ci, string? ChangedSince,
        bool Fix, bool DryRun, bool Watch);

    private static async Task<int> Execute(CommandOptions options, TextWriter output, TextWriter error, string workingDirectory, AppHost host, CancellationToken stop)
    {
        if (options.DryRun && !options.Fix)
        {
            error.WriteLine("commslint: error: --dry-run shows what --fix would change, so it needs --fix: commslint check --fix --dry-run.");
            return CommsLintApp.ExitUsage;
        }

        if (options.Watch)
        {
            return await Watch(options, output, error, workingDirectory, host, stop).ConfigureAwait(false);
        }

        var started = host.Time.GetTimestamp();
        HashSet<string>? changed = null;
        if (options.ChangedSince is { } revision && (changed = GitChanges.Since(revision, GitFolder(options.Paths, workingDirectory), out var problem)) is null)
        {
            error.WriteLine($"commslint: error: --changed-since {revision}: {problem}");
            return CommsLintApp.ExitUsage;
        }

        var check = new CheckOptions { Ci = options.Ci, ChangedFiles = changed, Time = host.Time };
        // A fix is made of offsets into the text a check read: the cache, which stands for a file without reading it, is not used.
        var configuration = options.Fix ? options.Configuration with { UseCache = false } : options.Configuration;
        CheckRun? Check() => options.ShowProgress && options.Format == "text"
            ? RunWithProgress(options.Paths, configuration, check, workingDirectory, error, host)
            : CheckRun.Start(options.Paths, configuration, workingDirectory, error, check);
        // With --changed-since, only the files it names are fixed.
        bool MayFix(string path) => changed is null || changed.Contains(Path.GetFullPath(path, workingDirectory));

        if (options.DryRun)
        {
            return FixOutput.DryRun(Check(), MayFix, output, error);
        }

        var fixes = options.Fix ? FixPasses.Run(Check, MayFix, workingDirectory, error) : null;
        var run = options.Fix ? fixes?.Final : Check();
        if (run is null)
        {
            return CommsLintApp.ExitUsage;
        }

        if (fixes is not null)
        {
            error.WriteLine(FixOutput.Summary(fixes, run));
        }

        var threshold = Threshold(options.FailOn);
        IReportWriter writer = options.Format switch
        {
            "json" => new JsonReport { ToolVersion = CommsLintApp.Version },
            "sarif" => new SarifReport { ToolVersion = CommsLintApp.Version, HelpBaseUri = DocsUri(host.Variable) },
            "github" => new GitHubReport(),
            "markdown" => new MarkdownReport(),
            "junit" => new JUnitReport { FailOn = threshold },
            _ => new TextReport
            {
                UseColor = host.UseColor(options.OnTerminal),
                Elapsed = host.Time.GetElapsedTime(started),
                Scope = changed is null ? null : ScopeOf(run.Result.Summaries.Count(d => changed.Contains(Path.GetFullPath(d.Path, workingDirectory))), options.ChangedSince!, run.Result.FileCount),
            },
        };
        writer.Write(output, run.Report());
        run.Finish(error);

        return fixes?.NotWritten > 0 ? CommsLintApp.ExitUsage : ExitCode(run.Configuration, run.Result.Findings, threshold);
    }

    /// <summary>What a check exits with: 2 when the configuration is broken, 1 with findings at or above the threshold, else 0.</summary>
    private static int ExitCode(Configuration configuration, IReadOnlyList<Finding> findings, Severity? threshold) =>
        configuration.HasErrors ? CommsLintApp.ExitUsage
        : threshold is { } level && findings.Any(f => f.Severity >= level) ? CommsLintApp.ExitFindings
        : CommsLintApp.ExitClean;

    /// <summary>How long a batch of changes waits for more before it is checked: an editor saves in several steps.</summary>
    private static readonly TimeSpan QuietSpell = TimeSpan.FromMilliseconds(150);

    /// <summary><c>check --watch</c>: the first report, then what each batch of saved files changed, until Ctrl+C.</summary>
    private static async Task<int> Watch(CommandOptions options, TextWriter output, TextWriter error, string workingDirectory, AppHost host, CancellationToken stop)
    {
        string? conflict = options.Fix ? "--fix" : options.ChangedSince is not null ? "--changed-since" : options.Format != "text" ? $"--format {options.Format}"
            : options.Configuration.UseCache ? "--cache" : null;
        if (conflict is not null)
        {
            error.WriteLine($"commslint: error: --watch prints findings as text as files change; it cannot be combined with {conflict}. Run them separately.");
            return CommsLintApp.ExitUsage;
        }

        // The repository root holds the content, and usually the style guides, the ledger and the baseline; those given elsewhere are watched too.
        // The watchers start before the first check, so that what is saved while it runs is taken in after it.
        var where = ProjectLayout.Locate(options.Paths, options.Configuration, workingDirectory);
        var root = ProjectLayout.RepositoryRootOf(where.CatalogPath) ?? workingDirectory;
        using var changes = new DiskChanges([root, .. options.Paths.Select(p => Path.GetFullPath(p, workingDirectory)).Where(Directory.Exists),
            .. new[] { where.StyleFolder, Path.GetDirectoryName(where.LedgerPath), Path.GetDirectoryName(where.BaselinePath) }.OfType<string>()]);
        var workspace = LiveWorkspace.Open(options.Paths, options.Configuration, workingDirectory, options.Ci);
        foreach (var path in workspace.MissingPaths)
        {
            error.WriteLine($"commslint: error: '{path}' does not exist. Give a file or folder under content/, or run from the repository root.");
        }

        if (workspace.MissingPaths.Count > 0)
        {
            return CommsLintApp.ExitUsage;
        }

        using var stopped = CancellationTokenSource.CreateLinkedTokenSource(stop, host.Stop);
        var lines = new TextReport { UseColor = host.UseColor(options.OnTerminal) };
        await new CheckWatch(workspace, lines, output, error, host.Time)
            .RunAsync(cancellation => changes.NextAsync(host.Time, QuietSpell, cancellation), ContentDiscovery.DisplayPath(root, workingDirectory), stopped.Token)
            .ConfigureAwait(false);
        return ExitCode(workspace.Configuration, workspace.Findings, Threshold(options.FailOn));
    }

    /// <summary>
    /// Where git is asked about changes: the working directory when every checked path is inside it,
    /// else the folder of the first path (a check of a folder elsewhere).
    /// </summary>
    private static string GitFolder(IReadOnlyList<string> paths, string workingDirectory)
    {
        var full = paths.Select(p => Path.GetFullPath(p, workingDirectory)).ToArray();
        if (full.All(p => ContentDiscovery.IsSameOrInside(p, workingDirectory)))
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
    private static Uri? DocsUri(Func<string, string?> variable)
    {
        var given = variable("COMMSLINT_DOCS_URI");
        if (string.IsNullOrEmpty(given) && variable("GITHUB_SERVER_URL") is { Length: > 0 } server
            && variable("GITHUB_REPOSITORY") is { Length: > 0 } repository
            && variable("GITHUB_SHA") is { Length: > 0 } sha)
        {
            given = $"{server}/{repository}/blob/{sha}/";
        }

        return Uri.TryCreate(given?.EndsWith('/') == false ? given + "/" : given, UriKind.Absolute, out var uri) ? uri : null;
    }

    /// <summary>Runs the check; if it is still going after <see cref="AppHost.ProgressAfter"/>, shows a progress bar on standard error.</summary>
    private static CheckRun? RunWithProgress(string[] paths, ConfigurationOptions configuration, CheckOptions check, string workingDirectory, TextWriter error, AppHost host)
    {
        var done = 0;
        var total = 0;
        var run = Task.Run(() => CheckRun.Start(paths, configuration, workingDirectory, error,
            check with { Progress = (count, of) => { Volatile.Write(ref total, of); Volatile.Write(ref done, count); } }));
        if (run.Wait(host.ProgressAfter))
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
