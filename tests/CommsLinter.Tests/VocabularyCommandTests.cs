using CommsLinter.Tests.Support;

namespace CommsLinter.Tests;

/// <summary><c>commslint vocabulary suggest</c> over a repository with the shipped guides and catalog.</summary>
public sealed class VocabularyCommandTests
{
    [Fact]
    public void Unknown_names_are_listed_by_count_and_once_accepted_are_gone()
    {
        using var folder = TempFolder.WithShippedGuides();

        folder.Write("content/delivery/sms.pl.txt", "---\ntouchpoint: delivery-notice\nchannel: sms\nlocale: pl\n---\nOkna Nowak: kurier Zbyszkowiak przywiezie okna jutro, a kurier Zbyszkowiak zadzwoni. Dziekujemy.\n");
        folder.Write("content/delivery/sms.ru.txt", "---\ntouchpoint: delivery-notice\nchannel: sms\nlocale: ru\n---\nOkna Nowak: курьер Жмыхайловский привезёт окна завтра.\n");

        var result = CliRunner.Run(folder.Path, "vocabulary", "suggest");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("2 unknown names, 3 occurrences", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"\n\s+2  Zbyszkowiak\s+content/delivery/sms\.pl\.txt\n\s+1  Жмыхайловский\s+content/delivery/sms\.ru\.txt\n", result.Output);
        Assert.Contains("vocabulary { accept \"Zbyszkowiak\", \"Жмыхайловский\" }", result.Output, StringComparison.Ordinal);
        // A typo is a spelling finding, not a name to accept.
        Assert.DoesNotContain("Dziekujemy", result.Output, StringComparison.Ordinal);

        folder.Write("styleguides/names.style", "styleguide \"Names\"\nvocabulary { accept \"Zbyszkowiak\", \"Жмыхайловский\" }\n");
        Assert.Contains("No unknown names", CliRunner.Run(folder.Path, "vocabulary", "suggest").Output, StringComparison.Ordinal);
    }
}
