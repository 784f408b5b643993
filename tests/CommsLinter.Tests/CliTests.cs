using CommsLinter.Cli;
using CommsLinter.Tests.Support;
using Snapshooter.Xunit;

namespace CommsLinter.Tests;

public sealed class CliTests
{
    private const string Catalog = """
        locales: [pl, ru]
        channels:
          - id: sms
        teams:
          - id: logistics
        stages:
          - id: purchase
        processes:
          - id: delivery
        touchpoints:
          - id: delivery-notice
            stage: purchase
            process: delivery
            owner: logistics
            channels: [sms]
        """;

    [Fact]
    public void The_sample_content_is_clean_and_covers_the_journey()
    {
        var root = TestContent.RepositoryRoot();
        var result = CliRunner.Run(root, "check", "--format", "json", "--fail-on", "warning");

        Assert.True(result.ExitCode == 0, result.Output);
        using var json = System.Text.Json.JsonDocument.Parse(result.Output);
        Assert.Empty(json.RootElement.GetProperty("findings").EnumerateArray());
        var files = CommsLinter.Content.ContentDiscovery.Discover(["content"], root, out _);
        var templates = files.Where(f => f.Kind == CommsLinter.Model.DocumentKind.Template).ToArray();
        Assert.True(templates.Length >= 80, $"{templates.Length} templates");
        foreach (var locale in new[] { "pl", "ru", "it", "en" })
        {
            Assert.True(templates.Count(t => t.DisplayPath.Contains($".{locale}.", StringComparison.Ordinal)) >= 25, locale);
        }

        var catalog = CommsLinter.Content.Catalog.CatalogReader.Load(Path.Combine(root, "content", "touchpoints.yml"), "touchpoints.yml", out _)!;
        Assert.True(catalog.Touchpoints.Count >= 25);
        Assert.Equal(["after-purchase", "before-purchase", "purchase"], catalog.Touchpoints.Select(t => t.Stage).Distinct().Order());
    }

