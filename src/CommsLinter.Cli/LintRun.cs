using System.CommandLine;
using CommsLinter.Content;
using CommsLinter.Pipeline;
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

    public void AddTo(Command command)
    {
        command.Add(Paths);
        command.Add(Catalog);
        command.Add(StyleGuides);
    }

    public string[] PathsOf(ParseResult parse) => parse.GetValue(Paths) is { Length: > 0 } given ? given : [Workspace.DefaultContent];
}

/// <summary>One check of the content: the workspace it ran in and what it found.</summary>
internal sealed record LintRun(Workspace Workspace, LintResult Result)
{
    /// <summary>
    /// Finds the files and the configuration, then runs <paramref name="run"/>; null (after saying why on
    /// <paramref name="error"/>) when a path does not exist.
    /// </summary>
    public static LintRun? Start(IReadOnlyList<string> paths, string? catalog, string? styleGuides, string workingDirectory, TextWriter error, Func<Linter, LintRequest, LintResult> run)
    {
        // Listing the files and reading the catalog are independent: do them side by side.
        var discovery = Task.Run(() => (Files: ContentDiscovery.Discover(paths, workingDirectory, out var missing), Missing: missing));
        var workspace = Workspace.Load(paths, catalog, styleGuides, workingDirectory);
        var (files, missingPaths) = discovery.Result;
        foreach (var path in missingPaths)
        {
            error.WriteLine($"commslint: error: '{path}' does not exist. Give a file or folder under content/, or run from the repository root.");
        }

        return missingPaths.Count > 0 ? null : new LintRun(workspace, run(workspace.CreateLinter(), workspace.Request(files, paths, workingDirectory)));
    }

    /// <summary>What every report format is written from.</summary>
    public ReportData Report() => new(Result.Findings, Result.FileCount, Workspace.RuleDescriptors)
    {
        Catalog = Workspace.Catalog,
        Documents = Result.Documents,
        Facts = [.. Workspace.Style.Facts.Values.OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => new FactEntry(f.Name, f.Kind.ToString().ToLowerInvariant(), f.Value))],
        SnippetUsers = SnippetUsers(),
    };

    private Dictionary<string, IReadOnlyList<string>> SnippetUsers()
    {
        if (Workspace.Snippets is not { } library)
        {
            return [];
        }

        var users = IncludeCheck.UsedBy(Result.Documents, library);
        return library.Snippets.ToDictionary(s => s.DisplayPath, s => users.GetValueOrDefault(s.Name) ?? [], StringComparer.Ordinal);
    }
}
