using CommsLinter.Model;
using CommsLinter.Tests.Support;
using CommsLinter.Text;

namespace CommsLinter.Tests;

/// <summary>The approvals ledger, <c>commslint approve</c> and the review gate of <c>check --ci</c>, on the report fixture (Fixtures/report).</summary>
public sealed class ApprovalTests
{
    private const string Polish = "content/order/email.pl.html";
    private const string Russian = "content/order/email.ru.html";

    [Theory]
    [InlineData("")]
    [InlineData("one line")]
    [InlineData("a  \r\nb\t\r\n\r\n  \n\n")]
    [InlineData("\n\n  lead\rlone CR\fform feed\u0085next line\u2028line sep\u2029para sep\n")]
    [InlineData("zażółć 🙂 \uD800 lone surrogate\n \t \nend")]
    [InlineData("   \n\t\n")]
    public void The_hash_of_a_text_is_the_hash_of_its_normalised_form(string text)
    {
        Assert.Equal(Approval.HashOf(Approval.Normalize(text)), Approval.HashOfText(text));
    }

    [Fact]
    public void Approved_text_passes_the_gate_and_a_change_fails_it_at_the_changed_line()
    {
        using var folder = Unapproved();
        Assert.Contains($"{Polish}(1,1): error review.legal-pending: legal must review this template (its touchpoint 'order-confirmation' is flagged legal-review), and it has never been approved.",
            CliRunner.Run(folder.Path, "check", "--ci").Output, StringComparison.Ordinal);

        var approve = CliRunner.Run(folder.Path, "approve", Polish, Russian, "--by", "A. Kowalska", "--note", "Withdrawal wording ok");
        Assert.True(approve.ExitCode == 0, approve.Error);
        Assert.Contains($"Approved {Polish} (", approve.Output, StringComparison.Ordinal);
        var ledger = File.ReadAllText(Path.Combine(folder.Path, "approvals.yml"));
        Assert.Contains("  by: A. Kowalska\n  date: \"" + DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ledger, StringComparison.Ordinal);
        Assert.Contains("    <p>Masz 14 dni na odstąpienie od umowy. Infolinia: +48 22 307 41 00.</p>\n", ledger, StringComparison.Ordinal);
        Assert.DoesNotContain(Polish + "(1,1): error review", CliRunner.Run(folder.Path, "check", "--ci").Output, StringComparison.Ordinal);

        // An editor's line endings and trailing spaces do not undo an approval.
        var path = Path.Combine(folder.Path, Polish);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\n", "  \r\n", StringComparison.Ordinal));
        Assert.DoesNotContain("review.legal-pending", CliRunner.FindingLines(CliRunner.Run(folder.Path, "check", "--ci", Polish).Output).FirstOrDefault(l => l.StartsWith(Polish, StringComparison.Ordinal)) ?? string.Empty, StringComparison.Ordinal);

        File.WriteAllText(path, File.ReadAllText(path).Replace("Infolinia", "Infolinia czynna", StringComparison.Ordinal));
        var ci = CliRunner.Run(folder.Path, "check", "--ci");
        var local = CliRunner.Run(folder.Path, "check");

        Assert.Equal(1, ci.ExitCode);
        Assert.Contains($"{Polish}(9,1): error review.legal-pending: legal must review this template (its touchpoint 'order-confirmation' is flagged legal-review), and its text has changed since A. Kowalska approved it on ", ci.Output, StringComparison.Ordinal);
        Assert.Contains("(first change at line 9). Once reviewed, run `commslint approve content/order/email.pl.html --by NAME`.", ci.Output, StringComparison.Ordinal);
        Assert.Contains($"{Polish}(9,1): warning review.legal-pending:", local.Output, StringComparison.Ordinal);
        Assert.Contains("`commslint check --ci` fails on this.", local.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_marked_review_and_an_included_snippet_need_approval_too()
    {
        using var folder = Unapproved();
        folder.Write("content/touchpoints.yml", File.ReadAllText(Path.Combine(folder.Path, "content/touchpoints.yml")).Replace("    flags: [legal-review]\n", string.Empty, StringComparison.Ordinal));
        folder.Write("content/_partials/footer.pl.html", "<p>Okna Nowak sp. z o.o.</p>\n");
        folder.Write(Polish, File.ReadAllText(Path.Combine(folder.Path, Polish)).Replace("Masz 14 dni", "Masz 30 dni", StringComparison.Ordinal) + "{% include 'footer.pl' %}\n");

        var lines = CliRunner.FindingLines(CliRunner.Run(folder.Path, "check", "--ci").Output);

        Assert.Contains(lines, l => l.StartsWith($"{Polish}(1,1): error review.legal-pending: legal must review this template (rule legal.withdrawal asks legal to review what it flags)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"content/_partials/footer.pl.html(1,1): error review.legal-pending: legal must review this template ({Polish} includes it)", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith($"{Russian}(1,1): error review", StringComparison.Ordinal));
    }

    [Fact]
    public void A_tampered_or_malformed_ledger_is_reported_and_trusts_nothing()
    {
        using var folder = Unapproved();
        Assert.Equal(0, CliRunner.Run(folder.Path, "approve", Polish, Russian, "--by", "A. Kowalska").ExitCode);
        var ledgerPath = Path.Combine(folder.Path, "approvals.yml");
        var ledger = File.ReadAllText(ledgerPath);
        File.WriteAllText(ledgerPath, ledger.Replace("Masz 14 dni", "Masz 30 dni", StringComparison.Ordinal).Replace("path: content/order/email.ru.html", "path: ../elsewhere/email.ru.html", StringComparison.Ordinal));

        var tampered = CliRunner.Run(folder.Path, "check", "--ci");

        Assert.Equal(2, tampered.ExitCode);
        Assert.Contains("approvals.yml(4,11): error approvals.tampered: The approved text of 'content/order/email.pl.html' does not match its sha256: the entry was edited by hand, and approves nothing.", tampered.Output, StringComparison.Ordinal);
        Assert.Contains("error approvals.outside: '../elsewhere/email.ru.html' is not a path inside the repository", tampered.Output, StringComparison.Ordinal);
        Assert.Contains($"{Polish}(1,1): error review.legal-pending", tampered.Output, StringComparison.Ordinal);
        var refused = CliRunner.Run(folder.Path, "approve", Polish, "--by", "B. Nowak");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("approvals.yml has errors; fix or remove those entries first, so that no approval is lost.", refused.Error, StringComparison.Ordinal);
        Assert.Contains("Masz 30 dni", File.ReadAllText(ledgerPath), StringComparison.Ordinal);

        File.WriteAllText(ledgerPath, "approvals:\n  - path: [unclosed\n");
        var malformed = CliRunner.Run(folder.Path, "check");
        Assert.Equal(2, malformed.ExitCode);
        Assert.Contains("approvals.yml(3,1): error approvals.syntax: Approvals ledger:", malformed.Output, StringComparison.Ordinal);
        Assert.Contains("error facts.hotline", malformed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Approvals_of_deleted_files_are_stale_and_pruned_and_files_outside_are_refused()
    {
        using var folder = Unapproved();
        Assert.Equal(0, CliRunner.Run(folder.Path, "approve", Polish, Russian, "--by", "A. Kowalska").ExitCode);
        File.Delete(Path.Combine(folder.Path, Russian));

        var stale = CliRunner.Run(folder.Path, "check", "--ci");
        Assert.Contains("approvals.yml(17,3): warning review.stale-approval: 'content/order/email.ru.html' was approved by A. Kowalska on ", stale.Output, StringComparison.Ordinal);

        var prune = CliRunner.Run(folder.Path, "approve", "--prune");
        Assert.Equal(0, prune.ExitCode);
        Assert.Contains("Removed the approval of content/order/email.ru.html: the file no longer exists.", prune.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("review.stale-approval", CliRunner.Run(folder.Path, "check", "--ci").Output, StringComparison.Ordinal);

        using var elsewhere = new TempFolder();
        var outside = CliRunner.Run(folder.Path, "approve", elsewhere.Write("letter.pl.md", "# List\n"), "--by", "A. Kowalska");
        Assert.Equal(2, outside.ExitCode);
        Assert.Contains("is outside the repository", outside.Error, StringComparison.Ordinal);
        Assert.Equal(2, CliRunner.Run(folder.Path, "approve", Polish).ExitCode);
    }

    [Fact]
    public void A_ledger_or_baseline_that_cannot_be_written_is_a_clear_error_and_changes_nothing()
    {
        using var folder = Unapproved();
        Directory.CreateDirectory(Path.Combine(folder.Path, "folder-ledger"));

        var ledger = CliRunner.Run(folder.Path, "approve", Polish, "--by", "A. Kowalska", "--approvals", "folder-ledger");
        var baseline = CliRunner.Run(folder.Path, "baseline", "--out", "folder-ledger");
        var folderGiven = CliRunner.Run(folder.Path, "approve", "content/order", "--by", "A. Kowalska");

        Assert.Equal(2, ledger.ExitCode);
        Assert.Contains("commslint: error: cannot write folder-ledger:", ledger.Error, StringComparison.Ordinal);
        Assert.Equal(2, baseline.ExitCode);
        Assert.Contains("Nothing was changed", baseline.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.Combine(folder.Path, "folder-ledger")));
        Assert.Equal(2, folderGiven.ExitCode);
        Assert.Contains("'content/order' is a folder. Name the template files that were reviewed", folderGiven.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_legal_page_shows_what_changed_since_approval()
    {
        using var folder = Unapproved();
        Assert.Equal(0, CliRunner.Run(folder.Path, "approve", Polish, "--by", "A. Kowalska <legal>").ExitCode);
        var path = Path.Combine(folder.Path, Polish);
        File.WriteAllText(path, File.ReadAllText(path).Replace("Masz 14 dni", "Masz <b>14</b> dni", StringComparison.Ordinal));

        Assert.Equal(0, CliRunner.Run(folder.Path, "report", "--out", "report").ExitCode);
        var legal = File.ReadAllText(Path.Combine(folder.Path, "report", "legal.html"));

        Assert.Contains("Review queue: 4 waiting, 0 approved", legal, StringComparison.Ordinal);
        Assert.Contains("<span class=\"sev e\">changed</span> since A. Kowalska &lt;legal&gt; approved it on ", legal, StringComparison.Ordinal);
        Assert.Contains("<span class=\"del\">- &lt;p&gt;Masz 14 dni na odstąpienie", legal, StringComparison.Ordinal);
        Assert.Contains("<span class=\"add\">+ &lt;p&gt;Masz &lt;b&gt;14&lt;/b&gt; dni na odstąpienie", legal, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_diff_aligns_the_common_lines_and_finds_the_first_change()
    {
        var diff = LineDiff.Compute("a\nb\nc\nd\n", "a\nB\nc\nd\ne\n");

        Assert.Equal(["  a", "- b", "+ B", "  c", "  d", "+ e"], diff.Select(l => (l.Kind switch { DiffKind.Added => "+ ", DiffKind.Removed => "- ", _ => "  " }) + l.Text));
        Assert.Equal(2, LineDiff.FirstChangedLine("a\nb\n", "a\nB\n"));
        Assert.Null(LineDiff.FirstChangedLine("a\n", "a\n"));
        Assert.Equal(Approval.Normalize("x  \r\ny\t\r\n\r\n"), Approval.Normalize("x\ny\n"));
    }

    /// <summary>The report fixture without its ledger, where nothing is approved yet.</summary>
    private static TempFolder Unapproved()
    {
        var folder = TempFolder.CopyOf(TestContent.FixturePath("report"));
        File.Delete(Path.Combine(folder.Path, "approvals.yml"));
        return folder;
    }
}
