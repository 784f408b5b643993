using CommsLinter.Content.Liquid;
using CommsLinter.Model;
using CommsLinter.Tests.Support;
using CommsLinter.Text;
using Scriban;
using Scriban.Parsing;

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
    [InlineData("Hello {{ name }}, {% if vip %}dear{% endif %}.")]
    [InlineData("{{ \"}}\" | append: '{%' }} and { single } braces, {not liquid} and {{ 'a' }}")]
    [InlineData("{% raw %}{{ shown as is }} {% if %}{% endraw %} then {{ x }}")]
    [InlineData("{% comment %} {{ ignored }} {% if %} {% endcomment %}{{ y }}")]
    [InlineData("{{- trimmed -}}\n{%- if a -%}b{%- endif -%}{{~ x ~}}")]
    [InlineData("Price {{ price }}{ {{ total }} }{{a}}{{b}}")]
    [InlineData("ends with {")]
    [InlineData("ends with {{")]
    [InlineData("never closed {{ name and more\n text on {{ a second line }}")]
    [InlineData("{% if a %} a tag never closed {% endif")]
    [InlineData("{% raw %} a raw block never closed {{ x }}")]
    [InlineData("{%raw%}{{ x }}{%endraw%} {%- comment -%}{{ y }}{%- endcomment -%}{{}}{%%}")]
    [InlineData("{{ a | b }}} {{ 'x' }} {{ a\n}} {% assign x = 7 % 2 %} {{ {a} }}")]
    [InlineData("{% if a %}{{ x }}{% else %}{% endif %}{{ y }}")]
    [InlineData("Kod {{ a }} {{-\0}} koniec. {{ name\0 }}")]
    [InlineData("{% if a\n %}b{%\nendif %} {% assign\nx = 1 %}{{ x\r\n| y }}")]
    public void Constructs_are_found_where_a_lexer_over_the_whole_text_finds_them(string text)
    {
        // The scanner skips prose and lexes from each opening; the reference lexes the whole text, as it once did.
        var found = new List<Placeholder>();
        var source = new SourceText("t.txt", text);
        var error = new LiquidScanner().Scan(source, found);

        var expected = new List<TextRange>();
        Token? open = null;
        foreach (var token in new Lexer(text, options: new LexerOptions { Lang = ScriptLang.Liquid }))
        {
            if (token.Type is TokenType.CodeEnter or TokenType.LiquidTagEnter or TokenType.EscapeEnter)
            {
                open = token;
            }
            else if (token.Type is TokenType.CodeExit or TokenType.LiquidTagExit or TokenType.EscapeExit && open is { } enter)
            {
                expected.Add(new TextRange(enter.Start.Offset, token.End.Offset + 1));
                open = null;
            }
        }

        Assert.Equal(expected, found.Select(p => p.Range));
        Assert.All(found, p => Assert.Equal(p.Kind == PlaceholderKind.Output, text.AsSpan(p.Range.Start).StartsWith("{{")));
        if (open is { } unclosed)
        {
            Assert.NotNull(error);
            Assert.Equal(source.GetLocation(new TextRange(unclosed.Start.Offset, unclosed.Start.Offset + 1)).Start, error.Location.Start);
            Assert.Contains("never closed", error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Dzień dobry {{ customer.first_name", 6, 13, "'{{' is never closed")]
    [InlineData("Dzień dobry\n{% if order %} zamówienie", 7, 1, "`{% if %}` at line 7 is never closed: add `{% endif %}`.")]
    [InlineData("Dostawa {% endif %} jutro", 6, 9, "`{% endif %}` closes no `{% if %}`")]
    [InlineData("Kwota {{ order.total | }} zł", 6, 24, "pipe expression")]
    [InlineData("{% if a %}{{ x }} i {% for i in b %}{% endif %}", 6, 21, "`{% for %}` at line 6 is never closed: add `{% endfor %}` before the `{% endif %}` at line 6.")]
    [InlineData("Здравствуйте!\n{% unless vip %}Скидка\n{% else %}Нет\n", 7, 1, "`{% unless %}` at line 7 is never closed: add `{% endunless %}`.")]
    [InlineData("Gentile cliente,\n{% case order.state %}{% when 'new' %}Nuovo\n{% else %}Altro\n\nGrazie", 7, 1, "`{% case %}` at line 7 is never closed: add `{% endcase %}`.")]
    [InlineData("Dear customer,\n{% capture total %}{{ order.total }}\n{% else %}\n", 8, 1, "`{% else %}` cannot stand inside `{% capture %}` (line 7); it belongs in `{% if %}`, `{% unless %}`, `{% case %}` or `{% for %}`.")]
    [InlineData("Kod: {% raw %}{{ nie }} jest\nkoniec", 6, 6, "`{% raw %}` at line 6 is never closed: add `{% endraw %}`.")]
    [InlineData("Dzień dobry {% else %} jutro", 6, 13, "`{% else %}` is outside any block")]
    [InlineData("{% for i in items %}{{ i }}{% elsif x %}{% endfor %}", 6, 28, "`{% elsif %}` cannot stand inside `{% for %}`")]
    public void Syntax_errors_point_at_their_real_position(string body, int line, int column, string message)
    {
        var result = TestContent.Load(Head + body, ".txt");
        var finding = Assert.Single(result.Findings);
        Assert.Equal("liquid.syntax", finding.RuleId);
        Assert.Equal((line, column), (finding.Location.Start.Line, finding.Location.Start.Column));
        Assert.Contains(message, finding.Message, StringComparison.Ordinal);
    }
}
