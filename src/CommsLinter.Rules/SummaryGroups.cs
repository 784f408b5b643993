using CommsLinter.Model;

namespace CommsLinter.Rules;

/// <summary>Groups document summaries for the corpus checks.</summary>
internal static class SummaryGroups
{
    /// <summary>
    /// The summaries with a key, grouped by it, groups in the order their first member came. A plain loop
    /// over string keys rather than LINQ over tuples: a cached re-check groups 10,000 summaries in a cold
    /// process, where generic code over value types is compiled first and runs unoptimised.
    /// </summary>
    /// <param name="keyOf">The group's key, or null to leave the summary out.</param>
    public static IReadOnlyList<List<DocumentSummary>> By(IEnumerable<DocumentSummary> documents, Func<DocumentSummary, string?> keyOf)
    {
        var groups = new Dictionary<string, List<DocumentSummary>>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            if (keyOf(document) is not { } key)
            {
                continue;
            }

            if (!groups.TryGetValue(key, out var group))
            {
                groups[key] = group = [];
            }

            group.Add(document);
        }

        return [.. groups.Values];
    }
}
