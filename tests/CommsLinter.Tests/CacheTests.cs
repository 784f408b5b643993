using CommsLinter.Diagnostics;
using CommsLinter.Engine.Caching;
using CommsLinter.Engine.Stages;
using CommsLinter.Model;
using CommsLinter.Pipeline;
using CommsLinter.Tests.Support;
using CommsLinter.Text;

namespace CommsLinter.Tests;

/// <summary>
/// <c>check --cache</c>: a run that takes unchanged files from the cache reports exactly what a full
/// run reports, whatever changed in between; and the cache itself (CheckCache) on its own.
/// </summary>
public sealed class CacheTests
{
    private const string Ru = "content/order/email.ru.html";
    private const string Pl = "content/order/email.pl.html";

    [Fact]
    public void A_cached_run_reports_what_a_full_run_reports_after_every_kind_of_change()
    {
        using var folder = TempFolder.CopyOf(TestContent.FixturePath("report"));
        folder.Write("content/delivery/sms.it.txt", File.ReadAllText(Path.Combine(folder.Path, "content/delivery/sms.it.txt")) + "\nASAP <!-- commslint-disable-next-line tone.asap -->\n");

        // Nothing cached yet, then everything: the same findings both times, in every format that reads the files' text.
        AssertSameAsFullRun(folder);
        Assert.True(File.Exists(Path.Combine(folder.Path, ".commslint", CheckCache.FileName)));
        Assert.Contains("*", File.ReadAllText(Path.Combine(folder.Path, ".commslint", ".gitignore")), StringComparison.Ordinal);
        AssertSameAsFullRun(folder);
        AssertSameAsFullRun(folder, "--format", "sarif");

        // One file changes: its own findings go, and the corpus rules compare it with the cached others.
        Replace(folder, Ru, "+48 22 307 41 99", "+48 22 307 41 00");
        var fixedRussian = AssertSameAsFullRun(folder);
        Assert.DoesNotContain("facts.hotline", fixedRussian, StringComparison.Ordinal);
        Replace(folder, Pl, "+48 22 307 41 00", "+48 22 307 41 55");
        Assert.Contains("content/order/email.pl.html(9,52): warning parity.contacts: +48 22 307 41 55 is only in this pl version", AssertSameAsFullRun(folder), StringComparison.Ordinal);

        // A style guide changes: every file is checked again.
        File.AppendAllText(Path.Combine(folder.Path, "styleguides/report.style"), "\nrule tone.thanks suggestion \"No “{match}”.\" {\n  forbid \"Спасибо\"\n}\n");
        Assert.Contains("tone.thanks", AssertSameAsFullRun(folder), StringComparison.Ordinal);

        // A snippet appears, and a sample: both are part of what every template's findings depend on.
        folder.Write("content/_partials/footer.pl.html", "<p>Infolinia: +48 22 307 41 00</p>\n");
        Assert.Contains("include.unused", AssertSameAsFullRun(folder), StringComparison.Ordinal);

        // An approval is recorded, then the approved file changes and is cached changed: the gate reads its text to show where.
        Assert.Equal(0, CliRunner.Run(folder.Path, "approve", Ru, "--by", "Legal").ExitCode);
        Replace(folder, Ru, "<p>Спасибо за заказ.</p>", "<p>Спасибо за ваш заказ.</p>");
        AssertSameAsFullRun(folder);
        Assert.Contains("content/order/email.ru.html(8,1): warning review.legal-pending", AssertSameAsFullRun(folder), StringComparison.Ordinal);

        // A file deleted: gone from the findings and from the corpus rules.
        File.Delete(Path.Combine(folder.Path, "content/delivery/sms.it.txt"));
        Assert.Contains("has no sms template in it, en", AssertSameAsFullRun(folder), StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_cache_is_discarded_with_a_warning_and_written_again()
    {
        using var folder = TempFolder.CopyOf(TestContent.FixturePath("report"));
        var expected = CliRunner.WithoutTiming(CliRunner.Run(folder.Path, "check").Output);
        Assert.Equal(1, CliRunner.Run(folder.Path, "check", "--cache").ExitCode);
        var file = Path.Combine(folder.Path, ".commslint", CheckCache.FileName);
        var bytes = File.ReadAllBytes(file);
        bytes[bytes.Length / 2] ^= 0x5A;
        File.WriteAllBytes(file, bytes);

        var damaged = CliRunner.Run(folder.Path, "check", "--cache");

        Assert.Equal(1, damaged.ExitCode);
        Assert.Equal(expected, CliRunner.WithoutTiming(damaged.Output));
        Assert.Contains("commslint: warning: the cache .commslint/check-cache.bin is damaged (its checksum does not match its contents). It was not used; this run checks every file and writes it again.", damaged.Error, StringComparison.Ordinal);
        var again = CliRunner.Run(folder.Path, "check", "--cache");
        Assert.Equal(string.Empty, again.Error);
        Assert.Equal(expected, CliRunner.WithoutTiming(again.Output));

        File.WriteAllText(file, "not a cache");
        Assert.Contains("is damaged (it is not a commslint cache)", CliRunner.Run(folder.Path, "check", "--cache").Error, StringComparison.Ordinal);

        // A cache that cannot be written is a warning: the findings are complete without it.
        var location = folder.Write("blocked", "a file where the cache folder would be");
        var blocked = CliRunner.Run(folder.Path, "check", "--cache-location", location);
        Assert.Equal(expected, CliRunner.WithoutTiming(blocked.Output));
        Assert.Contains("commslint: warning: the cache blocked/check-cache.bin cannot be written", blocked.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_stands_for_a_file_only_while_its_text_and_the_environment_are_unchanged()
    {
        using var folder = new TempFolder();
        var path = folder.Write("a.txt", "Hello");
        var file = new ContentFile(path, "a.txt", DocumentKind.Template);
        var outcome = new FileOutcome([new Finding("x.y", Severity.Warning, "Message", "a.txt", Location.FileStart, Fix: new Fix("Fix it", [new TextEdit(new TextRange(0, 2), Location.FileStart, "Hi"), new TextEdit(new TextRange(4, 5), Location.FileStart, "!")], Safe: false))],
            new DocumentSummary("a.txt", DocumentKind.Template, "t", "sms", "pl")
            {
                Includes = ["footer.pl"],
                Suppressions = [new SuppressedLines(["x.y"], 2, 3, Location.FileStart)],
                TextHash = "abc",
                Observations = new Dictionary<string, IReadOnlyList<Observation>> { ["parity.placeholders"] = [new Observation("urls", "k", "Text", Location.FileStart)] },
            });
        var cacheFolder = Path.Combine(folder.Path, ".commslint");
        Save(CheckCache.Open(cacheFolder, "env", out _), file, "Hello", outcome);

        var reopened = CheckCache.Open(cacheFolder, "env", out var problem);
        Assert.Null(problem);
        var known = reopened.Lookup(file);
        Assert.NotNull(known);
        Assert.Equal(outcome.Findings, known.Findings);
        Assert.Equal(outcome.Summary!.Includes, known.Summary!.Includes);
        Assert.Equal(outcome.Summary.Suppressions.Single(), known.Summary.Suppressions.Single() with { RuleIds = outcome.Summary.Suppressions[0].RuleIds });
        Assert.Equal(outcome.Summary.ObservationsOf("parity.placeholders"), known.Summary.ObservationsOf("parity.placeholders"));
        var vocabulary = Assert.Single(reopened.Vocabulary);
        Assert.Equal(Vocabulary[0].Verdicts, vocabulary.Verdicts);
        Assert.Equal(["zamówienie", "zamawianie"], Assert.Single(vocabulary.Suggestions).Value);
        Assert.Null(CheckCache.Open(cacheFolder, "another environment", out _).Lookup(file));

        // Written again by a run that checked another file, the entry's observations are copied as they were stored.
        var other = new ContentFile(folder.Write("b.txt", "World"), "b.txt", DocumentKind.Template);
        Save(reopened, other, "World", new FileOutcome([], outcome.Summary with { Path = "b.txt", Observations = new Dictionary<string, IReadOnlyList<Observation>> { ["x"] = [new Observation("k", "new key", "t", Location.FileStart)] } }));
        var again = CheckCache.Open(cacheFolder, "env", out _);
        Assert.Equal(outcome.Summary.ObservationsOf("parity.placeholders"), again.Lookup(file)!.Summary!.ObservationsOf("parity.placeholders"));
        Assert.Equal("new key", again.Lookup(other)!.Summary!.ObservationsOf("x")[0].Key);

        // Touched without a change: still known. Changed with the same size, just after the cache was written,
        // and the time set back: the time cannot be trusted so close to that run, so the text is compared.
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        Assert.NotNull(CheckCache.Open(cacheFolder, "env", out _).Lookup(file));
        var time = File.GetLastWriteTimeUtc(path);
        File.WriteAllText(path, "Hallo");
        File.SetLastWriteTimeUtc(path, time);
        Assert.Null(CheckCache.Open(cacheFolder, "env", out _).Lookup(file));
    }

    [Fact]
    public void An_entry_kept_by_a_run_that_did_not_look_at_its_file_keeps_the_time_it_was_made()
    {
        using var folder = new TempFolder();
        var a = new ContentFile(folder.Write("a.txt", "Hello"), "a.txt", DocumentKind.Template);
        var b = new ContentFile(folder.Write("b.txt", "World"), "b.txt", DocumentKind.Template);
        var cacheFolder = Path.Combine(folder.Path, ".commslint");
        Save(CheckCache.Open(cacheFolder, "env", out _), a, "Hello", new FileOutcome([], null));
        var later = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow.AddSeconds(2.1));

        // A later run checks only b and keeps a's entry: a was cached just after its last edit, so its time alone still proves nothing.
        Save(CheckCache.Open(cacheFolder, "env", out _, later), b, "World", new FileOutcome([], null));
        var time = File.GetLastWriteTimeUtc(a.FullPath);
        File.WriteAllText(a.FullPath, "Hallo");
        File.SetLastWriteTimeUtc(a.FullPath, time);
        Assert.Null(CheckCache.Open(cacheFolder, "env", out _).Lookup(a));
    }

    [Fact]
    public void Entries_a_run_kept_as_they_were_are_copied_as_bytes_and_read_back_the_same()
    {
        using var folder = new TempFolder();
        var a = new ContentFile(folder.Write("a.txt", "Hello"), "a.txt", DocumentKind.Template);
        var b = new ContentFile(folder.Write("b.txt", "World"), "b.txt", DocumentKind.Template);
        var cacheFolder = Path.Combine(folder.Path, ".commslint");
        var outcome = new FileOutcome([new Finding("x.y", Severity.Error, "Message", "a.txt", new Location(new LinePosition(2, 3), new LinePosition(2, 9)), "t", "pl", "sms")],
            new DocumentSummary("a.txt", DocumentKind.Template, "t", "sms", "pl")
            {
                TextHash = "abc",
                Observations = new Dictionary<string, IReadOnlyList<Observation>> { ["parity.placeholders"] = [new Observation("urls", "k", "Text", Location.FileStart)] },
            });
        Save(CheckCache.Open(cacheFolder, "env", out _), a, "Hello", outcome);

        // The next run checks only b: a's entry is copied from the file as bytes, with b's new strings added to the table after it.
        Save(CheckCache.Open(cacheFolder, "env", out _), b, "World", new FileOutcome([new Finding("b.only", Severity.Warning, "New string", "b.txt", Location.FileStart)], null));

        var third = CheckCache.Open(cacheFolder, "env", out var problem);
        Assert.Null(problem);
        var known = third.Lookup(a);
        Assert.NotNull(known);
        Assert.Equal(outcome.Findings, known.Findings);
        Assert.Equal(outcome.Summary!.ObservationsOf("parity.placeholders"), known.Summary!.ObservationsOf("parity.placeholders"));
        Assert.Equal("New string", third.Lookup(b)!.Findings.Single().Message);
    }

    [Fact]
    public void The_string_table_is_written_afresh_before_old_strings_pile_up()
    {
        using var folder = new TempFolder();
        var cacheFolder = Path.Combine(folder.Path, ".commslint");
        var file = new ContentFile(folder.Write("a.txt", "v0"), "a.txt", DocumentKind.Template);
        var sizes = new List<long>();
        for (var version = 1; version <= 400; version++)
        {
            // Every version of the file leaves a text hash and a message that no entry uses any more.
            var text = $"v{version}";
            File.WriteAllText(file.FullPath, text);
            var cache = CheckCache.Open(cacheFolder, "env", out var problem);
            Assert.Null(problem);
            Assert.Null(cache.Lookup(file));
            var outcome = new FileOutcome([new Finding("x.y", Severity.Warning, $"Message {version}", "a.txt", Location.FileStart)], null);
            Assert.True(cache.Save([new CheckedFile(file, new SourceText("a.txt", text), outcome)], [], out problem), problem);
            sizes.Add(new FileInfo(Path.Combine(cacheFolder, CheckCache.FileName)).Length);
        }

        // Without a fresh table it would reach about 400 × 80 bytes; it drops back each time old strings are half the table.
        Assert.Contains(Enumerable.Range(1, sizes.Count - 1), i => sizes[i] < sizes[i - 1] * 3 / 4);
        Assert.True(sizes.Max() < 25_000, $"the cache grew to {sizes.Max()} bytes");
        Assert.Equal("Message 400", CheckCache.Open(cacheFolder, "env", out _).Lookup(file)!.Findings[0].Message);
    }

    [Fact]
    public void A_file_whose_size_and_time_are_those_cached_well_before_is_not_read_again()
    {
        using var folder = new TempFolder();
        var path = folder.Write("a.txt", "Hello");
        var old = DateTime.UtcNow.AddHours(-1);
        File.SetLastWriteTimeUtc(path, old);
        var file = new ContentFile(path, "a.txt", DocumentKind.Template);
        var cacheFolder = Path.Combine(folder.Path, ".commslint");
        Save(CheckCache.Open(cacheFolder, "env", out _), file, "Hello", new FileOutcome([], null));

        // As git does, an unchanged size and time is taken as an unchanged text: an edit that keeps both is not seen.
        File.WriteAllText(path, "Hallo");
        File.SetLastWriteTimeUtc(path, old);
        Assert.NotNull(CheckCache.Open(cacheFolder, "env", out _).Lookup(file));
        File.SetLastWriteTimeUtc(path, old.AddSeconds(1));
        Assert.Null(CheckCache.Open(cacheFolder, "env", out _).Lookup(file));
    }

    [Fact]
    public void The_tools_own_hash_is_used_again_while_its_files_keep_their_sizes_and_old_times()
    {
        using var folder = new TempFolder();
        var old = DateTime.UtcNow.AddHours(-1);
        var files = new[] { folder.Write("tool/a.dll", "assembly"), folder.Write("tool/dictionaries/pl_PL.dic", "1\nzamówienie\n") };
        foreach (var file in files)
        {
            File.SetLastWriteTimeUtc(file, old);
        }

        var cacheFolder = Path.Combine(folder.Path, ".commslint");
        var identity = ToolIdentity.Of(cacheFolder, files);
        Assert.False(File.Exists(Path.Combine(cacheFolder, ToolIdentity.FileName)), "recorded before any cache folder (and its .gitignore) was written");

        Directory.CreateDirectory(cacheFolder);
        Assert.Equal(identity, ToolIdentity.Of(cacheFolder, files));
        var record = Path.Combine(cacheFolder, ToolIdentity.FileName);
        var lines = File.ReadAllLines(record);
        lines[1] = "recorded";
        File.WriteAllLines(record, lines);

        // Unchanged sizes and times: the record is trusted without reading the files.
        Assert.Equal("recorded", ToolIdentity.Of(cacheFolder, files));

        // A file of another size, or one newer than the record could vouch for, is hashed again.
        File.WriteAllText(files[1], "2\nzamówienie\nfaktura\n");
        File.SetLastWriteTimeUtc(files[1], old);
        var changed = ToolIdentity.Of(cacheFolder, files);
        Assert.NotEqual(identity, changed);
        Assert.NotEqual("recorded", changed);
        File.SetLastWriteTimeUtc(files[1], DateTime.UtcNow);
        lines = File.ReadAllLines(record);
        lines[1] = "recorded";
        File.WriteAllLines(record, lines);
        Assert.Equal(changed, ToolIdentity.Of(cacheFolder, files));
        Assert.NotEqual("recorded", ToolIdentity.Of(cacheFolder, files));
    }

    private static readonly IReadOnlyList<SpellingVerdicts> Vocabulary =
        [new SpellingVerdicts("pl", [new("zamówienie", true), new("zamowienie", false)], [new("zamowienie", ["zamówienie", "zamawianie"])])];

    private static void Save(CheckCache cache, ContentFile file, string text, FileOutcome outcome)
    {
        Assert.Null(cache.Lookup(file));
        Assert.True(cache.Save([new CheckedFile(file, new SourceText(file.DisplayPath, text), outcome)], Vocabulary, out var problem), problem);
    }

    /// <summary>Checks with and without the cache, asserts the same output and exit code, and returns the output.</summary>
    private static string AssertSameAsFullRun(TempFolder folder, params string[] format)
    {
        var full = CliRunner.Run(folder.Path, ["check", .. format]);
        var cached = CliRunner.Run(folder.Path, ["check", "--cache", .. format]);
        Assert.Equal(string.Empty, cached.Error);
        Assert.Equal(full.ExitCode, cached.ExitCode);
        Assert.Equal(CliRunner.WithoutTiming(full.Output), CliRunner.WithoutTiming(cached.Output));
        return CliRunner.WithoutTiming(cached.Output);
    }

    private static void Replace(TempFolder folder, string path, string from, string to)
    {
        var full = Path.Combine(folder.Path, path);
        var text = File.ReadAllText(full);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(full, text.Replace(from, to, StringComparison.Ordinal));
    }
}
