using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CommsLinter.Reports;
using CommsLinter.Tests.Support;
using Microsoft.Playwright;
using Snapshooter;
using Snapshooter.Xunit;

namespace CommsLinter.Tests;

/// <summary>Every report format, written from the fixture corpus in Fixtures/report (see its README).</summary>
public sealed partial class ReportTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("sarif")]
    [InlineData("github")]
    [InlineData("markdown")]
    [InlineData("junit")]
    public void Every_format_matches_its_snapshot_and_is_deterministic(string format)
    {
        using var folder = Fixture();
        var first = CliRunner.Run(folder.Path, "check", "--format", format);
        var second = CliRunner.Run(folder.Path, "check", "--format", format);

        Assert.Equal(1, first.ExitCode);
        Assert.Equal(CliRunner.WithoutTiming(first.Output), CliRunner.WithoutTiming(second.Output));
        // helpUri depends on where the check runs (COMMSLINT_DOCS_URI, a GitHub Actions run): it is tested on its own.
        var stable = HelpUri().Replace(CliRunner.WithoutTiming(first.Output), string.Empty);
        stable.MatchSnapshot(SnapshotNameExtension.Create(format));
    }

    [Fact]
    public void Sarif_has_the_shape_the_schema_requires()
    {
        using var folder = Fixture();
        using var sarif = JsonDocument.Parse(CliRunner.Run(folder.Path, "check", "--format", "sarif").Output);
        var root = sarif.RootElement;

        AssertOnly(root, "$schema", "version", "runs");
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray().ToArray());
        AssertOnly(run, "tool", "columnKind", "results");
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("commslint", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToArray();
        Assert.Equal(rules.Length, rules.Select(r => r.GetProperty("id").GetString()).Distinct().Count());
        foreach (var rule in rules)
        {
            AssertOnly(rule, "id", "shortDescription", "fullDescription", "helpUri", "help", "defaultConfiguration", "properties");
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
            Assert.Contains(rule.GetProperty("defaultConfiguration").GetProperty("level").GetString(), new[] { "note", "warning", "error" });
            var help = rule.GetProperty("help").GetProperty("text").GetString()!;
            Assert.StartsWith("See docs/", help, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(TestContent.RepositoryRoot(), help[4..^1].Split('#')[0])), help);
        }

        var results = run.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(10, results.Length);
        foreach (var result in results)
        {
            AssertOnly(result, "ruleId", "ruleIndex", "level", "message", "locations", "partialFingerprints", "fixes", "properties");
            Assert.Equal(result.GetProperty("ruleId").GetString(), rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
            Assert.Contains(result.GetProperty("level").GetString(), new[] { "note", "warning", "error" });
            Assert.False(string.IsNullOrWhiteSpace(result.GetProperty("message").GetProperty("text").GetString()));
            var physical = Assert.Single(result.GetProperty("locations").EnumerateArray().ToArray()).GetProperty("physicalLocation");
            var uri = physical.GetProperty("artifactLocation").GetProperty("uri").GetString()!;
            Assert.True(Uri.IsWellFormedUriString(uri, UriKind.Relative), uri);
            AssertRegion(physical.GetProperty("region"));
        }

        var fix = Assert.Single(results.Where(r => r.TryGetProperty("fixes", out _) && r.GetProperty("ruleId").GetString() == "tone.shouting").ToArray()).GetProperty("fixes")[0];
        var replacement = Assert.Single(fix.GetProperty("artifactChanges")[0].GetProperty("replacements").EnumerateArray().ToArray());
        AssertRegion(replacement.GetProperty("deletedRegion"));
        Assert.Equal("!", replacement.GetProperty("insertedContent").GetProperty("text").GetString());
    }

    [Fact]
    public void Sarif_lists_every_built_in_rule_and_DSL_code_once_whether_or_not_a_guide_rejects_words()
    {
        using var folder = Fixture();
        string[] RuleIds() => [.. JsonDocument.Parse(CliRunner.Run(folder.Path, "check", "--format", "sarif").Output).RootElement
            .GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()!)];

        var ids = RuleIds();
        Assert.Empty(Engine.RuleRegistry.Descriptors.Select(d => d.Id).Except(ids));
        Assert.Contains("DSL012", ids);
        Assert.Contains("vocabulary.rejected", ids);

        folder.Write("styleguides/words.style", "styleguide \"Words\"\nvocabulary { reject \"najtańsze\" }\n");
        Assert.Single(RuleIds(), id => id == "vocabulary.rejected");
    }

    [Fact]
    public void Sarif_links_each_rule_to_its_page_when_the_docs_address_is_known()
    {
        var report = new ReportData([], 0, [CommsLinter.Content.ContentRules.All[0]]);
        var output = new StringWriter();
        new SarifReport { ToolVersion = "1.0.0", HelpBaseUri = new Uri("https://example.com/repo/blob/abc/") }.Write(output, report);

        Assert.Contains($"\"helpUri\": \"https://example.com/repo/blob/abc/docs/rules/{CommsLinter.Content.ContentRules.All[0].Id}.md\"", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void GitHub_commands_keep_one_finding_on_one_line()
    {
        Assert.Equal("50%25 off%0Anext line%0D", GitHubReport.Data("50% off\nnext line\r"));
        Assert.Equal("content/a%2Cb%3Ac.txt", GitHubReport.Property("content/a,b:c.txt"));

        using var folder = Fixture();
        var lines = CliRunner.Run(folder.Path, "check", "--format", "github").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Contains("::error file=content/order/email.ru.html,line=9,endLine=9,col=60,endColumn=76,title=facts.hotline::The hotline is +48 22 307 41 00, not +48 22 307 41 99.%0Afix: Replace “+48 22 307 41 99” with “+48 22 307 41 00”", lines);
        Assert.Contains("::notice file=content/delivery/sms.pl.txt,line=6,endLine=6,col=27,endColumn=31,title=tone.asap::Say when, not “ASAP”.", lines);
        Assert.Contains("::warning file=content/order/email.pl.html,line=8,endLine=8,col=28,endColumn=30,title=tone.shouting::Write “!” without shouting.%0Afix: Replace “!!” with “!”", lines);
    }

    [Fact]
    public void Markdown_summary_stays_short_with_many_findings()
    {
        using var folder = Fixture();
        folder.Write("content/delivery/sms.it.txt", "---\ntouchpoint: delivery-notice\nchannel: sms\nlocale: it\n---\n" + string.Concat(Enumerable.Repeat("ASAP | `x` ", 30)) + "\n");

        var markdown = CliRunner.Run(folder.Path, "check", "--format", "markdown").Output;

        Assert.Contains("### Top 20 findings", markdown, StringComparison.Ordinal);
        Assert.Contains("…and 21 more.", markdown, StringComparison.Ordinal);
        Assert.Contains("| logistics | 0 | 2 | 31 |", markdown, StringComparison.Ordinal);
        Assert.Equal(20, markdown.Split('\n').Count(l => l.StartsWith("| ❌", StringComparison.Ordinal) || l.StartsWith("| ⚠️", StringComparison.Ordinal) || l.StartsWith("| 💡", StringComparison.Ordinal)));
        // A pipe or backtick in a message cannot break the table.
        Assert.DoesNotContain("ASAP | `x`", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void JUnit_has_a_case_per_file_that_fails_at_the_fail_level()
    {
        using var folder = Fixture();

        var errors = XDocument.Parse(CliRunner.Run(folder.Path, "check", "--format", "junit").Output).Root!;
        var warnings = XDocument.Parse(CliRunner.Run(folder.Path, "check", "--format", "junit", "--fail-on", "warning").Output).Root!;

        Assert.Equal("8", errors.Attribute("tests")!.Value);
        Assert.Equal(["content/order/email.it.html", "content/order/email.ru.html"], errors.Descendants("failure").Select(f => f.Parent!.Attribute("name")!.Value));
        Assert.Equal("5", warnings.Attribute("failures")!.Value);
        var sms = errors.Descendants("testcase").Single(c => c.Attribute("name")!.Value == "content/delivery/sms.pl.txt");
        Assert.Equal("commslint.delivery-notice", sms.Attribute("classname")!.Value);
        Assert.Contains("suggestion tone.asap", sms.Element("system-out")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_report_escapes_every_template_and_allows_only_its_own_script()
    {
        using var folder = Fixture();
        var result = CliRunner.Run(folder.Path, "report", "--out", "report");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Wrote the report (14 pages) to report/index.html", result.Output, StringComparison.Ordinal);
        var pages = Directory.GetFiles(Path.Combine(folder.Path, "report"), "*.html", SearchOption.AllDirectories);
        Assert.Equal(14, pages.Length);
        foreach (var page in pages)
        {
            var html = File.ReadAllText(page);
            Assert.Contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src ", html, StringComparison.Ordinal);
            Assert.DoesNotContain("onerror=\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<svg onload", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>window", html, StringComparison.Ordinal);
            var scripts = Regex.Matches(html, "<script[^>]*>", RegexOptions.IgnoreCase).Select(m => m.Value).ToArray();
            Assert.Equal(page.EndsWith("index.html", StringComparison.Ordinal) ? ["<script type=\"application/json\" id=\"report-data\">", "<script>"] : [], scripts);
        }

        var index = File.ReadAllText(Path.Combine(folder.Path, "report", "index.html"));
        var script = Regex.Match(index, "<script>(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        var hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(script)));
        Assert.Contains($"script-src 'sha256-{hash}';", index, StringComparison.Ordinal);
    }

    [Fact]
    public void Overview_pages_show_the_journey_facts_parity_and_team_queues()
    {
        using var folder = Fixture();
        Assert.Equal(0, CliRunner.Run(folder.Path, "report", "--out", "report").ExitCode);
        string Page(string name) => File.ReadAllText(Path.Combine(folder.Path, "report", name));

        var journey = Page("journey.html");
        Assert.Contains("<svg class=\"chart\"", journey, StringComparison.Ordinal);
        // delivery-notice lacks its English SMS: one hatched gap, and 3 of its 4 required templates.
        Assert.Single(Regex.Matches(journey, "title=\"no template: a coverage gap\">gap</td>"));
        Assert.Equal(["4/4", "3/4"], Regex.Matches(journey, "<td class=\"num\">(\\d+/\\d+)</td>").Select(m => m.Groups[1].Value));

        Assert.Contains("<td><a href=\"#fact-hotline\">hotline</a></td><td>phone</td><td><code>+48 22 307 41 00</code></td><td>facts.hotline</td><td class=\"num\">1</td></tr>", Page("facts.html"), StringComparison.Ordinal);
        Assert.Contains("content/order/email.ru.html(9,60)</a></td><td><code>facts.hotline</code>", Page("facts.html"), StringComparison.Ordinal);
        Assert.Contains("<h2>order-confirmation · email ", System.Net.WebUtility.HtmlDecode(Page("parity.html")), StringComparison.Ordinal);

        var teams = Page("teams.html");
        Assert.Contains("<svg class=\"chart\"", teams, StringComparison.Ordinal);
        Assert.Equal(["logistics", "sales"], Regex.Matches(teams, "<h2 id=\"team-([a-z]+)\">").Select(m => m.Groups[1].Value));
    }

    [Fact]
    public void Source_pages_anchor_every_finding_whatever_the_line_endings()
    {
        using var folder = Fixture();
        // Old Mac line endings (a lone CR) and a finding past the first line.
        folder.Write("content/delivery/sms.it.txt", "---\rtouchpoint: delivery-notice\rchannel: sms\rlocale: it\r---\rOkna Nowak: consegna ASAP.\r");

        var result = CliRunner.Run(folder.Path, "report", "--out", "report");

        Assert.True(result.ExitCode == 0, result.Error);
        foreach (var page in Directory.GetFiles(Path.Combine(folder.Path, "report", "files")))
        {
            var html = File.ReadAllText(page);
            var notes = Regex.Count(html, "id=\"m(\\d+)\"");
            Assert.Equal(notes, Regex.Count(html, "class=\"anchor\" id=\"f\\d+\""));
        }

        var sms = File.ReadAllText(Directory.GetFiles(Path.Combine(folder.Path, "report", "files")).Single(p => File.ReadAllText(p).Contains("content/delivery/sms.it.txt</strong>", StringComparison.Ordinal)));
        Assert.Contains("<mark class=\"s f1\" title=\"suggestion tone.asap: Say when, not “ASAP”.\">ASAP</mark>", sms, StringComparison.Ordinal);
        Assert.Contains("<span class=\"anchor\" id=\"f0\"></span><mark class=\"empty f0 w\"", sms, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_refuses_to_write_into_the_checked_content()
    {
        using var folder = Fixture();

        var result = CliRunner.Run(folder.Path, "report", "content", "--out", "content/report");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("inside the checked folder 'content'", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "content/report")));
        Assert.Equal(1, CliRunner.Run(folder.Path, "report", "--fail-on", "error").ExitCode);
    }

    [SkippableFact]
    public async Task Html_report_opens_in_chromium_and_a_click_shows_the_finding_span()
    {
        Skip.IfNot(File.Exists(Chromium), $"Debian's chromium is not installed ({Chromium}); .ci/run installs it for the browser tests.");
        using var folder = Fixture();
        Assert.Equal(0, CliRunner.Run(folder.Path, "report", "--out", "report").ExitCode);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        await page.GotoAsync(new Uri(Path.Combine(folder.Path, "report", "index.html")).AbsoluteUri);

        Assert.Equal("10 of 10 findings", await page.Locator("#problem-count").TextContentAsync());
        Assert.Equal(10, await page.Locator("#problem-rows tr").CountAsync());
        var stage = page.Locator(".explorer > details > summary").First;
        Assert.StartsWith("Purchase", await stage.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(["2", "5", "2"], await stage.Locator(".badge").AllTextContentsAsync());

        await page.Locator("#problem-rows tr", new() { HasText = "facts.hotline" }).ClickAsync();
        var source = page.FrameLocator("#source-frame");
        await Assertions.Expect(source.Locator("header.file")).ToContainTextAsync("content/order/email.ru.html");
        var span = source.Locator("mark.f0");
        await Assertions.Expect(span).ToHaveTextAsync("+48 22 307 41 99");
        await Assertions.Expect(span).ToHaveCSSAsync("outline-style", "solid");
        Assert.Contains("facts.hotline: The hotline is +48 22 307 41 00", await span.GetAttributeAsync("title"), StringComparison.Ordinal);

        await page.Keyboard.PressAsync("F8");
        await Assertions.Expect(page.Locator("#problem-rows tr.selected")).ToContainTextAsync("parity.contacts");
        await Assertions.Expect(source.Locator("mark.f1").First).ToHaveCSSAsync("outline-style", "solid");

        await page.Locator("#filter-severity").SelectOptionAsync("2");
        await Assertions.Expect(page.Locator("#problem-count")).ToHaveTextAsync("2 of 10 findings");
        await page.Locator("#filter-severity").SelectOptionAsync(string.Empty);
        await page.Locator("#filter-team").SelectOptionAsync(new SelectOptionValue { Label = "logistics" });
        await Assertions.Expect(page.Locator("#problem-count")).ToHaveTextAsync("2 of 10 findings");
        await page.Locator("#filter-team").SelectOptionAsync(string.Empty);

        // The hostile template: shown as text in the source view, and nothing in it runs.
        await page.Locator(".explorer a", new() { HasText = "email.en.html" }).ClickAsync();
        await Assertions.Expect(source.Locator("header.file")).ToContainTextAsync("content/order/email.en.html");
        await Assertions.Expect(source.Locator("td.tx", new() { HasText = "onerror=\"window.__pwned" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#problem-count")).ToHaveTextAsync("3 of 10 findings");
        Assert.Empty(dialogs);
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__pwned"));
        Assert.Equal("undefined", await source.Locator("body").EvaluateAsync<string>("() => typeof window.__pwned"));

        var screenshot = Path.Combine(AppContext.BaseDirectory, "report-editor.png");
        await page.ScreenshotAsync(new() { Path = screenshot });
        Assert.True(new FileInfo(screenshot).Length > 10_000);
    }

    private static TempFolder Fixture() => TempFolder.CopyOf(TestContent.FixturePath("report"));

    private static void AssertOnly(JsonElement element, params string[] allowed)
    {
        foreach (var property in element.EnumerateObject())
        {
            Assert.True(allowed.Contains(property.Name), $"'{property.Name}' is not a property the SARIF schema allows here");
        }
    }

    private static void AssertRegion(JsonElement region)
    {
        AssertOnly(region, "startLine", "startColumn", "endLine", "endColumn");
        Assert.True(region.GetProperty("startLine").GetInt32() >= 1);
        Assert.True(region.GetProperty("startColumn").GetInt32() >= 1);
        Assert.True(region.GetProperty("endLine").GetInt32() >= region.GetProperty("startLine").GetInt32());
        Assert.True(region.GetProperty("endColumn").GetInt32() >= 1);
    }

    [GeneratedRegex("^ *\"helpUri\": .*\n", RegexOptions.Multiline)]
    private static partial Regex HelpUri();
}
