using CommsLinter.Cli;
using CommsLinter.Tests.Support;

namespace CommsLinter.Tests;

/// <summary>
/// The folders render and report write (--out): never inside or around the content, written whole or
/// not at all, and only replacing what commslint wrote there.
/// </summary>
public sealed class OutputFolderTests
{
    [Theory]
    [InlineData("render --out content", "the preview folder 'content' is inside the checked folder 'content', where its pages would be read as templates by the next run. Give another --out, such as out/preview.")]
    [InlineData("render --out content/purchase/preview", "the preview folder 'content/purchase/preview' is inside the checked folder 'content', where")]
    [InlineData("render content/purchase --out content/preview", "the preview folder 'content/preview' is inside the content folder 'content', where")]
    [InlineData("render content/purchase --out content", "the preview folder 'content' holds the checked folder 'content/purchase', which writing there could mix with its pages or replace.")]
    [InlineData("render --out .", "the preview folder '.' holds the checked folder 'content', which")]
    [InlineData("report --out .", "the report folder '.' holds the checked folder 'content', which")]
    [InlineData("report content/purchase --out ..", "the report folder '..' holds the checked folder 'content/purchase', which")]
    [InlineData("report --out styleguides/report", "the report folder 'styleguides/report' is inside the style guide folder 'styleguides', where its pages would be mixed with the style guides.")]
    [InlineData("render --out linked/preview", "the preview folder 'linked/preview' is inside the checked folder 'content', where")]
    public void An_output_folder_inside_or_around_the_content_is_refused_and_nothing_is_written(string line, string message)
    {
        using var folder = Corpus();
        File.CreateSymbolicLink(Path.Combine(folder.Path, "linked"), Path.Combine(folder.Path, "content"));
        var before = Listing(folder.Path);

        var result = CliRunner.Run(folder.Path, line.Split(' '));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"commslint: error: {message}", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
        Assert.Equal(before, Listing(folder.Path));
    }

    [Fact]
    public void A_folder_that_holds_files_commslint_did_not_write_is_refused()
    {
        using var folder = Corpus();
        var notes = folder.Write("site/notes.txt", "mine");

        var render = CliRunner.Run(folder.Path, "render", "--out", "site");
        var file = CliRunner.Run(folder.Path, "report", "--out", "site/notes.txt");

        Assert.Equal(2, render.ExitCode);
        Assert.Equal("commslint: error: the preview folder 'site' holds files that commslint did not write, which an earlier run's pages could replace. Give a new or empty folder with --out, such as out/preview, or remove this one.\n", render.Error.ReplaceLineEndings("\n"));
        Assert.Equal(2, file.ExitCode);
        Assert.StartsWith("commslint: error: the report folder 'site/notes.txt' is a file.", file.Error, StringComparison.Ordinal);
        Assert.Equal(["notes.txt"], Directory.EnumerateFileSystemEntries(Path.Combine(folder.Path, "site")).Select(Path.GetFileName));
        Assert.Equal("mine", File.ReadAllText(notes));
    }

    [Fact]
    public void A_second_run_replaces_the_pages_of_the_first_and_leaves_other_files_alone()
    {
        using var folder = Corpus();
        var sms = folder.Write("content/purchase/order-confirmation/sms.en.txt", TestCatalog.FrontMatter("sms", "en") + "Okna Nowak: order {{ order.number }} confirmed.\n");
        Assert.Equal(0, CliRunner.Run(folder.Path, "render", "--out", "out").ExitCode);
        var kept = folder.Write("out/README.txt", "what this folder is");
        // Runs killed while writing left their new pages behind: one that has ended, and one that had this process's id.
        folder.Write("out/new.commslint-2147483647.tmp/index.html", "half");
        folder.Write($"out/new.commslint-{Environment.ProcessId}.tmp/stale.html", "half");
        folder.Write($"out/old.commslint-{Environment.ProcessId}.tmp/index.html", "half");
        File.Delete(sms);

        var result = CliRunner.Run(folder.Path, "render", "--out", "out");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(
            [".commslint-output", "README.txt", "content/purchase/order-confirmation/email.pl.html.html", "index.html"],
            Listing(Path.Combine(folder.Path, "out")).Keys);
        Assert.Equal("what this folder is", File.ReadAllText(kept));
    }

