using System.Text;
using CommsLinter.Content;
using CommsLinter.Content.Catalog;
using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Pipeline;
using CommsLinter.Rules.Style;
using CommsLinter.StyleGuides.Compilation;
using CommsLinter.Tests.Support;
using CommsLinter.Text;

namespace CommsLinter.Tests;

/// <summary>
/// Runs every fixture under Fixtures/style/: the marks <c>{|rule.id:text|}</c> in a template are the
/// findings the folder's guide must produce there, no more and no fewer.
/// </summary>
public sealed class StyleRuleFixtureTests
{
    public static TheoryData<string, string> Fixtures()
    {
        var data = new TheoryData<string, string>();
        foreach (var folder in Directory.EnumerateDirectories(TestContent.FixturePath("style")).Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.EnumerateFiles(folder).Where(f => !f.EndsWith(".style", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(folder), Path.GetFileName(file));
            }
        }

        return data;
    }

    [Fact]
    public void Every_kind_has_a_page_and_a_fixture_in_every_locale()
    {
        foreach (var kind in StyleRuleKinds.All.Select(k => k.Name))
        {
            Assert.True(File.Exists(Path.Combine(TestContent.RepositoryRoot(), "docs", "rules", "style", $"{kind}.md")), $"{kind} has no page in docs/rules/style/");
            var files = Directory.EnumerateFiles(TestContent.FixturePath("style", kind)).Select(Path.GetFileName).ToArray();
            foreach (var locale in new[] { "pl", "ru", "it", "en" })
            {
                Assert.Contains(files, f => f!.Contains($".{locale}.", StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void Every_page_and_fixture_folder_belongs_to_a_kind_and_the_index_lists_every_kind()
    {
        var kinds = StyleRuleKinds.All.Select(k => k.Name).Order(StringComparer.Ordinal).ToArray();
        var pages = Path.Combine(TestContent.RepositoryRoot(), "docs", "rules", "style");
        Assert.Equal(kinds, Directory.EnumerateFiles(pages, "*.md").Select(Path.GetFileNameWithoutExtension).Where(p => p != "README").Order(StringComparer.Ordinal));
        Assert.Equal(kinds, Directory.EnumerateDirectories(TestContent.FixturePath("style")).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        // The index's table: one row per kind, in the registry's order, with the kind's summary and a link to its page.
        var rows = File.ReadAllLines(Path.Combine(pages, "README.md")).Where(l => l.StartsWith("| `", StringComparison.Ordinal)).ToArray();
        Assert.Equal(StyleRuleKinds.All.Count, rows.Length);
        foreach (var (kind, row) in StyleRuleKinds.All.Zip(rows))
        {
            Assert.StartsWith($"| `{kind.Name}` |", row, StringComparison.Ordinal);
            Assert.Contains(kind.Summary, row, StringComparison.Ordinal);
            Assert.Contains($"({kind.Name}.md)", row, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(TestContent.RepositoryRoot(), kind.HelpPath)), $"{kind.Name}'s rules link to {kind.HelpPath}, which does not exist");
        }

        // The DSL's grammar: 'body = forbid | prefer | ... ;' names every kind, in the registry's order.
        var body = File.ReadAllLines(Path.Combine(TestContent.RepositoryRoot(), "docs", "styleguide-dsl.md")).Single(l => l.StartsWith("body ", StringComparison.Ordinal));
        Assert.Equal(StyleRuleKinds.All.Select(k => k.Name), body[(body.IndexOf('=', StringComparison.Ordinal) + 1)..].TrimEnd(' ', ';').Split('|', StringSplitOptions.TrimEntries));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Findings_are_exactly_the_marked_spans(string kind, string file)
    {
        var folder = TestContent.FixturePath("style", kind);
        var (text, expected) = StripMarks(File.ReadAllText(Path.Combine(folder, file)));
        var root = TestContent.RepositoryRoot();
        var catalog = CatalogReader.Load(Path.Combine(root, "content", CatalogReader.FileName), "touchpoints.yml", out _);
        var diagnostics = new List<Finding>();
        var style = StyleCompiler.Compile([new SourceText("guide.style", File.ReadAllText(Path.Combine(folder, "guide.style")))], catalog, diagnostics);
        Assert.Empty(diagnostics);

        var loaded = new DocumentLoader().Load(Encoding.UTF8.GetBytes(text), file, DocumentKind.Template, Path.GetExtension(file));
        Assert.Empty(loaded.Findings);
        var findings = new List<Finding>();
        style.Checks.Check(loaded.Document!, new CheckContext(catalog, isWholeCorpus: false), findings);
        var scanned = new List<Finding>();
        foreach (var rule in style.Rules)
        {
            rule.Check(loaded.Document!, new CheckContext(catalog, isWholeCorpus: false), scanned);
        }

        // The shared automaton and each rule scanning on its own must agree.
        Assert.Equal(scanned.Order(Finding.Order), findings.Order(Finding.Order));

        var source = loaded.Document!.Source;
        var wanted = expected.Select(e => $"{e.Rule} {source.GetLocation(e.Range)} “{text[e.Range.Start..e.Range.End]}”").Order(StringComparer.Ordinal);
        var actual = findings.Select(f => $"{f.RuleId} {f.Location} “{Slice(source, f.Location)}”").Order(StringComparer.Ordinal);
        Assert.Equal(string.Join("\n", wanted), string.Join("\n", actual));
    }

    private static string Slice(SourceText source, Location location)
    {
        var start = source.Lines.GetLineStart(location.Start.Line) + location.Start.Column - 1;
        var end = source.Lines.GetLineStart(location.End.Line) + location.End.Column - 1;
        return source.Text[start..end];
    }

    private static (string Text, List<(string Rule, TextRange Range)> Marks) StripMarks(string marked)
    {
        var text = new StringBuilder();
        var marks = new List<(string, TextRange)>();
        var i = 0;
        while (i < marked.Length)
        {
            var open = marked.IndexOf("{|", i, StringComparison.Ordinal);
            if (open < 0)
            {
                text.Append(marked, i, marked.Length - i);
                break;
            }

            text.Append(marked, i, open - i);
            var colon = marked.IndexOf(':', open);
            var close = marked.IndexOf("|}", colon, StringComparison.Ordinal);
            var start = text.Length;
            text.Append(marked, colon + 1, close - colon - 1);
            marks.Add((marked[(open + 2)..colon], new TextRange(start, text.Length)));
            i = close + 2;
        }

        return (text.ToString(), marks);
    }
}
