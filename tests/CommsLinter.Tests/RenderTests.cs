using CommsLinter.Tests.Support;

namespace CommsLinter.Tests;

/// <summary><c>commslint render</c>: templates rendered with their samples into a safe, static preview.</summary>
public sealed class RenderTests
{
    [Fact]
    public void Each_template_is_rendered_with_its_sample_and_the_index_links_them()
    {
        using var folder = Corpus();
        folder.Write("content/purchase/order-confirmation/email.pl.html",
            TestCatalog.FrontMatter("email", "pl", "subject: \"Zamówienie {{ order.number }}\"\npreheader: P\n") + "<p>Dzień dobry, {{ customer.first_name }}!</p>{% for item in order.items %}<p>{{ item.name }}</p>{% endfor %}{% include 'footer.pl' %}\n");
        folder.Write("content/_partials/footer.pl.html", "<p>Okna Nowak sp. z o.o.</p>");
        folder.Write("content/purchase/order-confirmation/sms.pl.txt", TestCatalog.FrontMatter("sms", "pl", string.Empty) + "Zamowienie {{ order.number }} przyjete.\n");
        folder.Write("content/purchase/order-confirmation/letter.en.md", TestCatalog.FrontMatter("letter", "en", string.Empty) + "# Order {{ order.number }}\n\nDear {{ customer.first_name }},\n");

        var result = CliRunner.Run(folder.Path, "render", "--out", "out");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("Rendered 3 templates (0 could not be rendered with their sample) to out/index.html\n", result.Output.ReplaceLineEndings("\n"));
        var email = File.ReadAllText(Path.Combine(folder.Path, "out/content/purchase/order-confirmation/email.pl.html.html"));
        Assert.Contains("<dt>Subject</dt><dd>Zam&#243;wienie ZAM/1</dd>", email, StringComparison.Ordinal);
        Assert.Contains("Dzień dobry, Anna!", System.Net.WebUtility.HtmlDecode(email), StringComparison.Ordinal);
        Assert.Contains("&lt;p&gt;NowakTherm 82&lt;/p&gt;&lt;p&gt;Okna Nowak sp. z o.o.&lt;/p&gt;", email, StringComparison.Ordinal);
        var sms = File.ReadAllText(Path.Combine(folder.Path, "out/content/purchase/order-confirmation/sms.pl.txt.html"));
        Assert.Contains("<dd>26 characters, GSM-7, 1 segment</dd>", sms, StringComparison.Ordinal);
        var letter = File.ReadAllText(Path.Combine(folder.Path, "out/content/purchase/order-confirmation/letter.en.md.html"));
        Assert.Contains("@page{size:A4", letter, StringComparison.Ordinal);
        Assert.Contains("&lt;h1&gt;Order ZAM/1&lt;/h1&gt;", letter, StringComparison.Ordinal);
        var index = File.ReadAllText(Path.Combine(folder.Path, "out/index.html"));
        Assert.Contains("<a href=\"content/purchase/order-confirmation/email.pl.html.html\">email.pl.html</a>", index, StringComparison.Ordinal);
        Assert.Contains("<tr><td>footer.pl<br><small>content/_partials/footer.pl.html</small></td><td>1 file: <a href=\"content/purchase/order-confirmation/email.pl.html.html\">content/purchase/order-confirmation/email.pl.html</a></td></tr>", index, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_whose_name_climbs_gets_its_page_inside_the_preview_folder()
    {
        using var folder = Corpus();
        // On Linux a '\' is part of a file name, so this is one file in order-confirmation/, not a path out of it.
        const string Climbing = "content/purchase/order-confirmation/x\\..\\..\\..\\..\\pwned.txt";
        folder.Write(Climbing, TestCatalog.FrontMatter("sms", "pl", string.Empty) + "Zamowienie {{ order.number }} przyjete.\n");

        var result = CliRunner.Run(folder.Path, "render", "--out", "out/preview");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.True(File.Exists(Path.Combine(folder.Path, "out/preview", Climbing + ".html")));
        Assert.DoesNotContain(Directory.EnumerateFiles(folder.Path, "*pwned*", SearchOption.AllDirectories), f => !f.Contains("order-confirmation", StringComparison.Ordinal));
    }

    [Fact]
    public void Nothing_in_a_template_can_run_in_the_preview()
    {
        using var folder = Corpus();
        folder.Write("content/purchase/order-confirmation/email.pl.html",
            TestCatalog.FrontMatter("email", "pl", "subject: \"<script>alert(1)</script>\"\npreheader: P\n") + "<p onclick=\"alert(2)\">Hej</p><script>alert(3)</script><img src=x onerror=\"alert(4)\">\n");

        CliRunner.Run(folder.Path, "render", "--out", "out");

        var page = File.ReadAllText(Path.Combine(folder.Path, "out/content/purchase/order-confirmation/email.pl.html.html"));
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" onerror=\"", page, StringComparison.Ordinal);
        Assert.Contains("<iframe sandbox=\"\"", page, StringComparison.Ordinal);
        Assert.Contains("Content-Security-Policy\" content=\"default-src 'none'", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_that_loops_forever_or_includes_itself_is_stopped_and_shown_as_written()
    {
        using var folder = Corpus();
        folder.Write("content/purchase/order-confirmation/email.pl.html",
            TestCatalog.FrontMatter("email", "pl", "subject: S\npreheader: P\n") + "{% for i in (1..100000000) %}x{% endfor %}\n");
        folder.Write("content/purchase/order-confirmation/email.en.html",
            TestCatalog.FrontMatter("email", "en", "subject: S\npreheader: P\n") + "{% include 'loop' %}\n");
        folder.Write("content/_partials/loop.html", "again {% include 'loop' %}");

        var result = CliRunner.Run(folder.Path, "render", "--out", "out");

        Assert.Equal("Rendered 2 templates (2 could not be rendered with their sample) to out/index.html\n", result.Output.ReplaceLineEndings("\n"));
        var pl = File.ReadAllText(Path.Combine(folder.Path, "out/content/purchase/order-confirmation/email.pl.html.html"));
        Assert.Contains("class=\"failure\">Not rendered with its sample: ", pl, StringComparison.Ordinal);
        Assert.Contains("loop", pl, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Check_reports_a_template_that_cannot_be_rendered_with_its_sample_where_rendering_stopped()
    {
        using var folder = Corpus();
        folder.Write("content/purchase/order-confirmation/email.pl.html",
            TestCatalog.FrontMatter("email", "pl", "subject: S\npreheader: P\n") + "<p>Hej</p>\n<p>{% for i in (1..100000000) %}x{% endfor %}</p>\n");

        var result = CliRunner.Run(folder.Path, "check", "--no-progress");

        Assert.Contains(
            "content/purchase/order-confirmation/email.pl.html(9,18): error render.failed: Rendering with samples/order.json fails here: Range expression exceeds LoopLimit `10000`. The customer would get no message.",
            result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_that_renders_more_than_a_megabyte_is_stopped_and_reported()
    {
        using var folder = Corpus();
        folder.Write("content/purchase/order-confirmation/email.pl.html",
            TestCatalog.FrontMatter("email", "pl", "subject: S\npreheader: P\n") + "<p>{% for i in (1..9000) %}" + new string('x', 200) + "{% endfor %}</p>\n");

        var result = CliRunner.Run(folder.Path, "check", "--no-progress");

        Assert.Contains("error render.failed: Rendering with samples/order.json fails here: Rendered output exceeds OutputLimit `1000000`. The customer would get no message.", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_sms_with_a_sample_is_measured_as_rendered()
    {
        using var folder = Corpus();
        folder.Write("styleguides/channels.style", "styleguide \"C\"\nrule sms.length warning \"{count} segments in {match}, max {limit}.\" { when channel sms  sms segments max 1 }\n");
        // 16 characters as written, the placeholder counted as 10; 176 once rendered with a long value.
        folder.Write("content/samples/long.json", $$"""{ "order": { "number": "{{new string('7', 170)}}" } }""");
        folder.Write("content/purchase/order-confirmation/sms.pl.txt", TestCatalog.FrontMatter("sms", "pl", "sample: samples/long.json\n") + "Nr {{ order.number }} ok\n");

        var result = CliRunner.Run(folder.Path, "check", "--no-progress");

        // The finding points at the placeholder whose value crosses the 160th character.
        Assert.Contains("content/purchase/order-confirmation/sms.pl.txt(7,7): warning sms.length: 2 segments in GSM-7, max 1. (Rendered with its sample: 176 characters; from here on, “7777777777777 ok”, the text does not fit in 1 segment(s).)", result.Output, StringComparison.Ordinal);

        // Where a literal crosses it, the finding starts at its first character that does not fit.
        folder.Write("content/purchase/order-confirmation/sms.pl.txt", TestCatalog.FrontMatter("sms", "pl") + "Nr {{ order.number }} " + new string('a', 200) + "\n");
        var literal = CliRunner.Run(folder.Path, "check", "--no-progress", "--format", "json");
        using var json = System.Text.Json.JsonDocument.Parse(literal.Output);
        var finding = json.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "sms.length");
        Assert.Equal((6, 174, 6, 223), (finding.GetProperty("line").GetInt32(), finding.GetProperty("column").GetInt32(), finding.GetProperty("endLine").GetInt32(), finding.GetProperty("endColumn").GetInt32()));
    }

    [Fact]
    public void A_subject_with_a_sample_is_measured_as_the_inbox_shows_it()
    {
        using var folder = Corpus();
        folder.Write("styleguides/channels.style", "styleguide \"C\"\nrule subject.length warning \"The subject has {count} characters; keep it under {limit}.\" { in subject  limit characters max 20 }\n");
        folder.Write("content/samples/long.json", """{ "order": { "number": "ZAM/2027/000001187" } }""");
        folder.Write("content/purchase/order-confirmation/email.pl.html",
            TestCatalog.FrontMatter("email", "pl", "sample: samples/long.json\nsubject: \"Zamówienie {{ order.number }}\"\npreheader: P\n") + "<p>Zamówienie {{ order.number }}.</p>\n");
        // The same subject in another template is parsed once; its position is still its own.
        folder.Write("content/purchase/order-confirmation/email.en.html",
            TestCatalog.FrontMatter("email", "en", "sample: samples/long.json\npreheader: P\nsubject: \"Zamówienie {{ order.number }}\"\n") + "<p>Order {{ order.number }}.</p>\n");

        var result = CliRunner.Run(folder.Path, "check", "--no-progress");
        Assert.Contains("content/purchase/order-confirmation/email.en.html(7,25): warning subject.length:", result.Output, StringComparison.Ordinal);

        Assert.Contains("content/purchase/order-confirmation/email.pl.html(6,25): warning subject.length: The subject has 29 characters; keep it under 20. (Rendered with its sample; from here on, “000001187”, it is past 20 characters.)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_optional_value_left_empty_must_not_leave_a_hole_in_the_text()
    {
        using var folder = Corpus();
        folder.Write("content/samples/b2b.json", """{ "customer": { "first_name": "Anna", "company_name": "Kowalska Architekci" } }""");
        // The company is optional (tested once), but the greeting uses it unguarded; the name is guarded, but an empty string is true in Liquid.
        folder.Write("content/purchase/order-confirmation/email.pl.html",
            TestCatalog.FrontMatter("email", "pl", "sample: samples/b2b.json\nsubject: S\npreheader: P\n") +
            "<p>{% if customer.first_name %}Dzień dobry, {{ customer.first_name }},{% else %}Szanowni Państwo,{% endif %}</p>\n" +
            "<p>Zamówienie dla {{ customer.company_name }}, dziękujemy.</p>{% if customer.company_name %}<p>Faktura VAT.</p>{% endif %}\n");

        var lines = CliRunner.WithoutTiming(CliRunner.Run(folder.Path, "check", "--no-progress").Output).Split('\n');

        Assert.Contains("content/purchase/order-confirmation/email.pl.html(10,19): warning render.empty-value: When 'customer.company_name' is empty, this reads “Anna, Zamówienie dla , dziękujemy. Faktura”. Put the words and punctuation around it inside {% if customer.company_name %}…{% endif %}, or give it a default.", lines);
        Assert.Contains("content/purchase/order-confirmation/email.pl.html(9,45): warning render.empty-value: When 'customer.first_name' is empty, this reads “Dzień dobry, , Zamówienie dla Kowa”. Put the words and punctuation around it inside {% if customer.first_name %}…{% endif %}, or give it a default.", lines);
    }

    [Fact]
    public void A_value_the_sample_leaves_empty_and_a_separator_left_dangling_are_holes_too()
    {
        using var folder = Corpus();
        folder.Write("content/samples/gaps.json", """{ "customer": { "first_name": "Anna", "company_name": "" }, "delivery": { "date": "10.12", "window": "8–12" } }""");
        folder.Write("content/purchase/order-confirmation/email.ru.html",
            TestCatalog.FrontMatter("email", "ru", "sample: samples/gaps.json\nsubject: S\npreheader: P\n") + "<p>Компания: {{ customer.company_name }}, спасибо.</p>\n");
        folder.Write("content/purchase/order-confirmation/email.it.html",
            TestCatalog.FrontMatter("email", "it", "sample: samples/gaps.json\nsubject: S\npreheader: P\n") + "<p>Consegna il {{ delivery.date }} / {% if delivery.window %}{{ delivery.window }}{% endif %}.</p>\n");

        var lines = CliRunner.FindingLines(CliRunner.Run(folder.Path, "check", "--no-progress").Output).Where(l => l.Contains("render.empty-value", StringComparison.Ordinal)).ToList();

        Assert.Equal(
            string.Join('\n',
            [
                "content/purchase/order-confirmation/email.it.html(9,62): warning render.empty-value: When 'delivery.window' is empty, this reads “Consegna il 10.12 / .”. Put the words and punctuation around it inside {% if delivery.window %}…{% endif %}, or give it a default.",
                "content/purchase/order-confirmation/email.ru.html(9,14): warning render.empty-value: The sample leaves 'customer.company_name' empty, and this reads “Компания: , спасибо.”. If it can be empty when sent, put the words and punctuation around it inside {% if customer.company_name != \"\" %}…{% endif %}; if not, give the sample a value.",
            ]),
            string.Join('\n', lines));
    }

    [SkippableFact]
    public void Letters_are_printed_to_pdf_with_chromium_when_asked()
    {
        Skip.IfNot(File.Exists("/usr/bin/chromium"), "Debian's chromium is not installed (/usr/bin/chromium); .ci/run installs it to print letters to PDF.");
        using var folder = Corpus();
        folder.Write("content/purchase/order-confirmation/letter.pl.md", TestCatalog.FrontMatter("letter", "pl", string.Empty) + "# Umowa {{ order.number }}\n\nSzanowni Państwo, <script>document.title='x'</script>\n");

        var result = CliRunner.Run(folder.Path, "render", "--out", "out", "--pdf");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Printed 1 letters to PDF beside their pages.", result.Output, StringComparison.Ordinal);
        var pdf = File.ReadAllBytes(Path.Combine(folder.Path, "out/content/purchase/order-confirmation/letter.pl.md.pdf"));
        Assert.True(pdf.AsSpan().StartsWith("%PDF"u8), "not a PDF");
        Assert.Contains("The letter as PDF", File.ReadAllText(Path.Combine(folder.Path, "out/content/purchase/order-confirmation/letter.pl.md.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_without_chromium_says_so_and_writes_nothing()
    {
        using var folder = Corpus();
        folder.Write("content/purchase/order-confirmation/letter.pl.md", TestCatalog.FrontMatter("letter", "pl", string.Empty) + "# Umowa\n");
        Environment.SetEnvironmentVariable("COMMSLINT_CHROMIUM", Path.Combine(folder.Path, "no-chromium-here"));
        try
        {
            var result = CliRunner.Run(folder.Path, "render", "--out", "out", "--pdf");

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("--pdf needs Chromium, and none was found", result.Error, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(folder.Path, "out")));
        }
        finally
        {
            Environment.SetEnvironmentVariable("COMMSLINT_CHROMIUM", null);
        }
    }

    private static TempFolder Corpus()
    {
        var folder = new TempFolder();
        folder.Write("content/touchpoints.yml", TestCatalog.Build(locales: "pl, en", channels: "email, sms, letter", rootExtra: "company: Okna Nowak", touchpointExtra: "    sample: samples/order.json"));
        folder.Write("content/samples/order.json", """{ "customer": { "first_name": "Anna" }, "order": { "number": "ZAM/1", "items": [ { "name": "NowakTherm 82" } ] } }""");
        return folder;
    }

}
