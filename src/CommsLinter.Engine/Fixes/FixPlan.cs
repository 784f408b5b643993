using System.Text;
using CommsLinter.Diagnostics;
using CommsLinter.Text;

namespace CommsLinter.Engine.Fixes;

/// <summary>What fixing one file does: its text as checked, its text with the fixes applied, and the findings those fixes resolve.</summary>
public sealed record FileFix(string Path, string OldText, string NewText, IReadOnlyList<Finding> Applied);

/// <summary>
/// The safe fixes of one check, file by file, worked out on the checked text without writing anything:
/// what <c>check --fix</c> writes and <c>--dry-run</c> shows. A fix is taken whole or not at all; a fix
/// with an edit that overlaps one already taken is left for the next pass, which sees the text the
/// taken fixes made.
/// </summary>
/// <param name="Left">The findings whose fix is not applied: not safe, overlapping one that is, or in a file not to fix.</param>
public sealed record FixPlan(IReadOnlyList<FileFix> Files, IReadOnlyList<Finding> Left)
{
    /// <param name="checkedText">The text each file had when it was checked, by the path findings give; null when unknown.</param>
    /// <param name="mayFix">Whether a file, by the path findings give, may be fixed.</param>
    public static FixPlan Of(IReadOnlyList<Finding> findings, Func<string, SourceText?> checkedText, Func<string, bool> mayFix)
    {
        var files = new List<FileFix>();
        var left = new List<Finding>();
        foreach (var group in findings.Where(f => f.Fix is not null).GroupBy(f => f.Path, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var text = mayFix(group.Key) ? checkedText(group.Key)?.Text : null;
            var applied = new List<Finding>();
            var taken = new List<TextEdit>();
            foreach (var finding in group.Order(Finding.Order))
            {
                if (text is not null && finding.Fix is { Safe: true } fix && TryTake(fix, taken, text.Length))
                {
                    applied.Add(finding);
                }
                else
                {
                    left.Add(finding);
                }
            }

            if (applied.Count > 0)
            {
                files.Add(new FileFix(group.Key, text!, Apply(text!, taken), applied));
            }
        }

        left.Sort(Finding.Order);
        return new FixPlan(files, left);
    }

    /// <summary>The text with edits that do not overlap made, each at its offset in the original text.</summary>
    private static string Apply(string text, IEnumerable<TextEdit> edits)
    {
        var result = new StringBuilder(text.Length);
        var at = 0;
        foreach (var edit in edits.OrderBy(e => e.Range.Start))
        {
            result.Append(text, at, edit.Range.Start - at).Append(edit.NewText);
            at = edit.Range.End;
        }

        return result.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>Adds the fix's edits to <paramref name="taken"/> when each is inside the text and overlaps none taken before it.</summary>
    private static bool TryTake(Fix fix, List<TextEdit> taken, int textLength)
    {
        var before = taken.Count;
        foreach (var edit in fix.Edits)
        {
            if (edit.Range.Start < 0 || edit.Range.End < edit.Range.Start || edit.Range.End > textLength || taken.Exists(t => Overlap(t, edit)))
            {
                taken.RemoveRange(before, taken.Count - before);
                return false;
            }

            taken.Add(edit);
        }

        return taken.Count > before;
    }

    /// <summary>Two edits overlap when their spans share text, or when both start at one offset (which goes first would be a guess).</summary>
    private static bool Overlap(TextEdit a, TextEdit b) =>
        (a.Range.Start < b.Range.End && b.Range.Start < a.Range.End) || a.Range.Start == b.Range.Start;
}
