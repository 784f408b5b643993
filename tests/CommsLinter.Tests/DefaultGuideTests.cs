using CommsLinter.Tests.Support;

namespace CommsLinter.Tests;

/// <summary>The default style guides, with the real catalog, on templates that break them on purpose.</summary>
public sealed class DefaultGuideTests
{
    public static TheoryData<string, string[]> Expected => new()
    {
        {
            "newsletter.pl.html",
            ["brand.name", "brand.no-superlatives", "brand.products", "channels.image-alt", "channels.link-text", "channels.links-domains", "channels.links-https",
             "channels.preheader-length", "channels.subject-length", "facts.email", "facts.hotline", "facts.website", "legal.unsubscribe",
             "review.legal-pending", "spelling", "tone.address-pl", "tone.exclamations", "tone.sentence-length", "tone.shouting"]
        },
        { "order.ru.html", ["channels.no-emoji-in-transactional", "facts.withdrawal-days", "legal.withdrawal", "review.legal-pending", "spelling", "tone.address-ru"] },
        { "review.it.txt", ["channels.sms-segments", "legal.sms-opt-out", "review.legal-pending", "spelling"] },
        { "invoice.en.md", ["legal.invoice-nip", "review.legal-pending", "spelling", "tone.readability-en"] },
        { "signup.en.md", ["legal.gdpr-dpo", "review.legal-pending"] },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Each_default_rule_fires_where_it_should(string file, string[] rules)
    {
        var root = TestContent.RepositoryRoot();
        var result = CliRunner.Run(root, "check", TestContent.FixturePath("default-guides", file),
            "--catalog", "content/touchpoints.yml", "--styleguides", "styleguides", "--format", "json");

        using var json = System.Text.Json.JsonDocument.Parse(result.Output);
        var fired = json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => f.GetProperty("ruleId").GetString()!)
            .Distinct()
            .Order(StringComparer.Ordinal);
        Assert.Equal(rules.Order(StringComparer.Ordinal), fired);
    }

    [Fact]
    public void Every_default_rule_is_shown_firing_in_a_fixture()
    {
        var root = TestContent.RepositoryRoot();
        var workspace = Engine.Configuration.Load(["content"], new Engine.ConfigurationOptions(null, null, null), root);
        var shown = Expected.SelectMany(row => (string[])row[1]).ToHashSet();
        // The same kinds in the other locales are shown firing by the rule-kind fixtures (Fixtures/style/).
        string[] otherLocales = ["tone.address-it", "tone.readability-it", "tone.readability-pl", "tone.readability-ru"];
        var notShown = workspace.Style.Rules.Select(r => r.Id)
            .Where(id => !shown.Contains(id) && !otherLocales.Contains(id))
            .ToArray();
        Assert.Empty(notShown);
    }
}
