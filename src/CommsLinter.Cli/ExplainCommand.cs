using System.CommandLine;
using CommsLinter.Diagnostics;
using CommsLinter.Engine;
using CommsLinter.Rules.Style;

namespace CommsLinter.Cli;

/// <summary><c>commslint explain ID</c>: what a rule checks, where it is defined, and where to read more.</summary>
internal static class ExplainCommand
{
    public static Command Create(TextWriter output, TextWriter error, string workingDirectory)
    {
        var id = new Argument<string>("rule-id") { Description = "A style-guide rule id (legal.unsubscribe), a built-in check (catalog.unknown-touchpoint) or a DSL error code (DSL012)." };
        var styleGuides = new Option<string?>("--styleguides") { Description = "The folder of style guides. Default: found from content/ upwards.", HelpName = "folder" };
        var command = new Command("explain",
            "Explain a rule: what it checks, when it applies, where it is defined and why.\n\n" +
            "Examples:\n  commslint explain legal.unsubscribe\n  commslint explain catalog.coverage-gap\n  commslint explain DSL012")
        {
            id, styleGuides,
        };
        command.SetAction(parse => Execute(parse.GetValue(id)!, parse.GetValue(styleGuides), output, error, workingDirectory));
        return command;
    }

    private static int Execute(string id, string? styleGuides, TextWriter output, TextWriter error, string workingDirectory)
    {
        var configuration = Configuration.Load([ProjectLayout.DefaultContent], new ConfigurationOptions(null, styleGuides, null), workingDirectory);
        if (configuration.Style.FindRule(id) is { } rule)
        {
            var header = rule.Header;
            output.WriteLine($"{rule.Id} ({TextSeverity(header.Descriptor.DefaultSeverity)})");
            output.WriteLine($"  defined in  {header.DefinedIn}({header.DefinedAt.Start})");
            output.WriteLine($"  message     {header.Message}");
            output.WriteLine($"  checks      {rule.Describe()}");
            output.WriteLine($"  applies     {(header.Condition == RuleCondition.Always ? "to every template" : $"when {header.Condition.Text}")}");
            output.WriteLine($"  reads       {(header.Scope == RuleScope.Everything ? "all prose" : header.Scope.ToString().ToLowerInvariant())}");
            if (header.Review is { } team)
            {
                output.WriteLine($"  review      {team}: templates it flags go to the {team} review queue");
            }

            if (Comment(Path.GetFullPath(header.DefinedIn, workingDirectory), header.DefinedAt.Start.Line) is { Length: > 0 } why)
            {
                output.WriteLine($"  why         {why}");
            }

            return CommsLintApp.ExitClean;
        }

        var builtin = RuleRegistry.BuiltinRules
            .Select(d => (Descriptor: d, Help: d.HelpPath))
            .Concat(DslErrors.All.Select(d => (Descriptor: d, Help: "docs/styleguide-dsl.md#error-codes")))
            .FirstOrDefault(d => d.Descriptor.Id.Equals(id, StringComparison.OrdinalIgnoreCase));
        if (builtin.Descriptor is { } descriptor)
        {
            output.WriteLine($"{descriptor.Id} ({TextSeverity(descriptor.DefaultSeverity)}): {descriptor.Title}");
            output.WriteLine($"  built in; read {builtin.Help}");
            return CommsLintApp.ExitClean;
        }

        var known = configuration.Style.Rules.Select(r => r.Id);
        error.WriteLine($"commslint: error: no rule '{id}'.{Text.Suggestions.DidYouMean(id, known)} Style-guide rules: {string.Join(", ", known.Order(StringComparer.Ordinal))}.");
        return CommsLintApp.ExitUsage;
    }

    private static string TextSeverity(Severity severity) => Reports.TextReport.SeverityName(severity);

    /// <summary>The comment lines written just above a rule in its guide: the guide's own "why".</summary>
    private static string Comment(string path, int line)
    {
        if (!File.Exists(path))
        {
            return string.Empty;
        }

        var lines = File.ReadAllLines(path);
        var comment = new List<string>();
        for (var i = line - 2; i >= 0 && lines[i].TrimStart().StartsWith('#'); i--)
        {
            comment.Insert(0, lines[i].TrimStart().TrimStart('#').Trim());
        }

        return string.Join(" ", comment);
    }
}
