using CommsLinter.Model;
using CommsLinter.Text;
using CommsLinter.Tests.Support;

namespace CommsLinter.Tests;

/// <summary>What each reader extracts, and with which scope, in each of the four languages.</summary>
public sealed class ReaderTests
{
    private static string Email(string locale, string body) =>
        $"---\ntouchpoint: newsletter\nchannel: email\nlocale: {locale}\nsubject: S\npreheader: P\n---\n{body}";

    [Fact]
    public void Html_email_scopes_links_images_and_skipped_parts()
    {
        var document = TestContent.Document(Email("pl", """
            <!DOCTYPE html>
            <html lang="pl"><head><title>Nowości Okna Nowak</title><style>p { color: red }</style>
            <script>var tekst = "nie sprawdzaj";</script></head>
            <body><span class="preheader" style="display:none">Wiosenne nowości</span>
            <h1>Wiosna w Okna Nowak</h1>
            <!-- komentarz nie jest prozą -->
            <p>Szanowni Państwo, przedstawiamy <b>NowakTherm 82</b>.</p>
            <ul><li>Ciepłe profile</li><li>Potrójne szyby</li></ul>
            <img src="https://www.oknanowak.pl/img/dom.jpg" alt="Dom z oknami NowakTherm">
            <img src="https://www.oknanowak.pl/img/spacer.gif">
            <a class="button" href="https://www.oknanowak.pl/pl/showrooms">Umów wizytę</a>
            <div class="footer"><p>Okna Nowak sp. z o.o.</p><a href="{{ links.unsubscribe }}">Wypisz mnie</a></div>
            </body></html>
            """));

        var byScope = document.Segments.ToLookup(s => s.Scope, s => s.Text);
        Assert.Equal(["Nowości Okna Nowak"], byScope[SegmentScope.Title]);
        Assert.Equal(["P", "Wiosenne nowości"], byScope[SegmentScope.Preheader]);
        Assert.Equal(["Wiosna w Okna Nowak"], byScope[SegmentScope.Heading]);
        Assert.Equal(["Szanowni Państwo, przedstawiamy NowakTherm 82."], byScope[SegmentScope.Paragraph]);
        Assert.Equal(["Ciepłe profile", "Potrójne szyby"], byScope[SegmentScope.ListItem]);
        Assert.Equal(["Umów wizytę"], byScope[SegmentScope.Button]);
        Assert.Equal(["Okna Nowak sp. z o.o.", "Wypisz mnie"], byScope[SegmentScope.Footer]);
        Assert.Equal(["Dom z oknami NowakTherm"], byScope[SegmentScope.AltText]);
        Assert.DoesNotContain(document.Segments, s => s.Text.Contains("sprawdzaj", StringComparison.Ordinal) || s.Text.Contains("color", StringComparison.Ordinal) || s.Text.Contains("komentarz", StringComparison.Ordinal));

        Assert.Equal(2, document.Images.Count);
        Assert.Null(document.Images[1].Alt);
        Assert.Equal(["https://www.oknanowak.pl/pl/showrooms", "{{ links.unsubscribe }}"], document.Links.Select(l => l.Url));
        Assert.Equal(SegmentScope.Button, document.Links[0].Scope);
        Assert.Equal("Wypisz mnie", document.Links[1].Text);
    }

    [Fact]
    public void Front_matter_never_leaks_into_the_body()
    {
        var html = TestContent.Document("---\ntouchpoint: offer\nchannel: email\nlocale: pl\nsubject: \"Oferta <dla Państwa\"\npreheader: P\n---\n<p>Treść oferty.</p>\n");
        Assert.Equal(["Oferta <dla Państwa", "P", "Treść oferty."], html.Segments.Select(s => s.Text));

        var markdown = TestContent.Document("---\ntouchpoint: product-page\nchannel: web\nlocale: it\n...\nTesto della pagina.\n", ".md");
        Assert.Equal(["Testo della pagina."], markdown.Segments.Select(s => s.Text));
    }

    [Fact]
    public void Html_in_capitals_with_many_attributes_and_unknown_tags_is_read_the_same()
    {
        // The reader keeps only the attributes it reads (class, id, href, src, alt) and finds their values
        // from their own positions: attributes before, after and past the fourth must not move them.
        var document = TestContent.Document(Email("it", """
            <P>Gentile cliente, <X-PROMO DATA-ID=7>offerta <EM>speciale</EM></X-PROMO>.</P>
            <A STYLE="color:red" ID=cta DATA-A=1 ALT="" TITLE="t" CLASS="Btn" SRC=x HREF='https://www.oknanowak.pl/it/offerta' TARGET=_blank>Scopri l'offerta</A>
            <IMG WIDTH=10 HEIGHT=10 BORDER=0 STYLE="x" ALT="Finestra NowakTherm" SRC=https://www.oknanowak.pl/img/f.jpg>
            """));

        Assert.Equal(["Gentile cliente, offerta speciale."], document.Segments.Where(s => s.Scope == SegmentScope.Paragraph).Select(s => s.Text));
        Assert.Equal(["Scopri l'offerta"], document.Segments.Where(s => s.Scope == SegmentScope.Button).Select(s => s.Text));
        var link = Assert.Single(document.Links);
        Assert.Equal("https://www.oknanowak.pl/it/offerta", link.Url);
        Assert.Equal("https://www.oknanowak.pl/it/offerta", document.Source.Text[link.UrlRange.Start..link.UrlRange.End]);
        var image = Assert.Single(document.Images);
        Assert.Equal(("https://www.oknanowak.pl/img/f.jpg", "Finestra NowakTherm"), (image.Source, image.Alt));
        Assert.Equal("Finestra NowakTherm", document.Source.Text[image.AltRange.Start..image.AltRange.End]);
    }

