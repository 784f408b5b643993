using System.CommandLine;
using CommsLinter.Spelling;
using CommsLinter.Engine;

namespace CommsLinter.Cli;

/// <summary><c>commslint spell --locale pl WORD...</c>: checks words directly, with suggestions.</summary>
internal static class SpellCommand
{
    public static Command Create(TextWriter output, TextWriter error, string workingDirectory)
    {
        var words = new Argument<string[]>("words") { Description = "The words to check. Without words, reads one word per line from standard input.", Arity = ArgumentArity.ZeroOrMore };
        var locale = new Option<string>("--locale", "-l") { Description = $"The language: {string.Join(", ", SpellingDictionaries.NameOfLocale.Keys)}.", Required = true, HelpName = "locale" };
        var styleGuides = new Option<string?>("--styleguides") { Description = "The style guide folder whose dictionaries/ may replace or extend the shipped dictionary. Default: styleguides/ if it exists.", HelpName = "folder" };
        var command = new Command("spell",
            "Check words in a locale's dictionary and suggest corrections. Prints 'ok' or the suggestions for each word; " +
            "exits with 1 when a word is misspelled.\n\n" +
            "Examples:\n  commslint spell --locale pl dziekujemy zamówienie\n  commslint spell -l ru < words.txt")
        {
            words, locale, styleGuides,
        };
        command.SetAction(parse => Execute(parse.GetValue(words) ?? [], parse.GetValue(locale)!, parse.GetValue(styleGuides), output, error, workingDirectory));
        return command;
    }

    private static int Execute(string[] words, string locale, string? styleGuides, TextWriter output, TextWriter error, string workingDirectory)
    {
        var styleFolder = Path.GetFullPath(styleGuides ?? ProjectLayout.StyleGuidesFolder, workingDirectory);
        var dictionaries = new SpellingDictionaries(Path.Combine(styleFolder, ProjectLayout.DictionariesFolder), displayPath: path => Content.ContentDiscovery.DisplayPath(path, workingDirectory));
        var loaded = dictionaries.For(locale);
        if (loaded.Checker is not { } speller)
        {
            var where = loaded.FormatError is { } format ? $"{loaded.ErrorPath}({format.Line},{format.Column}): " : string.Empty;
            error.WriteLine($"{where}error spelling.dictionary: {loaded.Problem}");
            return CommsLintApp.ExitUsage;
        }

        var input = words.Length > 0 ? words : ReadLines(Console.In);
        var misspelled = 0;
        foreach (var word in input.Select(w => w.Trim()).Where(w => w.Length > 0))
        {
            if (speller.Check(word))
            {
                output.WriteLine($"{word}: ok");
                continue;
            }

            misspelled++;
            var suggestions = speller.Suggest(word, 5);
            output.WriteLine(suggestions.Count == 0
                ? $"{word}: not in the {SpellingDictionaries.LanguageName(locale)} dictionary; no suggestions"
                : $"{word}: not in the {SpellingDictionaries.LanguageName(locale)} dictionary; did you mean {string.Join(", ", suggestions)}?");
        }

        return misspelled == 0 ? CommsLintApp.ExitClean : CommsLintApp.ExitFindings;
    }

    private static IEnumerable<string> ReadLines(TextReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }
}
