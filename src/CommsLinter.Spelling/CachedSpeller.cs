using System.Collections.Concurrent;
using CommsLinter.Spelling.Hunspell;

namespace CommsLinter.Spelling;

/// <summary>
/// A speller that remembers its verdicts: a corpus repeats the same few thousand words across
/// thousands of templates, so each distinct word is checked once per run and every repeat is one
/// allocation-free hash lookup. Thread-safe.
/// </summary>
public sealed class CachedSpeller(HunspellSpeller speller)
{
    private readonly ConcurrentDictionary<string, bool> _verdicts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _suggestions = new(StringComparer.Ordinal);

    public HunspellSpeller Speller { get; } = speller;

    public bool Check(ReadOnlySpan<char> word)
    {
        var lookup = _verdicts.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(word, out var known))
        {
            return known;
        }

        var verdict = Speller.Check(word) || (word.Contains('’') && Speller.Check(word.ToString().Replace('’', '\'')));
        lookup.TryAdd(word, verdict);
        return verdict;
    }

    public IReadOnlyList<string> Suggest(string word, int max = 3) =>
        _suggestions.GetOrAdd(word, w => [.. Speller.Suggest(w.Replace('’', '\''), max)]);
}
