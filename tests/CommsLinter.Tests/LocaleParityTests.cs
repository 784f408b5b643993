using CommsLinter.Tests.Support;

namespace CommsLinter.Tests;

/// <summary>The locales of one touchpoint and channel must say the same things: placeholders, numbers, contacts, links and images.</summary>
public sealed class LocaleParityTests
{
    private const string Polish = """
        <p>Zamówienie {{ order.number }} przyjęte. Zwrot w ciągu 14 dni.</p>
        <p><a href="https://www.oknanowak.pl/pl/zwroty">Zwroty</a>, tel. +48 22 307 41 00.</p>
        """;

    [Fact]
    public void The_version_that_differs_from_the_majority_is_reported_naming_the_others()
    {
        using var folder = Corpus(
            ru: """
                <p>Заказ принят. Возврат в течение 14 дней.</p>
                <p><a href="https://www.oknanowak.pl/ru/zwroty">Возврат</a>, тел. +48 22 307 41 00.</p>
                """,
            it: """
                <p>Ordine {{ order.number }} ricevuto. Reso entro 30 giorni.</p>
                <p><a href="https://www.oknanowak.pl/it/zwroty">Resi</a>, tel. +48 22 307 41 00.</p>
                """,
            en: """
                <p>Order {{ order.number }} received. Returns within 14 days.</p>
                <p><a href="https://www.oknanowak.pl/en/zwroty">Returns</a>, <a href="https://www.oknanowak.pl/en/faq">FAQ</a>, phone +48 22 307 41 00.</p>
                """);

        Assert.Equal(
            [
                "content/purchase/order-confirmation/email.en.html(1,1): warning parity.media: This en version has 2 links; the it, pl and ru versions have 1 (content/purchase/order-confirmation/email.pl.html). Translations of one message must agree on links.",
                "content/purchase/order-confirmation/email.en.html(9,71): warning parity.contacts: https://www.oknanowak.pl/en/faq is only in this en version; the it, pl and ru versions do not have it (content/purchase/order-confirmation/email.pl.html). Translations of one message must agree on URLs, e-mail addresses and phone numbers.",
                "content/purchase/order-confirmation/email.it.html(8,51): warning parity.numbers: 30 (days) is only in this it version, where the en, pl and ru versions have 14 (days) (content/purchase/order-confirmation/email.pl.html). Translations of one message must agree on numbers.",
                "content/purchase/order-confirmation/email.ru.html(1,1): warning parity.placeholders: This ru version lacks {{ order.number }}, which the en, it and pl versions have (content/purchase/order-confirmation/email.pl.html). Translations of one message must agree on placeholders.",
            ],
            CliRunner.FindingLines(CliRunner.Run(folder.Path, "check", "--no-progress").Output));
    }

    [Fact]
    public void On_a_tie_the_source_locale_decides_and_the_catalog_can_declare_what_is_local()
    {
        using var folder = Corpus(
            ru: Polish.Replace("14 dni", "30 dni", StringComparison.Ordinal),
            it: Polish.Replace("14 dni", "30 dni", StringComparison.Ordinal),
            en: Polish);
        Assert.Equal(
            [
                "content/purchase/order-confirmation/email.it.html(8,58): warning parity.numbers: 30 (days) is only in this it version, where the en and pl versions have 14 (days) (content/purchase/order-confirmation/email.pl.html). Translations of one message must agree on numbers.",
                "content/purchase/order-confirmation/email.ru.html(8,58): warning parity.numbers: 30 (days) is only in this ru version, where the en and pl versions have 14 (days) (content/purchase/order-confirmation/email.pl.html). Translations of one message must agree on numbers.",
            ],
            CliRunner.FindingLines(CliRunner.Run(folder.Path, "check", "--no-progress").Output));

        folder.Write("content/touchpoints.yml", Catalog("    localized: [days]"));
        Assert.Empty(CliRunner.FindingLines(CliRunner.Run(folder.Path, "check", "--no-progress").Output));
    }

    [Fact]
    public void Numbers_are_compared_after_normalisation_and_urls_without_their_locale_segment()
    {
        using var folder = Corpus(
            ru: Polish.Replace("/pl/", "/ru/", StringComparison.Ordinal).Replace("14 dni", "14 дней", StringComparison.Ordinal),
            it: Polish.Replace("/pl/", "/it/", StringComparison.Ordinal).Replace("14 dni", "14 giorni", StringComparison.Ordinal).Replace("+48 22 307 41 00", "+48 223 074 100", StringComparison.Ordinal),
            en: Polish.Replace("/pl/", "/en/", StringComparison.Ordinal).Replace("14 dni", "14 days", StringComparison.Ordinal));

        Assert.Empty(CliRunner.FindingLines(CliRunner.Run(folder.Path, "check", "--no-progress").Output));
    }

