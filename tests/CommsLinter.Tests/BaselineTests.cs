using CommsLinter.Tests.Support;

namespace CommsLinter.Tests;

/// <summary><c>commslint baseline</c> and the baseline filter of <c>check</c>, on the report fixture (Fixtures/report).</summary>
public sealed class BaselineTests
{
    [Fact]
    public void Accepted_findings_stay_accepted_when_lines_move_and_new_ones_are_reported()
    {
        using var folder = TempFolder.CopyOf(TestContent.FixturePath("report"));
        var written = CliRunner.Run(folder.Path, "baseline");
        Assert.True(written.ExitCode == 0, written.Error);
        Assert.Contains("Wrote 10 findings to commslint-baseline.json.", written.Output, StringComparison.Ordinal);
        var clean = CliRunner.Run(folder.Path, "check");
        Assert.Equal(0, clean.ExitCode);
        Assert.Contains("10 known findings in the baseline not shown (--no-baseline shows them).", clean.Output, StringComparison.Ordinal);

        // Lines added above the Russian hotline: the accepted finding moves and stays accepted.
        var russian = Path.Combine(folder.Path, "content/order/email.ru.html");
        File.WriteAllText(russian, File.ReadAllText(russian).Replace("<p>Спасибо за заказ.</p>", "<p>Спасибо за заказ.</p>\n<p>Мы скоро позвоним.</p>\n", StringComparison.Ordinal));
        // The Polish shouting changes its text: a new finding.
        var polish = Path.Combine(folder.Path, "content/order/email.pl.html");
        File.WriteAllText(polish, File.ReadAllText(polish).Replace("zamówienie!!", "zamówienie!!!", StringComparison.Ordinal));

        var lines = CliRunner.FindingLines(CliRunner.Run(folder.Path, "check").Output);

        Assert.Contains("content/order/email.pl.html(8,28): warning tone.shouting: Write “!” without shouting.", lines);
        Assert.DoesNotContain(lines, l => l.Contains("facts.hotline", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("content/order/email.ru.html(9,1): warning review.legal-pending", StringComparison.Ordinal));
        Assert.Contains("9 known findings in the baseline not shown", CliRunner.Run(folder.Path, "check").Output, StringComparison.Ordinal);
        Assert.Contains("facts.hotline", CliRunner.Run(folder.Path, "check", "--no-baseline").Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_or_missing_baseline_is_a_configuration_error()
    {
        using var folder = TempFolder.CopyOf(TestContent.FixturePath("report"));
        folder.Write("commslint-baseline.json", "{\"version\": 1, \"findings\": [\n");

        var broken = CliRunner.Run(folder.Path, "check");

        Assert.Equal(2, broken.ExitCode);
        Assert.Contains("commslint-baseline.json(2,1): error baseline.invalid: The baseline is not valid JSON", broken.Output, StringComparison.Ordinal);
        Assert.Contains("error facts.hotline", broken.Output, StringComparison.Ordinal);

        folder.Write("commslint-baseline.json", "[]");
        Assert.Contains("This is not a version 1 baseline", CliRunner.Run(folder.Path, "check").Output, StringComparison.Ordinal);
        folder.Write("commslint-baseline.json", "{\"version\": 1.5, \"findings\": []}");
        Assert.Contains("This is not a version 1 baseline", CliRunner.Run(folder.Path, "check").Output, StringComparison.Ordinal);

        // Saved by an editor with a byte order mark: still read.
        folder.WriteBytes("commslint-baseline.json", [0xEF, 0xBB, 0xBF, .. "{\"version\": 1, \"findings\": []}"u8.ToArray()]);
        Assert.Equal(1, CliRunner.Run(folder.Path, "check").ExitCode);

        var missing = CliRunner.Run(folder.Path, "check", "--baseline", "nope.json");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("nope.json(1,1): error baseline.invalid: The baseline 'nope.json' does not exist.", missing.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_baseline_never_accepts_configuration_errors_or_pending_reviews()
    {
        using var folder = TempFolder.CopyOf(TestContent.FixturePath("report"));
        File.Delete(Path.Combine(folder.Path, "approvals.yml"));
        Assert.Equal(0, CliRunner.Run(folder.Path, "baseline").ExitCode);
        Assert.Equal(4, CliRunner.FindingLines(CliRunner.Run(folder.Path, "check").Output).Count(l => l.Contains("review.legal-pending", StringComparison.Ordinal)));

        var partial = CliRunner.Run(folder.Path, "baseline", "content/order");
        Assert.Equal(2, partial.ExitCode);
        Assert.Contains("a baseline records the findings of the whole content", partial.Error, StringComparison.Ordinal);

        folder.Write("styleguides/broken.style", "rule x.y error \"m\" { frobnicate }\n");
        var refused = CliRunner.Run(folder.Path, "baseline");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("the configuration has errors; fix them before writing a baseline", refused.Error, StringComparison.Ordinal);
    }
}
