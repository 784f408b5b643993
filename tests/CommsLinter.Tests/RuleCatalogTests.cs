using System.Text.RegularExpressions;
using CommsLinter.Content;
using CommsLinter.Diagnostics;
using CommsLinter.Engine;
using CommsLinter.Pipeline;
using CommsLinter.Tests.Support;

namespace CommsLinter.Tests;

/// <summary>
/// The registry and the docs agree: every built-in rule has its page and its row in docs/rules/, every
/// page and row belongs to a registered rule, every DSL error code has its row in the DSL's table, and
/// the readers' extensions are the ones the docs name. The kinds' pages and fixtures: StyleRuleFixtureTests.
/// </summary>
public sealed partial class RuleCatalogTests
{
    private static readonly string Docs = Path.Combine(TestContent.RepositoryRoot(), "docs");

    [Fact]
    public void Ids_are_unique_and_lowercase_dotted()
    {
        var ids = RuleRegistry.BuiltinRules.Select(r => r.Id).ToArray();
        Assert.All(ids, id => Assert.Matches("^[a-z]+\\.[a-z0-9-]+$", id));
        Assert.All(RuleRegistry.DslErrors, code => Assert.Matches("^DSL[0-9]{3}$", code.Id));
        var all = RuleRegistry.Descriptors.Select(r => r.Id).ToArray();
        Assert.Equal(all.Length, all.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_rule_has_a_documentation_page_listed_in_the_index()
    {
        var rows = IndexRows();
        foreach (var rule in RuleRegistry.BuiltinRules)
        {
            Assert.Equal($"docs/rules/{rule.Id}.md", rule.HelpPath);
            var page = Path.Combine(TestContent.RepositoryRoot(), rule.HelpPath);
            Assert.True(File.Exists(page), $"{rule.Id} has no page at {rule.HelpPath}");
            Assert.StartsWith($"# {rule.Id}\n", File.ReadAllText(page).ReplaceLineEndings("\n"), StringComparison.Ordinal);
            Assert.True(rows.TryGetValue(rule.Id, out var row), $"{rule.Id} has no row in docs/rules/README.md");
            Assert.Equal(rule.Title, row.Title);
            Assert.Equal($"[{rule.Id}]({rule.Id}.md)", row.Page);
        }
    }

    [Fact]
    public void Every_page_and_index_row_belongs_to_a_registered_rule()
    {
        var ids = RuleRegistry.BuiltinRules.Select(r => r.Id).Order(StringComparer.Ordinal).ToArray();
        var pages = Directory.EnumerateFiles(Path.Combine(Docs, "rules"), "*.md").Select(Path.GetFileNameWithoutExtension).Where(p => p != "README");
        Assert.Equal(ids, pages.Order(StringComparer.Ordinal));
        Assert.Equal(ids, IndexRows().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_DSL_error_code_has_its_row_in_the_error_table_and_every_row_a_code()
    {
        var dsl = File.ReadAllLines(Path.Combine(Docs, "styleguide-dsl.md"));
        var rows = dsl.Select(l => DslRow().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value);
        Assert.Equal(RuleRegistry.DslErrors.Select(c => c.Id), rows);

        // Every code links to the table, under a heading whose anchor is the link's.
        var help = Assert.Single(RuleRegistry.DslErrors.Select(c => c.HelpPath).Distinct());
        Assert.Equal("docs/styleguide-dsl.md#error-codes", help);
        Assert.Contains(dsl, l => l.StartsWith("## ", StringComparison.Ordinal) && Anchor(l[3..]) == help.Split('#')[1]);
    }

    [Fact]
    public void The_configuration_builds_every_registered_check_from_the_registry()
    {
        var configuration = Configuration.Load(["content"], new ConfigurationOptions(null, null, null), TestContent.RepositoryRoot());
        var built = configuration.DocumentChecks().Cast<object>().Concat(configuration.CorpusChecks()).Where(c => c is IBuiltinCheck)
            .Select(c => c is IDocumentCheck document ? document.Rules : ((ICorpusCheck)c).Rules);

        // Each registration gives a check with its registered rules; one that also compares documents is in both lists.
        Assert.Equal(RuleRegistry.Checks.Select(c => IdsOf(c.Rules)).Order(StringComparer.Ordinal), built.Select(IdsOf).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(configuration.DocumentChecks(), c => c is ICorpusCheck);
        Assert.Contains(configuration.CorpusChecks(), c => c is IDocumentCheck);

        // Without a content folder nothing renders, so the checks of rendered samples are left out.
        var bare = new Configuration().DocumentChecks().SelectMany(c => c.Rules).Select(r => r.Id).ToArray();
        Assert.DoesNotContain("sample.missing", bare);
        Assert.Contains("liquid.missing-default", bare);
    }

    [Fact]
    public void Readers_register_each_extension_once_and_discovery_and_the_docs_follow_them()
    {
        var extensions = RuleRegistry.Readers.SelectMany(r => r.Extensions).ToArray();
        Assert.Equal(extensions.Length, extensions.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        foreach (var reader in RuleRegistry.Readers)
        {
            foreach (var extension in reader.Extensions)
            {
                Assert.Equal(reader.Format, TestContent.Document("---\ntouchpoint: t\nchannel: sms\nlocale: pl\n---\nText.\n", extension).Format);
            }
        }

        using var folder = new TempFolder();
        foreach (var name in extensions.Select(e => $"content/t{e}").Append("content/notes.rtf"))
        {
            folder.Write(name, "Text.");
        }

        Assert.Equal(extensions.Select(e => $"content/t{e}").Order(StringComparer.Ordinal), ContentDiscovery.Discover(["content"], folder.Path, out _).Select(f => f.DisplayPath));
        var cli = File.ReadAllLines(Path.Combine(Docs, "cli.md")).Single(l => l.StartsWith("Which files are templates:", StringComparison.Ordinal));
        Assert.Equal(extensions, Regex.Matches(cli, "`(\\.[a-z]+)`").Select(m => m.Groups[1].Value));
    }

    private static string IdsOf(IReadOnlyList<RuleDescriptor> rules) => string.Join(" ", rules.Select(r => r.Id));

    /// <summary>The rows of docs/rules/README.md's tables, by id: the title and page columns.</summary>
    private static Dictionary<string, (string Title, string Page)> IndexRows()
    {
        var rows = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(Path.Combine(Docs, "rules", "README.md")).Where(l => l.StartsWith("| ", StringComparison.Ordinal)))
        {
            var cells = line.Trim('|').Split('|', StringSplitOptions.TrimEntries);
            if (cells[0] is not ("id" or "---"))
            {
                Assert.True(rows.TryAdd(cells[0], (cells[2], cells[3])), $"{cells[0]} has two rows in docs/rules/README.md");
            }
        }

        return rows;
    }

    /// <summary>A heading's anchor as GitHub makes it: lower case, spaces to hyphens, punctuation dropped.</summary>
    private static string Anchor(string heading) =>
        new([.. heading.ToLowerInvariant().Replace(' ', '-').Where(c => char.IsLetterOrDigit(c) || c is '-' or '_')]);

    [GeneratedRegex("^\\| (DSL[0-9]{3}) \\|")]
    private static partial Regex DslRow();
}
