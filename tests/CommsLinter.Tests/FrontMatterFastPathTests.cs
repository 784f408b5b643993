using CommsLinter.Content.Yaml;
using CommsLinter.Tests.Support;
using CommsLinter.Text;

namespace CommsLinter.Tests;

/// <summary>The direct reading of simple front matter gives exactly what the YAML reader gives, or leaves the block to it.</summary>
public sealed class FrontMatterFastPathTests
{
    public static TheoryData<string> Blocks => new()
    {
        "touchpoint: order-confirmation\nchannel: email\nlocale: pl\n",
        "subject: \"Zamówienie {{ order.number }} — dziękujemy\"\npreheader: 'Dla {{ customer.first_name }}'\n",
        "subject: Zamówienie {{ order.number }}, dziękujemy!\r\nlocale: ru\r\n",
        "# a comment\n\ntitle: Okna [NowakTherm] 82 {nowość}\nnote: 50% taniej\n",
        "key:   spaced value   \n",
        "on: yes\nnull_key: null\ntilde: ~\nnumber: 0012\n",
        "subject: \"He said \\\"hi\\\"\"\n",
        "subject: 'It''s'\n",
        "subject: value # comment\n",
        "locales: [pl, ru]\n",
        "nested:\n  key: value\n",
        "subject: \"unclosed\n",
        "subject: - dash\n",
        "key: value:\n",
        "url: https://www.oknanowak.pl/a#b\n",
        "\tsubject: tab\n",
        "subject:\n",
        "subject: \"\"\n",
        "subject: \"\n",
    };

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Simple_blocks_read_directly_agree_with_yaml(string block)
    {
        AssertAgrees(block);
    }

    [Fact]
    public void Every_front_matter_of_the_sample_content_agrees_with_yaml()
    {
        var root = TestContent.RepositoryRoot();
        var files = Directory.EnumerateFiles(Path.Combine(root, "content"), "*.*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "tests", "CommsLinter.Tests", "Fixtures"), "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".html", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".txt", StringComparison.Ordinal));
        var simple = 0;
        foreach (var file in files)
        {
            var text = File.ReadAllText(file).ReplaceLineEndings("\n");
            var end = text.StartsWith("---\n", StringComparison.Ordinal) ? text.IndexOf("\n---", 3, StringComparison.Ordinal) : -1;
            if (end < 0)
            {
                continue;
            }

            simple += AssertAgrees(text[4..(end + 1)]) ? 1 : 0;
        }

        Assert.True(simple > 100, $"only {simple} front matters were read directly");
    }

    /// <returns>True when the block was read directly.</returns>
    private static bool AssertAgrees(string block)
    {
        var text = "---\n" + block + "---\n";
        var direct = FrontMatterReader.TryParseSimple(text, 4, 4 + block.Length);
        if (direct is null)
        {
            return false;
        }

        var yaml = FrontMatterReader.ParseYaml(new SourceText("t.md", text), 4, 4 + block.Length, new TextRange(0, text.Length));
        Assert.Null(yaml.Problem);
        Assert.Equal(
            yaml.FrontMatter.Fields.Select(f => (f.Key, f.KeyRange, f.Value, f.ValueRange, f.IsVerbatim)),
            direct.Select(f => (f.Key, f.KeyRange, f.Value, f.ValueRange, f.IsVerbatim)));
        return true;
    }
}
