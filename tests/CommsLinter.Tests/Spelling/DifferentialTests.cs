using CommsLinter.Spelling;
using CommsLinter.Spelling.Hunspell;
using Xunit.Abstractions;

namespace CommsLinter.Tests.Spelling;

/// <summary>
/// The engine against GNU Hunspell on 25,000 generated words per language (dictionary forms, typos,
/// capitalised and upper-case variants, hyphenated pairs, English possessives): it must agree on at
/// least 99.9 % and every disagreement is printed.
/// </summary>
public sealed class DifferentialTests(ITestOutputHelper output)
{
    private const int WordsPerLanguage = 25_000;

    [SkippableTheory]
    [InlineData("pl_PL")]
    [InlineData("ru_RU")]
    [InlineData("it_IT")]
    [InlineData("en_GB")]
    public void Engine_agrees_with_GNU_Hunspell(string name)
    {
        Skip.If(HunspellOracle.MissingReason is not null, HunspellOracle.MissingReason);
        var folder = SpellingDictionaries.ShippedFolder;
        var speller = HunspellSpeller.Load(Path.Combine(folder, name + ".aff"), Path.Combine(folder, name + ".dic"));
        var words = WordListGenerator.Generate(speller, WordsPerLanguage, seed: 20261122);
        Assert.True(words.Count >= 20_000, $"only {words.Count} words were generated");

        var rejectedByHunspell = HunspellOracle.Rejected(Path.Combine(folder, name), words);
        var disagreements = words.Where(w => speller.Check(w) == rejectedByHunspell.Contains(w)).ToList();
        foreach (var word in disagreements)
        {
            output.WriteLine($"{name}: \"{word}\" engine {(speller.Check(word) ? "accepts" : "rejects")}, Hunspell {(rejectedByHunspell.Contains(word) ? "rejects" : "accepts")}");
        }

        var agreement = 1.0 - ((double)disagreements.Count / words.Count);
        output.WriteLine($"{name}: {words.Count} words, {rejectedByHunspell.Count} rejected by Hunspell, {disagreements.Count} disagreements, agreement {agreement:P3}");
        Assert.True(agreement >= 0.999, $"{name}: agreement {agreement:P3} is below 99.9 %; disagreements: {string.Join(", ", disagreements.Take(20))}");
    }
}
