using System.Text;

namespace CommsLinter.Spelling.Hunspell;

/// <summary>
/// Suggestions for a misspelled word, most likely first. Candidates come from the dictionary's own
/// knowledge of typical errors (REP pairs, MAP groups of related letters such as e/ę or e/é), then
/// from one edit (swapped, missing, extra or wrong letter, neighbouring keys from KEY, letters from
/// TRY), then from more related letters at once, then from splitting into two words, and only when those find too little, from the stems
/// that share most letter pairs with the word (n-grams), expanded with their affixes.
/// </summary>
public sealed partial class HunspellSpeller
{
    /// <summary>
    /// How many candidates one word's suggestions may check: a budget of work rather than of time,
    /// so a foreign or garbled word cannot stall a run and the suggestions (and so every report)
    /// are the same on any machine under any load.
    /// </summary>
    private const int MaxCandidateChecks = 8_000;

    // "platnosc" needs three letters mapped to become "płatność".
    private const int MaxMapChanges = 4;

    public IReadOnlyList<string> Suggest(string word, int max = 5)
    {
        if (word.Length == 0 || TooLong(word))
        {
            return [];
        }

        var capType = Casing.Classify(word);
        var source = capType is CapType.Initial or CapType.All ? word.ToLowerInvariant() : word;
        // A capitalised or upper-case misspelling may be a name's: its candidates are looked up capitalised too ("Warszwa", "WARSZWA": "Warszawa").
        var search = new CandidateSearch(this, source, capitalisedToo: capType is CapType.Initial or CapType.All);
        search.Consider(Casing.Capitalise(source), Tier.Case);
        search.Consider(word.ToLowerInvariant(), Tier.Case);
        if (search.Found == 0)
        {
            // An acronym written in lower case: "nato" for "NATO".
            search.Consider(word.ToUpperInvariant(), Tier.Case);
        }
        Replace(search);
        // One related letter first, then the plain edits, then more related letters: a table of many related
        // letters (Italian's accented vowels) could otherwise spend the whole budget before a single edit.
        MapLetters(search, source, 0, 0, 1);
        Swap(search);
        KeyNeighbours(search);
        SingleEdits(search);
        MapLetters(search, source, 0, 0, MaxMapChanges);
        Split(search);
        if (search.Found == 0 && !search.OutOfBudget)
        {
            NgramCandidates(search, max);
        }

        // OCONV turns the dictionary's spelling back into the text's (an apostrophe, a ligature).
        return [.. search.Ranked().Take(max).Select(s => RestoreCase(s, capType)).Select(s => Rules.OutputConversion?.Convert(s) ?? s)];
    }

    private static string RestoreCase(string suggestion, CapType capType) => capType switch
    {
        CapType.Initial => Casing.Capitalise(suggestion),
        CapType.All => suggestion.ToUpperInvariant(),
        _ => suggestion,
    };

    private void Replace(CandidateSearch search)
    {
        var word = search.Source;
        foreach (var pair in Rules.Rep.Pairs)
        {
            for (var at = word.IndexOf(pair.Pattern, StringComparison.Ordinal); at >= 0; at = word.IndexOf(pair.Pattern, at + 1, StringComparison.Ordinal))
            {
                if ((pair.AtStart && at != 0) || (pair.AtEnd && at + pair.Pattern.Length != word.Length))
                {
                    continue;
                }

                var candidate = string.Concat(word.AsSpan(0, at), pair.Replacement, word.AsSpan(at + pair.Pattern.Length));
                if (candidate.Contains(' ', StringComparison.Ordinal))
                {
                    search.ConsiderWords(candidate, Tier.Typical);
                }
                else
                {
                    search.Consider(candidate, Tier.Typical);
                }
            }
        }
    }

    /// <summary>Every way of replacing up to <paramref name="most"/> letters with related ones from MAP groups.</summary>
    private void MapLetters(CandidateSearch search, string word, int from, int changes, int most)
    {
        if (changes > 0)
        {
            search.Consider(word, Tier.Typical);
        }

        if (changes == most || search.OutOfBudget)
        {
            return;
        }

        for (var i = from; i < word.Length; i++)
        {
            foreach (var group in Rules.Map)
            {
                foreach (var item in group)
                {
                    if (string.CompareOrdinal(word, i, item, 0, item.Length) != 0)
                    {
                        continue;
                    }

                    foreach (var other in group)
                    {
                        if (other != item)
                        {
                            var candidate = string.Concat(word.AsSpan(0, i), other, word.AsSpan(i + item.Length));
                            MapLetters(search, candidate, i + other.Length, changes + 1, most);
                        }
                    }
                }
            }
        }
    }

