using System.Reflection;
using CommsLinter.Content.Readers;

namespace CommsLinter.Tests;

/// <summary>Character references decode as a browser decodes them, checked against a second copy of the WHATWG table (Markdig's).</summary>
public sealed class HtmlEntityTests
{
    [Fact]
    public void Every_HTML5_named_reference_with_its_semicolon_decodes()
    {
        var table = (IEnumerable<KeyValuePair<string, string>>)typeof(Markdig.Helpers.EntityHelper)
            .GetField("EntityMap", BindingFlags.Static | BindingFlags.NonPublic)!.GetValue(null)!;
        var wrong = new List<string>();
        foreach (var (name, value) in table)
        {
            var text = $"&{name};x";
            if (!HtmlEntities.TryDecode(text, 0, text.Length, out var decoded, out var next) || decoded != value || next != text.Length - 1)
            {
                wrong.Add(name);
            }
        }

        Assert.True(table.Count() > 2000, "the reference table is the whole WHATWG list");
        Assert.Empty(wrong);
    }

    [Theory]
    [InlineData("&copy 2026", "© 2026")]
    [InlineData("a&nbsp", "a\u00A0")]
    [InlineData("&amp&lt;", "&<")]
    [InlineData("&frac12.", "½.")]
    [InlineData("&copyright", "&copyright")]
    [InlineData("&trade without a semicolon", "&trade without a semicolon")]
    [InlineData("?a=1&lang=pl", "?a=1&lang=pl")]
    [InlineData("&#8381; &#x20AC; &#0;", "₽ € \uFFFD")]
    [InlineData("&unknownname;", "&unknownname;")]
    public void Legacy_names_decode_without_a_semicolon_and_nothing_else_does(string source, string expected) =>
        Assert.Equal(expected, HtmlEntities.Decode(source, new CommsLinter.Text.TextRange(0, source.Length)));
}
