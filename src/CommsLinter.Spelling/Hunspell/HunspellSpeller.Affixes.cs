namespace CommsLinter.Spelling.Hunspell;

/// <summary>
/// Stripping affixes: a word is correct when removing a prefix, a suffix, both (cross product), or a
/// suffix and the suffix it continues (two-level) leaves a stem whose flags allow exactly that.
/// </summary>
public sealed partial class HunspellSpeller
{
    private int AffixCheck(ReadOnlySpan<char> word, char needFlag, char avoid)
    {
        var entry = PrefixCheck(word, needFlag, avoid);
        if (entry >= 0)
        {
            return entry;
        }

        entry = SuffixCheck(word, crossWith: null, continuing: '\0', needFlag, avoid);
        if (entry >= 0 || Rules.ContinuationFlags.Count == 0)
        {
            return entry;
        }

        entry = TwoSuffixCheck(word, crossWith: null, needFlag);
        return entry >= 0 ? entry : PrefixThenTwoSuffixCheck(word, needFlag);
    }

    private int PrefixCheck(ReadOnlySpan<char> word, char needFlag, char avoid)
    {
        Span<char> stem = stackalloc char[word.Length + _maxStrip];
        var longest = Math.Min(word.Length, Rules.Prefixes.MaxAppendLength);
        for (var length = 0; length <= longest; length++)
        {
            foreach (var prefix in Rules.Prefixes.WithAppend(word[..length]))
            {
                if (_sets.Has(prefix.Continuation, Rules.OnlyInCompound))
                {
                    continue;
                }

                var entry = PrefixEntryCheck(prefix, word, stem, needFlag);
                if (entry >= 0 && !(avoid != 0 && Has(entry, avoid)))
                {
                    return entry;
                }
            }
        }

        return -1;
    }

    private int PrefixEntryCheck(AffixEntry prefix, ReadOnlySpan<char> word, Span<char> buffer, char needFlag)
    {
        var rest = word.Length - prefix.Append.Length;
        if (rest <= 0 && !(rest == 0 && Rules.FullStrip))
        {
            return -1;
        }

        prefix.Strip.CopyTo(buffer);
        word[prefix.Append.Length..].CopyTo(buffer[prefix.Strip.Length..]);
        var stem = buffer[..(prefix.Strip.Length + rest)];
        if (!prefix.Condition.MatchesStart(stem))
        {
            return -1;
        }

        for (var entry = Words.Find(stem); entry >= 0; entry = Words.NextHomonym(entry))
        {
            if (PrefixApplies(prefix, entry, needFlag))
            {
                return entry;
            }
        }

        return prefix.CrossProduct ? SuffixCheck(stem, crossWith: prefix, continuing: '\0', needFlag, '\0') : -1;
    }

    private bool PrefixApplies(AffixEntry prefix, int entry, char needFlag) =>
        Has(entry, prefix.Flag)
        && !_sets.Has(prefix.Continuation, Rules.NeedAffix)
        && !_sets.Has(prefix.Continuation, Rules.Circumfix)
        && (needFlag == 0 || Has(entry, needFlag) || _sets.Has(prefix.Continuation, needFlag));

    /// <param name="crossWith">The prefix already stripped, when checking a cross product.</param>
    /// <param name="continuing">The flag of an outer suffix this one must carry as a continuation class (two-level suffixes).</param>
    /// <remarks>
    /// Entries with the same appended text are sorted by what they strip, so the stem is built and
    /// looked up once for all of them; most entries then fail on the lookup alone.
    /// </remarks>
    private int SuffixCheck(ReadOnlySpan<char> word, AffixEntry? crossWith, char continuing, char needFlag, char avoid)
    {
        Span<char> buffer = stackalloc char[word.Length + _maxStrip];
        var longest = Math.Min(word.Length, Rules.Suffixes.MaxAppendLength);
        for (var length = 0; length <= longest; length++)
        {
            var rest = word.Length - length;
            if (rest <= 0 && !(rest == 0 && Rules.FullStrip))
            {
                continue;
            }

            string? strip = null;
            var stemLength = 0;
            var stemEntry = -1;
            foreach (var suffix in Rules.Suffixes.WithAppend(word[rest..]))
            {
                if ((crossWith is not null && !suffix.CrossProduct)
                    || (length == 0 && continuing != 0 && suffix.Continuation == 0)
                    || rest + suffix.Strip.Length < suffix.Condition.Length
                    || !SuffixAllowed(crossWith, suffix, continuing))
                {
                    continue;
                }

                if (!string.Equals(strip, suffix.Strip, StringComparison.Ordinal))
                {
                    strip = suffix.Strip;
                    word[..rest].CopyTo(buffer);
                    strip.CopyTo(buffer[rest..]);
                    stemLength = rest + strip.Length;
                    stemEntry = Words.Find(buffer[..stemLength]);
                }

                if (stemEntry < 0 || !suffix.Condition.MatchesEnd(buffer[..stemLength]))
                {
                    continue;
                }

                for (var entry = stemEntry; entry >= 0; entry = Words.NextHomonym(entry))
                {
                    if (SuffixApplies(suffix, entry, crossWith, continuing, needFlag))
                    {
                        if (avoid == 0 || !Has(entry, avoid))
                        {
                            return entry;
                        }

                        break;
                    }
                }
            }
        }

        return -1;
    }