    [Fact]
    public void A_slash_does_not_close_script_or_style_and_a_file_may_end_inside_them()
    {
        var document = TestContent.Document(Email("en", "<style/>p { color: red }</style><p>Our windows.</p><script/>var note = \"<!--"));
        Assert.Equal(["S", "P", "Our windows."], document.Segments.Select(s => s.Text));
    }

    [Fact]
    public void A_file_ending_inside_a_script_past_the_depth_limit_or_in_its_first_tag_is_reported_not_failed()
    {
        var deep = TestContent.Load(Email("ru", string.Concat(Enumerable.Repeat("<div>", Content.Readers.HtmlReader.MaxDepth + 1)) + "<script>a<!--"));
        Assert.Equal(["html.too-deep"], deep.Findings.Select(f => f.RuleId));

        var doctype = TestContent.Load(Email("ru", "<!DOCTYPE html"));
        var finding = Assert.Single(doctype.Findings);
        Assert.Equal(("html.syntax", new LinePosition(8, 1)), (finding.RuleId, finding.Location.Start));
    }

    [Fact]
    public void Html_attribute_entities_are_decoded_in_urls()
    {
        var document = TestContent.Document(Email("en", "<p><a href=\"https://www.oknanowak.pl/en/?a=1&amp;b=2\">Our range</a></p>"));
        Assert.Equal("https://www.oknanowak.pl/en/?a=1&b=2", Assert.Single(document.Links).Url);
    }

    [Fact]
    public void Markdown_blocks_have_their_scopes_and_code_is_skipped()
    {
        var document = TestContent.Document("""
            ---
            touchpoint: product-page
            channel: web
            locale: ru
            title: Окна NowakTherm 82
            ---
            # Окна для пассивного дома

            Благодарим Вас за интерес к продукции Okna Nowak.

            - Теплый профиль
            - Тройное остекление

            > Отзыв клиента: всё отлично.

            | Параметр | Значение |
            | --- | --- |
            | Профиль | 82 мм |

            ```
            код не проверяется
            ```

            Смотрите `inline code` и ![Дом с окнами](https://www.oknanowak.pl/img/dom.jpg).
            """, ".md");

        var byScope = document.Segments.ToLookup(s => s.Scope, s => s.Text);
        Assert.Equal(["Окна NowakTherm 82"], byScope[SegmentScope.Title]);
        Assert.Equal(["Окна для пассивного дома"], byScope[SegmentScope.Heading]);
        Assert.Equal(["Теплый профиль", "Тройное остекление"], byScope[SegmentScope.ListItem]);
        Assert.Equal(["Отзыв клиента: всё отлично."], byScope[SegmentScope.Quote]);
        Assert.Equal(["Параметр", "Значение", "Профиль", "82 мм"], byScope[SegmentScope.TableCell]);
        Assert.Equal(["Дом с окнами"], byScope[SegmentScope.AltText]);
        Assert.Contains("Смотрите и .", byScope[SegmentScope.Paragraph]);
        Assert.DoesNotContain(document.Segments, s => s.Text.Contains("код", StringComparison.Ordinal) || s.Text.Contains("inline", StringComparison.Ordinal));
        Assert.Equal("Дом с окнами", Assert.Single(document.Images).Alt);
    }

    [Fact]
    public void Sms_is_one_segment_ads_one_per_line_letters_one_per_paragraph()
    {
        var sms = TestContent.Document("---\ntouchpoint: delivery-notice\nchannel: sms\nlocale: it\n---\nOkna Nowak: la consegna\ndell'ordine {{ order.number }} è prevista domani.\n", ".txt");
        Assert.Equal("Okna Nowak: la consegna dell'ordine \uFFFC è prevista domani.", Assert.Single(sms.Segments).Text);
        Assert.Equal(SegmentScope.Sms, sms.Segments[0].Scope);

        var ad = TestContent.Document("---\ntouchpoint: search-ad\nchannel: ad\nlocale: en\n---\nWarm windows\nFitted in a day\n\nMade-to-measure PVC windows.\n", ".txt");
        Assert.Equal(["Warm windows", "Fitted in a day", "Made-to-measure PVC windows."], ad.Segments.Select(s => s.Text));

        var letter = TestContent.Document("---\ntouchpoint: final-demand\nchannel: letter\nlocale: pl\n---\nSzanowni Państwo,\n\nprosimy o zapłatę\nw terminie 7 dni.\n", ".txt");
        Assert.Equal(["Szanowni Państwo,", "prosimy o zapłatę w terminie 7 dni."], letter.Segments.Select(s => s.Text));
    }
}
