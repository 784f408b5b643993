using CommsLinter.Content.Liquid;
using CommsLinter.Content.Rendering;
using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Pipeline;
using CommsLinter.Tests.Support;
using CommsLinter.Text;

namespace CommsLinter.Tests;

/// <summary>
/// Templates that are nearly all Liquid (issue 20: 100,000 placeholders took minutes, each check comparing
/// every placeholder with every other). What the checks find in them, and where; how fast is measured by
/// the bench (docs/benchmarks.md), never here.
/// </summary>
public sealed class ManyPlaceholdersTests
{
    private static readonly CheckContext NoCatalog = new(null, isWholeCorpus: false);

    private static List<Finding> MissingDefaults(Document document)
    {
        var findings = new List<Finding>();
        new MissingDefaultCheck().Check(document, NoCatalog, findings);
        return findings;
    }

    [Theory]
    [InlineData("pl", "Dzień dobry")]
    [InlineData("ru", "Здравствуйте")]
    [InlineData("it", "Buongiorno")]
    [InlineData("en", "Hello")]
    public void Every_output_of_a_value_defaulted_only_far_away_is_reported_where_it_is(string locale, string greeting)
    {
        const int lines = 1_000;
        var body = string.Concat(Enumerable.Repeat($"{greeting} {{{{ customer.first_name }}}}, {{{{ order.number }}}} {{{{ customer.first_name }}}}.\n", lines))
            + "{{ customer.first_name | default: \"-\" }}\n";
        var document = TestContent.Document(TestCatalog.FrontMatter("sms", locale) + body, ".txt");

        var findings = MissingDefaults(document);

        // Two outputs of the name a line, none of the number, each at its name; the default is on the line after them.
        Assert.Equal(2 * lines, findings.Count);
        var column = greeting.Length + " {{ ".Length + 1;
        var second = column + "{{ customer.first_name }}, {{ order.number }} ".Length;
        Assert.Equal(
            Enumerable.Range(6, lines).SelectMany(line => new[] { new LinePosition(line, column), new LinePosition(line, second) }),
            findings.Select(f => f.Location.Start));
        Assert.All(findings, f => Assert.StartsWith($"The template treats 'customer.first_name' as possibly empty (line {6 + lines}), but here, in the greeting", f.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("pl", "{{ customer.first_name }}", "{%- if customer.first_name -%}!{%- endif -%}", true)]
    [InlineData("ru", "{{ customer.first_name }}", "{% unless customer.first_name %}Здравствуйте!{% endunless %}", true)]
    [InlineData("it", "{{ customer.first_name }}", "{% if customer.first_name.size > 0 %}!{% endif %}", false)]
    [InlineData("en", "{{ customer.first_name | default: 'friend' }}", "", false)]
    public void A_value_is_optional_where_a_tag_or_another_default_names_it_whole(string locale, string greeting, string elsewhere, bool reported)
    {
        // Whitespace control around a name still names it; a longer chain is another value; a default leaves no gap.
        var document = TestContent.Document(TestCatalog.FrontMatter("sms", locale) + greeting + "\n\n" + elsewhere + "\n", ".txt");

        Assert.Equal(reported, MissingDefaults(document).Count == 1);
    }

    [Fact]
    public void Each_character_of_a_large_rendering_maps_back_to_the_literal_or_the_expression_that_wrote_it()
    {
        var body = string.Concat(Enumerable.Range(0, 2_000).Select(i => $"Linia {i}: {{{{ customer.first_name }}}}{{{{ order.number }}}}, {{% if customer.vip %}}VIP {{% endif %}}{{{{ order.number | upcase }}}}.\n"));
        var document = TestContent.Document(TestCatalog.FrontMatter("sms", "pl") + body, ".txt");
        using var data = System.Text.Json.JsonDocument.Parse("{\"customer\":{\"first_name\":\"Anna\",\"vip\":true},\"order\":{\"number\":\"z/1\"}}");
        var rendered = new TemplateRenderer(null).Render(document, data.RootElement, out var failure);
        Assert.Null(failure);
        var map = rendered.BodyMap;
        Assert.True(map.Pieces.Count > 10_000);

        // The map as a plain scan reads it: the first piece holding the offset.
        TextRange? Scanned(int offset)
        {
            foreach (var piece in map.Pieces.Where(p => offset >= p.OutputStart && offset < p.OutputEnd))
            {
                var lineEnd = rendered.Body.IndexOf('\n', offset, piece.OutputEnd - offset);
                return piece.IsLiteral
                    ? new TextRange(piece.Source.Start + offset - piece.OutputStart, piece.Source.Start + (lineEnd < 0 ? piece.OutputEnd : lineEnd) - piece.OutputStart)
                    : piece.Source;
            }

            return null;
        }

        for (var offset = 0; offset <= rendered.Body.Length; offset += offset < 500 || offset > rendered.Body.Length - 500 ? 1 : 97)
        {
            Assert.Equal(Scanned(offset), map.SourceFrom(offset));
        }

        var upcased = rendered.Body.LastIndexOf("Z/1", StringComparison.Ordinal);
        var source = map.SourceFrom(upcased)!.Value;
        Assert.Equal("order.number | upcase", document.Source.Text[source.Start..source.End]);
        Assert.Null(map.SourceFrom(rendered.Body.Length));
    }

    [Fact]
    public void An_empty_value_is_reported_once_among_the_many_spots_the_text_always_has()
    {
        using var folder = new TempFolder();
        folder.Write("content/touchpoints.yml", TestCatalog.Build(locales: "pl", channels: "sms", touchpointExtra: "    sample: samples/order.json"));
        folder.Write("content/samples/order.json", "{\"customer\":{\"first_name\":\"Anna\",\"company_name\":\"Okna\"},\"order\":{\"number\":\"Z/1\"}}");
        // Every line has a space before its comma whatever the data; only the company line breaks when the company is empty.
        var lines = string.Concat(Enumerable.Repeat("Zamówienie {{ order.number }} dla {{ customer.first_name }} , dziękujemy.\n", 3_000));
        folder.Write("content/purchase/order-confirmation/sms.pl.txt", TestCatalog.FrontMatter("sms", "pl") + lines
            + "Firma: {{ customer.company_name }}.{% if customer.company_name %}{% endif %}\n");

        var found = CliRunner.FindingLines(CliRunner.Run(folder.Path, "check", "--no-progress").Output).Where(l => l.Contains("render.empty-value", StringComparison.Ordinal)).ToArray();

        Assert.Equal(
            [$"content/purchase/order-confirmation/sms.pl.txt({6 + 3_000},8): warning render.empty-value: When 'customer.company_name' is empty, this reads “, dziękujemy. Firma: .”. Put the words and punctuation around it inside {{% if customer.company_name %}}…{{% endif %}}, or give it a default."],
            found);
    }
}