    private bool SuffixAllowed(AffixEntry? prefix, AffixEntry suffix, char continuing)
    {
        if (Rules.Circumfix != 0
            && (prefix is not null && _sets.Has(prefix.Continuation, Rules.Circumfix)) != _sets.Has(suffix.Continuation, Rules.Circumfix))
        {
            return false;
        }

        if (_sets.Has(suffix.Continuation, Rules.OnlyInCompound))
        {
            return false;
        }

        // A suffix that needs a further affix stands only as an inner suffix or beside a prefix that needs none.
        return continuing != 0
            || !_sets.Has(suffix.Continuation, Rules.NeedAffix)
            || (prefix is not null && !_sets.Has(prefix.Continuation, Rules.NeedAffix));
    }

    private bool SuffixApplies(AffixEntry suffix, int entry, AffixEntry? prefix, char continuing, char needFlag)
    {
        if (!Has(entry, suffix.Flag) && !(prefix is not null && _sets.Has(prefix.Continuation, suffix.Flag)))
        {
            return false;
        }

        if (prefix is not null && !Has(entry, prefix.Flag) && !_sets.Has(suffix.Continuation, prefix.Flag))
        {
            return false;
        }

        if (continuing != 0 && !_sets.Has(suffix.Continuation, continuing))
        {
            return false;
        }

        // Outside compounds a stem marked only-in-compound takes no suffix.
        if (Has(entry, Rules.OnlyInCompound))
        {
            return false;
        }

        return needFlag == 0 || Has(entry, needFlag) || _sets.Has(suffix.Continuation, needFlag);
    }

    /// <summary>Two suffixes: the outer one is stripped, then an inner one whose continuation classes allow it.</summary>
    private int TwoSuffixCheck(ReadOnlySpan<char> word, AffixEntry? crossWith, char needFlag)
    {
        Span<char> stem = stackalloc char[word.Length + _maxStrip];
        var longest = Math.Min(word.Length, Rules.Suffixes.MaxAppendLength);
        for (var length = 0; length <= longest; length++)
        {
            foreach (var outer in Rules.Suffixes.WithAppend(word[(word.Length - length)..]))
            {
                if (!Rules.ContinuationFlags.Contains(outer.Flag) || (crossWith is not null && !outer.CrossProduct))
                {
                    continue;
                }

                var rest = word.Length - outer.Append.Length;
                if ((rest <= 0 && !(rest == 0 && Rules.FullStrip)) || rest + outer.Strip.Length < outer.Condition.Length)
                {
                    continue;
                }

                word[..rest].CopyTo(stem);
                outer.Strip.CopyTo(stem[rest..]);
                var inner = stem[..(rest + outer.Strip.Length)];
                if (!outer.Condition.MatchesEnd(inner))
                {
                    continue;
                }

                var prefix = crossWith is not null && !_sets.Has(outer.Continuation, crossWith.Flag) ? crossWith : null;
                var entry = SuffixCheck(inner, prefix, outer.Flag, needFlag, '\0');
                if (entry >= 0)
                {
                    return entry;
                }
            }
        }

        return -1;
    }

    private int PrefixThenTwoSuffixCheck(ReadOnlySpan<char> word, char needFlag)
    {
        Span<char> stem = stackalloc char[word.Length + _maxStrip];
        var longest = Math.Min(word.Length, Rules.Prefixes.MaxAppendLength);
        for (var length = 0; length <= longest; length++)
        {
            foreach (var prefix in Rules.Prefixes.WithAppend(word[..length]))
            {
                var rest = word.Length - prefix.Append.Length;
                if (!prefix.CrossProduct || (rest <= 0 && !(rest == 0 && Rules.FullStrip)) || rest + prefix.Strip.Length < prefix.Condition.Length)
                {
                    continue;
                }

                prefix.Strip.CopyTo(stem);
                word[prefix.Append.Length..].CopyTo(stem[prefix.Strip.Length..]);
                var inner = stem[..(prefix.Strip.Length + rest)];
                if (prefix.Condition.MatchesStart(inner))
                {
                    var entry = TwoSuffixCheck(inner, prefix, needFlag);
                    if (entry >= 0)
                    {
                        return entry;
                    }
                }
            }
        }

        return -1;
    }
}
