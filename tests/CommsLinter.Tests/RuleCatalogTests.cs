using CommsLinter.Content;
using CommsLinter.Diagnostics;
using CommsLinter.Pipeline;
using CommsLinter.Rules;
using CommsLinter.Tests.Support;

namespace CommsLinter.Tests;

/// <summary>Every built-in rule id is unique, well formed and has its documentation page.</summary>
public sealed class RuleCatalogTests
{
    private static IEnumerable<RuleDescriptor> AllRules() => Engine.RuleRegistry.BuiltinRules;

    [Fact]
    public void Ids_are_unique_and_lowercase_dotted()
    {
        var ids = AllRules().Select(r => r.Id).ToArray();
        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^[a-z]+\\.[a-z0-9-]+$", id));
    }

    [Fact]
    public void Every_rule_has_a_documentation_page_listed_in_the_index()
    {
        var root = TestContent.RepositoryRoot();
        var index = File.ReadAllText(Path.Combine(root, "docs", "rules", "README.md"));
        foreach (var rule in AllRules())
        {
            var page = Path.Combine(root, rule.HelpPath);
            Assert.True(File.Exists(page), $"{rule.Id} has no page at {rule.HelpPath}");
            Assert.StartsWith($"# {rule.Id}", File.ReadAllText(page), StringComparison.Ordinal);
            Assert.Contains(rule.Id, index, StringComparison.Ordinal);
        }
    }
}
