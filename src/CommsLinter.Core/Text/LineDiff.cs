namespace CommsLinter.Text;

public enum DiffKind
{
    Same,
    Removed,
    Added,
}

/// <summary>One line of a diff, with its 1-based line number in the old and the new text (0 where it has none).</summary>
public readonly record struct DiffLine(DiffKind Kind, string Text, int OldLine, int NewLine);

/// <summary>
/// A line diff of two texts: the lines both share in order (a longest common subsequence, after the
/// common head and tail are set aside), and the lines removed and added around them.
/// </summary>
public static class LineDiff
{
    /// <summary>Past this many cells the middle is shown as removed, then added, instead of being aligned.</summary>
    private const long MaxCells = 4_000_000;

    public static IReadOnlyList<DiffLine> Compute(string oldText, string newText)
    {
        var a = Split(oldText);
        var b = Split(newText);
        var head = 0;
        while (head < a.Length && head < b.Length && a[head] == b[head])
        {
            head++;
        }

        var tail = 0;
        while (tail < a.Length - head && tail < b.Length - head && a[a.Length - 1 - tail] == b[b.Length - 1 - tail])
        {
            tail++;
        }

        var lines = new List<DiffLine>(Math.Max(a.Length, b.Length) + 8);
        for (var i = 0; i < head; i++)
        {
            lines.Add(new DiffLine(DiffKind.Same, a[i], i + 1, i + 1));
        }

        Middle(a, b, head, a.Length - tail, head, b.Length - tail, lines);
        for (var i = tail; i > 0; i--)
        {
            lines.Add(new DiffLine(DiffKind.Same, a[a.Length - i], a.Length - i + 1, b.Length - i + 1));
        }

        return lines;
    }

    /// <summary>The 1-based line of <paramref name="newText"/> where it first differs from <paramref name="oldText"/>, or null when they are equal.</summary>
    public static int? FirstChangedLine(string oldText, string newText)
    {
        foreach (var line in Compute(oldText, newText))
        {
            if (line.Kind != DiffKind.Same)
            {
                return Math.Max(1, line.NewLine == 0 ? line.OldLine : line.NewLine);
            }
        }

        return null;
    }

    private static void Middle(string[] a, string[] b, int aStart, int aEnd, int bStart, int bEnd, List<DiffLine> lines)
    {
        int n = aEnd - aStart, m = bEnd - bStart;
        if ((long)n * m > MaxCells)
        {
            for (var i = aStart; i < aEnd; i++)
            {
                lines.Add(new DiffLine(DiffKind.Removed, a[i], i + 1, 0));
            }

            for (var j = bStart; j < bEnd; j++)
            {
                lines.Add(new DiffLine(DiffKind.Added, b[j], 0, j + 1));
            }

            return;
        }

        // lengths[i, j]: the longest common subsequence of a[aStart + i..] and b[bStart + j..].
        var lengths = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                lengths[i, j] = a[aStart + i] == b[bStart + j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && a[aStart + x] == b[bStart + y])
            {
                lines.Add(new DiffLine(DiffKind.Same, a[aStart + x], aStart + x + 1, bStart + y + 1));
                x++;
                y++;
            }
            else if (x < n && (y == m || lengths[x + 1, y] >= lengths[x, y + 1]))
            {
                // Removed lines come before the lines that replace them, as in a unified diff.
                lines.Add(new DiffLine(DiffKind.Removed, a[aStart + x], aStart + x + 1, 0));
                x++;
            }
            else
            {
                lines.Add(new DiffLine(DiffKind.Added, b[bStart + y], 0, bStart + y + 1));
                y++;
            }
        }
    }

    /// <summary>The lines of a text: a final line break ends the last line, it does not start another; blank lines before it are lines.</summary>
    private static string[] Split(string text) => text.Length == 0 ? [] : (text.EndsWith('\n') ? text[..^1] : text).Split('\n');
}