    [Fact]
    public void Tracking_parameters_and_a_kind_of_day_before_the_noun_are_not_differences()
    {
        // Each locale's campaign tags its links its own way; "3 business days" and "3 рабочих дня" count days as "3 dni robocze" does.
        var polish = Polish.Replace("14 dni", "3 dni robocze", StringComparison.Ordinal);
        using var folder = Corpus(
            pl: polish,
            ru: polish.Replace("/pl/zwroty", "/ru/zwroty?utm_source=newsletter&amp;utm_campaign=ru", StringComparison.Ordinal).Replace("3 dni robocze", "3 рабочих дня", StringComparison.Ordinal),
            it: polish.Replace("/pl/zwroty", "/it/zwroty?gclid=abc", StringComparison.Ordinal).Replace("3 dni robocze", "3 giorni lavorativi", StringComparison.Ordinal),
            en: polish.Replace("/pl/zwroty", "/en/zwroty?utm_medium=email", StringComparison.Ordinal).Replace("3 dni robocze", "5 business days", StringComparison.Ordinal));

        Assert.Equal(
            "content/purchase/order-confirmation/email.en.html(8,58): warning parity.numbers: 5 (days) is only in this en version, where the it, pl and ru versions have 3 (days) (content/purchase/order-confirmation/email.pl.html). Translations of one message must agree on numbers.",
            string.Join('\n', CliRunner.FindingLines(CliRunner.Run(folder.Path, "check", "--no-progress").Output)));
    }

    [Fact]
    public void Dates_written_in_each_language_are_compared_as_one_date()
    {
        using var folder = Corpus(
            ru: "<p>Заказ {{ order.number }}: монтаж 3 мая 2027 г. Возврат в течение 14 дней.</p>",
            it: "<p>Ordine {{ order.number }}: montaggio il 4 maggio 2027. Reso entro 14 giorni.</p>",
            en: "<p>Order {{ order.number }}: fitting on 3rd May 2027. Returns within 14 days.</p>",
            pl: "<p>Zamówienie {{ order.number }}: montaż 03.05.2027. Zwrot w ciągu 14 dni.</p>");

        Assert.Equal(
            ["content/purchase/order-confirmation/email.it.html(8,44): warning parity.numbers: 4 maggio 2027 (date) is only in this it version, where the en, pl and ru versions have 03.05.2027 (date) (content/purchase/order-confirmation/email.pl.html). Translations of one message must agree on dates."],
            CliRunner.FindingLines(CliRunner.Run(folder.Path, "check", "--no-progress").Output));

        Assert.Equal(["2027-05-03", "2027-05-03", "2027-05-03", "--06-03", "2027-12-31"],
            CommsLinter.Rules.Builtin.DateValues.In("2027-05-03, 3/5/2027 and May 3, 2027; 3 czerwca; 31 grudnia 2027 r.; 2 may apply; 3 maja").Select(d => d.Key));
        Assert.Empty(CommsLinter.Rules.Builtin.DateValues.In("32.01.2027, 29.02.2027, 1.299,00 zł, version 1.2.2027.1"));
    }

