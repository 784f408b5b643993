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
        var id = new Argument<string>("rule-id") { Description = "A style-guide rule id (legal.unsubscribe), a built-in rule (catalog.unknown-touchpoint), a DSL error code (DSL012) or a style rule kind (forbid)." };
        var styleGuides = new Option<string?>("--styleguides") { Description = "The folder of style guides. Default: found from content/ upwards.", HelpName = "folder" };
        var command = new Command("explain",
            "Explain a rule: what it checks, when it applies, where it is defined and why, followed by its documentation page; or a built-in rule, a DSL error code or a style rule kind, with its page.\n\n" +
            "Examples:\n  commslint explain legal.unsubscribe\n  commslint explain catalog.coverage-gap\n  commslint explain DSL012\n  commslint explain forbid")
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

            // The page of the rule's kind: also where 'explain' leads when a rule is named like a kind (a rule called 'spelling').
            output.WriteLine($"  read        {header.Descriptor.HelpPath}");
            WritePage(header.Descriptor.HelpPath, output);
            return CommsLintApp.ExitClean;
        }

        // A style rule's second id (spelling's "spelling.unknown-name").
        if (configuration.Style.Rules.SelectMany(r => r.Rules.Select(d => (Rule: r, Descriptor: d))).FirstOrDefault(p => p.Descriptor.Id == id) is { Rule: { } owner } reported)
        {
            output.WriteLine($"{reported.Descriptor.Id} ({TextSeverity(reported.Descriptor.DefaultSeverity)}): {reported.Descriptor.Title}");
            output.WriteLine($"  reported by {owner.Id}, defined in {owner.Header.DefinedIn}({owner.Header.DefinedAt.Start}); read {reported.Descriptor.HelpPath}");
            WritePage(reported.Descriptor.HelpPath, output);
            return CommsLintApp.ExitClean;
        }

        if (RuleRegistry.Descriptors.FirstOrDefault(d => d.Id.Equals(id, StringComparison.OrdinalIgnoreCase)) is { } descriptor)
        {
            output.WriteLine($"{descriptor.Id} ({TextSeverity(descriptor.DefaultSeverity)}): {descriptor.Title}");
            output.WriteLine($"  built in; read {descriptor.HelpPath}");
            WritePage(descriptor.HelpPath, output);
            return CommsLintApp.ExitClean;
        }

        if (RuleRegistry.Kinds.FirstOrDefault(k => k.Name.Equals(id, StringComparison.OrdinalIgnoreCase)) is { } kind)
        {
            output.WriteLine($"{kind.Name} (style rule kind): {kind.Summary}");
            output.WriteLine($"  read {kind.HelpPath}");
            WritePage(kind.HelpPath, output);
            return CommsLintApp.ExitClean;
        }

        var styleRules = configuration.Style.Rules.Select(r => r.Id).Order(StringComparer.Ordinal).ToArray();
        var known = styleRules.Concat(RuleRegistry.Descriptors.Select(d => d.Id)).Concat(RuleRegistry.Kinds.Select(k => k.Name));
        error.WriteLine($"commslint: error: no rule, rule kind or DSL error code '{id}'.{Text.Suggestions.DidYouMean(id, known)} " +
            $"Style-guide rules: {string.Join(", ", styleRules)}. Built-in rules are listed in docs/rules/README.md, rule kinds in docs/rules/style/README.md, error codes in docs/styleguide-dsl.md#error-codes.");
        return CommsLintApp.ExitUsage;
    }

    private static string TextSeverity(Severity severity) => Reports.TextReport.SeverityName(severity);

    /// <summary>The rule's documentation page, which ships inside the tool, printed after a blank line.</summary>
    private static void WritePage(string helpPath, TextWriter output)
    {
        using var page = typeof(ExplainCommand).Assembly.GetManifestResourceStream(helpPath);
        if (page is null)
        {
            return;
        }

        using var reader = new StreamReader(page);
        output.WriteLine();
        output.Write(reader.ReadToEnd().ReplaceLineEndings(Environment.NewLine));
    }

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