    [Fact]
    public void A_preview_that_cannot_be_written_whole_leaves_the_earlier_one_as_it_was()
    {
        using var folder = Corpus();
        Assert.Equal(0, CliRunner.Run(folder.Path, "render", "--out", "out").ExitCode);
        var before = Listing(Path.Combine(folder.Path, "out"));
        // The page of letter.en.md is the file letter.en.md.html, where the pages of the templates in this folder must go.
        folder.Write("content/purchase/order-confirmation/letter.en.md", TestCatalog.FrontMatter("letter", "en") + "# Order\n");
        folder.Write("content/purchase/order-confirmation/letter.en.md.html/sms.en.txt", TestCatalog.FrontMatter("sms", "en") + "Okna Nowak: order confirmed.\n");

        var again = CliRunner.Run(folder.Path, "render", "--out", "out");
        var fresh = CliRunner.Run(folder.Path, "render", "--out", "fresh/preview");

        Assert.Equal(2, again.ExitCode);
        Assert.Matches("^commslint: error: cannot write the preview to 'out': .+ The folder is as it was; make room on the disk, or give a folder you can write to with --out.\n$", again.Error.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("   at ", again.Error, StringComparison.Ordinal);
        Assert.Empty(again.Output);
        Assert.Equal(before, Listing(Path.Combine(folder.Path, "out")));
        Assert.Equal(2, fresh.ExitCode);
        Assert.StartsWith("commslint: error: cannot write the preview to 'fresh/preview': ", fresh.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "fresh/preview")));
    }

    [Fact]
    public void A_report_that_cannot_be_written_is_a_clear_error()
    {
        using var folder = Corpus();
        folder.Write("blocker", "a file where the report's folder must go");

        var result = CliRunner.Run(folder.Path, "report", "--out", "blocker/report");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("commslint: error: cannot write the report to 'blocker/report': ", result.Error, StringComparison.Ordinal);
        Assert.EndsWith(" The folder is as it was; make room on the disk, or give a folder you can write to with --out.\n", result.Error.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void Pages_that_fail_part_way_are_all_taken_back()
    {
        using var folder = new TempFolder();
        var report = Path.Combine(folder.Path, "report");
        var error = new StringWriter();
        Assert.True(OutputFolder.TryWrite(report, "report", "report", pages =>
        {
            pages.Write("index.html", "first");
            pages.Write("files/00001.html", "first");
        }, error));
        var before = Listing(report);

        var written = OutputFolder.TryWrite(report, "report", "report", pages =>
        {
            pages.Write("index.html", "second");
            pages.Write("files/00001.html", "second");
            // As a full disk would, part way through.
            pages.Write("files/00002.html", "second");
            pages.Write("files/00002.html/x", "second");
        }, error);

        Assert.False(written);
        Assert.StartsWith("commslint: error: cannot write the report to 'report': ", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, Listing(report));
        Assert.Equal("first", File.ReadAllText(Path.Combine(report, "index.html")));
    }

    /// <summary>Every file under a folder with its text, by its '/'-separated path, in order.</summary>
    private static SortedDictionary<string, string> Listing(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText), StringComparer.Ordinal);

    private static TempFolder Corpus()
    {
        var folder = new TempFolder();
        folder.Write("content/touchpoints.yml", TestCatalog.Build(locales: "pl, en", channels: "email, sms, letter", rootExtra: "company: Okna Nowak", touchpointExtra: "    sample: samples/order.json"));
        folder.Write("content/samples/order.json", """{ "customer": { "first_name": "Anna" }, "order": { "number": "ZAM/1" } }""");
        folder.Write("content/purchase/order-confirmation/email.pl.html", TestCatalog.FrontMatter("email", "pl", "subject: S\npreheader: P\n") + "<p>Dzień dobry, {{ customer.first_name }}!</p>\n");
        folder.Write("styleguides/brand.style", "styleguide \"Brand\"\n");
        return folder;
    }
}
