using CommsLinter.Model;

namespace CommsLinter.Rules.Style;

/// <summary>
/// Finds a pattern's matches in a document's segments. With an automaton, the terms of all rules
/// are found in one pass per segment when the document is opened, and each rule reads its own;
/// regexes and case-sensitive terms run on their own.
/// </summary>
public sealed class PatternMatcher
{
    private static readonly (int Start, int Length)[] NoMatches = [];

    private readonly Dictionary<Segment, List<(int Term, int Start, int Length)>>? _hits;
    private readonly bool[]? _seen;
    private readonly string? _locale;

    private PatternMatcher(Dictionary<Segment, List<(int Term, int Start, int Length)>>? hits, bool[]? seen, string? locale)
    {
        _hits = hits;
        _seen = seen;
        _locale = locale;
    }

    /// <summary>A matcher without an automaton: every pattern scans the document on its own.</summary>
    public static PatternMatcher Scanning(Document document) => new(null, null, document.Locale);

    /// <summary>Runs the automaton once over every segment of the document.</summary>
    /// <remarks>Only segments with hits get an entry: most segments of most documents have none, and
    /// a segment without an entry is searched on its own, which finds nothing there.</remarks>
    public static PatternMatcher For(Document document, TermAutomaton automaton)
    {
        var hits = new Dictionary<Segment, List<(int Term, int Start, int Length)>>(ReferenceEqualityComparer.Instance);
        var seen = new bool[automaton.Count];
        var found = new List<(int Term, int Start, int Length)>();
        foreach (var segment in document.Segments)
        {
            automaton.FindAll(segment.Text, found);
            if (found.Count == 0)
            {
                continue;
            }

            hits[segment] = [.. found];
            foreach (var (term, _, _) in found)
            {
                seen[term] = true;
            }

            found.Clear();
        }

        return new PatternMatcher(hits, seen, document.Locale);
    }

    /// <summary>False when the pattern is a term the automaton did not find anywhere in the document.</summary>
    public bool MayMatch(TextPattern pattern) => _seen is null || pattern.AutomatonId < 0 || _seen[pattern.AutomatonId];

    public IEnumerable<(int Start, int Length)> Of(TextPattern pattern, Segment segment)
    {
        if (_hits is null || pattern.AutomatonId < 0)
        {
            return pattern.Matches(segment, _locale);
        }

        if (!_seen![pattern.AutomatonId])
        {
            return NoMatches;
        }

        // A segment without hits, or link text (the 'link' scope, not one of the document's segments), is searched on its own.
        return _hits.TryGetValue(segment, out var hits) ? Select(hits, pattern.AutomatonId, segment.Text) : pattern.Matches(segment, _locale);
    }

    private static IEnumerable<(int Start, int Length)> Select(List<(int Term, int Start, int Length)> hits, int id, string text)
    {
        foreach (var (term, start, length) in hits)
        {
            if (term == id && TextPattern.IsWholeWord(text, start, length))
            {
                yield return (start, length);
            }
        }
    }
}