    [Fact]
    public void An_unknown_localized_aspect_is_a_catalog_error_with_did_you_mean()
    {
        using var folder = Corpus(ru: Polish, it: Polish, en: Polish);
        folder.Write("content/touchpoints.yml", Catalog("    localized: [phone]"));

        var result = CliRunner.Run(folder.Path, "check", "--no-progress");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("content/touchpoints.yml(17,17): error catalog.invalid: Unknown parity aspect 'phone'. Did you mean 'phones'?", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Placeholders_in_styles_and_classes_are_not_compared_and_those_in_addresses_are_urls()
    {
        using var folder = Corpus(
            ru: Polish + "<td style=\"color: {{ theme.ru_color }}\" class=\"{{ variant }}\"><a href=\"{{ links.tracking }}\">Заказ</a></td>",
            it: Polish + "<td style=\"color: {{ theme.color }}\"><a href=\"{{ links.tracking }}\">Ordine</a></td>",
            en: Polish + "<td style=\"color: {{ theme.color }}\"><a href=\"{{ links.order }}\">Order</a></td>",
            pl: Polish + "<td style=\"color: {{ theme.color }}\"><a href=\"{{ links.tracking }}\">Zamówienie</a></td>");

        Assert.Equal(
            ["content/purchase/order-confirmation/email.en.html(9,133): warning parity.contacts: {{ links.order }} is only in this en version, where the it, pl and ru versions have {{ links.tracking }} (content/purchase/order-confirmation/email.pl.html). Translations of one message must agree on URLs, e-mail addresses and phone numbers."],
            CliRunner.FindingLines(CliRunner.Run(folder.Path, "check", "--no-progress").Output));
    }

    [Fact]
    public void Quantities_with_a_unit_are_numbers_too()
    {
        using var folder = Corpus(
            ru: "<p>Гарантия 24 месяца, монтаж 2 часа.</p>",
            it: "<p>Garanzia di 24 mesi, montaggio di 3 ore.</p>",
            en: "<p>A 24-month warranty, fitting in 2 hours.</p>",
            pl: "<p>Gwarancja 24 miesiące, montaż 2 godziny, w 2027 roku.</p>");

        Assert.Equal(
            ["content/purchase/order-confirmation/email.it.html(8,38): warning parity.numbers: 3 (hours) is only in this it version, where the en, pl and ru versions have 2 (hours) (content/purchase/order-confirmation/email.pl.html). Translations of one message must agree on numbers."],
            CliRunner.FindingLines(CliRunner.Run(folder.Path, "check", "--no-progress").Output));
    }

    [Fact]
    public void A_plain_text_part_is_one_message_with_its_html_part_and_says_nothing_the_html_does_not()
    {
        using var folder = Corpus(ru: Polish, it: Polish, en: Polish);
        foreach (var locale in new[] { "pl", "ru", "it", "en" })
        {
            folder.Write($"content/purchase/order-confirmation/email.{locale}.txt", TestCatalog.FrontMatter("email", locale, "subject: S\npreheader: P\n")
                + (locale switch
                {
                    "ru" => "Заказ {{ order.number }} принят. Возврат в течение 30 дней: https://www.oknanowak.pl/pl/zwroty",
                    "it" => "Ordine {{ order.number }} ricevuto. Resi entro 14 giorni: https://www.oknanowak.pl/pl/zwroty, {{ coupon }}",
                    "en" => "Order received.",
                    _ => "Zamówienie {{ order.number }} przyjęte. Zwrot w ciągu 14 dni: https://www.oknanowak.pl/pl/zwroty, tel. 22 307 41 00.",
                }) + "\n");
        }

        Assert.Equal(
            string.Join('\n',
            [
                "content/purchase/order-confirmation/email.it.txt(8,95): warning parity.placeholders: {{ coupon }} is in this plain-text part but not in the HTML part 'content/purchase/order-confirmation/email.it.html'. The two parts of one e-mail must agree on placeholders.",
                "content/purchase/order-confirmation/email.ru.txt(8,52): warning parity.numbers: 30 (days) is in this plain-text part but not in the HTML part 'content/purchase/order-confirmation/email.ru.html'. The two parts of one e-mail must agree on numbers.",
            ]),
            string.Join('\n', CliRunner.FindingLines(CliRunner.Run(folder.Path, "check", "--no-progress").Output)));

        // A second HTML (or plain-text) template of one locale is a duplicate all the same.
        folder.Write("content/purchase/order-confirmation/copy.pl.html", TestCatalog.FrontMatter("email", "pl", "subject: S\npreheader: P\n") + Polish + "\n");
        Assert.Contains(CliRunner.FindingLines(CliRunner.Run(folder.Path, "check", "--no-progress").Output),
            l => l.StartsWith("content/purchase/order-confirmation/email.pl.html(2,13): error catalog.duplicate-template: 'content/purchase/order-confirmation/copy.pl.html' is already the email template", StringComparison.Ordinal));
    }

    private static TempFolder Corpus(string ru, string it, string en, string pl = Polish)
    {
        var folder = new TempFolder();
        folder.Write("content/touchpoints.yml", Catalog());
        foreach (var (locale, body) in new[] { ("pl", pl), ("ru", ru), ("it", it), ("en", en) })
        {
            folder.Write($"content/purchase/order-confirmation/email.{locale}.html",
                TestCatalog.FrontMatter("email", locale, "subject: S\npreheader: P\n") + body + "\n");
        }

        return folder;
    }

    private static string Catalog(string touchpointExtra = "") =>
        TestCatalog.Build(channels: "email", rootExtra: "source-locale: pl", touchpointExtra: touchpointExtra);
}
