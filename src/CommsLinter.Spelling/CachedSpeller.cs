using System.Collections.Concurrent;
using CommsLinter.Spelling.Hunspell;

namespace CommsLinter.Spelling;

/// <summary>
/// A speller that remembers its verdicts: a corpus repeats the same few thousand words across
/// thousands of templates, so each distinct word is checked once per run and every repeat is one
/// allocation-free hash lookup. Seeded with the verdicts of earlier runs (the check cache), it reads
/// its dictionary only when asked about a word they do not cover. Thread-safe.
/// </summary>
public sealed class CachedSpeller
{
    private readonly Lazy<HunspellSpeller> _speller;
    private readonly ConcurrentDictionary<string, bool> _verdicts;
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _suggestions;

    public CachedSpeller(HunspellSpeller speller)
        : this(() => speller, [], [])
    {
    }

    /// <param name="load">Reads the dictionary, the first time a word has no verdict.</param>
    public CachedSpeller(Func<HunspellSpeller> load, IEnumerable<KeyValuePair<string, bool>> verdicts, IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> suggestions)
    {
        _speller = new Lazy<HunspellSpeller>(load);
        _verdicts = new ConcurrentDictionary<string, bool>(verdicts, StringComparer.Ordinal);
        _suggestions = new ConcurrentDictionary<string, IReadOnlyList<string>>(suggestions, StringComparer.Ordinal);
    }

    /// <summary>The dictionary, read on first use.</summary>
    internal HunspellSpeller Speller => _speller.Value;

    /// <summary>Reads the dictionary now, if it has not been read.</summary>
    public void Load() => _ = _speller.Value;

    /// <summary>Every verdict known, from earlier runs and this one.</summary>
    public IEnumerable<KeyValuePair<string, bool>> Verdicts => _verdicts;

    /// <summary>The suggestions made for misspelled words, from earlier runs and this one.</summary>
    public IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> Suggestions => _suggestions;

    public bool Check(ReadOnlySpan<char> word)
    {
        var lookup = _verdicts.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(word, out var known))
        {
            return known;
        }

        var speller = _speller.Value;
        var verdict = speller.Check(word) || (word.Contains('’') && speller.Check(word.ToString().Replace('’', '\'')));
        lookup.TryAdd(word, verdict);
        return verdict;
    }

    /// <inheritdoc cref="HunspellSpeller.InflectionsOf"/>
    public IReadOnlyCollection<string> InflectionsOf(string word) => _speller.Value.InflectionsOf(word);

    /// <inheritdoc cref="HunspellSpeller.InSameForm"/>
    public string? InSameForm(string written, string word, string other) => _speller.Value.InSameForm(written, word, other);

    public IReadOnlyList<string> Suggest(string word, int max = 3) =>
        _suggestions.GetOrAdd(word, w => [.. _speller.Value.Suggest(w.Replace('’', '\''), max)]);
}
