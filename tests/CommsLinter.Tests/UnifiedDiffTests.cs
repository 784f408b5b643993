using CommsLinter.Text;

namespace CommsLinter.Tests;

/// <summary>The diff <c>check --fix --dry-run</c> prints, compared with what GNU <c>diff -u</c> prints for the same texts.</summary>
public sealed class UnifiedDiffTests
{
    private const string Twelve = "l1\nl2\nl3\nl4\nl5\nl6\nl7\nl8\nl9\nl10\nl11\nl12\n";

    [Fact]
    public void Changes_far_apart_get_a_hunk_each_with_three_lines_of_context()
    {
        Assert.Equal(
            """
            --- a/f.txt
            +++ b/f.txt
            @@ -1,5 +1,5 @@
             l1
            -l2
            +L2
             l3
             l4
             l5
            @@ -8,5 +8,5 @@
             l8
             l9
             l10
            -l11
            +L11
             l12

            """,
            Diff(Twelve, Twelve.Replace("l2\n", "L2\n", StringComparison.Ordinal).Replace("l11", "L11", StringComparison.Ordinal)));
    }

    [Fact]
    public void Changes_six_lines_apart_share_a_hunk_and_a_missing_final_line_break_is_marked()
    {
        var old = Twelve.TrimEnd('\n');
        Assert.Equal(
            """
            --- a/f.txt
            +++ b/f.txt
            @@ -1,12 +1,12 @@
             l1
             l2
             l3
            -l4
            +L4
             l5
             l6
             l7
             l8
             l9
             l10
            -l11
            +L11
             l12
            \ No newline at end of file

            """,
            Diff(old, old.Replace("l4", "L4", StringComparison.Ordinal).Replace("l11", "L11", StringComparison.Ordinal)));
        Assert.Equal("--- a/f.txt\n+++ b/f.txt\n@@ -1 +1 @@\n-only\n\\ No newline at end of file\n+ONLY\n\\ No newline at end of file\n", Diff("only", "ONLY"));
    }

    [Fact]
    public void Equal_texts_have_no_diff()
    {
        Assert.Equal(string.Empty, Diff(Twelve, Twelve));
    }

    private static string Diff(string oldText, string newText)
    {
        var output = new StringWriter();
        UnifiedDiff.Write(output, "f.txt", oldText, newText);
        return output.ToString();
    }
}
