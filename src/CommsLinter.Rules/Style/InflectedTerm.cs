using System.Collections.Concurrent;
using CommsLinter.Spelling;
using CommsLinter.Text;

namespace CommsLinter.Rules.Style;

/// <summary>
/// A term whose words match in every form the dictionary of the text's locale makes of them, written
/// <c>"najlepsze okna" inflected</c>: it finds "najlepszych okien" and "najlepszymi oknami". The forms
/// come from the dictionary's suffix rules, worked out once per locale; in a text without a locale,
/// and for a word no dictionary knows, a word matches as written. Words are runs of letters and digits
/// (a hyphen between them joins them, an apostrophe does not: Italian "dell'offerta" holds "offerta"),
/// separated in the text by white space only.
/// </summary>
public sealed class InflectedTerm
{
    private readonly string[] _words;
    private readonly Func<string, CachedSpeller?> _spellers;
    private readonly WordForms[] _asWritten;
    private readonly ConcurrentDictionary<string, WordForms[]> _byLocale = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="spellers">The dictionary of a locale, or null when it has none.</param>
    public InflectedTerm(string term, Func<string, CachedSpeller?> spellers)
    {
        _words = term.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        _spellers = spellers;
        _asWritten = [.. _words.Select(w => new WordForms([w]))];
    }

    /// <summary>The term's words, as written in the guide.</summary>
    public IReadOnlyList<string> Words => _words;

    /// <summary>Every occurrence of the term in any form in <paramref name="text"/>, as (start, length).</summary>
    /// <remarks>
    /// The forms of a word nearly always share their first letters ("okn" of okno, okien is the exception that
    /// shares "ok"), so a vectorised search for those finds the few places worth reading word by word.
    /// </remarks>
    public IEnumerable<(int Start, int Length)> Matches(string text, string? locale)
    {
        var forms = FormsIn(locale);
        var position = 0;
        while (NextCandidate(text, position, forms[0].Prefix, out var start, out var end))
        {
            position = end;
            var matchEnd = MatchEnd(text, start, end, forms);
            if (matchEnd > 0 && !Addresses.HidesMatch(text, start, matchEnd - start))
            {
                yield return (start, matchEnd - start);
            }
        }
    }

    /// <summary>The next word at or after <paramref name="from"/> that starts with <paramref name="prefix"/> (lower case; empty for any word).</summary>
    /// <remarks>
    /// The prefix's first letter is looked for in both cases at once, a vectorised search, and the rest compared where it
    /// is found: a case-insensitive search for a non-ASCII prefix ("najleps", "сам") would read the text far more slowly.
    /// </remarks>
    private static bool NextCandidate(string text, int from, string prefix, out int start, out int end)
    {
        if (prefix.Length == 0)
        {
            return NextWord(text, from, out start, out end);
        }

        var (lower, upper) = (prefix[0], char.ToUpperInvariant(prefix[0]));
        while (true)
        {
            var found = text.AsSpan(from).IndexOfAny(lower, upper);
            if (found < 0)
            {
                (start, end) = (text.Length, text.Length);
                return false;
            }

            var at = from + found;
            if (text.AsSpan(at).StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && IsWordStart(text, at) && NextWord(text, at, out start, out end))
            {
                return true;
            }

            from = at + 1;
        }
    }

    private static bool IsWordStart(string text, int at) =>
        at == 0 || (!char.IsLetterOrDigit(text[at - 1]) && !(text[at - 1] == '-' && at > 1 && char.IsLetterOrDigit(text[at - 2])));

