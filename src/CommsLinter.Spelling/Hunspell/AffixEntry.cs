namespace CommsLinter.Spelling.Hunspell;

/// <summary>
/// One PFX or SFX line: the flag it belongs to, what it strips from the stem and appends, the
/// condition on the stem, and the continuation flags it gives the word (two-level affixes).
/// </summary>
internal sealed class AffixEntry(char flag, bool isPrefix, bool crossProduct, string strip, string append, int continuation, AffixCondition condition)
{
    public char Flag { get; } = flag;

    public bool IsPrefix { get; } = isPrefix;

    public bool CrossProduct { get; } = crossProduct;

    public string Strip { get; } = strip;

    public string Append { get; } = append;

    /// <summary>The flag set (in the dictionary's <see cref="FlagSets"/>) of the continuation classes.</summary>
    public int Continuation { get; } = continuation;

    public AffixCondition Condition { get; } = condition;
}

/// <summary>
/// Affix entries by the text they append, so that stripping an affix from a word is one hash
/// lookup per possible affix length and never a scan of every rule.
/// </summary>
internal sealed class AffixIndex
{
    private readonly Dictionary<string, AffixEntry[]> _byAppend;
    private readonly Dictionary<string, AffixEntry[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public AffixIndex(List<AffixEntry> entries)
    {
        // Plain loops: this runs once per dictionary load, before the JIT has warmed up LINQ.
        var groups = new Dictionary<string, List<AffixEntry>>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!groups.TryGetValue(entry.Append, out var group))
            {
                groups[entry.Append] = group = [];
            }

            group.Add(entry);
            MaxAppendLength = Math.Max(MaxAppendLength, entry.Append.Length);
        }

        _byAppend = new Dictionary<string, AffixEntry[]>(groups.Count, StringComparer.Ordinal);
        foreach (var (append, group) in groups)
        {
            // Grouped by what they strip (a stable sort keeps the file's order within a group).
            _byAppend[append] = [.. group.OrderBy(e => e.Strip, StringComparer.Ordinal)];
        }

        _lookup = _byAppend.GetAlternateLookup<ReadOnlySpan<char>>();
        All = entries;
    }

    public int MaxAppendLength { get; }

    public IReadOnlyList<AffixEntry> All { get; }

    public ReadOnlySpan<AffixEntry> WithAppend(ReadOnlySpan<char> append) =>
        _lookup.TryGetValue(append, out var entries) ? entries : [];
}
