namespace CommsLinter.Spelling.Hunspell;

/// <summary>
/// A REP, ICONV or OCONV table: patterns and their replacements. In REP, '_' stands for a space and
/// a leading '^' or trailing '$' anchors the pattern to the start or end of the word.
/// </summary>
internal sealed class Replacements(IReadOnlyList<Replacements.Pair> pairs)
{
    public IReadOnlyList<Pair> Pairs { get; } = pairs;

    private readonly string _firstChars = new([.. pairs.Where(p => p.Pattern.Length > 0).Select(p => p.Pattern[0]).Distinct()]);

    /// <summary>
    /// Converts left to right, taking at each position the longest pattern that matches there
    /// (what ICONV and OCONV do). Returns null when nothing matched, so callers allocate only then.
    /// </summary>
    public string? Convert(ReadOnlySpan<char> word)
    {
        if (word.IndexOfAny(_firstChars) < 0)
        {
            return null;
        }

        var result = new System.Text.StringBuilder(word.Length);
        var changed = false;
        for (var i = 0; i < word.Length;)
        {
            Pair? best = null;
            foreach (var pair in Pairs)
            {
                if (pair.Pattern.Length > 0 && word[i..].StartsWith(pair.Pattern, StringComparison.Ordinal)
                    && (best is null || pair.Pattern.Length > best.Value.Pattern.Length))
                {
                    best = pair;
                }
            }

            if (best is { } match)
            {
                result.Append(match.Replacement);
                i += match.Pattern.Length;
                changed = true;
            }
            else
            {
                result.Append(word[i]);
                i++;
            }
        }

        return changed ? result.ToString() : null;
    }

    public readonly record struct Pair(string Pattern, string Replacement, bool AtStart, bool AtEnd);
}
