using CommsLinter.Tests.Support;

namespace CommsLinter.Tests.Spelling;

/// <summary><c>commslint spell</c> and company dictionaries in <c>styleguides/dictionaries/</c>, from the command line.</summary>
public sealed class SpellingCommandTests
{
    [Fact]
    public void Spell_prints_ok_or_suggestions_and_exits_with_1_on_a_misspelling()
    {
        using var folder = new TempFolder();
        var result = CliRunner.Run(folder.Path, "spell", "--locale", "pl", "dziekujemy", "zamówienie");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "dziekujemy: not in the Polish dictionary; did you mean dziękujemy, dziek ujemy?\nzamówienie: ok\n",
            result.Output.ReplaceLineEndings("\n"));
        Assert.Equal(0, CliRunner.Run(folder.Path, "spell", "-l", "en", "colour", "21st").ExitCode);
    }

    [Fact]
    public void Spell_for_a_locale_without_a_dictionary_is_a_usage_error()
    {
        using var folder = new TempFolder();
        var result = CliRunner.Run(folder.Path, "spell", "--locale", "de", "Haus");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error spelling.dictionary: there is no dictionary for locale 'de'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_company_word_list_extends_the_shipped_dictionary()
    {
        using var folder = new TempFolder();
        Assert.Equal(1, CliRunner.Run(folder.Path, "spell", "-l", "pl", "ekoszyba").ExitCode);

        folder.Write("styleguides/dictionaries/pl_PL.company.dic", "1\nekoszyba\n");
        var result = CliRunner.Run(folder.Path, "spell", "-l", "pl", "ekoszyba", "Ekoszyba", "EKOSZYBA");
        Assert.True(result.ExitCode == 0, result.Output);
    }

    [Fact]
    public void A_broken_company_dictionary_is_one_finding_at_its_line_and_the_run_goes_on()
    {
        using var folder = new TempFolder();
        folder.Write("content/touchpoints.yml", TestCatalog.Build(locales: "pl, de", channels: "email"));
        folder.Write("styleguides/spelling.style", "styleguide \"S\"\nrule spelling error \"{match}\" { spelling }\nrule brand.no-cheap warning \"No {match}.\" { forbid \"tanie\" }\n");
        folder.Write("styleguides/dictionaries/pl_PL.aff", "SET UTF-8\nSFX A Y 2\nSFX A 0 s .\n");
        folder.Write("styleguides/dictionaries/pl_PL.dic", "1\nokno/A\n");
        folder.Write("content/purchase/order-confirmation/email.pl.md", TestCatalog.FrontMatter("email", "pl") + "Tanie okna.\n");
        folder.Write("content/purchase/order-confirmation/email.de.md", TestCatalog.FrontMatter("email", "de") + "Fenster.\n");

        var result = CliRunner.Run(folder.Path, "check", "--no-progress");

        var lines = CliRunner.FindingLines(result.Output);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("content/purchase/order-confirmation/email.de.md(1,1): error spelling.dictionary: Spelling is not checked in de: there is no dictionary for locale 'de'", result.Output, StringComparison.Ordinal);
        Assert.Contains("content/purchase/order-confirmation/email.pl.md(6,1): warning brand.no-cheap: No Tanie.", lines);
        Assert.Single(lines, l => l.StartsWith("styleguides/dictionaries/pl_PL.aff(2,1): error spelling.dictionary: SFX A announces 2 entries but the file ends after 1.", StringComparison.Ordinal));
    }
}
