using CommsLinter.Diagnostics;
using CommsLinter.Engine.Fixes;
using CommsLinter.Tests.Support;
using CommsLinter.Text;

namespace CommsLinter.Tests;

/// <summary>The fix applier on its own: which fixes a file takes, the text they make, and when it is written.</summary>
public sealed class FixApplierTests
{
    private const string Text = "Dziękujemy za zakupy w okna nowak!! Infolinia 22 307 41 99.";

    [Fact]
    public void Edits_are_made_at_their_offsets_in_the_checked_text_whatever_their_order()
    {
        var source = new SourceText("a.txt", Text);
        // One fix of two edits whose later edit comes first, and a fix between them.
        var brand = Finding(source, "brand.name", new Fix("Write “Okna Nowak”", [Edit(source, "nowak", "Nowak"), Edit(source, "okna", "Okna")], Safe: true));
        var shouting = Finding(source, "tone.shouting", new Fix("Replace “!!” with “!”", [Edit(source, "!!", "!")], Safe: true));
        var hotline = Finding(source, "facts.hotline", new Fix("Replace", [Edit(source, "22 307 41 99", "+48 22 307 41 00")], Safe: true));

        var plan = FixPlan.Of([hotline, shouting, brand], _ => source, _ => true);

        var file = Assert.Single(plan.Files);
        Assert.Equal(Text, file.OldText);
        Assert.Equal("Dziękujemy za zakupy w Okna Nowak! Infolinia +48 22 307 41 00.", file.NewText);
        Assert.Equal([brand, shouting, hotline], file.Applied);
        Assert.Empty(plan.Left);
    }

    [Fact]
    public void A_fix_is_taken_whole_or_left_and_only_safe_fixes_in_files_that_may_be_fixed_are_taken()
    {
        var source = new SourceText("a.txt", Text);
        var name = Finding(source, "brand.name", new Fix("Write", [Edit(source, "okna nowak", "Okna Nowak")], Safe: true));
        // Its second edit overlaps the name's: neither of its edits is made.
        var overlapping = Finding(source, "terms.x", new Fix("Two", [Edit(source, "Infolinia", "infolinia"), Edit(source, "nowak!!", "Nowak!")], Safe: true));
        var spelling = Finding(source, "spelling", new Fix("Replace", [Edit(source, "Dziękujemy", "Dziekujemy")], Safe: false));
        var stale = Finding(source, "terms.z", new Fix("Past the end", [new TextEdit(new TextRange(Text.Length, Text.Length + 3), default, "x")], Safe: true));

        var plan = FixPlan.Of([name, overlapping, spelling, stale], _ => source, _ => true);

        Assert.Equal("Dziękujemy za zakupy w Okna Nowak!! Infolinia 22 307 41 99.", Assert.Single(plan.Files).NewText);
        Assert.Equal([name], plan.Files[0].Applied);
        Assert.Equal([stale, spelling, overlapping], plan.Left);
        Assert.Empty(FixPlan.Of([name], _ => source, _ => false).Files);
        Assert.Empty(FixPlan.Of([name], _ => null, _ => true).Files);

        // Two edits starting at one offset: which goes first would be a guess, so the later finding's waits for the next pass.
        var quote = Finding(source, "typography.quote", new Fix("Insert", [Edit(source, string.Empty, "„", at: 23)], Safe: true));
        var quoted = FixPlan.Of([name, quote], _ => source, _ => true);
        Assert.Equal("Dziękujemy za zakupy w „okna nowak!! Infolinia 22 307 41 99.", Assert.Single(quoted.Files).NewText);
        Assert.Equal([name], quoted.Left);
    }

    [Fact]
    public void A_file_is_written_only_over_the_text_that_was_checked()
    {
        using var folder = new TempFolder();
        var path = folder.Write("a.txt", Text);
        var fix = new FileFix("a.txt", Text, Text.Replace("okna nowak", "Okna Nowak", StringComparison.Ordinal), []);

        File.WriteAllText(path, Text + " Edited after the check.");
        Assert.Equal(FixWriteStatus.ChangedSinceChecked, FixWriter.Write(fix, path, out _));
        Assert.Equal(Text + " Edited after the check.", File.ReadAllText(path));

        File.WriteAllText(path, Text);
        Assert.Equal(FixWriteStatus.Written, FixWriter.Write(fix, path, out var problem));
        Assert.Null(problem);
        Assert.Equal(fix.NewText, File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(folder.Path));

        Assert.Equal(FixWriteStatus.Failed, FixWriter.Write(fix, Path.Combine(folder.Path, "gone.txt"), out problem));
        Assert.NotNull(problem);
    }

    private static TextEdit Edit(SourceText source, string old, string newText, int? at = null)
    {
        var start = at ?? source.Text.IndexOf(old, StringComparison.Ordinal);
        var range = new TextRange(start, start + old.Length);
        return new TextEdit(range, source.GetLocation(range), newText);
    }

    private static Finding Finding(SourceText source, string ruleId, Fix fix) =>
        new(ruleId, Severity.Warning, ruleId, source.Path, fix.Edits[0].Location, Fix: fix);
}
