namespace CommsLinter.Spelling.Hunspell;

/// <summary>
/// Compounds: a word made of dictionary parts of at least COMPOUNDMIN characters, either matching a
/// COMPOUNDRULE over the parts' flags (English ordinals: "21st", "111th") or made of parts that carry
/// COMPOUNDFLAG (or COMPOUNDBEGIN, COMPOUNDMIDDLE and COMPOUNDEND in their places).
/// </summary>
public sealed partial class HunspellSpeller
{
    private int CompoundCheck(ReadOnlySpan<char> word)
    {
        if (word.Length < 2 * Rules.CompoundMin)
        {
            return -1;
        }

        Span<int> parts = stackalloc int[word.Length];
        if (Rules.CompoundRules.Count > 0 && CompoundByRules(word, 0, parts, 0) is var byRule and >= 0)
        {
            return byRule;
        }

        return Rules.CompoundFlag != 0 || Rules.CompoundBegin != 0 ? CompoundByFlags(word, 0, 0) : -1;
    }

    private int CompoundByRules(ReadOnlySpan<char> word, int start, Span<int> parts, int count)
    {
        var min = Rules.CompoundMin;
        for (var end = start + min; end <= word.Length; end++)
        {
            var rest = word.Length - end;
            if ((rest > 0 && rest < min) || (rest == 0 && count == 0))
            {
                continue;
            }

            for (var entry = Words.Find(word[start..end]); entry >= 0; entry = Words.NextHomonym(entry))
            {
                if (Has(entry, Rules.NeedAffix) || Has(entry, Rules.ForbiddenWord))
                {
                    continue;
                }

                parts[count] = Words.FlagsOf(entry);
                var sequence = parts[..(count + 1)];
                if (rest == 0)
                {
                    if (AnyRuleMatches(sequence, prefixOnly: false))
                    {
                        return entry;
                    }
                }
                else if (AnyRuleMatches(sequence, prefixOnly: true) && CompoundByRules(word, end, parts, count + 1) is var found and >= 0)
                {
                    return found;
                }
            }
        }

        return -1;
    }

    private bool AnyRuleMatches(ReadOnlySpan<int> parts, bool prefixOnly)
    {
        foreach (var rule in Rules.CompoundRules)
        {
            if (rule.Matches(parts, _sets, prefixOnly))
            {
                return true;
            }
        }

        return false;
    }

    private int CompoundByFlags(ReadOnlySpan<char> word, int start, int count)
    {
        var min = Rules.CompoundMin;
        for (var end = start + min; end <= word.Length; end++)
        {
            var rest = word.Length - end;
            if ((rest > 0 && rest < min) || (rest == 0 && count == 0))
            {
                continue;
            }

            var positionFlag = count == 0 ? Rules.CompoundBegin : rest == 0 ? Rules.CompoundEnd : Rules.CompoundMiddle;
            var part = word[start..end];
            var entry = CompoundPart(part, Rules.CompoundFlag);
            if (entry < 0 && positionFlag != 0)
            {
                entry = CompoundPart(part, positionFlag);
            }

            if (entry < 0)
            {
                continue;
            }

            if (rest == 0)
            {
                return entry;
            }

            if (CompoundByFlags(word, end, count + 1) is var found and >= 0)
            {
                return found;
            }
        }

        return -1;
    }

    private int CompoundPart(ReadOnlySpan<char> part, char flag)
    {
        if (flag == 0)
        {
            return -1;
        }

        for (var entry = Words.Find(part); entry >= 0; entry = Words.NextHomonym(entry))
        {
            if (Has(entry, flag) && !Has(entry, Rules.NeedAffix) && !Has(entry, Rules.ForbiddenWord))
            {
                return entry;
            }
        }

        return AffixCheck(part, flag, '\0');
    }
}
