using System.Globalization;

namespace CommsLinter.Text;

/// <summary>
/// Two texts of one file as a unified diff, the form <c>git diff</c> and <c>patch</c> read:
/// <c>--- a/path</c>, <c>+++ b/path</c>, then hunks of changed lines with three lines of context.
/// </summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    /// <summary>Writes the diff of <paramref name="oldText"/> and <paramref name="newText"/>; nothing when they are equal.</summary>
    public static void Write(TextWriter output, string path, string oldText, string newText)
    {
        var lines = LineDiff.Compute(oldText, newText);
        var changes = Enumerable.Range(0, lines.Count).Where(i => lines[i].Kind != DiffKind.Same).ToArray();
        if (changes.Length == 0)
        {
            return;
        }

        output.Write($"--- a/{path}\n+++ b/{path}\n");
        var lastOld = lines.Count(l => l.Kind != DiffKind.Added);
        var lastNew = lines.Count(l => l.Kind != DiffKind.Removed);
        for (var first = 0; first < changes.Length;)
        {
            // Changes with no more than twice the context between them share one hunk, as in git.
            var last = first;
            while (last + 1 < changes.Length && changes[last + 1] - changes[last] - 1 <= 2 * Context)
            {
                last++;
            }

            var from = Math.Max(0, changes[first] - Context);
            var to = Math.Min(lines.Count, changes[last] + Context + 1);
            WriteHunk(output, lines, from, to, (lastOld, !oldText.EndsWith('\n')), (lastNew, !newText.EndsWith('\n')));
            first = last + 1;
        }
    }

    private static void WriteHunk(TextWriter output, IReadOnlyList<DiffLine> lines, int from, int to, (int Line, bool NoNewline) oldEnd, (int Line, bool NoNewline) newEnd)
    {
        var oldBefore = lines.Take(from).Count(l => l.Kind != DiffKind.Added);
        var newBefore = lines.Take(from).Count(l => l.Kind != DiffKind.Removed);
        var hunk = lines.Skip(from).Take(to - from).ToArray();
        var oldCount = hunk.Count(l => l.Kind != DiffKind.Added);
        var newCount = hunk.Count(l => l.Kind != DiffKind.Removed);
        output.Write($"@@ -{Range(oldBefore, oldCount)} +{Range(newBefore, newCount)} @@\n");
        foreach (var line in hunk)
        {
            output.Write(line.Kind switch { DiffKind.Removed => '-', DiffKind.Added => '+', _ => ' ' });
            output.Write(line.Text);
            output.Write('\n');
            var endsOld = line.Kind != DiffKind.Added && line.OldLine == oldEnd.Line && oldEnd.NoNewline;
            var endsNew = line.Kind != DiffKind.Removed && line.NewLine == newEnd.Line && newEnd.NoNewline;
            if (endsOld || endsNew)
            {
                output.Write("\\ No newline at end of file\n");
            }
        }
    }

    /// <summary>A hunk's range: its first line and its number of lines, the count left out when it is 1, and the line before it when it is empty.</summary>
    private static string Range(int linesBefore, int count) => count switch
    {
        0 => string.Create(CultureInfo.InvariantCulture, $"{linesBefore},0"),
        1 => string.Create(CultureInfo.InvariantCulture, $"{linesBefore + 1}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{linesBefore + 1},{count}"),
    };
}
