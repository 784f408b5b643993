using CommsLinter.Model;
using CommsLinter.Tests.Support;

namespace CommsLinter.Tests;

/// <summary>The hidden HTML preheader is the preheader: read as one, never reported missing, and held to the front matter's.</summary>
public sealed class PreheaderTests
{
    [Theory]
    [InlineData("pl", "<div style=\"display: none; max-height:0\">Dziękujemy za zakupy</div>\n<p>Szanowni Państwo,</p>", "Dziękujemy za zakupy")]
    [InlineData("ru", "<html><head><title>Заказ</title></head><body><span style=\"DISPLAY:NONE!important\">Спасибо за заказ</span><p>Здравствуйте!</p></body></html>", "Спасибо за заказ")]
    [InlineData("it", "<table><tr><td><div style=\"display:none\">Grazie per l'ordine</div>Gentile cliente,</td></tr></table>", "Grazie per l'ordine")]
    [InlineData("en", "<p>Hello,</p>\n<div style=\"display:none\">Not a preheader: it comes after the text</div>", null)]
    public void A_hidden_element_before_any_text_is_the_preheader(string locale, string body, string? preheader)
    {
        var document = TestContent.Document($"---\ntouchpoint: newsletter\nchannel: email\nlocale: {locale}\nsubject: S\n---\n{body}\n");
        Assert.Equal(preheader, document.Segments.SingleOrDefault(s => s.Scope == SegmentScope.Preheader)?.Text.Trim());
    }

    [Fact]
    public void A_template_whose_html_has_a_preheader_is_not_told_it_lacks_one_and_two_that_differ_are_one_finding()
    {
        using var folder = new TempFolder();
        folder.Write("content/touchpoints.yml", TestCatalog.Build(channels: "email"));
        const string Hidden = "<div style=\"display:none\">Dziękujemy za zakupy</div>\n<p>Szanowni Państwo, zamówienie przyjęte.</p>\n";
        folder.Write("content/purchase/order-confirmation/email.pl.html", TestCatalog.FrontMatter("email", "pl", "subject: S\n") + Hidden);
        folder.Write("content/purchase/order-confirmation/email.ru.html", TestCatalog.FrontMatter("email", "ru", "subject: S\npreheader: Спасибо\n") + Hidden);
        // The usual padding after a preheader (zero-width non-joiners between spaces, a soft hyphen) is not part of what it says.
        folder.Write("content/purchase/order-confirmation/email.it.html", TestCatalog.FrontMatter("email", "it", "subject: S\npreheader: Dziękujemy za zakupy\n")
            + Hidden.Replace("zakupy</div>", "zakupy&nbsp;&zwnj;&nbsp;&zwnj;&#847;&shy; &nbsp;</div>", StringComparison.Ordinal));
        folder.Write("content/purchase/order-confirmation/email.en.html", TestCatalog.FrontMatter("email", "en", "subject: S\n") + "<p>Hello, your order is in.</p>\n");

        var lines = CliRunner.FindingLines(CliRunner.Run(folder.Path, "check", "--no-progress").Output)
            .Where(l => l.Contains("frontmatter.", StringComparison.Ordinal)).ToList();

        Assert.Equal(
            [
                "content/purchase/order-confirmation/email.en.html(1,1): error frontmatter.missing-field: The front matter has no 'preheader'. Add a line 'preheader: ...'.",
                "content/purchase/order-confirmation/email.ru.html(8,27): warning frontmatter.preheader-mismatch: The hidden preheader here, “Dziękujemy za zakupy”, is not the front matter's, “Спасибо” (line 6). Inboxes show this one; checks and previews read both. Make them the same, or remove the front matter's.",
            ],
            lines);
    }
}
