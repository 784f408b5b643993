using System.CommandLine;
using System.CommandLine.Parsing;
using System.Reflection;
using CommsLinter.Text;

namespace CommsLinter.Cli;

/// <summary>The command line: <c>commslint check</c> and its options. Exit codes: docs/cli.md.</summary>
internal static class CommsLintApp
{
    public const int ExitClean = 0;
    public const int ExitFindings = 1;
    public const int ExitUsage = 2;

    public static string Version { get; } =
        typeof(CommsLintApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <param name="host">The clock, environment and timings to use; the machine's when null.</param>
    public static int Run(string[] args, TextWriter output, TextWriter error, string workingDirectory, bool interactive, AppHost? host = null)
    {
        host ??= AppHost.System;
        var root = new RootCommand(
            "CommsLinter keeps every message a company sends its customers consistent. It loads the templates of the " +
            "whole customer journey (HTML e-mails, Markdown pages and letters, SMS and ads, with Liquid placeholders), " +
            "checks them against the journey catalog (content/touchpoints.yml) and reports every problem with its file, " +
            "line and column.\n\nExamples:\n  commslint check\n  commslint check content/purchase --format json\n  commslint report --out report/\n" +
            "  commslint approve content/after-purchase/invoice/letter.pl.md --by \"A. Kowalska\"\n  commslint check --ci\n\n" +
            "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or configuration error (docs/cli.md).")
        {
            CheckCommand.Create(output, error, workingDirectory, interactive, host),
            ExtractCommand.Create(output, error, workingDirectory),
            ExplainCommand.Create(output, error, workingDirectory),
            SpellCommand.Create(output, error, workingDirectory),
            RenderCommand.Create(output, error, workingDirectory),
            ReportCommand.Create(output, error, workingDirectory, host),
            ApproveCommand.Create(output, error, workingDirectory, host),
            BaselineCommand.Create(output, error, workingDirectory),
            VocabularyCommand.Create(output, error, workingDirectory),
            LspCommand.Create(error),
        };

        var result = root.Parse(args);
        // Ctrl+C (and SIGTERM) cancels a command that runs until stopped, which then ends cleanly.
        var configuration = new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = TimeSpan.FromSeconds(5) };
        if (UnknownOption(result) is { } unknown)
        {
            error.WriteLine(UnknownOptionMessage(unknown, result.CommandResult.Command, root));
            return ExitUsage;
        }

        if (result.Errors.Count > 0)
        {
            foreach (var parseError in result.Errors)
            {
                error.WriteLine($"commslint: error: {parseError.Message}");
            }

            error.WriteLine("Run 'commslint --help' or 'commslint check --help' for the options.");
            return ExitUsage;
        }

        return result.Invoke(configuration);
    }

    /// <summary>
    /// The first value given to a command's own arguments (paths, words, a rule id) that is written like
    /// an option: one the command does not take, which would otherwise be looked for as a file named
    /// '--no-progress'. What follows '--' is taken as written, so a file named '-x' can still be given.
    /// </summary>
    private static string? UnknownOption(ParseResult result)
    {
        var beforeDoubleDash = result.Tokens.TakeWhile(t => t.Type != TokenType.DoubleDash).ToHashSet(ReferenceEqualityComparer.Instance);
        return result.CommandResult.Children.OfType<ArgumentResult>()
            .SelectMany(a => a.Tokens)
            .FirstOrDefault(t => t.Value.Length > 1 && t.Value[0] == '-' && beforeDoubleDash.Contains(t))?.Value;
    }

    private static string UnknownOptionMessage(string token, Command command, RootCommand root)
    {
        var name = token.Split('=', 2)[0];
        static IEnumerable<string> NamesOf(Command c) => c.Options.SelectMany(o => o.Aliases.Prepend(o.Name));
        var elsewhere = root.Subcommands.Where(c => c != command && NamesOf(c).Contains(name, StringComparer.Ordinal)).Select(c => $"'{c.Name}'").ToArray();
        return $"commslint: error: unknown option '{name}' for '{command.Name}'.{Suggestions.DidYouMean(name, NamesOf(command))}"
            + (elsewhere.Length > 0 ? $" It is an option of {(elsewhere.Length == 1 ? elsewhere[0] : $"{string.Join(", ", elsewhere[..^1])} and {elsewhere[^1]}")}." : string.Empty)
            + $" Run 'commslint {command.Name} --help' for its options (a file whose name starts with '-' goes after '--').";
    }
}
