using System.Text;
using CommsLinter.Spelling.Hunspell;

namespace CommsLinter.Tests.Spelling;

/// <summary>
/// Makes word lists for comparing the engine with GNU Hunspell: forms built forwards from the
/// dictionary (stem plus prefix, suffix or both, the opposite direction to the engine's checking),
/// typos made from them by deleting, swapping, replacing and inserting letters, capitalised and
/// upper-case variants, and words joined with hyphens or apostrophes. Deterministic for a seed.
/// </summary>
internal static class WordListGenerator
{
    public static List<string> Generate(HunspellSpeller speller, int count, int seed, double typoShare = 0.3)
    {
        var random = new Random(seed);
        var rules = speller.Rules;
        var words = speller.Words;
        var letters = rules.TryChars.Length > 0 ? rules.TryChars : "abcdefghijklmnopqrstuvwxyz";
        var result = new List<string>(count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var attempts = 0;
        while (result.Count < count && attempts++ < count * 20)
        {
            var form = RandomForm(speller, random);
            if (!TokenStable(form, rules))
            {
                continue;
            }

            var roll = random.NextDouble();
            if (roll < typoShare)
            {
                form = Typo(form, letters, random);
                if (!TokenStable(form, rules))
                {
                    continue;
                }
            }
            else if (roll < typoShare + 0.08)
            {
                form = Casing.Capitalise(form);
            }
            else if (roll < typoShare + 0.12)
            {
                form = form.ToUpperInvariant();
            }
            else if (roll < typoShare + 0.15 && RandomForm(speller, random) is { } second && TokenStable(second, rules))
            {
                form = form + "-" + second;
            }
            else if (roll < typoShare + 0.17 && Apostrophe(form, speller.Name, random) is { } withApostrophe)
            {
                form = withApostrophe;
            }

            if (seen.Add(form))
            {
                result.Add(form);
            }
        }

        return result;
    }

    private static string? RandomForm(HunspellSpeller speller, Random random)
    {
        var words = speller.Words;
        var rules = speller.Rules;
        var entry = random.Next(words.Count);
        var stem = words.TextOf(entry).ToString();
        var flags = rules.FlagSets[words.FlagsOf(entry)].ToArray();
        if (flags.Contains(FlagParser.OnlyUpcase))
        {
            return null;
        }

        var suffixes = rules.Suffixes.All.Where(s => flags.Contains(s.Flag) && Applies(s, stem)).ToList();
        var prefixes = rules.Prefixes.All.Where(p => flags.Contains(p.Flag) && Applies(p, stem)).ToList();
        var choice = random.Next(4);
        if (choice == 1 && suffixes.Count > 0)
        {
            var suffix = suffixes[random.Next(suffixes.Count)];
            var withSuffix = AddSuffix(suffix, stem);
            var crossing = prefixes.Where(p => p.CrossProduct && suffix.CrossProduct && Applies(p, withSuffix)).ToList();
            return crossing.Count > 0 && random.Next(3) == 0 ? AddPrefix(crossing[random.Next(crossing.Count)], withSuffix) : withSuffix;
        }

        if (choice == 2 && prefixes.Count > 0)
        {
            return AddPrefix(prefixes[random.Next(prefixes.Count)], stem);
        }

        return stem;
    }

    /// <summary>
    /// Whether GNU Hunspell's command-line tokenizer checks the form as one token: it strips
    /// apostrophes and dots at the edges and splits at hyphens unless WORDCHARS has them (and at
    /// apostrophes in Italian, so elisions such as "dell'acciaieria" are tested by hand), so forms
    /// like that would compare the engine with a different question.
    /// </summary>
    private static bool TokenStable([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? form, AffixRules rules) =>
        form is { Length: > 1 }
        && form.All(c => char.IsLetter(c) || c is '-' or '\'' or '’' || rules.WordChars.Contains(c, StringComparison.Ordinal))
        && !form.Contains("''", StringComparison.Ordinal)
        && form[0] is not ('\'' or '’') && form[^1] is not ('\'' or '’')
        && (rules.Language != "it_IT" || !form.Contains('\'', StringComparison.Ordinal))
        && (rules.WordChars.Contains('-', StringComparison.Ordinal) || !form.Contains('-', StringComparison.Ordinal));

    private static bool Applies(AffixEntry affix, string stem) =>
        stem.Length > affix.Strip.Length
        && (affix.IsPrefix
            ? stem.StartsWith(affix.Strip, StringComparison.Ordinal) && affix.Condition.MatchesStart(stem)
            : stem.EndsWith(affix.Strip, StringComparison.Ordinal) && affix.Condition.MatchesEnd(stem));

    private static string AddSuffix(AffixEntry suffix, string stem) => stem[..^suffix.Strip.Length] + suffix.Append;

    private static string AddPrefix(AffixEntry prefix, string stem) => prefix.Append + stem[prefix.Strip.Length..];

    private static string Typo(string word, string letters, Random random)
    {
        var position = random.Next(word.Length);
        var letter = letters[random.Next(letters.Length)];
        var builder = new StringBuilder(word);
        switch (random.Next(4))
        {
            case 0 when word.Length > 2:
                builder.Remove(position, 1);
                break;
            case 1 when position < word.Length - 1:
                (builder[position], builder[position + 1]) = (builder[position + 1], builder[position]);
                break;
            case 2:
                builder[position] = letter;
                break;
            default:
                builder.Insert(position, letter);
                break;
        }

        return builder.ToString();
    }

    private static string? Apostrophe(string word, string dictionary, Random random) => dictionary switch
    {
        "en_GB" => word + (random.Next(2) == 0 ? "'s" : "’s"),
        _ => null,
    };
}
