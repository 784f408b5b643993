using System.Text.Json;
using CommsLinter.Tests.Support;

namespace CommsLinter.Tests;

/// <summary><c>check --fix</c> and <c>check --fix --dry-run</c> on templates in four locales.</summary>
public sealed class FixTests
{
    private const string Guide = """
        styleguide "Fixes"

        vocabulary {
          accept "Okna Nowak"
        }

        facts {
          hotline = phone "+48 22 307 41 00"
          withdrawal_days = days 14
        }

        rule brand.name error "Write “{expected}”, not “{match}”." {
          capitalization "Okna Nowak"
        }

        rule tone.shouting warning "Write “{expected}” without shouting." {
          prefer "!" over /!{2,}/
        }

        rule facts.hotline error "The hotline is {fact}, not {match}." {
          consistent phone with hotline
        }

        rule facts.withdrawal-days error "The withdrawal period is {fact} days, not {match}." {
          consistent days with withdrawal_days near "odstąpić", "recedere", "withdraw", "отказаться"
        }

        rule spelling error "“{match}” is not in the {language} dictionary." {
          spelling
        }

        """;

    private static readonly (string Path, string Before, string After)[] Templates =
    [
        ("content/order/sms.pl.txt",
            TestCatalog.FrontMatter("sms", "pl") + "OKNA NOWAK: dziekujemy za zamówienie!! Możesz odstąpić od umowy w 30 dni. Infolinia 22 307 41 99.\n",
            TestCatalog.FrontMatter("sms", "pl") + "Okna Nowak: dziekujemy za zamówienie! Możesz odstąpić od umowy w 14 dni. Infolinia +48 22 307 41 00.\n"),
        ("content/order/email.ru.html",
            TestCatalog.FrontMatter("email", "ru", "subject: \"Заказ в okna nowak\"\npreheader: Спасибо!!\n")
                + "<p>Спасибо за заказ в OKNA NOWAK!!!</p>\n<p>Вы можете отказаться от договора в течение 30 дней. Горячая линия: +48 22 307 41 99.</p>\n",
            TestCatalog.FrontMatter("email", "ru", "subject: \"Заказ в Okna Nowak\"\npreheader: Спасибо!\n")
                + "<p>Спасибо за заказ в Okna Nowak!</p>\n<p>Вы можете отказаться от договора в течение 14 дней. Горячая линия: +48 22 307 41 00.</p>\n"),
        ("content/order/email.it.md",
            TestCatalog.FrontMatter("email", "it", "subject: Grazie da okna nowak\npreheader: Il Suo ordine\n")
                + "# Grazie da Okna nowak!!\n\nPuò recedere dal contratto entro 30 giorni. Assistenza: 22 307 41 99.\n",
            TestCatalog.FrontMatter("email", "it", "subject: Grazie da Okna Nowak\npreheader: Il Suo ordine\n")
                + "# Grazie da Okna Nowak!\n\nPuò recedere dal contratto entro 14 giorni. Assistenza: +48 22 307 41 00.\n"),
        ("content/order/email.en.html",
            TestCatalog.FrontMatter("email", "en", "subject: Your order\npreheader: Thank you\n")
                + "<p>Thank you for your order with okna nowak.</p>\n<p>You may withdraw within 30 days. Hotline: +48 22 307 41 99!!</p>\n",
            TestCatalog.FrontMatter("email", "en", "subject: Your order\npreheader: Thank you\n")
                + "<p>Thank you for your order with Okna Nowak.</p>\n<p>You may withdraw within 14 days. Hotline: +48 22 307 41 00!</p>\n"),
    ];

