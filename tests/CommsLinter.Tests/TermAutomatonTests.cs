using CommsLinter.Rules.Style;

namespace CommsLinter.Tests;

public sealed class TermAutomatonTests
{
    [Fact]
    public void Finds_exactly_what_a_search_for_each_term_finds()
    {
        var random = new Random(2026);
        const string alphabet = "abą ";
        for (var round = 0; round < 300; round++)
        {
            var terms = Enumerable.Range(0, random.Next(1, 8)).Select(_ => Word(random, alphabet, random.Next(1, 5))).Distinct().ToArray();
            var text = Word(random, alphabet, random.Next(0, 60));
            var automaton = new TermAutomaton(terms);
            var hits = new List<(int Term, int Start, int Length)>();
            automaton.FindAll(text, hits);

            var expected = new List<(int, int, int)>();
            for (var id = 0; id < terms.Length; id++)
            {
                for (var at = text.IndexOf(terms[id], StringComparison.Ordinal); at >= 0; at = text.IndexOf(terms[id], at + 1, StringComparison.Ordinal))
                {
                    expected.Add((automaton.IdOf(terms[id]), at, terms[id].Length));
                }
            }

            Assert.Equal(expected.Order(), hits.Order());
        }
    }

    private static string Word(Random random, string alphabet, int length) =>
        new([.. Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)])]);
}
