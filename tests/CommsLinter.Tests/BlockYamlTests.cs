using CommsLinter.Content.Yaml;
using CommsLinter.Tests.Support;

namespace CommsLinter.Tests;

/// <summary>The direct reading of block YAML (catalogs) gives exactly the tree the YAML reader gives, or leaves the text to it.</summary>
public sealed class BlockYamlTests
{
    public static TheoryData<string, bool> Texts => new()
    {
        { "locales: [pl, ru, it, en]\nsource-locale: pl\n", true },
        { "touchpoints:\n  - id: order\n    channels: [email, sms]\n    flags: []\n  - id: invoice\n    name: Faktura VAT 23%\n", true },
        { "teams:\n- id: sales\n  name: 'Dział sprzedaży'\n- id: legal\n  name: \"Dział prawny\"\n", true },
        { "# comment\n\nstages:   # trailing comment\n  - id: before   # why\n    name: Przed zakupem\r\n", true },
        { "a:\n  b:\n    c: [x,y , z]\n  d: https://www.oknanowak.pl/a#b\n", true },
        { "list:\n  - - a\n    - b\n  - c\n", true },
        { "on: yes\nnull: ~\nnumber: 0012\n", true },
        { "key: value # with \"quote\"\n", true },
        { "key: \"He said \\\"hi\\\"\"\n", false },
        { "key: 'It''s'\n", false },
        { "key: |\n  block\n", false },
        { "key: &anchor x\nother: *anchor\n", false },
        { "key: {a: b}\n", false },
        { "key: [a, [b]]\n", false },
        { "key: [a,\n  b]\n", false },
        { "key:\n", false },
        { "key: long\n  continued\n", false },
        { "-\n", false },
        { "---\nkey: value\n", false },
        { "\tkey: value\n", false },
        { "key: value\n bad: indent\n", false },
        { "\"quoted\": key\n", false },
        { "key: [a, ]\n", true },
        { "name: Foo\u2028Bar\n", false },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Block_yaml_read_directly_agrees_with_the_yaml_reader(string text, bool readDirectly)
    {
        Assert.Equal(readDirectly, AssertAgrees(text));
    }

    [Fact]
    public void Nesting_near_the_limit_is_left_to_the_yaml_reader_where_it_refuses_it()
    {
        for (var levels = 28; levels <= 36; levels++)
        {
            var text = string.Concat(Enumerable.Range(0, levels).Select(i => new string(' ', 2 * i) + "k:\n")) + new string(' ', 2 * levels) + "z: [a]\n";
            var list = string.Concat(Enumerable.Range(0, levels).Select(i => new string(' ', 2 * i) + "-\n"));
            AssertAgrees(text);
            AssertAgrees(text.Replace("[a]", "a", StringComparison.Ordinal));
            Assert.False(AssertAgrees(list));
        }
    }

    [Fact]
    public void The_catalogs_of_the_repository_are_read_directly_and_agree()
    {
        var root = TestContent.RepositoryRoot();
        var catalogs = Directory.EnumerateFiles(root, "touchpoints.yml", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(catalogs);
        foreach (var catalog in catalogs)
        {
            Assert.True(AssertAgrees(File.ReadAllText(catalog)), $"{catalog} was not read directly");
        }
    }

    /// <summary>Asserts that a direct reading, if any, equals the YAML reader's; true when there was one.</summary>
    private static bool AssertAgrees(string text)
    {
        var direct = BlockYaml.TryParse(text);
        if (direct is null)
        {
            return false;
        }

        var expected = YamlTree.Parse(text, 0, text.Length, out var problem);
        Assert.Null(problem);
        AssertSame(expected!, direct, text);
        return true;
    }

    private static void AssertSame(YamlNode expected, YamlNode actual, string text)
    {
        Assert.Equal(expected.GetType(), actual.GetType());
        Assert.True(expected.Range.Start == actual.Range.Start, $"{expected} starts at {expected.Range.Start}, not {actual.Range.Start}, in:\n{text}");
        switch (expected)
        {
            case YamlScalar scalar:
                Assert.Equal(scalar, (YamlScalar)actual);
                break;
            case YamlSequence sequence:
                var items = ((YamlSequence)actual).Items;
                Assert.Equal(sequence.Items.Count, items.Count);
                for (var i = 0; i < items.Count; i++)
                {
                    AssertSame(sequence.Items[i], items[i], text);
                }

                break;
            case YamlMapping mapping:
                var entries = ((YamlMapping)actual).Entries;
                Assert.Equal(mapping.Entries.Count, entries.Count);
                for (var i = 0; i < entries.Count; i++)
                {
                    Assert.Equal(mapping.Entries[i].Key, entries[i].Key);
                    AssertSame(mapping.Entries[i].Value, entries[i].Value, text);
                }

                break;
        }
    }
}