    [Fact]
    public void Fix_applies_every_safe_fix_in_every_locale_and_a_second_run_changes_nothing()
    {
        using var folder = Corpus();

        var fixing = CliRunner.Run(folder.Path, "check", "--fix");

        foreach (var (path, _, after) in Templates)
        {
            Assert.Equal(after, Read(folder, path));
        }

        Assert.Equal("Fixed 19 findings in 4 files (brand.name 6, facts.hotline 4, facts.withdrawal-days 4, tone.shouting 5); 1 fix left for review (spelling 1).\n",
            fixing.Error.ReplaceLineEndings("\n"));
        // The report is the check after fixing: the misspelling stays, written as it was, for a person to choose.
        Assert.Equal(1, fixing.ExitCode);
        Assert.Equal(
            [
                "content/order/sms.pl.txt(6,13): error spelling: “dziekujemy” is not in the Polish dictionary. Did you mean “dziękujemy” or “dziek ujemy”?",
                "    fix (not applied by --fix): Replace “dziekujemy” with “dziękujemy”",
            ],
            CliRunner.FindingLines(fixing.Output).Where(l => !l.Contains("catalog.coverage-gap", StringComparison.Ordinal)));

        var before = Snapshot(folder);
        var again = CliRunner.Run(folder.Path, "check", "--fix");
        Assert.Equal(before, Snapshot(folder));
        Assert.Equal("Nothing to fix; 1 fix left for review (spelling 1).\n", again.Error.ReplaceLineEndings("\n"));
        Assert.Equal(CliRunner.WithoutTiming(fixing.Output), CliRunner.WithoutTiming(again.Output));
    }

    [Fact]
    public void Fixes_remembered_by_the_cache_are_applied_like_fresh_ones()
    {
        using var folder = Corpus();
        Assert.Equal(string.Empty, CliRunner.Run(folder.Path, "check", "--cache").Error);

        var result = CliRunner.Run(folder.Path, "check", "--cache", "--fix");

        Assert.StartsWith("Fixed 19 findings in 4 files", result.Error, StringComparison.Ordinal);
        foreach (var (path, _, after) in Templates)
        {
            Assert.Equal(after, Read(folder, path));
        }
    }

    [Fact]
    public void Fix_works_on_the_text_it_reads_even_when_the_cache_believes_a_file_unchanged()
    {
        using var folder = Corpus();
        const string Sms = "content/order/sms.pl.txt";
        File.WriteAllText(Path.Combine(folder.Path, Sms), TestCatalog.FrontMatter("sms", "pl") + "okna nowak: dostawa jutro.\n");
        var written = File.GetLastWriteTimeUtc(Path.Combine(folder.Path, Sms)).AddSeconds(-10);
        File.SetLastWriteTimeUtc(Path.Combine(folder.Path, Sms), written);
        Assert.Equal(string.Empty, CliRunner.Run(folder.Path, "check", "--cache").Error);

        // Other text of the same size and time, as a restore or `rsync -t` leaves it: the cache would stand for the old text.
        File.WriteAllText(Path.Combine(folder.Path, Sms), TestCatalog.FrontMatter("sms", "pl") + "dostawa jutro: okna nowak.\n");
        File.SetLastWriteTimeUtc(Path.Combine(folder.Path, Sms), written);
        CliRunner.Run(folder.Path, "check", "--cache", "--fix");

        Assert.Equal(TestCatalog.FrontMatter("sms", "pl") + "dostawa jutro: Okna Nowak.\n", Read(folder, Sms));
    }

