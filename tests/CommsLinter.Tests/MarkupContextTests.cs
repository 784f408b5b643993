using CommsLinter.Rules.Builtin;

namespace CommsLinter.Tests;

/// <summary>Where a placeholder of an HTML template stands: text, address, or presentation.</summary>
public sealed class MarkupContextTests
{
    [Theory]
    [InlineData("<p>Dzień dobry, {{ name }}</p>", MarkupPlace.Text)]
    [InlineData("<img alt=\"Okno {{ product }}\" src=\"a.png\">", MarkupPlace.Text)]
    [InlineData("<a href=\"https://oknanowak.pl/{{ path }}\">x</a>", MarkupPlace.Address)]
    [InlineData("<img src='{{ image }}'>", MarkupPlace.Address)]
    [InlineData("<td style=\"color: {{ brand.color }}\">", MarkupPlace.Presentation)]
    [InlineData("<div class=\"hero {{ variant }}\">", MarkupPlace.Presentation)]
    [InlineData("<style>a > b { color: {{ brand.color }} }</style>", MarkupPlace.Presentation)]
    [InlineData("<style>p{}</style><p>{{ name }}</p>", MarkupPlace.Text)]
    public void A_placeholder_is_text_an_address_or_presentation(string html, MarkupPlace place) =>
        Assert.Equal(place, MarkupContext.Of(html, html.IndexOf("{{", StringComparison.Ordinal)));
}
