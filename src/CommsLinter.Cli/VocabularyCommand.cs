using System.CommandLine;
using System.Globalization;
using CommsLinter.Content;
using CommsLinter.Diagnostics;
using CommsLinter.Engine;
using CommsLinter.Rules.Style;

namespace CommsLinter.Cli;

/// <summary><c>commslint vocabulary suggest [paths]</c>: the unknown names of the content, by count, ready to accept.</summary>
internal static class VocabularyCommand
{
    private const int FilesShown = 3;

    public static Command Create(TextWriter output, TextWriter error, string workingDirectory)
    {
        var arguments = new LintArguments();
        var suggest = new Command("suggest",
            "Check the content and list the unknown words written as names (the spelling rules' *.unknown-name findings: a capital inside " +
            "a sentence or inside the word, a short word in capitals), most frequent first, with the files they occur in, then a " +
            "`vocabulary { accept … }` block to paste into a style guide. Typos are not listed: they are spelling findings. Writes nothing.\n\n" +
            "Examples:\n  commslint vocabulary suggest\n  commslint vocabulary suggest content/purchase");
        arguments.AddTo(suggest, baseline: false);
        suggest.SetAction(parse => Suggest(arguments.PathsOf(parse), arguments.ConfigurationOf(parse), output, error, workingDirectory));
        return new Command("vocabulary", "Words the style guides accept: `suggest` lists the content's unknown names to add.") { suggest };
    }

    private static int Suggest(string[] paths, ConfigurationOptions options, TextWriter output, TextWriter error, string workingDirectory)
    {
        var run = CheckRun.Start(paths, options with { UseBaseline = false }, workingDirectory, error, new CheckOptions());
        if (run is null)
        {
            return CommsLintApp.ExitUsage;
        }

        if (run.Configuration.HasErrors)
        {
            foreach (var problem in run.Configuration.Findings.Where(f => f.Severity == Severity.Error))
            {
                error.WriteLine($"{problem.Path}({problem.Location.Start.Line},{problem.Location.Start.Column}): error {problem.RuleId}: {problem.Message}");
            }

            return CommsLintApp.ExitUsage;
        }

        var names = new Dictionary<string, (int Count, SortedSet<string> Files)>(StringComparer.Ordinal);
        foreach (var finding in run.Result.Findings.Where(f => f.RuleId.EndsWith(SpellingRule.NameSuffix, StringComparison.Ordinal)))
        {
            if (WordAt(run.Result.SourceOf(finding.Path), finding.Location) is not { Length: > 0 } word)
            {
                continue;
            }

            var (count, files) = names.TryGetValue(word, out var seen) ? seen : (0, new SortedSet<string>(StringComparer.Ordinal));
            files.Add(finding.Path);
            names[word] = (count + 1, files);
        }

        if (names.Count == 0)
        {
            output.WriteLine("No unknown names: every word written as a name is in a dictionary or a style guide's vocabulary.");
            return CommsLintApp.ExitClean;
        }

        var ordered = names.OrderByDescending(n => n.Value.Count).ThenBy(n => n.Key, StringComparer.Ordinal).ToList();
        var width = ordered.Max(n => n.Key.Length);
        output.WriteLine($"{ordered.Count} unknown names, {ordered.Sum(n => n.Value.Count)} occurrences, most frequent first:");
        foreach (var (word, (count, files)) in ordered)
        {
            var shown = string.Join(", ", files.Take(FilesShown));
            var more = files.Count > FilesShown ? $" and {files.Count - FilesShown} more" : string.Empty;
            output.WriteLine($"{count.ToString(CultureInfo.InvariantCulture),6}  {word.PadRight(width)}  {shown}{more}");
        }

        output.WriteLine();
        output.WriteLine("Those that are names: paste into a style guide (styleguides/*.style), and remove the typos:");
        output.WriteLine($"vocabulary {{ accept {string.Join(", ", ordered.Select(n => $"\"{n.Key}\""))} }}");
        return CommsLintApp.ExitClean;
    }

    private static string? WordAt(Text.SourceText? source, Text.Location location)
    {
        if (source is null || location.Start.Line != location.End.Line)
        {
            return null;
        }

        var lineStart = source.Lines.GetLineStart(location.Start.Line);
        var (start, end) = (lineStart + location.Start.Column - 1, lineStart + location.End.Column - 1);
        return start >= 0 && end <= source.Text.Length && start < end ? source.Text[start..end] : null;
    }
}
