using CommsLinter.Content;
using CommsLinter.Tests.Support;

namespace CommsLinter.Tests;

/// <summary>The whole-file writer's temporary files: one naming scheme, and what a killed run leaves is tidied by the next write.</summary>
public sealed class WholeFileTests
{
    /// <summary>No process has this id (Linux allows at most 2^22), so a file that names it belongs to a run that has ended.</summary>
    private const int Ended = int.MaxValue;

    [Theory]
    [InlineData("approvals.yml.commslint-4242.tmp", true)]
    [InlineData("email.pl.html.commslint-1.tmp", true)]
    [InlineData("approvals.yml", false)]
    [InlineData("approvals.yml.4242.tmp", false)]
    [InlineData("approvals.yml.commslint-.tmp", false)]
    [InlineData("approvals.yml.commslint-42a.tmp", false)]
    [InlineData("approvals.yml.commslint-4242.tmp.md", false)]
    [InlineData(".commslint-4242.tmp", false)]
    public void Temporary_files_have_one_recognisable_name(string name, bool temporary) =>
        Assert.Equal(temporary, WholeFile.IsTemporary(name));

    [Fact]
    public void A_killed_approve_leaves_a_temporary_file_that_the_next_one_removes()
    {
        using var folder = new TempFolder();
        folder.Write("content/touchpoints.yml", TestCatalog.Build(locales: "pl", channels: "sms"));
        folder.Write("content/order/sms.pl.txt", TestCatalog.FrontMatter("sms", "pl") + "Okna Nowak: zamówienie przyjęte.\n");
        var left = folder.Write($"approvals.yml.commslint-{Ended}.tmp", "entries:\n  - path: content/order/sms.pl");

        var result = CliRunner.Run(folder.Path, "approve", "content/order/sms.pl.txt", "--by", "A. Kowalska");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.False(File.Exists(left));
        Assert.Equal(["approvals.yml", "content"], Directory.EnumerateFileSystemEntries(folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Only_the_stale_temporary_files_of_the_same_target_are_removed()
    {
        using var folder = new TempFolder();
        var target = folder.Write("baseline.json", "old");
        var ended = folder.Write($"baseline.json.commslint-{Ended}.tmp", "half");
        var ownEarlier = folder.Write($"baseline.json.commslint-{Environment.ProcessId}.tmp", "half of an earlier run with this process id");
        var otherTarget = folder.Write($"approvals.yml.commslint-{Ended}.tmp", "half");
        var running = folder.Write("baseline.json.commslint-1.tmp", "a writer in process 1, still running");
        var held = folder.Write($"baseline.json.commslint-{Ended - 1}.tmp", "a writer in another container, still writing");

        bool written;
        using (new FileStream(held, FileMode.Open, FileAccess.Write, FileShare.None))
        {
            written = WholeFile.Replace(target, "new", out _);
        }

        Assert.True(written);
        Assert.Equal("new", File.ReadAllText(target));
        Assert.False(File.Exists(ended));
        Assert.False(File.Exists(ownEarlier));
        Assert.True(File.Exists(otherTarget));
        Assert.True(File.Exists(running));
        Assert.True(File.Exists(held));
    }

    [Fact]
    public void A_write_that_fails_leaves_no_temporary_file()
    {
        using var folder = new TempFolder();
        var target = Path.Combine(folder.Path, "ledger");
        Directory.CreateDirectory(target);

        Assert.False(WholeFile.Replace(target, "text", out var problem));

        Assert.NotNull(problem);
        Assert.Equal(["ledger"], Directory.EnumerateFileSystemEntries(folder.Path).Select(Path.GetFileName));
    }
}
