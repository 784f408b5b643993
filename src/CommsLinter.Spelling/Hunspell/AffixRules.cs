using System.Text;

namespace CommsLinter.Spelling.Hunspell;

/// <summary>
/// Everything an .aff file declares: the encoding, the flag format and special flags, the affix
/// rules, compounding, input and output conversion, and the tables suggestions are made from.
/// </summary>
internal sealed class AffixRules
{
    public required Encoding Encoding { get; init; }

    public bool IsUtf8 => Encoding.CodePage == Encoding.UTF8.CodePage;

    public required FlagParser Flags { get; init; }

    public FlagSets FlagSets { get; } = new();

    /// <summary>AF: flag-set ids by 1-based alias number (index 0 unused).</summary>
    public List<int> FlagAliases { get; } = [0];

    // Set by the reader once every PFX and SFX table has been read.
    public AffixIndex Prefixes { get; set; } = null!;

    public AffixIndex Suffixes { get; set; } = null!;

    /// <summary>Flags that appear as a continuation class of some affix (two-level affixes).</summary>
    public HashSet<char> ContinuationFlags { get; } = [];

    public char ForbiddenWord { get; set; } = FlagParser.ForbiddenWordDefault;

    public char KeepCase { get; set; }

    public char NeedAffix { get; set; }

    public char OnlyInCompound { get; set; }

    public char Circumfix { get; set; }

    public char NoSuggest { get; set; }

    public char Warn { get; set; }

    public bool ForbidWarn { get; set; }

    public char CompoundFlag { get; set; }

    public char CompoundBegin { get; set; }

    public char CompoundMiddle { get; set; }

    public char CompoundEnd { get; set; }

    public int CompoundMin { get; set; } = 3;

    public List<CompoundRule> CompoundRules { get; } = [];

    public bool FullStrip { get; set; }

    public string Language { get; set; } = string.Empty;

    public string TryChars { get; set; } = string.Empty;

    public string Keyboard { get; set; } = "qwertyuiop|asdfghjkl|zxcvbnm";

    public string WordChars { get; set; } = string.Empty;

    public string IgnoreChars { get; set; } = string.Empty;

    /// <summary>BREAK patterns; Hunspell's default when the file has no BREAK table.</summary>
    public List<string> BreakPatterns { get; set; } = ["-", "^-", "-$"];

    public Replacements Rep { get; set; } = new([]);

    public Replacements? InputConversion { get; set; }

    public Replacements? OutputConversion { get; set; }

    /// <summary>MAP: groups of related characters (or multi-character strings) that are often confused.</summary>
    public List<string[]> Map { get; } = [];

    public int MaxNgramSuggestions { get; set; } = 4;

    public bool NoSplitSuggestions { get; set; }

    public bool HasCompounding => CompoundRules.Count > 0 || CompoundFlag != 0 || CompoundBegin != 0;
}

/// <summary>
/// A COMPOUNDRULE: a pattern over flags, each optionally followed by '*' (any number) or '?' (at most
/// one), that the flags of a compound's parts must match in order.
/// </summary>
internal sealed class CompoundRule(IReadOnlyList<CompoundRule.Step> steps)
{
    public IReadOnlyList<Step> Steps { get; } = steps;

    /// <summary>Whether parts with these flag sets match the whole rule, or, when <paramref name="prefixOnly"/>, can still be extended to match it.</summary>
    public bool Matches(ReadOnlySpan<int> partFlagSets, FlagSets sets, bool prefixOnly) => Match(0, partFlagSets, sets, prefixOnly);

    private bool Match(int step, ReadOnlySpan<int> parts, FlagSets sets, bool prefixOnly)
    {
        if (parts.IsEmpty)
        {
            if (prefixOnly)
            {
                return true;
            }

            for (var s = step; s < Steps.Count; s++)
            {
                if (Steps[s].Quantifier == '\0')
                {
                    return false;
                }
            }

            return true;
        }

        if (step == Steps.Count)
        {
            return false;
        }

        var current = Steps[step];
        var fits = sets.Has(parts[0], current.Flag);
        return current.Quantifier switch
        {
            '*' => (fits && Match(step, parts[1..], sets, prefixOnly)) || Match(step + 1, parts, sets, prefixOnly),
            '?' => (fits && Match(step + 1, parts[1..], sets, prefixOnly)) || Match(step + 1, parts, sets, prefixOnly),
            _ => fits && Match(step + 1, parts[1..], sets, prefixOnly),
        };
    }

    public readonly record struct Step(char Flag, char Quantifier);
}
