using CommsLinter.Tests.Support;

namespace CommsLinter.Tests;

/// <summary><c>commslint render</c> names every template it could not render or read, and why; none is left out in silence and none crashes it.</summary>
public sealed class RenderFailureTests
{
    [Fact]
    public void A_template_whose_rendered_markdown_nests_too_deeply_is_shown_as_written_and_named()
    {
        using var folder = Corpus();
        // Harmless as written; rendered, five thousand nested quotes, which Markdig refuses.
        folder.Write("content/purchase/order-confirmation/letter.pl.md", TestCatalog.FrontMatter("letter", "pl") + "{% for i in (1..5000) %}>{% endfor %} Umowa\n");

        var result = CliRunner.Run(folder.Path, "render", "--out", "out");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("Rendered 2 templates (1 could not be rendered with their sample) to out/index.html\n", result.Output.ReplaceLineEndings("\n"));
        Assert.Equal(
            "content/purchase/order-confirmation/letter.pl.md(6,25): error render.failed: the rendered Markdown nests quotes, lists, emphasis and links more than 32 levels deep here, too deep to show. The preview shows the template as written.\n",
            result.Error.ReplaceLineEndings("\n"));
        var page = File.ReadAllText(Path.Combine(folder.Path, "out/content/purchase/order-confirmation/letter.pl.md.html"));
        Assert.Contains("class=\"failure\">Not rendered with its sample: the rendered Markdown nests quotes, lists, emphasis and links more than 32 levels deep here", page, StringComparison.Ordinal);
        Assert.Contains("{% for i in (1..5000) %}&amp;gt;{% endfor %} Umowa", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_that_stops_rendering_is_named_where_it_stopped()
    {
        using var folder = Corpus();
        folder.Write("content/purchase/order-confirmation/email.en.html",
            TestCatalog.FrontMatter("email", "en", "subject: S\npreheader: P\n") + "<p>Hello</p>\n<p>{% for i in (1..100000000) %}x{% endfor %}</p>\n");

        var result = CliRunner.Run(folder.Path, "render", "--out", "out");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("content/purchase/order-confirmation/email.en.html(9,18): error render.failed: Range expression exceeds LoopLimit `10000`. The preview shows the template as written.\n", result.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_template_that_cannot_be_read_has_no_page_and_is_named()
    {
        using var folder = Corpus();
        folder.WriteBytes("content/purchase/order-confirmation/sms.pl.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00]);

        var result = CliRunner.Run(folder.Path, "render", "--out", "out");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("Rendered 1 templates (0 could not be rendered with their sample; 1 could not be read, listed above) to out/index.html\n", result.Output.ReplaceLineEndings("\n"));
        Assert.StartsWith("content/purchase/order-confirmation/sms.pl.txt(1,1): error render.failed: Not rendered: the template could not be read (content.binary: ", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder.Path, "out/content/purchase/order-confirmation/sms.pl.txt.html")));
    }

    private static TempFolder Corpus()
    {
        var folder = new TempFolder();
        folder.Write("content/touchpoints.yml", TestCatalog.Build(locales: "pl, en", channels: "email, sms, letter", touchpointExtra: "    sample: samples/order.json"));
        folder.Write("content/samples/order.json", """{ "customer": { "first_name": "Anna" } }""");
        folder.Write("content/purchase/order-confirmation/email.pl.html", TestCatalog.FrontMatter("email", "pl", "subject: S\npreheader: P\n") + "<p>Dzień dobry, {{ customer.first_name }}!</p>\n");
        return folder;
    }
}