    private static void Swap(CandidateSearch search)
    {
        var chars = search.Source.ToCharArray();
        for (var i = 0; i < chars.Length - 1; i++)
        {
            for (var distance = 1; distance <= 4 && i + distance < chars.Length; distance++)
            {
                (chars[i], chars[i + distance]) = (chars[i + distance], chars[i]);
                search.Consider(new string(chars), distance == 1 ? Tier.Known : Tier.Edit);
                (chars[i], chars[i + distance]) = (chars[i + distance], chars[i]);
            }
        }

        // A letter moved: "lteter" is "letter" with the t carried forward.
        for (var i = 0; i < chars.Length; i++)
        {
            for (var j = 0; j < chars.Length; j++)
            {
                if (Math.Abs(i - j) > 1 && Math.Abs(i - j) <= 4)
                {
                    var moved = new StringBuilder(search.Source).Remove(i, 1).Insert(j > i ? j - 1 : j, chars[i]).ToString();
                    search.Consider(moved, Tier.Edit);
                }
            }
        }
    }

    private void KeyNeighbours(CandidateSearch search)
    {
        var word = search.Source;
        var rows = Rules.Keyboard.Split('|');
        for (var i = 0; i < word.Length; i++)
        {
            var upper = char.ToUpperInvariant(word[i]);
            if (upper != word[i])
            {
                search.Consider(string.Concat(word.AsSpan(0, i), upper.ToString(), word.AsSpan(i + 1)), Tier.Edit);
            }

            foreach (var row in rows)
            {
                for (var at = row.IndexOf(word[i], StringComparison.Ordinal); at >= 0; at = row.IndexOf(word[i], at + 1))
                {
                    if (at > 0)
                    {
                        search.Consider(string.Concat(word.AsSpan(0, i), row[at - 1].ToString(), word.AsSpan(i + 1)), Tier.Known);
                    }

                    if (at < row.Length - 1)
                    {
                        search.Consider(string.Concat(word.AsSpan(0, i), row[at + 1].ToString(), word.AsSpan(i + 1)), Tier.Known);
                    }
                }
            }
        }
    }

    private void SingleEdits(CandidateSearch search)
    {
        var word = search.Source;
        for (var i = 0; i < word.Length; i++)
        {
            search.Consider(word.Remove(i, 1), Tier.Edit);
        }

        // Capitals from TRY only matter inside a word that has capitals.
        var hasCapitals = Casing.Classify(word) != CapType.None;
        foreach (var letter in _editLetters.Value)
        {
            if (!hasCapitals && char.IsUpper(letter))
            {
                continue;
            }

            var text = letter.ToString();
            for (var i = 0; i <= word.Length; i++)
            {
                search.Consider(word.Insert(i, text), Tier.Edit);
                if (i < word.Length && word[i] != letter)
                {
                    search.Consider(string.Concat(word.AsSpan(0, i), text, word.AsSpan(i + 1)), Tier.Edit);
                }
            }
        }
    }

    /// <summary>
    /// TRY's letters, then any lower-case letter that TRY leaves out although many of the dictionary's words
    /// use it: Russian's TRY has no ё, so "водоподъъма" could become "водоподъема" but never "водоподъёма".
    /// </summary>
    private string EditLetters()
    {
        var counts = new Dictionary<char, int>();
        for (var entry = 0; entry < Words.Count; entry++)
        {
            foreach (var c in Words.TextOf(entry))
            {
                if (char.IsLower(c) && !Rules.TryChars.Contains(c, StringComparison.Ordinal))
                {
                    counts[c] = counts.GetValueOrDefault(c) + 1;
                }
            }
        }

        var common = Math.Max(50, Words.Count / 1000);
        return Rules.TryChars + string.Concat(counts.Where(p => p.Value >= common).OrderByDescending(p => p.Value).ThenBy(p => p.Key).Select(p => p.Key));
    }

    private void Split(CandidateSearch search)
    {
        if (Rules.NoSplitSuggestions)
        {
            return;
        }

        var word = search.Source;
        for (var i = 1; i < word.Length; i++)
        {
            search.ConsiderWords(string.Concat(word.AsSpan(0, i), " ", word.AsSpan(i)), Tier.Split);
        }
    }

    /// <summary>
    /// The stems sharing most letter pairs with the word, expanded with their affixes; the forms
    /// closest in edit distance are kept. Costs one pass over the stems, so it runs only when the
    /// cheaper searches found too little.
    /// </summary>
    private void NgramCandidates(CandidateSearch search, int max)
    {
        var word = search.Source.ToLowerInvariant();
        if (word.Length < 3)
        {
            return;
        }

        var best = new PriorityQueue<int, int>();
        Span<char> lowered = stackalloc char[MaxWordLength * 3];
        for (var entry = 0; entry < Words.Count; entry++)
        {
            var stem = Words.TextOf(entry);
            if (stem.Length > lowered.Length || Math.Abs(stem.Length - word.Length) > word.Length / 2 + 2
                || Has(entry, Rules.NoSuggest) || Has(entry, Rules.ForbiddenWord) || Has(entry, FlagParser.OnlyUpcase))
            {
                continue;
            }

            Casing.ToLower(stem, lowered);
            var score = SharedBigrams(word, lowered[..stem.Length]) * 4 - Math.Abs(stem.Length - word.Length);
            best.Enqueue(entry, score);
            if (best.Count > 40)
            {
                best.Dequeue();
            }
        }

        var forms = new List<(string Form, int Distance)>();
        while (best.TryDequeue(out var entry, out _))
        {
            foreach (var form in FormsOf(entry))
            {
                var distance = EditDistance(word, form.ToLowerInvariant());
                if (distance <= Math.Max(2, word.Length / 3))
                {
                    forms.Add((form, distance));
                }
            }
        }

        foreach (var (form, _) in forms.OrderBy(f => f.Distance).ThenBy(f => f.Form, StringComparer.Ordinal).Take(Math.Max(max, Rules.MaxNgramSuggestions)))
        {
            search.Consider(form, Tier.Similar);
        }
    }

