using System.Diagnostics;
using System.Globalization;
using System.Text;
using CommsLinter.Spelling;
using CommsLinter.Spelling.Hunspell;
using CommsLinter.Tests.Spelling;

namespace CommsLinter.Bench;

/// <summary>
/// How often the intended word is the first suggestion, and among the first five, for one-letter typos
/// of dictionary words (a letter left out, doubled, replaced, or swapped with the next), in the engine
/// and in GNU Hunspell (<c>hunspell -a</c>) on the same typos. A third of the words are capitalised, as
/// at the start of a sentence.
/// Usage: CommsLinter.Bench spelling suggest [words=500] [--misses] (--misses lists the typos Hunspell corrects in its first five and the engine does not)
/// </summary>
internal static class SuggestionBench
{
    public static int Run(string[] args)
    {
        var count = args.Length > 0 && args[0] != "--misses" ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500;
        var misses = new List<string>();
        var folder = SpellingDictionaries.ShippedFolder;
        var hunspell = File.Exists("/usr/bin/hunspell");
        Console.WriteLine($"{count:N0} one-letter typos of dictionary words per language, seed 11{(hunspell ? string.Empty : " (hunspell not installed: engine only)")}");
        Console.WriteLine("| dictionary | engine top-1 | engine top-5 | engine none | hunspell top-1 | hunspell top-5 | hunspell none | engine ms/word |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var name in new[] { "pl_PL", "ru_RU", "it_IT", "en_GB" })
        {
            var speller = HunspellSpeller.Load(Path.Combine(folder, name + ".aff"), Path.Combine(folder, name + ".dic"));
            var cases = Typos(speller, count);
            var watch = Stopwatch.StartNew();
            var engine = cases.Select(c => (IReadOnlyList<string>)speller.Suggest(c.Typo, 5)).ToList();
            var perWord = watch.Elapsed.TotalMilliseconds / cases.Count;
            var reference = hunspell ? HunspellSuggestions(Path.Combine(folder, name), cases.Select(c => c.Typo).ToList()) : null;
            Console.WriteLine($"| {name} | {Rates(cases, engine)} | {(reference is null ? "n/a | n/a | n/a" : Rates(cases, reference))} | {perWord:F1} |");
            for (var i = 0; reference is not null && i < cases.Count; i++)
            {
                if (!engine[i].Contains(cases[i].Word) && reference[i].Take(5).Contains(cases[i].Word))
                {
                    misses.Add($"{name}: {cases[i].Typo} for {cases[i].Word}: engine {string.Join(", ", engine[i])}; hunspell {string.Join(", ", reference[i].Take(5))}");
                }
            }
        }

        if (args.Contains("--misses"))
        {
            misses.ForEach(Console.WriteLine);
        }

        return 0;
    }

    private static string Rates(List<(string Word, string Typo)> cases, List<IReadOnlyList<string>> suggestions)
    {
        int first = 0, five = 0, none = 0;
        for (var i = 0; i < cases.Count; i++)
        {
            var list = suggestions[i];
            first += list.Count > 0 && list[0] == cases[i].Word ? 1 : 0;
            five += list.Take(5).Contains(cases[i].Word) ? 1 : 0;
            none += list.Count == 0 ? 1 : 0;
        }

        return $"{100.0 * first / cases.Count:F1} % | {100.0 * five / cases.Count:F1} % | {100.0 * none / cases.Count:F1} %";
    }

    /// <summary>Dictionary words of 4 or more letters, each with one typo that is not itself a word.</summary>
    private static List<(string Word, string Typo)> Typos(HunspellSpeller speller, int count)
    {
        var random = new Random(11);
        var words = WordListGenerator.Generate(speller, count * 4, seed: 11, typoShare: 0)
            .Where(w => w.Length >= 4 && w.All(char.IsLetter) && speller.Check(w)).Distinct().ToList();
        var cases = new List<(string, string)>();
        foreach (var word in words)
        {
            var typo = random.Next(4) switch
            {
                0 => word.Remove(random.Next(1, word.Length), 1),
                1 => word.Insert(random.Next(1, word.Length), word[random.Next(word.Length)].ToString()),
                2 => Replace(word, random),
                _ => Swap(word, random),
            };
            var capitalised = random.Next(3) == 0;
            var (intended, written) = capitalised ? (char.ToUpperInvariant(word[0]) + word[1..], char.ToUpperInvariant(typo[0]) + typo[1..]) : (word, typo);
            if (typo != word && !speller.Check(written) && speller.Check(intended))
            {
                cases.Add((intended, written));
            }

            if (cases.Count == count)
            {
                break;
            }
        }

        return cases;
    }

    private static string Replace(string word, Random random)
    {
        var at = random.Next(1, word.Length);
        var letters = word.Where(char.IsLetter).Distinct().ToArray();
        return string.Concat(word.AsSpan(0, at), letters[random.Next(letters.Length)].ToString(), word.AsSpan(at + 1));
    }

    private static string Swap(string word, Random random)
    {
        var at = random.Next(1, word.Length - 1);
        return string.Concat(word.AsSpan(0, at), word[at + 1].ToString(), word[at].ToString(), word.AsSpan(at + 2));
    }

    /// <summary>Hunspell's suggestions for each word, from one run of <c>hunspell -a</c>.</summary>
    private static List<IReadOnlyList<string>> HunspellSuggestions(string dictionary, List<string> words)
    {
        var start = new ProcessStartInfo("/usr/bin/hunspell") { RedirectStandardInput = true, RedirectStandardOutput = true, StandardInputEncoding = new UTF8Encoding(false), StandardOutputEncoding = Encoding.UTF8 };
        foreach (var argument in new[] { "-i", "utf-8", "-d", dictionary, "-a" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var writer = Task.Run(() =>
        {
            foreach (var word in words)
            {
                // '^' makes hunspell read the line as text, whatever its first character.
                process.StandardInput.WriteLine("^" + word);
            }

            process.StandardInput.Close();
        });
        var results = new List<IReadOnlyList<string>>();
        process.StandardOutput.ReadLine();
        while (process.StandardOutput.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            results.Add(line[0] == '&' ? [.. line[(line.IndexOf(": ", StringComparison.Ordinal) + 2)..].Split(", ")] : []);
        }

        writer.Wait();
        process.WaitForExit();
        return results;
    }
}
