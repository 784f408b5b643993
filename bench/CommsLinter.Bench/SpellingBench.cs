using System.Diagnostics;
using System.Globalization;
using System.Text;
using CommsLinter.Spelling;
using CommsLinter.Spelling.Hunspell;
using CommsLinter.Tests.Spelling;

namespace CommsLinter.Bench;

/// <summary>
/// Words per second and dictionary load time of the engine and of GNU Hunspell (<c>hunspell -l</c>)
/// on the same lists of generated words with 20 % typos, measured in one run.
/// Usage: CommsLinter.Bench spelling [words=100000]
/// </summary>
internal static class SpellingBench
{
    public static int Run(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var folder = SpellingDictionaries.ShippedFolder;
        var hunspell = File.Exists("/usr/bin/hunspell");
        Console.WriteLine($"{count:N0} words per language, 20 % typos; engine single-threaded after a warm-up; hunspell -l timed as a process minus its load time{(hunspell ? string.Empty : " (hunspell not installed: engine only)")}");
        Console.WriteLine("| dictionary | engine load | engine words/s | engine MB | hunspell load | hunspell words/s |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var name in new[] { "pl_PL", "ru_RU", "it_IT", "en_GB" })
        {
            var aff = Path.Combine(folder, name + ".aff");
            var dic = Path.Combine(folder, name + ".dic");
            var before = GC.GetTotalMemory(true);
            var watch = Stopwatch.StartNew();
            var speller = HunspellSpeller.Load(aff, dic);
            var load = watch.Elapsed.TotalSeconds;
            var megabytes = (GC.GetTotalMemory(true) - before) / 1e6;

            var words = WordListGenerator.Generate(speller, count, seed: 7, typoShare: 0.2);
            foreach (var word in words.Take(2000))
            {
                speller.Check(word);
            }

            watch.Restart();
            var rejected = 0;
            foreach (var word in words)
            {
                rejected += speller.Check(word) ? 0 : 1;
            }

            var engineRate = words.Count / watch.Elapsed.TotalSeconds;
            var hunspellColumns = hunspell ? HunspellColumns(Path.Combine(folder, name), words) : "n/a | n/a";
            Console.WriteLine($"| {name} ({rejected:N0} of {words.Count:N0} rejected) | {load:F2} s | {engineRate:N0} | {megabytes:F0} | {hunspellColumns} |");
        }

        Console.WriteLine($"peak working set of this process: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
        return 0;
    }

    private static string HunspellColumns(string dictionary, List<string> words)
    {
        var list = Path.GetTempFileName();
        var empty = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(list, words, new UTF8Encoding(false));
            var loadOnly = Enumerable.Range(0, 3).Min(_ => TimeHunspell(dictionary, empty));
            var total = TimeHunspell(dictionary, list);
            return $"{loadOnly:F2} s | {words.Count / Math.Max(0.001, total - loadOnly):N0}";
        }
        finally
        {
            File.Delete(list);
            File.Delete(empty);
        }
    }

    private static double TimeHunspell(string dictionary, string input)
    {
        var start = new ProcessStartInfo("/usr/bin/hunspell") { RedirectStandardOutput = true };
        foreach (var argument in new[] { "-i", "utf-8", "-d", dictionary, "-l", input })
        {
            start.ArgumentList.Add(argument);
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return watch.Elapsed.TotalSeconds;
    }
}
