using System.Diagnostics;
using CommsLinter.Tests.Support;

namespace CommsLinter.Tests;

/// <summary><c>check --changed-since</c> in a git repository made from the report fixture.</summary>
public sealed class ChangedFilesTests
{
    [SkippableFact]
    public void Per_file_rules_run_on_changed_files_and_corpus_rules_see_everything()
    {
        using var folder = Repository();
        var untouched = CliRunner.Run(folder.Path, "check", "--changed-since", "HEAD");
        Assert.DoesNotContain("tone.asap", untouched.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("facts.hotline", untouched.Output, StringComparison.Ordinal);
        Assert.Contains("content/order/email.ru.html(9,60): warning parity.contacts", untouched.Output, StringComparison.Ordinal);
        Assert.Contains("Per-file rules ran on 0 files changed since HEAD; corpus rules on all 7.", untouched.Output, StringComparison.Ordinal);

        // Changed, renamed unchanged, deleted and added (untracked) files.
        var sms = Path.Combine(folder.Path, "content/delivery/sms.pl.txt");
        File.WriteAllText(sms, File.ReadAllText(sms).Replace("ASAP", "ASAP ASAP", StringComparison.Ordinal));
        Git(folder.Path, "mv", "content/order/email.pl.html", "content/order/email-pl.pl.html");
        File.Delete(Path.Combine(folder.Path, "content/delivery/sms.ru.txt"));
        folder.Write("content/delivery/sms.en.txt", "---\ntouchpoint: delivery-notice\nchannel: sms\nlocale: en\n---\nOkna Nowak: delivery tomorrow ASAP. Hotline +48 22 307 41 00.\n");

        var result = CliRunner.Run(folder.Path, "check", "--changed-since", "HEAD");
        var lines = CliRunner.FindingLines(result.Output);

        Assert.Contains("Per-file rules ran on 3 files changed since HEAD; corpus rules on all 7.", result.Output, StringComparison.Ordinal);
        Assert.Equal(3, lines.Count(l => l.Contains("tone.asap", StringComparison.Ordinal)));
        Assert.Contains("content/order/email-pl.pl.html(8,28): warning tone.shouting: Write “!” without shouting.", lines);
        Assert.DoesNotContain(lines, l => l.Contains("facts.hotline", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("content/touchpoints.yml(26,9): warning catalog.coverage-gap: Touchpoint 'delivery-notice' has no sms template in ru.", StringComparison.Ordinal));
        // The rename keeps its approval, and the ledger is told where the file went.
        Assert.DoesNotContain(lines, l => l.Contains("review.legal-pending", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("warning review.stale-approval: 'content/order/email.pl.html' was approved by Joanna Wójcik (legal) on ", StringComparison.Ordinal)
            && l.Contains("moved unchanged to 'content/order/email-pl.pl.html'", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void With_the_cache_the_changed_files_mode_reports_what_it_reports_without()
    {
        using var folder = Repository();
        Assert.Equal(string.Empty, CliRunner.Run(folder.Path, "check", "--cache").Error);
        var ru = Path.Combine(folder.Path, "content/order/email.ru.html");
        File.WriteAllText(ru, File.ReadAllText(ru).Replace("41 99", "41 98", StringComparison.Ordinal));
        var sms = Path.Combine(folder.Path, "content/delivery/sms.pl.txt");
        File.WriteAllText(sms, File.ReadAllText(sms).Replace("ASAP", "ASAP ASAP", StringComparison.Ordinal));

        var full = CliRunner.WithoutTiming(CliRunner.Run(folder.Path, "check", "--changed-since", "HEAD").Output);
        for (var run = 0; run < 2; run++)
        {
            Assert.Equal(full, CliRunner.WithoutTiming(CliRunner.Run(folder.Path, "check", "--changed-since", "HEAD", "--cache").Output));
        }

        Assert.Contains("41 98", full, StringComparison.Ordinal);
        Assert.Contains("Per-file rules ran on 2 files changed since HEAD", full, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_suppression_in_an_unchanged_file_is_not_reported_as_unused()
    {
        using var folder = Repository();
        var sms = Path.Combine(folder.Path, "content/delivery/sms.pl.txt");
        File.WriteAllText(sms, File.ReadAllText(sms).Replace("Okna Nowak:", "{% comment %}commslint-disable-next-line tone.asap{% endcomment %}\nOkna Nowak:", StringComparison.Ordinal));
        Git(folder.Path, "-c", "user.email=test@example.com", "-c", "user.name=Test", "commit", "-q", "-am", "suppress");

        var result = CliRunner.Run(folder.Path, "check", "--changed-since", "HEAD");

        Assert.DoesNotContain("suppression.unused", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("tone.asap", result.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_git_error_is_a_clear_usage_error()
    {
        using var folder = Repository();

        var badRevision = CliRunner.Run(folder.Path, "check", "--changed-since", "no-such-branch");
        Assert.Equal(2, badRevision.ExitCode);
        Assert.Contains("commslint: error: --changed-since no-such-branch: 'no-such-branch' is not a commit of this repository.", badRevision.Error, StringComparison.Ordinal);

        // A revision is a value, never an option for git: nothing is written.
        var option = CliRunner.Run(folder.Path, "check", "--changed-since=--output=leak.txt");
        Assert.Equal(2, option.ExitCode);
        Assert.Contains("'--output=leak.txt' is not a revision", option.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder.Path, "leak.txt")));

        using var plain = TempFolder.CopyOf(TestContent.FixturePath("report"));
        var noRepository = CliRunner.Run(plain.Path, "check", "--changed-since", "HEAD");
        Assert.Equal(2, noRepository.ExitCode);
        Assert.Contains("not a git repository", noRepository.Error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Fix_with_changed_since_fixes_only_the_changed_files()
    {
        using var folder = Repository();
        var ru = Path.Combine(folder.Path, "content/order/email.ru.html");
        File.WriteAllText(ru, File.ReadAllText(ru) + "<p>Спасибо!</p>\n");
        var pl = Path.Combine(folder.Path, "content/order/email.pl.html");
        var unchanged = File.ReadAllText(pl);

        var result = CliRunner.Run(folder.Path, "check", "--fix", "--changed-since", "HEAD");

        Assert.Contains("Горячая линия: +48 22 307 41 00.", File.ReadAllText(ru), StringComparison.Ordinal);
        Assert.Equal(unchanged, File.ReadAllText(pl));
        Assert.Equal("Fixed 1 finding in 1 file (facts.hotline 1).\n", result.Error.ReplaceLineEndings("\n"));
    }

    private static TempFolder Repository()
    {
        Skip.If(!GitExists(), "git is not installed; --changed-since needs it.");
        var folder = TempFolder.CopyOf(TestContent.FixturePath("report"));
        Git(folder.Path, "init", "-q");
        Git(folder.Path, "add", "-A");
        Git(folder.Path, "-c", "user.email=test@example.com", "-c", "user.name=Test", "commit", "-q", "-m", "fixture");
        return folder;
    }

    private static bool GitExists()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("git", "--version") { RedirectStandardOutput = true, UseShellExecute = false })!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static void Git(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', arguments)}: {error}");
    }
}
