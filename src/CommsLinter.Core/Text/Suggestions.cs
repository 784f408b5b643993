namespace CommsLinter.Text;

/// <summary>Did-you-mean: the closest known name to a misspelled one.</summary>
public static class Suggestions
{
    /// <summary>The candidate nearest to <paramref name="input"/>, or null when none is plausibly meant.</summary>
    public static string? Nearest(string input, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        // No candidate further than this is ever accepted (see below), and the distance is at least the difference in length:
        // skipping those keeps a typo among 10,000 touchpoint ids cheap.
        var limit = Math.Max(1, input.Length / 3);
        foreach (var candidate in candidates)
        {
            if (Math.Abs(candidate.Length - input.Length) > limit)
            {
                continue;
            }

            var distance = Distance(input, candidate);
            if (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        var allowed = Math.Max(1, Math.Min(input.Length, best?.Length ?? 0) / 3);
        return bestDistance <= allowed ? best : null;
    }

    /// <summary>" Did you mean 'x'?" or an empty string.</summary>
    public static string DidYouMean(string input, IEnumerable<string> candidates) =>
        Nearest(input, candidates) is { } match ? $" Did you mean '{match}'?" : string.Empty;

    /// <summary>Optimal string alignment distance, case-insensitive: edits, with swaps of neighbours as one.</summary>
    public static int Distance(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return Math.Max(a.Length, b.Length);
        }

        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }
}