    [Fact]
    public void On_a_terminal_findings_are_coloured_unless_NO_COLOR_and_a_long_run_shows_progress()
    {
        using var folder = new TempFolder();
        folder.Write("content/touchpoints.yml", Catalog);
        folder.Write("content/delivery/sms.ru.txt", "---\ntouchpoint: delivery\nchannel: sms\nlocale: ru\n---\nOkna Nowak: доставка завтра.\n");
        const string Escape = "\u001b[";

        // The machine's NO_COLOR (CI sets it) does not count: each run is told what its environment says.
        var terminalHost = new AppHost(TimeProvider.System, _ => null, ProgressAfter: TimeSpan.FromMinutes(1));
        var terminal = CliRunner.Run(folder.Path, terminalHost, interactive: true, "check");
        Assert.Contains(Escape, terminal.Output, StringComparison.Ordinal);
        Assert.Contains(Escape, CliRunner.Run(folder.Path, terminalHost, interactive: true, "check", "--no-progress").Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Escape, CliRunner.Run(folder.Path, terminalHost, interactive: false, "check").Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Escape, CliRunner.Run(folder.Path, terminalHost, interactive: true, "check", "--format", "json").Output, StringComparison.Ordinal);
        // A run shorter than the wait shows no bar.
        Assert.Empty(terminal.Error);

        var noColor = terminalHost with { Variable = name => name == "NO_COLOR" ? "1" : null };
        Assert.DoesNotContain(Escape, CliRunner.Run(folder.Path, noColor, interactive: true, "check").Output, StringComparison.Ordinal);

        var barAtOnce = terminalHost with { ProgressAfter = TimeSpan.Zero };
        Assert.Contains("Checking templates", CliRunner.Run(folder.Path, barAtOnce, interactive: true, "check").Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Checking templates", CliRunner.Run(folder.Path, barAtOnce, interactive: true, "check", "--no-progress").Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Exit_codes_follow_fail_on_and_configuration_errors()
    {
        using var folder = new TempFolder();
        folder.Write("content/touchpoints.yml", Catalog);
        folder.Write("content/delivery/sms.pl.txt", "---\ntouchpoint: delivery-notice\nchannel: sms\nlocale: pl\n---\nOkna Nowak: dostawa jutro.\n");

        Assert.Equal(1, CliRunner.Run(folder.Path, "check", "--fail-on", "warning").ExitCode);
        Assert.Equal(0, CliRunner.Run(folder.Path, "check").ExitCode);
        Assert.Equal(0, CliRunner.Run(folder.Path, "check", "content/delivery", "--fail-on", "warning").ExitCode);

        folder.Write("content/delivery/sms.ru.txt", "---\ntouchpoint: delivery\nchannel: sms\nlocale: ru\n---\nOkna Nowak: доставка завтра.\n");
        Assert.Equal(1, CliRunner.Run(folder.Path, "check").ExitCode);
        Assert.Equal(0, CliRunner.Run(folder.Path, "check", "--fail-on", "never").ExitCode);

        Assert.Equal(2, CliRunner.Run(folder.Path, "check", "no/such/folder").ExitCode);
        Assert.Equal(2, CliRunner.Run(folder.Path, "check", "--format", "xml").ExitCode);
        folder.Write("content/touchpoints.yml", Catalog.Replace("stage: purchase", "stage: nowhere", StringComparison.Ordinal));
        Assert.Equal(2, CliRunner.Run(folder.Path, "check").ExitCode);
        File.Delete(Path.Combine(folder.Path, "content/touchpoints.yml"));
        var missing = CliRunner.Run(folder.Path, "check");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("error catalog.missing: No journey catalog found", missing.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_is_deterministic_and_matches_its_snapshot()
    {
        using var folder = new TempFolder();
        folder.Write("content/touchpoints.yml", Catalog);
        folder.Write("content/delivery/sms.pl.txt", "---\ntouchpoint: delivery-notice\nchannel: sms\nlocale: pl\n---\nOkna Nowak: dostawa {{ delivery.date\n");
        folder.Write("content/delivery/sms.ru.txt", "---\ntouchpoint: delivery-notise\nchannel: sms\nlocale: ru\n---\nOkna Nowak: доставка завтра.\n");

        var first = CliRunner.Run(folder.Path, "check", "--format", "json");
        var second = CliRunner.Run(folder.Path, "check", "--format", "json");

        Assert.Equal(first.Output, second.Output);
        first.Output.MatchSnapshot();
    }

    [Fact]
    public void Help_explains_every_option_with_examples()
    {
        var root = CliRunner.Run(Path.GetTempPath(), "--help");
        Assert.Contains("check", root.Output, StringComparison.Ordinal);
        Assert.Contains("Example", root.Output, StringComparison.Ordinal);
        var check = CliRunner.Run(Path.GetTempPath(), "check", "--help");
        foreach (var option in new[] { "--catalog", "--format", "--fail-on", "--no-progress", "Exit codes", "commslint check content/purchase --format json", "--fix", "--dry-run", "commslint check --fix --dry-run" })
        {
            Assert.Contains(option, check.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Explain_answers_for_built_in_rules_DSL_codes_and_rule_kinds_and_suggests_among_all_of_them()
    {
        var root = TestContent.RepositoryRoot();
        string Explained(string id)
        {
            var result = CliRunner.Run(root, "explain", id);
            Assert.Equal(0, result.ExitCode);
            return result.Output;
        }

        Assert.Equal("DSL012 (error): Expected 'over'\n  built in; read docs/styleguide-dsl.md#error-codes\n", Explained("DSL012").ReplaceLineEndings("\n"));
        // A rule's page ships inside the tool and is printed after what explain says of it.
        Assert.Equal("catalog.coverage-gap (warning): Touchpoint lacks a template for a required channel or locale\n  built in; read docs/rules/catalog.coverage-gap.md\n\n"
            + File.ReadAllText(Path.Combine(root, "docs", "rules", "catalog.coverage-gap.md")).ReplaceLineEndings("\n"), Explained("catalog.coverage-gap").ReplaceLineEndings("\n"));
        Assert.StartsWith("forbid (style rule kind): Reports every occurrence of a forbidden term or pattern.\n  read docs/rules/style/forbid.md\n\n# forbid\n", Explained("forbid").ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("  read        docs/rules/style/limit.md\n\n# limit\n", Explained("tone.shouting").ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.StartsWith("spelling.unknown-name (suggestion): An unknown word written as a name\n  reported by spelling, defined in styleguides/spelling.style(", Explained("spelling.unknown-name").ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("commslint explain forbid", CliRunner.Run(root, "explain", "--help").Output, StringComparison.Ordinal);

        foreach (var (typo, meant) in new[] { ("catalog.coverage-gpa", "catalog.coverage-gap"), ("DSL12", "DSL012"), ("forbd", "forbid") })
        {
            var unknown = CliRunner.Run(root, "explain", typo);
            Assert.Equal(2, unknown.ExitCode);
            Assert.Contains($"no rule, rule kind or DSL error code '{typo}'. Did you mean '{meant}'?", unknown.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_problem_matcher_in_the_docs_matches_rule_ids_and_DSL_codes()
    {
        var line = File.ReadAllLines(Path.Combine(TestContent.RepositoryRoot(), "docs", "cli.md")).Single(l => l.TrimStart().StartsWith("\"regexp\":", StringComparison.Ordinal));
        var pattern = System.Text.Json.JsonDocument.Parse("{" + line.Trim().TrimEnd(',') + "}").RootElement.GetProperty("regexp").GetString()!;
        foreach (var (text, code) in new[]
        {
            ("content/a/email.pl.html(6,13): warning tone.shouting: “SUPER” shouts.", "tone.shouting"),
            ("styleguides/brand.style(3,6): error DSL007: expected a quoted string.", "DSL007"),
            ("content/a/sms.ru.txt(1,1): suggestion spelling.unknown-name: “Жмых” is not in the Russian dictionary.", "spelling.unknown-name"),
        })
        {
            var match = System.Text.RegularExpressions.Regex.Match(text, pattern);
            Assert.True(match.Success, text);
            Assert.Equal(code, match.Groups[5].Value);
        }
    }

    [Fact]
    public void Extract_shows_segments_with_spans()
    {
        var root = TestContent.RepositoryRoot();
        var result = CliRunner.Run(root, "extract", "content/purchase/delivery-notice/sms.pl.txt");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(" sms: Okna Nowak:", result.Output, StringComparison.Ordinal);
        Assert.Contains("## placeholders", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Style_guides_are_found_compiled_and_enforced_and_their_errors_stop_the_run()
    {
        using var folder = new TempFolder();
        folder.Write("content/touchpoints.yml", Catalog);
        folder.Write("content/delivery/sms.pl.txt", "---\ntouchpoint: delivery-notice\nchannel: sms\nlocale: pl\n---\nOKNA NOWAK: dostawa jutro.\n");
        folder.Write("styleguides/brand.style", "styleguide \"Brand\"\n# Our name, always the same.\nrule brand.name error \"Write “{expected}”, not “{match}”.\" { capitalization \"Okna Nowak\" }\n");

        var result = CliRunner.Run(folder.Path, "check");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("content/delivery/sms.pl.txt(6,1): error brand.name: Write “Okna Nowak”, not “OKNA NOWAK”.", result.Output, StringComparison.Ordinal);
        Assert.Contains("fix: Write “Okna Nowak”", result.Output, StringComparison.Ordinal);

        var explain = CliRunner.Run(folder.Path, "explain", "brand.name");
        Assert.Equal(0, explain.ExitCode);
        Assert.Contains("defined in  styleguides/brand.style(3,6)", explain.Output, StringComparison.Ordinal);
        Assert.Contains("why         Our name, always the same.", explain.Output, StringComparison.Ordinal);
        Assert.Equal(2, CliRunner.Run(folder.Path, "explain", "brand.nam").ExitCode);

        folder.Write("styleguides/broken.style", "styleguide \"Broken\"\nrule x.y eror \"m\" { forbid \"z\" }\n");
        var broken = CliRunner.Run(folder.Path, "check");
        Assert.Equal(2, broken.ExitCode);
        Assert.Contains("styleguides/broken.style(2,10): error DSL006: unknown severity 'eror'. Did you mean 'error'?", broken.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Address_form_is_kept_across_a_journey_stage()
    {
        using var folder = new TempFolder();
        folder.Write("content/touchpoints.yml", Catalog.Replace("touchpoints:", "touchpoints:\n  - id: delivery-reminder\n    stage: purchase\n    process: delivery\n    owner: logistics\n    channels: [sms]", StringComparison.Ordinal));
        folder.Write("styleguides/tone.style", "styleguide \"Tone\"\nrule tone.address-pl warning \"Use the {expected} form: “{match}”.\" {\n  when locale pl\n  address-form formal \"Państwo\", \"Państwa\" informal \"twoje\", \"ciebie\"\n}\n");
        folder.Write("content/a/sms.pl.txt", "---\ntouchpoint: delivery-notice\nchannel: sms\nlocale: pl\n---\nOkna Nowak: Państwa zamówienie jedzie.\n");
        folder.Write("content/b/sms.pl.txt", "---\ntouchpoint: delivery-reminder\nchannel: sms\nlocale: pl\n---\nOkna Nowak: twoje okna jutro, czekamy na ciebie.\n");
        folder.Write("content/b/sms.ru.txt", "---\ntouchpoint: delivery-reminder\nchannel: sms\nlocale: ru\n---\nOkna Nowak: окна завтра.\n");

        var result = CliRunner.Run(folder.Path, "check", "content/a", "content/b");

        Assert.Contains("content/b/sms.pl.txt(6,13): warning tone.address-pl: Use the formal form: “twoje”.", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("content/a/sms.pl.txt", result.Output, StringComparison.Ordinal);
    }
}
