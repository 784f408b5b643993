using CommsLinter.Content;
using CommsLinter.Spelling;
using CommsLinter.Tests.Support;

namespace CommsLinter.Tests;

/// <summary>
/// A value written in content (a locale, a sample's name, a file's own name) never becomes a path or a file-name
/// pattern unchecked: it is validated first, and a bad one is a finding, never a crash or a file read outside.
/// </summary>
public sealed class ContentValuePathTests
{
    private const string SpellingGuide = "styleguide \"S\"\nrule spelling error \"{match}\" { spelling }\n";

    [Fact]
    public void A_locale_that_is_a_path_is_reported_by_the_catalog_and_reaches_no_dictionary()
    {
        using var folder = new TempFolder();
        folder.Write("content/touchpoints.yml", TestCatalog.Build(locales: "pl", channels: "sms"));
        folder.Write("styleguides/spelling.style", SpellingGuide);
        folder.Write("styleguides/dictionaries/it_IT.company.dic", "1\ntrasmittanza\n");
        folder.Write("content/purchase/order-confirmation/sms.pl.txt", TestCatalog.FrontMatter("sms", "../../etc/x") + "Okna Nowak.\n");

        var result = CliRunner.Run(folder.Path, "check", "--no-progress");

        Assert.Equal(
            ["content/purchase/order-confirmation/sms.pl.txt(4,9): error catalog.unknown-locale: Unknown locale '../../etc/x'. The catalog's locales are: pl."],
            CliRunner.FindingLines(result.Output).Where(l => !l.Contains("catalog.coverage-gap", StringComparison.Ordinal)));
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public void A_locale_the_catalog_lists_is_still_no_path_to_a_dictionary()
    {
        // A dictionary outside the style guides that a locale written as a path would have reached.
        using var folder = new TempFolder();
        folder.Write("outside/de_DE.aff", "SET UTF-8\n");
        folder.Write("outside/de_DE.dic", "1\nHaus\n");
        folder.Write("repo/content/touchpoints.yml", TestCatalog.Build(locales: "pl, \"../../outside/de\"", channels: "sms"));
        folder.Write("repo/styleguides/spelling.style", SpellingGuide);
        folder.Write("repo/styleguides/dictionaries/it_IT.company.dic", "1\ntrasmittanza\n");
        folder.Write("repo/content/purchase/order-confirmation/sms.de.txt", TestCatalog.FrontMatter("sms", "../../outside/de") + "Haus.\n");

        var result = CliRunner.Run(Path.Combine(folder.Path, "repo"), "check", "--no-progress");

        Assert.Equal(
            ["content/purchase/order-confirmation/sms.de.txt(1,1): error spelling.dictionary: Spelling is not checked in ../../outside/de: '../../outside/de' is not a locale code (such as pl or de_AT), so no dictionary is looked for. Write the locale as the catalog lists it."],
            CliRunner.FindingLines(result.Output).Where(l => !l.Contains("catalog.coverage-gap", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("../../etc/x")]
    [InlineData("de_*")]
    [InlineData("/etc/passwd")]
    [InlineData("")]
    public void Spell_with_a_locale_that_is_no_locale_code_is_a_usage_error_that_looks_nothing_up(string locale)
    {
        using var folder = new TempFolder();
        folder.Write("styleguides/dictionaries/de_DE.aff", "SET UTF-8\n");
        folder.Write("styleguides/dictionaries/de_DE.dic", "1\nHaus\n");

        var result = CliRunner.Run(folder.Path, "spell", "--locale", locale, "Haus");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"error spelling.dictionary: '{locale}' is not a locale code", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Company_dictionaries_are_found_by_their_names_as_text_not_as_patterns()
    {
        using var folder = new TempFolder();
        // A dictionary whose name holds a '?': as a pattern, its word lists would take in de_AT's too.
        folder.Write("dictionaries/de_A?.aff", "SET UTF-8\n");
        folder.Write("dictionaries/de_A?.dic", "1\nHaus\n");
        folder.Write("dictionaries/de_A?.company.dic", "1\nNowakTherm\n");
        folder.Write("dictionaries/de_AT.words.dic", "1\nFenster\n");

        var speller = new SpellingDictionaries(Path.Combine(folder.Path, "dictionaries")).For("de").Checker;

        Assert.NotNull(speller);
        Assert.True(speller.Check("Haus"));
        Assert.True(speller.Check("NowakTherm"));
        Assert.False(speller.Check("Fenster"));
        Assert.True(SpellingDictionaries.IsLocaleCode("pt-BR"));
        Assert.False(SpellingDictionaries.IsLocaleCode("d?"));
    }

    [Fact]
    public void A_sample_name_with_a_null_character_is_reported_not_a_crash()
    {
        using var folder = new TempFolder();
        folder.Write("content/touchpoints.yml", TestCatalog.Build(locales: "pl", channels: "sms"));
        folder.Write("content/purchase/order-confirmation/sms.pl.txt", TestCatalog.FrontMatter("sms", "pl", "sample: \"samples/a\\0b.json\"\n") + "Okna Nowak {{ order.number }}.\n");

        var lines = CliRunner.FindingLines(CliRunner.Run(folder.Path, "check", "--no-progress").Output);

        Assert.Equal(["content/purchase/order-confirmation/sms.pl.txt(5,10): error sample.missing: The sample 'samples/a\0b.json' is outside the content folder (content/). Samples are named relative to it, such as 'samples/order.json'."], lines);
    }

    [Fact]
    public void A_backslash_in_a_file_name_stays_part_of_the_name_it_never_becomes_a_folder()
    {
        using var folder = new TempFolder();
        var file = folder.Write("content/purchase/a\\..\\..\\..\\evil.pl.txt", "text");

        var shown = ContentDiscovery.DisplayPath(file, folder.Path);

        Assert.Equal("content/purchase/a\\..\\..\\..\\evil.pl.txt", shown);
        Assert.Equal(file, Path.GetFullPath(shown, folder.Path));
        Assert.Equal([shown], ContentDiscovery.Discover(["content"], folder.Path, out _).Select(f => f.DisplayPath));
    }

    [Theory]
    [InlineData("/repo/content/..samples/order.json", true)]
    [InlineData("/repo/content", true)]
    [InlineData("/repo/content/../secret.json", false)]
    [InlineData("/repo/contents/order.json", false)]
    [InlineData("/elsewhere/order.json", false)]
    public void Inside_is_decided_by_whole_path_segments(string path, bool inside) =>
        Assert.Equal(inside, ContentDiscovery.IsSameOrInside(path, "/repo/content"));
}
