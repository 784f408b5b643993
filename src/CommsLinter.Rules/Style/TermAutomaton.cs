namespace CommsLinter.Rules.Style;

/// <summary>
/// An Aho–Corasick automaton over the lower-cased terms of every rule, so one pass over a segment
/// finds every term of every rule, whatever their number. Built once when the guides compile.
/// </summary>
public sealed class TermAutomaton
{
    private readonly List<Dictionary<char, int>> _next = [[]];
    private readonly List<int> _fail = [0];
    private readonly List<List<int>> _output = [[]];
    private readonly List<string> _terms = [];
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);

    public TermAutomaton(IEnumerable<string> terms)
    {
        foreach (var term in terms)
        {
            Add(term);
        }

        BuildFailureLinks();
    }

    public int Count => _terms.Count;

    /// <summary>The id of a term, or -1 when it is not in the automaton.</summary>
    public int IdOf(string term) => _ids.GetValueOrDefault(term, -1);

    /// <summary>
    /// Every occurrence of every term in <paramref name="text"/>, as (term id, start, length). The text
    /// is case-folded as it is read (invariant lower case keeps every offset), so no folded copy is made.
    /// </summary>
    public void FindAll(ReadOnlySpan<char> text, List<(int Term, int Start, int Length)> hits)
    {
        var state = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = char.ToLowerInvariant(text[i]);
            while (state != 0 && !_next[state].ContainsKey(c))
            {
                state = _fail[state];
            }

            state = _next[state].GetValueOrDefault(c);
            foreach (var term in _output[state])
            {
                var length = _terms[term].Length;
                hits.Add((term, i - length + 1, length));
            }
        }
    }

    private void Add(string term)
    {
        if (term.Length == 0 || _ids.ContainsKey(term))
        {
            return;
        }

        var state = 0;
        foreach (var c in term)
        {
            if (!_next[state].TryGetValue(c, out var next))
            {
                next = _next.Count;
                _next.Add([]);
                _fail.Add(0);
                _output.Add([]);
                _next[state][c] = next;
            }

            state = next;
        }

        _output[state].Add(_terms.Count);
        _ids[term] = _terms.Count;
        _terms.Add(term);
    }

    private void BuildFailureLinks()
    {
        var queue = new Queue<int>(_next[0].Values);
        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            foreach (var (c, next) in _next[state])
            {
                var fail = _fail[state];
                while (fail != 0 && !_next[fail].ContainsKey(c))
                {
                    fail = _fail[fail];
                }

                _fail[next] = _next[fail].TryGetValue(c, out var target) && target != next ? target : 0;
                _output[next].AddRange(_output[_fail[next]]);
                queue.Enqueue(next);
            }
        }
    }
}
