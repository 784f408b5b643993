using System.CommandLine;
using CommsLinter.Engine;
using CommsLinter.Reports;
using CommsLinter.Rules.Builtin;

namespace CommsLinter.Cli;

/// <summary>The arguments every command that checks content takes: what to check, the catalog and the style guides.</summary>
internal sealed class LintArguments
{
    public Argument<string[]> Paths { get; } = new("paths")
    {
        Description = "Files or folders to check. Default: content. Coverage gaps are reported only when the whole folder holding the catalog is checked.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string?> Catalog { get; } = new("--catalog")
    {
        Description = "The journey catalog. Default: the first touchpoints.yml found in the checked folder or above it.",
        HelpName = "file",
    };

    public Option<string?> StyleGuides { get; } = new("--styleguides")
    {
        Description = "The folder of style guides (*.style). Default: the first 'styleguides' folder found from the catalog's folder upwards.",
        HelpName = "folder",
    };

    public Option<string?> Approvals { get; } = new("--approvals")
    {
        Description = "The approvals ledger (docs/approvals.md). Default: approvals.yml in the folder that holds the catalog's folder (the repository root).",
        HelpName = "file",
    };

    public Option<string?> Baseline { get; } = new("--baseline")
    {
        Description = "The baseline of accepted findings (commslint baseline, docs/baseline.md): findings in it are not reported. Default: commslint-baseline.json at the repository root, when it exists.",
        HelpName = "file",
    };

    public Option<bool> NoBaseline { get; } = new("--no-baseline")
    {
        Description = "Report every finding, also those in the baseline.",
    };

    public void AddTo(Command command, bool baseline = true)
    {
        command.Add(Paths);
        command.Add(Catalog);
        command.Add(StyleGuides);
        command.Add(Approvals);
        if (baseline)
        {
            command.Add(Baseline);
            command.Add(NoBaseline);
        }
    }

    /// <summary>Where the configuration is, as the options give it.</summary>
    public ConfigurationOptions ConfigurationOf(ParseResult parse) =>
        new(parse.GetValue(Catalog), parse.GetValue(StyleGuides), parse.GetValue(Approvals), parse.GetValue(Baseline), !parse.GetValue(NoBaseline));

    public string[] PathsOf(ParseResult parse) => parse.GetValue(Paths) is { Length: > 0 } given ? given : [ProjectLayout.DefaultContent];
}

/// <summary>What every report format is written from, for a batch check.</summary>
internal static class CheckRunReports
{
    public static ReportData Report(this CheckRun run)
    {
        var (configuration, result) = (run.Configuration, run.Result);
        return new ReportData(result.Findings, result.FileCount, configuration.RuleDescriptors)
        {
            Catalog = configuration.Catalog,
            Documents = result.Documents,
            Summaries = result.Summaries,
            SourceOf = result.SourceOf,
            Facts = [.. configuration.Style.Facts.Values.OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => new FactEntry(f.Name, f.Kind.ToString().ToLowerInvariant(), f.Value))],
            FindSnippetUsers = () => SnippetUsers(run),
            Reviews = result.Reviews,
            Baselined = result.Baselined,
        };
    }

    private static Dictionary<string, IReadOnlyList<string>> SnippetUsers(CheckRun run)
    {
        if (run.Configuration.Snippets is not { } library)
        {
            return [];
        }

        var users = IncludeCheck.UsedBy(run.Result.Summaries, library);
        return library.Snippets.ToDictionary(s => s.DisplayPath, s => users.GetValueOrDefault(s.Name) ?? [], StringComparer.Ordinal);
    }
}
