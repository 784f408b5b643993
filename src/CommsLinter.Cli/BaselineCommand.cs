using System.CommandLine;
using CommsLinter.Content;
using CommsLinter.Reports;
using CommsLinter.Engine;

namespace CommsLinter.Cli;

/// <summary><c>commslint baseline</c>: accept today's findings, so that only new ones fail CI.</summary>
internal static class BaselineCommand
{
    public static Command Create(TextWriter output, TextWriter error, string workingDirectory)
    {
        var arguments = new LintArguments();
        var file = new Option<string?>("--out", "-o")
        {
            Description = "The baseline file to write. Default: commslint-baseline.json at the repository root (the folder that holds the catalog's folder).",
            HelpName = "file",
        };
        var command = new Command("baseline",
            "Check the content and record every finding in a baseline file, so that legacy content can adopt CommsLinter without fixing " +
            "everything on day one: `commslint check` then reports only findings that are not in the baseline. A finding is recognised by " +
            "its rule, its file, the text it is about and which occurrence of that text it is, so moving lines does not bring it back; " +
            "changing the text does. Configuration errors and pending reviews (review.*) are never accepted. Commit the file.\n\n" +
            "Examples:\n  commslint baseline\n  commslint check --no-baseline    # every finding, also the accepted ones")
        {
            file,
        };
        arguments.AddTo(command, baseline: false);
        command.SetAction(parse => Execute(arguments.PathsOf(parse), arguments.ConfigurationOf(parse), parse.GetValue(file), output, error, workingDirectory));
        return command;
    }

    private static int Execute(string[] paths, ConfigurationOptions options, string? file, TextWriter output, TextWriter error, string workingDirectory)
    {
        var run = CheckRun.Start(paths, options with { UseBaseline = false }, workingDirectory, error, new CheckOptions());
        if (run is null)
        {
            return CommsLintApp.ExitUsage;
        }

        // A baseline of part of the content would make every finding elsewhere look new.
        if (!run.Configuration.IsWholeCorpus(paths, workingDirectory))
        {
            error.WriteLine("commslint: error: a baseline records the findings of the whole content. Run `commslint baseline` without paths, or give the folder that holds the catalog.");
            return CommsLintApp.ExitUsage;
        }

        if (run.Configuration.HasErrors)
        {
            foreach (var problem in run.Configuration.Findings)
            {
                error.WriteLine($"{problem.Path}({problem.Location.Start.Line},{problem.Location.Start.Column}): {Reports.TextReport.SeverityName(problem.Severity)} {problem.RuleId}: {problem.Message}");
            }

            error.WriteLine("commslint: error: the configuration has errors; fix them before writing a baseline, which never accepts them.");
            return CommsLintApp.ExitUsage;
        }

        var path = file is not null ? Path.GetFullPath(file, workingDirectory)
            : ProjectLayout.BaselinePath(ProjectLayout.CatalogPath(paths, options.Catalog, workingDirectory), null, workingDirectory);
        if (path is null)
        {
            error.WriteLine("commslint: error: no journey catalog found, so the repository root is unknown. Give the file with --out.");
            return CommsLintApp.ExitUsage;
        }

        var configuration = run.Configuration.Findings.ToHashSet();
        var accepted = run.Result.Findings.Where(f => !Rules.Builtin.ApprovalGate.IsGateFinding(f) && !configuration.Contains(f)).ToArray();
        if (!SafeFile.Replace(path, Engine.Baselines.Baseline.Serialize(accepted, run.Result.SourceOf, CommsLintApp.Version), ContentDiscovery.DisplayPath(path, workingDirectory), error))
        {
            return CommsLintApp.ExitUsage;
        }

        output.WriteLine($"Wrote {accepted.Length} findings to {ContentDiscovery.DisplayPath(path, workingDirectory)}. `commslint check` now reports only new ones; commit the file.");
        return CommsLintApp.ExitClean;
    }
}
