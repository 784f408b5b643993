using CommsLinter.Content.Catalog;
using CommsLinter.Content.Liquid;
using CommsLinter.Content.Rendering;
using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Pipeline;
using CommsLinter.Rules.Style;
using CommsLinter.StyleGuides.Compilation;
using CommsLinter.Tests.Support;
using CommsLinter.Text;

namespace CommsLinter.Tests;

/// <summary>
/// Input nested as deep as a file can hold (issue 20): every parser and walker that recursed over what a
/// contributor writes either stops at a limit with a positioned finding or no longer recurses. Without
/// them, each of these inputs overflowed the stack, which ends the process (exit 134) with nothing checked.
/// </summary>
public sealed class NestingLimitTests
{
    private static readonly CheckContext NoCatalog = new(null, isWholeCorpus: false);

    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));

    private static (StyleSet Style, List<Finding> Errors) Compile(params string[] guides)
    {
        var errors = new List<Finding>();
        var style = StyleCompiler.Compile(guides.Select((g, i) => new SourceText($"styleguides/g{i}.style", g)), null, errors);
        return (style, errors);
    }

    private static Document Sms(string locale) => TestContent.Document(TestCatalog.FrontMatter("sms", locale) + "Tekst x.\n", ".txt");

    [Theory]
    [InlineData("(", ")")]
    [InlineData("not ", "")]
    public void A_condition_nested_past_the_limit_is_a_positioned_DSL_error_and_the_guide_goes_on(string open, string close)
    {
        var (style, errors) = Compile(
            "styleguide \"Deep\"\nrule tone.deep warning \"Deep.\" {\n  when " + Repeat(open, 50_000) + "channel sms" + Repeat(close, 50_000)
            + "\n  forbid \"x\"\n}\nrule tone.next warning \"Next.\" { forbid \"y\" }\n");

        var error = Assert.Single(errors);
        Assert.Equal(DslErrors.TooDeep.Id, error.RuleId);
        Assert.Equal(new LinePosition(3, 8 + (32 * open.Length)), error.Location.Start);
        Assert.StartsWith("the condition nests parentheses and 'not' more than 32 levels deep here. Write it flatter", error.Message, StringComparison.Ordinal);
        Assert.Equal("tone.next", Assert.Single(style.Rules).Id);
    }

    [Fact]
    public void A_condition_at_the_limit_compiles_and_holds_and_one_level_more_does_not()
    {
        // 'not (' is two levels: sixteen of them are the limit, and cancel out.
        var atLimit = Repeat("not (", 16) + "channel sms" + Repeat(")", 16);
        var (style, errors) = Compile($"styleguide \"A\"\nrule tone.x warning \"X.\" {{ when {atLimit} forbid \"x\" }}\n");
        Assert.Empty(errors);
        var condition = Assert.Single(style.Rules).Header.Condition;
        Assert.True(condition.Test(Sms("pl"), NoCatalog));
        Assert.False(condition.Test(TestContent.Document(TestCatalog.FrontMatter("email", "pl", "subject: S\npreheader: P\n") + "<p>Tekst</p>\n"), NoCatalog));

        var (_, tooDeep) = Compile($"styleguide \"A\"\nrule tone.x warning \"X.\" {{ when not {atLimit} forbid \"x\" }}\n");
        // Level 33 is the last '(': after the first 'not' and fifteen 'not ('s, and the 'not' of the sixteenth.
        Assert.Equal(new LinePosition(2, "rule tone.x warning \"X.\" { when not ".Length + (5 * 15) + "not ".Length + 1), Assert.Single(tooDeep).Location.Start);
    }

    [Fact]
    public void Chains_of_or_and_and_are_lists_however_long()
    {
        var or = "channel email" + Repeat(" or channel email", 50_000) + " or locale it";
        var and = "not channel email" + Repeat(" and not channel email", 50_000) + " and locale pl";
        var (style, errors) = Compile(
            $"styleguide \"A\"\nrule tone.or warning \"Or.\" {{ when {or} forbid \"x\" }}\nrule tone.and warning \"And.\" {{ when {and} forbid \"x\" }}\n"
            + "rule tone.short warning \"Short.\" { when channel sms or locale it or (locale en and not channel email) forbid \"x\" }\n");
        Assert.Empty(errors);

        foreach (var locale in new[] { "pl", "ru", "it", "en" })
        {
            var sms = Sms(locale);
            Assert.Equal(locale == "it", style.FindRule("tone.or")!.Header.Condition.Test(sms, NoCatalog));
            Assert.Equal(locale == "pl", style.FindRule("tone.and")!.Header.Condition.Test(sms, NoCatalog));
        }

        Assert.Equal("(channel sms or locale it or locale en and not channel email)", style.FindRule("tone.short")!.Header.Condition.Text);
    }

    [Fact]
    public void A_chain_of_guides_as_long_as_a_folder_holds_is_ordered_base_first()
    {
        const int count = 20_000;
        var guides = Enumerable.Range(0, count).Select(i =>
            $"styleguide \"G{i}\"{(i + 1 < count ? $" extends \"G{i + 1}\"" : string.Empty)}\nrule tone.x warning \"G{i}.\" {{ forbid \"x\" }}\n").ToArray();

        var (style, errors) = Compile(guides);

        Assert.Empty(errors);
        Assert.Equal($"styleguides/g{count - 1}.style", style.Guides[0]);
        Assert.Equal("styleguides/g0.style", style.Guides[^1]);
        Assert.Equal("G0.", Assert.Single(style.Rules).Header.Message);
    }

    [Fact]
    public void A_pattern_of_deeply_nested_groups_compiles_and_matches()
    {
        var (style, errors) = Compile($"styleguide \"A\"\nrule tone.x warning \"Found {{match}}.\" {{ forbid /{Repeat("(", 50_000)}x{Repeat(")", 50_000)}/ }}\n");
        Assert.Empty(errors);
        var findings = new List<Finding>();
        Assert.Single(style.Rules).Check(Sms("ru"), NoCatalog, findings);
        Assert.Equal("Found x.", Assert.Single(findings).Message);
    }

    /// <summary>Markdown nested past the limit, in each locale and each kind of nesting: where the finding is, and whether the file was still read.</summary>
    public static TheoryData<string, string, string, int, int, bool> DeepMarkdown => new()
    {
        // Lists and quotes on one line, hundreds deep: Markdig gives up on the file.
        { "pl", Repeat("- ", 3_000) + "Dziękujemy", "Dziękujemy", 6, 65, false },
        { "ru", Repeat(">", 5_000) + " Спасибо", "Спасибо", 6, 33, false },
        // Thousands of open brackets: Markdig gives up while reading the paragraph's inlines.
        { "it", Repeat("[", 12_000) + "Grazie" + Repeat("](u)", 12_000), "Grazie", 6, 33, false },
        // Emphasis thousands deep is read, and reported.
        { "en", Repeat("*a ", 5_000) + "Thanks" + Repeat(" b*", 5_000), "Thanks", 6, 97, true },
        // A list nested by indentation, a line per level, and quotes a little past the limit: read, and reported.
        { "pl", string.Concat(Enumerable.Range(0, 40).Select(i => new string(' ', 2 * i) + "- Dziękujemy\n")), "Dziękujemy", 6 + 32, 65, true },
        { "ru", Repeat(">", 40) + " Спасибо", "Спасибо", 6, 33, true },
    };

    [Theory]
    [MemberData(nameof(DeepMarkdown))]
    public void Markdown_nested_past_the_limit_is_one_positioned_finding(string locale, string body, string word, int line, int column, bool read)
    {
        var result = TestContent.Load(TestCatalog.FrontMatter("web", locale) + body + "\n", ".md");

        var finding = Assert.Single(result.Findings);
        Assert.Equal("markdown.too-deep", finding.RuleId);
        Assert.Equal(new LinePosition(line, column), finding.Location.Start);
        Assert.StartsWith("Quotes, lists, emphasis and links are nested more than 32 levels deep here", finding.Message, StringComparison.Ordinal);
        Assert.Equal(read, !finding.Message.Contains("the Markdown parser gives up", StringComparison.Ordinal));
        Assert.Equal(read, result.Document!.Segments.Any(s => s.Text.Contains(word, StringComparison.Ordinal)));
    }

    [Fact]
    public void Markdown_nested_to_the_limit_is_read_without_a_finding()
    {
        var document = TestContent.Document(TestCatalog.FrontMatter("web", "it") + Repeat(">", 16) + Repeat(" *a", 16) + " Grazie" + Repeat("*", 16) + "\n", ".md");
        Assert.Contains(document.Segments, s => s.Scope == SegmentScope.Quote && s.Text.EndsWith("Grazie", StringComparison.Ordinal));
    }

    [Fact]
    public void A_preview_of_Markdown_that_a_loop_nests_too_deep_says_where_instead_of_throwing()
    {
        var document = TestContent.Document(TestCatalog.FrontMatter("letter", "pl") + "Wstęp.\n\n{% for i in (1..300) %}>{% endfor %} Dziękujemy\n", ".md");
        var rendered = new TemplateRenderer(null).Render(document, null, out var renderFailure);
        Assert.Null(renderFailure);

        var html = TemplateRenderer.MarkdownToHtml(document, rendered, out var failure);

        Assert.NotNull(failure);
        Assert.Equal(document.Source.Text.IndexOf(">{% endfor", StringComparison.Ordinal), failure.Offset);
        Assert.StartsWith("the rendered Markdown nests quotes, lists, emphasis and links more than 32 levels deep here", failure.Message, StringComparison.Ordinal);
        Assert.StartsWith("<pre>", html, StringComparison.Ordinal);
        Assert.Contains("Dziękujemy", html, StringComparison.Ordinal);
        Assert.Equal(html, TemplateRenderer.MarkdownToHtml(rendered.Body));

        // Emphasis that Markdig reads but will not render.
        Assert.StartsWith("<pre>", TemplateRenderer.MarkdownToHtml(Repeat("*a ", 200) + "Thanks" + Repeat(" b*", 200)), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, int, int> DeepYaml => new()
    {
        { "pl", "extra: " + Repeat("[", 40_000) + Repeat("]", 40_000) + "\n", 5, 39 },
        { "ru", "extra: " + Repeat("{a: ", 10_000) + "b" + Repeat("}", 10_000) + "\n", 5, 132 },
        { "it", string.Concat(Enumerable.Range(0, 2_000).Select(i => new string(' ', 2 * i) + "k:\n")) + new string(' ', 4_000) + "k: v\n", 5 + 32, 65 },
    };

    [Theory]
    [MemberData(nameof(DeepYaml))]
    public void Front_matter_nested_past_the_limit_is_one_positioned_finding(string locale, string yaml, int line, int column)
    {
        var result = TestContent.Load($"---\ntouchpoint: order-confirmation\nchannel: sms\nlocale: {locale}\n{yaml}---\nTekst.\n", ".txt");

        var finding = Assert.Single(result.Findings);
        Assert.Equal("frontmatter.invalid", finding.RuleId);
        Assert.Equal(new LinePosition(line, column), finding.Location.Start);
        Assert.Equal("Front matter: The YAML is nested more than 32 levels deep here; nothing here needs more than a few levels: flatten it.", finding.Message);
    }

    [Fact]
    public void A_catalog_nested_past_the_limit_is_one_positioned_finding()
    {
        var catalog = CatalogReader.Parse(new SourceText("content/touchpoints.yml", "locales: " + Repeat("[", 40_000) + Repeat("]", 40_000) + "\n"), out var findings);

        Assert.Null(catalog);
        var finding = Assert.Single(findings);
        Assert.Equal("catalog.invalid", finding.RuleId);
        Assert.Equal(new LinePosition(1, 41), finding.Location.Start);
    }

    [Fact]
    public void Liquid_nested_past_Scribans_limit_is_a_positioned_syntax_error()
    {
        var tags = TestContent.Load(TestCatalog.FrontMatter("sms", "en") + Repeat("{% if a %}\n", 50_000) + "Thanks\n" + Repeat("{% endif %}\n", 50_000), ".txt");
        var output = TestContent.Load(TestCatalog.FrontMatter("sms", "it") + "Grazie {{ " + Repeat("(", 30_000) + "a" + Repeat(")", 30_000) + " }}\n", ".txt");

        Assert.Equal(("liquid.syntax", new LinePosition(255, 4)), (Assert.Single(tags.Findings).RuleId, tags.Findings[0].Location.Start));
        Assert.Equal(("liquid.syntax", new LinePosition(6, 259)), (Assert.Single(output.Findings).RuleId, output.Findings[0].Location.Start));
        Assert.Contains("depth limit", tags.Findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Liquid_nested_just_under_Scribans_limit_is_walked_and_rendered()
    {
        const int depth = 240;
        var body = string.Concat(Enumerable.Range(0, depth).Select(i => $"{{% if customer.f{i} %}}{{{{ customer.f{i} }}}} ")) + "Dziękujemy" + Repeat("{% endif %}", depth);
        var document = TestContent.Document(TestCatalog.FrontMatter("sms", "pl") + body + "\n", ".txt");

        var reads = LiquidVariables.Collect(document);
        Assert.Equal(2 * depth, reads.Count);
        Assert.All(reads, r => Assert.True(r.Optional && r.Guarded));

        using var data = System.Text.Json.JsonDocument.Parse("{\"customer\":{" + string.Join(",", Enumerable.Range(0, depth).Select(i => $"\"f{i}\":\"v\"")) + "}}");
        var rendered = new TemplateRenderer(null).Render(document, data.RootElement, out var failure);
        Assert.Null(failure);
        Assert.EndsWith("v Dziękujemy\n", rendered.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void End_tags_under_thousands_of_open_elements_close_their_own_or_are_reported_once()
    {
        // Closing the paragraph closes the 3,900 elements opened inside it; then a hundred thousand end tags close nothing,
        // and as many more close what was just opened, once, and then nothing.
        var html = Repeat("<div>", 100) + "<p>" + Repeat("<div>", 3_900) + "Dziękujemy</p>\n" + Repeat("</b>\n", 100_000)
            + Repeat("<a></a></a>\n", 100_000) + "<div>Do zobaczenia</div>\n";
        var result = TestContent.Load(TestCatalog.FrontMatter("email", "pl", "subject: S\npreheader: P\n") + html);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(("html.syntax", new LinePosition(9, 1)), (finding.RuleId, finding.Location.Start));
        Assert.Equal("'</b>' closes an element that is not open. Remove it or add the matching '<b>'.", finding.Message);
        Assert.Equal(["S", "P", "Dziękujemy", "Do zobaczenia"], result.Document!.Segments.Select(s => s.Text));
    }

    [Fact]
    public void A_sample_nested_past_the_JSON_readers_limit_is_one_positioned_finding()
    {
        using var folder = new TempFolder();
        folder.Write("content/touchpoints.yml", TestCatalog.Build(locales: "ru", channels: "sms"));
        folder.Write("content/samples/deep.json", "{\"a\":" + Repeat("[", 100_000) + Repeat("]", 100_000) + "}");
        folder.Write("content/purchase/order-confirmation/sms.ru.txt", TestCatalog.FrontMatter("sms", "ru", "sample: samples/deep.json\n") + "Спасибо, {{ customer.first_name }}.\n");

        var result = CliRunner.Run(folder.Path, "check", "--no-progress");

        Assert.Equal(
            ["content/samples/deep.json(1,69): error sample.invalid: This sample is not valid JSON: The maximum configured depth of 64 has been exceeded. Cannot read next JSON array. Templates that use it are not checked against it."],
            CliRunner.FindingLines(result.Output).Where(l => l.Contains("sample.", StringComparison.Ordinal)));
    }

    [Fact]
    public void An_include_chain_as_long_as_the_folder_holds_is_followed_without_recursion()
    {
        const int count = 100_000;
        var library = new SnippetLibrary("content/_partials", Enumerable.Range(0, count).Select(i =>
            new Snippet($"s{i}", $"content/_partials/s{i}.txt", $"/c/_partials/s{i}.txt", ".txt", i + 1 < count ? [$"s{i + 1}"] : ["s0"], string.Empty)));

        Assert.Equal(count, library.PathTo("s0", $"s{count - 1}")!.Count);
        Assert.Equal(["s5", "s6"], library.PathTo("s5", "s6"));
        Assert.Null(library.PathTo("s1", "missing"));
    }
}