    /// <summary>The stem of <paramref name="entry"/> and every form its prefixes and suffixes make.</summary>
    internal IEnumerable<string> FormsOf(int entry)
    {
        var stem = Words.TextOf(entry).ToString();
        var flags = Words.FlagsOf(entry);
        var suffixed = new List<(AffixEntry Suffix, string Form)>();
        foreach (var (suffix, _, form) in SuffixFormsOf(entry))
        {
            if (suffix is not null)
            {
                suffixed.Add((suffix, form));
            }

            yield return form;
        }

        foreach (var prefix in Rules.Prefixes.All)
        {
            if (!_sets.Has(flags, prefix.Flag) || !prefix.Condition.MatchesStart(stem) || !stem.StartsWith(prefix.Strip, StringComparison.Ordinal))
            {
                continue;
            }

            yield return prefix.Append + stem[prefix.Strip.Length..];
            if (!prefix.CrossProduct)
            {
                continue;
            }

            foreach (var (suffix, form) in suffixed)
            {
                if (suffix.CrossProduct && prefix.Condition.MatchesStart(form) && form.StartsWith(prefix.Strip, StringComparison.Ordinal))
                {
                    yield return prefix.Append + form[prefix.Strip.Length..];
                }
            }
        }
    }

    private static int SharedBigrams(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var shared = 0;
        for (var i = 0; i < a.Length - 1; i++)
        {
            var pair = a.Slice(i, 2);
            if (b.IndexOf(pair) >= 0)
            {
                shared++;
            }
        }

        return shared;
    }

    internal static int EditDistance(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
            }

            current.CopyTo(previous);
        }

        return previous[b.Length];
    }

    /// <summary>Candidate sources, most trusted first: the dictionary's own REP and MAP tables before generic edits.</summary>
    private enum Tier
    {
        Case,
        Typical,
        Known,
        Edit,
        Split,
        Similar,
    }

    /// <summary>The candidates found so far with their tier and closeness to the misspelling.</summary>
    private sealed class CandidateSearch(HunspellSpeller speller, string source, bool capitalisedToo)
    {
        private readonly Dictionary<string, (Tier Tier, int Order)> _found = new(StringComparer.Ordinal);
        private readonly HashSet<string> _tried = new(StringComparer.Ordinal);

        public bool OutOfBudget => _tried.Count >= MaxCandidateChecks;

        public string Source { get; } = source;

        private readonly string _lowerSource = source.ToLowerInvariant();

        public int Found => _found.Count;

        public void Consider(string candidate, Tier tier)
        {
            if (OutOfBudget || candidate == Source || !_tried.Add(candidate))
            {
                return;
            }

            if (IsSuggestible(candidate) || (capitalisedToo && IsSuggestible(Casing.Capitalise(candidate))))
            {
                _found[candidate] = (tier, _found.Count);
            }
        }

        private bool IsSuggestible(string candidate) =>
            speller.Spell(candidate, 0, out var root) && root >= 0 && !speller.Has(root, speller.Rules.NoSuggest);

        /// <summary>A candidate of several words: each must be correct on its own.</summary>
        public void ConsiderWords(string candidate, Tier tier)
        {
            if (OutOfBudget || !_tried.Add(candidate))
            {
                return;
            }

            foreach (var part in candidate.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (part.Length < 2 || !speller.Spell(part, 0, out var root) || root < 0 || speller.Has(root, speller.Rules.NoSuggest))
                {
                    return;
                }
            }

            _found[candidate] = (tier, _found.Count);
        }

        public IEnumerable<string> Ranked() => _found
            .OrderBy(f => f.Value.Tier)
            .ThenByDescending(f => Closeness(f.Key))
            .ThenBy(f => f.Value.Order)
            .Select(f => f.Key);

        /// <summary>Shared letter pairs, a shared beginning and the same length make a candidate closer.</summary>
        private int Closeness(string candidate)
        {
            var a = _lowerSource;
            var b = candidate.ToLowerInvariant();
            var sharedStart = Math.Min(3, a.AsSpan().CommonPrefixLength(b));
            // A letter missing or doubled is one edit, like a wrong one: the length tells only past that.
            return (SharedBigrams(a, b) * 2) + sharedStart - Math.Max(0, Math.Abs(a.Length - b.Length) - 1) - (EditDistance(a, b) * 2);
        }
    }
}