    [Fact]
    public void Dry_run_prints_the_diff_of_what_fix_would_change_and_writes_nothing()
    {
        using var folder = Corpus();
        var before = Snapshot(folder);

        var preview = CliRunner.Run(folder.Path, "check", "--fix", "--dry-run", "content/order/email.en.html", "content/order/sms.pl.txt");

        Assert.Equal(1, preview.ExitCode);
        Assert.Equal(before, Snapshot(folder));
        Assert.Equal(
            """
            --- a/content/order/email.en.html
            +++ b/content/order/email.en.html
            @@ -5,5 +5,5 @@
             subject: Your order
             preheader: Thank you
             ---
            -<p>Thank you for your order with okna nowak.</p>
            -<p>You may withdraw within 30 days. Hotline: +48 22 307 41 99!!</p>
            +<p>Thank you for your order with Okna Nowak.</p>
            +<p>You may withdraw within 14 days. Hotline: +48 22 307 41 00!</p>
            --- a/content/order/sms.pl.txt
            +++ b/content/order/sms.pl.txt
            @@ -3,4 +3,4 @@
             channel: sms
             locale: pl
             ---
            -OKNA NOWAK: dziekujemy za zamówienie!! Możesz odstąpić od umowy w 30 dni. Infolinia 22 307 41 99.
            +Okna Nowak: dziekujemy za zamówienie! Możesz odstąpić od umowy w 14 dni. Infolinia +48 22 307 41 00.

            """, preview.Output.ReplaceLineEndings("\n"));
        Assert.Equal("--fix would fix 8 findings in 2 files (brand.name 2, facts.hotline 2, facts.withdrawal-days 2, tone.shouting 2); 1 fix left for review (spelling 1).\n",
            preview.Error.ReplaceLineEndings("\n"));

        CliRunner.Run(folder.Path, "check", "--fix");
        var nothing = CliRunner.Run(folder.Path, "check", "--fix", "--dry-run", "content/order/email.en.html");
        Assert.Equal(0, nothing.ExitCode);
        Assert.Equal(string.Empty, nothing.Output);
        Assert.Equal("Nothing to fix.\n", nothing.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Dry_run_without_fix_is_a_usage_error()
    {
        using var folder = Corpus();

        var result = CliRunner.Run(folder.Path, "check", "--dry-run");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.Contains("commslint: error: --dry-run shows what --fix would change, so it needs --fix", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_is_fixed_while_the_configuration_has_errors()
    {
        using var folder = Corpus();
        folder.Write("styleguides/broken.style", "styleguide \"Broken\"\nrule x.y eror \"m\" { forbid \"z\" }\n");
        var before = Snapshot(folder);

        var fixing = CliRunner.Run(folder.Path, "check", "--fix");
        var preview = CliRunner.Run(folder.Path, "check", "--fix", "--dry-run");

        Assert.Equal(before, Snapshot(folder));
        Assert.Equal(2, fixing.ExitCode);
        Assert.Contains("styleguides/broken.style(2,10): error DSL006", fixing.Output, StringComparison.Ordinal);
        Assert.Equal("Nothing was fixed: the configuration has errors (see the report). Correct them and run check --fix again.\n", fixing.Error.ReplaceLineEndings("\n"));
        Assert.Equal(2, preview.ExitCode);
        Assert.Equal(string.Empty, preview.Output);
        Assert.Contains("commslint: error: the configuration has errors, so nothing can be fixed", preview.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fix_never_touches_liquid_markup_entities_or_escaped_front_matter()
    {
        using var folder = Corpus();
        const string template = """
            ---
            touchpoint: order-confirmation
            channel: email
            locale: pl
            subject: "okna nowak \"zaprasza\""
            preheader: Dziękujemy
            ---
            <p>Dziękujemy, okna <b>nowak</b> zaprasza.</p>
            <p>Dziękujemy, okna now&#97;k zaprasza.</p>
            <p>Dziękujemy, okna{{ separator }}nowak zaprasza.</p>

            """;
        var path = folder.Write("content/order/email.pl.html", template);
        folder.Write("styleguides/fixes.style", Guide + "rule brand.split error \"Write “{expected}”.\" {\n  prefer \"Okna Nowak\" over /okna\\W+nowak/\n}\n");
        var check = CliRunner.FindingLines(CliRunner.Run(folder.Path, "check", "content/order/email.pl.html").Output);
        Assert.Equal(
            [
                "content/order/email.pl.html(5,11): error brand.name: Write “Okna Nowak”, not “okna nowak”.",
                "content/order/email.pl.html(5,11): error brand.split: Write “Okna Nowak”.",
                "content/order/email.pl.html(8,16): error brand.name: Write “Okna Nowak”, not “okna nowak”.",
                "content/order/email.pl.html(8,16): error brand.split: Write “Okna Nowak”.",
                "content/order/email.pl.html(9,16): error brand.name: Write “Okna Nowak”, not “okna nowak”.",
                "content/order/email.pl.html(9,16): error brand.split: Write “Okna Nowak”.",
                "content/order/email.pl.html(10,16): error brand.split: Write “Okna Nowak”.",
            ],
            check);

        var result = CliRunner.Run(folder.Path, "check", "--fix", "content/order/email.pl.html");

        Assert.Equal("Nothing to fix.\n", result.Error.ReplaceLineEndings("\n"));
        Assert.Equal(template, File.ReadAllText(path));
    }

    [Fact]
    public void Fixes_that_overlap_or_make_new_findings_are_applied_over_passes()
    {
        using var folder = Corpus();
        folder.Write("styleguides/fixes.style", Guide + """
            rule terms.bok warning "Write “{expected}”." {
              prefer "Biuro Obsługi Klienta" over "BOK"
            }

            rule terms.department warning "Write “{expected}”." {
              prefer "Dział Obsługi Klienta" over "Biuro Obsługi Klienta"
            }

            rule tone.calm warning "Write “{expected}”." {
              prefer "." over /!!!/
            }

            """);
        var path = folder.Write("content/order/sms.pl.txt", TestCatalog.FrontMatter("sms", "pl") + "Okna Nowak: napisz do BOK!!!\n");

        var result = CliRunner.Run(folder.Path, "check", "--fix", "content/order/sms.pl.txt");

        // tone.calm and tone.shouting both replace "!!!": the first in the findings' order is taken, and the other has nothing left to fix.
        Assert.Equal(TestCatalog.FrontMatter("sms", "pl") + "Okna Nowak: napisz do Dział Obsługi Klienta.\n", File.ReadAllText(path));
        Assert.Equal("Fixed 3 findings in 1 file (terms.bok 1, terms.department 1, tone.calm 1).\n", result.Error.ReplaceLineEndings("\n"));
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void Fixed_files_keep_their_line_endings_and_byte_order_mark()
    {
        using var folder = Corpus();
        var crlf = folder.Write("content/order/sms.pl.txt", Templates[0].Before.ReplaceLineEndings("\r\n"));
        var bom = folder.WriteBytes("content/order/email.en.html", [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(Templates[3].Before)]);

        CliRunner.Run(folder.Path, "check", "--fix");

        Assert.Equal(Templates[0].After.ReplaceLineEndings("\r\n"), File.ReadAllText(crlf));
        Assert.Equal([0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(Templates[3].After)], File.ReadAllBytes(bom));
    }

    [Fact]
    public void A_file_that_cannot_be_written_is_reported_and_the_others_are_fixed()
    {
        using var folder = Corpus();
        var blocked = Path.Combine(folder.Path, Templates[0].Path);
        // A folder where the file's replacement is written first (WholeFile.Replace) makes the write fail, even for root.
        Directory.CreateDirectory($"{blocked}.commslint-{Environment.ProcessId}.tmp");

        var result = CliRunner.Run(folder.Path, "check", "--fix");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("commslint: error: cannot write content/order/sms.pl.txt: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("Fixed 15 findings in 3 files", result.Error, StringComparison.Ordinal);
        Assert.Equal(Templates[0].Before, File.ReadAllText(blocked));
        Assert.Equal(Templates[1].After, Read(folder, Templates[1].Path));
        Assert.Contains("content/order/sms.pl.txt(6,1): error brand.name", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Fix_reports_in_any_format_with_its_summary_on_standard_error()
    {
        using var folder = Corpus();

        var result = CliRunner.Run(folder.Path, "check", "--fix", "--format", "json");

        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(2, json.RootElement.GetProperty("version").GetInt32());
        var fix = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray().Where(f => f.TryGetProperty("fix", out _)).ToArray()).GetProperty("fix");
        Assert.False(fix.GetProperty("safe").GetBoolean());
        Assert.Equal("dziękujemy", Assert.Single(fix.GetProperty("edits").EnumerateArray().ToArray()).GetProperty("replacement").GetString());
        Assert.StartsWith("Fixed 19 findings in 4 files", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Consistent_offers_the_one_fact_as_a_safe_fix_and_keeps_units_and_paths()
    {
        using var folder = Corpus();
        folder.Write("styleguides/fixes.style", """
            styleguide "Facts"

            facts {
              hotline = phone "+48 22 307 41 00"
              contact = email "kontakt@oknanowak.pl"
              privacy = email "iod@oknanowak.pl"
              website = url "https://www.oknanowak.pl"
              help = url "https://www.oknanowak.pl/pomoc"
              deposit = money "500 zł"
              discount = percent 10
            }

            rule facts.hotline error "{fact}" { consistent phone with hotline }
            rule facts.email error "{fact}" { consistent email with contact, privacy }
            rule facts.contact error "{fact}" { consistent email with contact }
            rule facts.website error "{fact}" { consistent url with website }
            rule facts.help error "{fact}" { consistent url with help }
            rule facts.deposit error "{fact}" { consistent money with deposit }
            rule facts.discount error "{fact}" { consistent percent with discount }

            """);
        folder.Write("content/order/sms.pl.txt", TestCatalog.FrontMatter("sms", "pl")
            + "Zaliczka 300 zł, rabat 15%. Pisz: biuro@oknanowak.pl, http://oknanowak.pl/zwroty lub 22 307 41 99.\n");

        var lines = CliRunner.FindingLines(CliRunner.Run(folder.Path, "check", "content/order/sms.pl.txt").Output);

        Assert.Equal(
            [
                "content/order/sms.pl.txt(6,10): error facts.deposit: 500 zł",
                "    fix: Replace “300” with “500”",
                "content/order/sms.pl.txt(6,24): error facts.discount: 10",
                "    fix: Replace “15” with “10”",
                "content/order/sms.pl.txt(6,35): error facts.contact: kontakt@oknanowak.pl",
                "    fix: Replace “biuro@oknanowak.pl” with “kontakt@oknanowak.pl”",
                // Two facts of a kind: which one was meant is for a person to say.
                "content/order/sms.pl.txt(6,35): error facts.email: kontakt@oknanowak.pl or iod@oknanowak.pl",
                // A fact with a path says nothing about the site's other pages.
                "content/order/sms.pl.txt(6,55): error facts.help: https://www.oknanowak.pl/pomoc",
                "content/order/sms.pl.txt(6,55): error facts.website: https://www.oknanowak.pl",
                "    fix: Replace “http://oknanowak.pl” with “https://www.oknanowak.pl”",
                "content/order/sms.pl.txt(6,86): error facts.hotline: +48 22 307 41 00",
                "    fix: Replace “22 307 41 99” with “+48 22 307 41 00”",
            ],
            lines);
    }

    private static TempFolder Corpus()
    {
        var folder = new TempFolder();
        folder.Write("content/touchpoints.yml", TestCatalog.OrderConfirmation());
        folder.Write("styleguides/fixes.style", Guide);
        foreach (var (path, before, _) in Templates)
        {
            folder.Write(path, before);
        }

        return folder;
    }

    private static string Read(TempFolder folder, string path) => File.ReadAllText(Path.Combine(folder.Path, path));

    /// <summary>Every file's bytes, to show that a run wrote nothing.</summary>
    private static Dictionary<string, string> Snapshot(TempFolder folder) =>
        Directory.EnumerateFiles(folder.Path, "*", SearchOption.AllDirectories)
            .ToDictionary(p => Path.GetRelativePath(folder.Path, p), p => Convert.ToHexString(File.ReadAllBytes(p)), StringComparer.Ordinal);
}
