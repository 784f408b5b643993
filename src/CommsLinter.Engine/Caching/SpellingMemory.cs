using CommsLinter.Spelling;

namespace CommsLinter.Engine.Caching;

/// <summary>
/// The spelling verdicts the cache keeps between runs: seeded into a run's spellers, so that a
/// dictionary is read only for a word that earlier runs did not decide, and collected again after it.
/// </summary>
internal static class SpellingMemory
{
    public static void Seed(SpellingDictionaries dictionaries, IReadOnlyList<SpellingVerdicts> vocabulary)
    {
        foreach (var (locale, verdicts, suggestions) in vocabulary)
        {
            dictionaries.Seed(locale, verdicts, suggestions);
        }
    }

    /// <summary>The verdicts of this run, and those of the locales it did not need from <paramref name="seeds"/>, by locale.</summary>
    public static IReadOnlyList<SpellingVerdicts> Collect(SpellingDictionaries dictionaries, IReadOnlyList<SpellingVerdicts> seeds)
    {
        var used = dictionaries.Used.Select(u => new SpellingVerdicts(u.Locale, [.. u.Checker.Verdicts], [.. u.Checker.Suggestions])).ToList();
        return [.. used.Concat(seeds.Where(s => !used.Exists(u => string.Equals(u.Locale, s.Locale, StringComparison.OrdinalIgnoreCase))))
            .OrderBy(v => v.Locale, StringComparer.Ordinal)];
    }
}
