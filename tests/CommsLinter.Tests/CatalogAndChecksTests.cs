using CommsLinter.Content.Catalog;
using CommsLinter.Tests.Support;
using CommsLinter.Text;

namespace CommsLinter.Tests;

public sealed class CatalogAndChecksTests
{
    [Fact]
    public void Catalog_errors_have_positions_and_suggestions()
    {
        var text = TestCatalog.OrderConfirmation("    locales: [pl, en]").TrimEnd().Replace("stage: purchase", "stage: purchse", StringComparison.Ordinal)
            .Replace("owner: sales", "owner: marketing", StringComparison.Ordinal)
            + "\n  - id: order-confirmation\n    stage: purchase\n    process: sales\n    owner: sales\n    chanels: [email]\n";
        CatalogReader.Parse(new SourceText("touchpoints.yml", text), out var findings);

        var lines = findings.Select(f => $"{f.Location.Start}: {f.RuleId}: {f.Message}").ToArray();
        Assert.Contains("13,12: catalog.invalid: Unknown stage 'purchse'. Did you mean 'purchase'? Known: purchase.", lines);
        Assert.Contains("15,12: catalog.invalid: Unknown team 'marketing'. Known: sales.", lines);
        Assert.Contains("18,9: catalog.invalid: Touchpoint id 'order-confirmation' is defined twice; ids must be unique.", lines);
    }

    [Fact]
    public void Catalog_schema_problems_are_reported_not_thrown()
    {
        CatalogReader.Parse(new SourceText("touchpoints.yml", "locales: pl\ntouchpoints: 3\n"), out var findings);
        Assert.Contains(findings, f => f.Message.Contains("'locales' must be a list", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Message.Contains("'touchpoints' must be a list", StringComparison.Ordinal));
        CatalogReader.Parse(new SourceText("touchpoints.yml", "locales: [pl\n"), out var syntax);
        Assert.Equal("catalog.syntax", Assert.Single(syntax).RuleId);
    }

    [Fact]
    public void Builtin_checks_report_unknown_names_duplicates_missing_fields_and_gaps()
    {
        using var folder = new TempFolder();
        folder.Write("content/touchpoints.yml", TestCatalog.OrderConfirmation("    locales: [pl, en]"));
        folder.Write("content/a/email.pl.html", "---\ntouchpoint: order-confirmaton\nchannel: email\nlocale: pl\nsubject: S\npreheader: P\n---\n<p>x</p>\n");
        folder.Write("content/a/sms.pl.txt", "---\ntouchpoint: order-confirmation\nchannel: smss\nlocale: pl\n---\nx\n");
        folder.Write("content/a/email.xx.html", "---\ntouchpoint: order-confirmation\nchannel: email\nlocale: xx\nsubject: S\npreheader: P\n---\n<p>x</p>\n");
        folder.Write("content/b/one.en.txt", "---\ntouchpoint: order-confirmation\nchannel: sms\nlocale: en\n---\nx\n");
        folder.Write("content/b/two.en.txt", "---\ntouchpoint: order-confirmation\nchannel: sms\nlocale: en\n---\nx\n");
        folder.Write("content/b/email.en.html", "---\ntouchpoint: order-confirmation\nchannel: email\nlocale: en\nsubjet: S\n---\n<p>x</p>\n");
        folder.Write("content/b/email.it.html", "---\ntouchpoint: order-confirmation\nchannel: email\nlocale: it\nsubject: S\npreheader: P\n---\n<p>x</p>\n");

        var result = CliRunner.Run(folder.Path, "check");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            """
            content/a/email.pl.html(2,13): error catalog.unknown-touchpoint: Unknown touchpoint 'order-confirmaton'. Did you mean 'order-confirmation'? Add it to content/touchpoints.yml or name one that is there.
            content/a/email.xx.html(4,9): error catalog.unknown-locale: Unknown locale 'xx'. The catalog's locales are: pl, ru, it, en.
            content/a/sms.pl.txt(3,10): error catalog.unknown-channel: Unknown channel 'smss'. Did you mean 'sms'? The catalog's channels are: email, sms.
            content/b/email.en.html(1,1): error frontmatter.missing-field: The front matter has no 'preheader'. Add a line 'preheader: ...'.
            content/b/email.en.html(1,1): error frontmatter.missing-field: The front matter has no 'subject'. Add a line 'subject: "Your order {{ order.number }}"'.
            content/b/email.en.html(5,1): warning frontmatter.unknown-field: Unknown front-matter field 'subjet'. Did you mean 'subject'? Known fields: touchpoint, channel, locale, subject, preheader, title, sample, from, description, commslint-disable.
            content/b/email.it.html(4,9): warning catalog.unexpected-locale: Touchpoint 'order-confirmation' is not sent in 'it'; the catalog lists: pl, en.
            content/b/two.en.txt(2,13): error catalog.duplicate-template: 'content/b/one.en.txt' is already the sms template of 'order-confirmation' in 'en'. Merge the two or change this one's touchpoint, channel or locale.
            content/touchpoints.yml(12,9): warning catalog.coverage-gap: Touchpoint 'order-confirmation' has no email template in pl. Customers in that locale get nothing at this moment.
            content/touchpoints.yml(12,9): warning catalog.coverage-gap: Touchpoint 'order-confirmation' has no sms template in pl. Customers in that locale get nothing at this moment.

            Checked 7 files: 6 errors, 4 warnings, 0 suggestions.

            """.ReplaceLineEndings(), CliRunner.WithoutTiming(result.Output));
    }
}
