using CommsLinter.Model;
using CommsLinter.Tests.Support;
using CommsLinter.Text;

namespace CommsLinter.Tests;

/// <summary>Every character of every segment maps back to the exact source line and column.</summary>
public sealed class SourceMapTests
{
    private const string FrontMatter = "---\ntouchpoint: order-confirmation\nchannel: email\nlocale: pl\nsubject: \"Zamówienie {{ order.number }}\"\npreheader: Dziękujemy\n---\n";

    [Fact]
    public void Crlf_and_bom_keep_lines_and_columns()
    {
        var text = "\uFEFF" + FrontMatter.Replace("\n", "\r\n") + "<p>Dzień dobry,</p>\r\n<p>\tzamówienie nr {{ order.number }} jest gotowe.</p>\r\n";
        var document = TestContent.Document(text);
        var segment = TestContent.Segment(document, SegmentScope.Paragraph, "gotowe");
        Assert.Equal("zamówienie nr \uFFFC jest gotowe.", segment.Text);
        Assert.Equal(new Location(new(9, 5), new(9, 15)), TestContent.LocationOf(document, segment, "zamówienie"));
        Assert.Equal("{{ order.number }}", TestContent.SourceOf(document, segment, "\uFFFC"));
        Assert.Equal(new LinePosition(9, 43), TestContent.LocationOf(document, segment, "gotowe").Start);
    }

    [Fact]
    public void Columns_count_utf16_code_units_for_emoji_and_cyrillic()
    {
        var document = TestContent.Document(FrontMatter + "<p>🎉 Спасибо за заказ, Ваш заказ готов.</p>\n");
        var segment = TestContent.Segment(document, SegmentScope.Paragraph, "Спасибо");
        Assert.Equal(new LinePosition(8, 7), TestContent.LocationOf(document, segment, "Спасибо").Start);
        Assert.Equal(new LinePosition(8, 25), TestContent.LocationOf(document, segment, "Ваш").Start);
    }

    [Fact]
    public void Html_entities_map_to_the_whole_entity()
    {
        var document = TestContent.Document(FrontMatter + "<p>Dzi&#281;kujemy&nbsp;za zam&oacute;wienie &amp; zaufanie.</p>\n");
        var segment = TestContent.Segment(document, SegmentScope.Paragraph, "Dzię");
        Assert.Equal("Dziękujemy\u00A0za zamówienie & zaufanie.", segment.Text);
        Assert.Equal("&oacute;", TestContent.SourceOf(document, segment, "ó"));
        Assert.Equal("Dzi&#281;kujemy", TestContent.SourceOf(document, segment, "Dziękujemy"));
        Assert.Equal(new LinePosition(8, 46), TestContent.LocationOf(document, segment, "&").Start);
    }

    [Fact]
    public void Text_split_across_tags_is_one_segment_with_exact_positions()
    {
        var document = TestContent.Document(FrontMatter + "<p>Okna <strong>Nowak</strong> dzi<em>ę</em>kuje,\n   <a href=\"https://www.oknanowak.pl/pl/\">zapraszamy</a>.</p>\n");
        var segment = TestContent.Segment(document, SegmentScope.Paragraph, "Okna");
        Assert.Equal("Okna Nowak dziękuje, zapraszamy.", segment.Text);
        Assert.Equal(new LinePosition(8, 32), TestContent.LocationOf(document, segment, "dzi").Start);
        Assert.Equal(new LinePosition(9, 43), TestContent.LocationOf(document, segment, "zapraszamy").Start);
        var link = Assert.Single(document.Links);
        Assert.Equal("zapraszamy", link.Text);
        Assert.Equal("https://www.oknanowak.pl/pl/", link.Url);
        Assert.Equal(new LinePosition(9, 13), document.Source.GetLocation(link.UrlRange).Start);
    }

    [Fact]
    public void Markdown_emphasis_links_and_escapes_map_exactly()
    {
        var document = TestContent.Document(
            "---\ntouchpoint: product-page\nchannel: web\nlocale: it\n---\n# Finestre *NowakTherm 82*\n\nLa ringraziamo per l’interesse: **scopra** la [gamma completa](https://www.oknanowak.pl/it/) \\* e &egrave; tutto.\n", ".md");
        var heading = TestContent.Segment(document, SegmentScope.Heading, "Finestre");
        Assert.Equal("Finestre NowakTherm 82", heading.Text);
        Assert.Equal(new LinePosition(6, 13), TestContent.LocationOf(document, heading, "NowakTherm").Start);
        var paragraph = TestContent.Segment(document, SegmentScope.Paragraph, "scopra");
        Assert.Equal("La ringraziamo per l’interesse: scopra la gamma completa * e è tutto.", paragraph.Text);
        Assert.Equal(new LinePosition(8, 35), TestContent.LocationOf(document, paragraph, "scopra").Start);
        Assert.Equal("&egrave;", TestContent.SourceOf(document, paragraph, "è"));
        Assert.Equal("gamma completa", Assert.Single(document.Links).Text);
    }

    [Fact]
    public void Subject_in_front_matter_maps_into_the_yaml_value()
    {
        var document = TestContent.Document(FrontMatter + "<p>x</p>");
        var subject = TestContent.Segment(document, SegmentScope.Subject, "Zamówienie");
        Assert.Equal("Zamówienie \uFFFC", subject.Text);
        Assert.Equal(new LinePosition(5, 11), TestContent.LocationOf(document, subject, "Zamówienie").Start);
        Assert.Equal("{{ order.number }}", TestContent.SourceOf(document, subject, "\uFFFC"));
    }

    /// <summary>
    /// The property behind every test above, over all of the sample company's templates: each segment
    /// character is the source character it maps to, a folded space maps to white space or a tag (br, img), a placeholder
    /// to Liquid, and a decoded character to an entity or a quoted YAML value.
    /// </summary>
    [Fact]
    public void Every_segment_character_of_the_sample_content_maps_to_its_source()
    {
        var root = TestContent.RepositoryRoot();
        var files = CommsLinter.Content.ContentDiscovery.Discover([Path.Combine(root, "content")], root, out _);
        Assert.True(files.Count >= 80);
        var loader = new CommsLinter.Content.DocumentLoader();
        var checkedCharacters = 0;
        foreach (var file in files)
        {
            var document = loader.Load(file).Document!;
            var source = document.Source.Text;
            foreach (var segment in document.Segments)
            {
                for (var i = 0; i < segment.Text.Length; i++)
                {
                    var range = segment.Map.ToSource(i, i + 1);
                    var c = segment.Text[i];
                    var expected = c switch
                    {
                        Placeholders.MaskChar => source[range.Start..].StartsWith('{'),
                        ' ' => char.IsWhiteSpace(source[range.Start]) || source[range.Start] is '<' or '\\' or '!',
                        _ when range.Length == 1 => source[range.Start] == c,
                        _ => source[range.Start] is '&' or '\\' || range.Length > 1,
                    };
                    Assert.True(expected, $"{document.Path}: segment '{segment.Text}' char {i} '{c}' maps to '{source[range.Start..range.End]}'");
                    checkedCharacters++;
                }
            }
        }

        Assert.True(checkedCharacters > 100_000, $"only {checkedCharacters} characters were checked");
    }
}