    /// <summary>Whether <paramref name="match"/> is the term as the guide wrote it, whatever its capitals and spacing.</summary>
    public bool IsAsWritten(string match) => WordsOf(match).SequenceEqual(_words, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// <paramref name="replacement"/> put word by word in the forms that <paramref name="written"/> (a match) has,
    /// keeping each word's capitals; null when the replacement has another number of words or a word cannot take that form.
    /// </summary>
    public string? InSameForm(string written, string? locale, string replacement)
    {
        var writtenWords = WordsOf(written);
        var replacementWords = replacement.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (writtenWords.Count != _words.Length || replacementWords.Length != _words.Length)
        {
            return null;
        }

        var speller = locale is null ? null : _spellers(locale);
        var forms = new string[_words.Length];
        for (var i = 0; i < _words.Length; i++)
        {
            var form = writtenWords[i].Equals(_words[i], StringComparison.OrdinalIgnoreCase)
                ? replacementWords[i]
                : speller?.InSameForm(writtenWords[i], _words[i], replacementWords[i]);
            if (form is null)
            {
                return null;
            }

            forms[i] = form == replacementWords[i] ? form : WithCapitalsOf(writtenWords[i], form);
        }

        return string.Join(' ', forms);
    }

    /// <summary>
    /// <paramref name="word"/> with the capitals of <paramref name="model"/>: all capitals, a capital first, or none;
    /// a word that starts with the model ("NowakThermu" of "NowakTherm") keeps the model's own capitals.
    /// </summary>
    public static string WithCapitalsOf(string model, string word)
    {
        if (model.Length > 1 && model.All(c => !char.IsLetter(c) || char.IsUpper(c)))
        {
            return word.ToUpperInvariant();
        }

        if (word.StartsWith(model, StringComparison.OrdinalIgnoreCase))
        {
            return model + word[model.Length..].ToLowerInvariant();
        }

        var lower = word.ToLowerInvariant();
        return model.Length > 0 && char.IsUpper(model[0]) ? char.ToUpperInvariant(lower[0]) + lower[1..] : lower;
    }

    /// <summary>The words of <paramref name="text"/>, as this term reads them.</summary>
    public static List<string> WordsOf(string text)
    {
        var words = new List<string>();
        var position = 0;
        while (NextWord(text, position, out var start, out var end))
        {
            words.Add(text[start..end]);
            position = end;
        }

        return words;
    }

    /// <summary>Where the next word at or after <paramref name="from"/> starts and ends.</summary>
    public static bool NextWord(string text, int from, out int start, out int end)
    {
        start = from;
        while (start < text.Length && !char.IsLetterOrDigit(text[start]))
        {
            start++;
        }

        end = start;
        while (end < text.Length && (char.IsLetterOrDigit(text[end])
            || (text[end] == '-' && end + 1 < text.Length && char.IsLetterOrDigit(text[end + 1]))))
        {
            end++;
        }

        return end > start;
    }

    /// <summary>The end of the term when its first word is text[start, end), or -1.</summary>
    private static int MatchEnd(string text, int start, int end, WordForms[] forms)
    {
        if (!forms[0].Contains(text.AsSpan(start, end - start)))
        {
            return -1;
        }

        for (var i = 1; i < forms.Length; i++)
        {
            var next = end;
            while (next < text.Length && char.IsWhiteSpace(text[next]))
            {
                next++;
            }

            if (next == end || !NextWord(text, next, out var wordStart, out end) || wordStart != next || !forms[i].Contains(text.AsSpan(next, end - next)))
            {
                return -1;
            }
        }

        return end;
    }

    private WordForms[] FormsIn(string? locale) =>
        locale is null
            ? _asWritten
            : _byLocale.GetOrAdd(locale, l => _spellers(l) is { } speller ? [.. _words.Select(w => new WordForms(speller.InflectionsOf(w)))] : _asWritten);

    /// <summary>The forms of one word of the term, looked up without copying the text's word.</summary>
    private sealed class WordForms
    {
        private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

        public WordForms(IReadOnlyCollection<string> forms)
        {
            _lookup = new HashSet<string>(forms, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
            Prefix = forms.Select(f => f.ToLowerInvariant()).Aggregate((a, b) => a[..a.AsSpan().CommonPrefixLength(b)]);
        }

        /// <summary>What every form starts with, lower-cased; empty when they share nothing (then every word is read).</summary>
        public string Prefix { get; }

        public bool Contains(ReadOnlySpan<char> word) => _lookup.Contains(word);
    }
}
