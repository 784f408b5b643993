namespace CommsLinter.Spelling.Hunspell;

/// <summary>
/// Word forms from the affix rules: every form that the suffixes of a word's dictionary entries make
/// (the cases and numbers of Polish, Russian and Italian nouns and adjectives), and another word put
/// in the same form. Prefixes are left out: they make other words (Polish nie-, English re-) or attach
/// an article (Italian l'), which the text's own word boundaries already separate.
/// </summary>
public sealed partial class HunspellSpeller
{
    /// <summary>
    /// The forms of every entry that makes <paramref name="word"/>, the word among them; only the word
    /// when no entry makes it with a suffix (an unknown word, a name, a compound).
    /// </summary>
    public IReadOnlyCollection<string> InflectionsOf(string word)
    {
        var forms = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { word };
        foreach (var entry in EntriesMaking(word))
        {
            foreach (var (_, _, form) in SuffixFormsOf(entry))
            {
                forms.Add(form);
            }
        }

        return forms;
    }

    /// <summary>
    /// <paramref name="other"/> in the form that <paramref name="written"/> has as a form of
    /// <paramref name="word"/> ("tanich" from "najlepszych" of "najlepsze" and "tanie"), or null when
    /// no single form fits. The affix files carry no grammar, so a form is known only by the suffix
    /// rule that makes it: the other word must take a rule of the same flag that strips and appends
    /// the same letters. Words of different declensions (Russian лучший and дешёвый) get no form
    /// rather than a wrong one.
    /// </summary>
    public string? InSameForm(string written, string word, string other)
    {
        if (written.Equals(word, StringComparison.OrdinalIgnoreCase))
        {
            return other;
        }

        var slots = new HashSet<FormSlot>();
        foreach (var entry in ParadigmsMaking(word))
        {
            foreach (var (_, slot, form) in SuffixFormsOf(entry))
            {
                if (form.Equals(written, StringComparison.OrdinalIgnoreCase))
                {
                    slots.Add(slot);
                }
            }
        }

        string? result = null;
        foreach (var entry in ParadigmsMaking(other))
        {
            foreach (var (_, slot, form) in SuffixFormsOf(entry))
            {
                if (!slots.Contains(slot))
                {
                    continue;
                }

                if (result is not null && !result.Equals(form, StringComparison.Ordinal))
                {
                    return null;
                }

                result = form;
            }
        }

        return result;
    }

    /// <summary>
    /// The entries that make <paramref name="word"/> and take suffixes: an entry without any is a form listed on its
    /// own (Polish "najlepsze" beside "najlepszy"), whose stem says nothing of the form it is.
    /// </summary>
    private IEnumerable<int> ParadigmsMaking(string word) => EntriesMaking(word).Where(e => SuffixFormsOf(e).Any(f => f.Suffix is not null));

    /// <summary>The entries that make <paramref name="word"/> (or its lower-case form) as their stem or with one of their suffixes.</summary>
    private List<int> EntriesMaking(string word)
    {
        var entries = new List<int>();
        var lower = word.ToLowerInvariant();
        foreach (var candidate in lower == word ? [word] : new[] { word, lower })
        {
            for (var entry = Words.Find(candidate); entry >= 0; entry = Words.NextHomonym(entry))
            {
                if (!Has(entry, Rules.NeedAffix) && !Has(entry, Rules.OnlyInCompound) && !entries.Contains(entry))
                {
                    entries.Add(entry);
                }
            }

            for (var length = 0; length <= Math.Min(candidate.Length - 1, Rules.Suffixes.MaxAppendLength); length++)
            {
                var rest = candidate[..^length];
                foreach (var suffix in Rules.Suffixes.WithAppend(candidate.AsSpan(candidate.Length - length)))
                {
                    var stem = rest + suffix.Strip;
                    for (var entry = Words.Find(stem); entry >= 0; entry = Words.NextHomonym(entry))
                    {
                        if (Has(entry, suffix.Flag) && suffix.Condition.MatchesEnd(stem) && !Has(entry, Rules.OnlyInCompound) && !entries.Contains(entry))
                        {
                            entries.Add(entry);
                        }
                    }
                }
            }
        }

        return entries;
    }

    /// <summary>The stem of <paramref name="entry"/> (no suffix, slot 0) and each form its suffixes make, with the slot that names the form.</summary>
    private IEnumerable<(AffixEntry? Suffix, FormSlot Slot, string Form)> SuffixFormsOf(int entry)
    {
        var stem = Words.TextOf(entry).ToString();
        if (!Has(entry, Rules.NeedAffix) && !Has(entry, Rules.OnlyInCompound))
        {
            yield return (null, default, stem);
        }

        var flags = Words.FlagsOf(entry);
        foreach (var suffix in Rules.Suffixes.All)
        {
            if (_sets.Has(flags, suffix.Flag) && stem.Length > suffix.Strip.Length
                && stem.EndsWith(suffix.Strip, StringComparison.Ordinal) && suffix.Condition.MatchesEnd(stem))
            {
                yield return (suffix, new FormSlot(suffix.Flag, suffix.Strip, suffix.Append), stem[..^suffix.Strip.Length] + suffix.Append);
            }
        }
    }

    /// <summary>A form as the affix file makes it: a suffix rule's flag, what it strips and what it appends; the default is the stem itself.</summary>
    private readonly record struct FormSlot(char Flag, string? Strip, string? Append);
}
