using CommsLinter.Model;
using CommsLinter.Tests.Support;

namespace CommsLinter.Tests;

public sealed class LiquidTests
{
    private const string Head = "---\ntouchpoint: delivery-notice\nchannel: sms\nlocale: pl\n---\n";

    [Fact]
    public void Every_liquid_construct_is_one_placeholder_of_its_kind()
    {
        var document = TestContent.Document(Head +
            "Dzień dobry {{ customer.first_name | default: \"Kliencie\" }},{%- if order -%} zamówienie {{ order.number }}{% endif %} " +
            "{% raw %}{{ nie }}{% endraw %} {% comment %}notatka{% endcomment %} dostawa jutro.", ".txt");

        Assert.Equal(
            [PlaceholderKind.Output, PlaceholderKind.Tag, PlaceholderKind.Output, PlaceholderKind.Tag, PlaceholderKind.Raw, PlaceholderKind.Comment],
            document.Placeholders.Select(p => p.Kind));
        Assert.Equal("{% raw %}{{ nie }}{% endraw %}", document.Placeholders[4].Code.ToString());
        Assert.Equal("Dzień dobry \uFFFC,\uFFFC zamówienie \uFFFC\uFFFC \uFFFC \uFFFC dostawa jutro.", Assert.Single(document.Segments).Text);
    }

    [Theory]
    [InlineData("Dzień dobry {{ customer.first_name", 6, 13, "'{{' is never closed")]
    [InlineData("Dzień dobry\n{% if order %} zamówienie", 7, 4, "endif")]
    [InlineData("Dostawa {% endif %} jutro", 6, 12, "endif")]
    [InlineData("Kwota {{ order.total | }} zł", 6, 24, "pipe expression")]
    [InlineData("{% if a %}{{ x }} i {% for i in b %}{% endif %}", 6, 40, "endif")]
    public void Syntax_errors_point_at_their_real_position(string body, int line, int column, string message)
    {
        var result = TestContent.Load(Head + body, ".txt");
        var finding = Assert.Single(result.Findings);
        Assert.Equal("liquid.syntax", finding.RuleId);
        Assert.Equal((line, column), (finding.Location.Start.Line, finding.Location.Start.Column));
        Assert.Contains(message, finding.Message, StringComparison.Ordinal);
    }
}
