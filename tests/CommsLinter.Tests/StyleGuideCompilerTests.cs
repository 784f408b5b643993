using CommsLinter.Content.Catalog;
using CommsLinter.Diagnostics;
using CommsLinter.StyleGuides.Compilation;
using CommsLinter.Tests.Support;
using CommsLinter.Text;
using Snapshooter.Xunit;

namespace CommsLinter.Tests;

public sealed class StyleGuideCompilerTests
{
    private static (StyleSet Style, List<string> Errors) Compile(params (string Path, string Text)[] files)
    {
        var root = TestContent.RepositoryRoot();
        var catalog = CatalogReader.Load(Path.Combine(root, "content", CatalogReader.FileName), "touchpoints.yml", out _);
        var diagnostics = new List<Finding>();
        var style = StyleCompiler.Compile(files.Select(f => new SourceText(f.Path, f.Text)), catalog, diagnostics);
        var lines = diagnostics
            .Select(d => $"{d.Path}({d.Location.Start}): {Reports.TextReport.SeverityName(d.Severity)} {d.RuleId}: {d.Message}")
            .ToList();
        return (style, lines);
    }

    [Fact]
    public void Abbreviations_name_a_locale_of_the_catalog()
    {
        var (_, errors) = Compile(("styleguides/x.style", "styleguide \"X\"\nabbreviations pl \"tzw.\", \"zw.\"\nabbreviations pk \"tzw.\"\nabbreviations ru\n"));
        Assert.Equal(
            [
                "styleguides/x.style(3,15): error DSL021: the catalog has no locale 'pk'. Did you mean 'pl'?",
                "styleguides/x.style(5,1): error DSL005: expected an abbreviation such as \"szt.\" in \"double quotes\", found the end of the file.",
            ],
            errors);
    }

    [Theory]
    [InlineData("rule a.b error \"m\" { forbid \"najlepsze, \"najtańsze\" }", "styleguides/x.style(2,51)")]
    [InlineData("rule a.b error \"m\" { forbid \"самые лучшие }", "styleguides/x.style(2,29)")]
    [InlineData("rule a.b error \"Scriva {expected} { prefer \"Lei\" over \"tu\" }", "styleguides/x.style(2,58)")]
    public void An_unclosed_string_is_reported_alone(string rule, string at)
    {
        var (_, errors) = Compile(("styleguides/x.style", $"styleguide \"X\"\n{rule}\nrule c.d warning \"ok\" {{ forbid \"the best\" }}\n"));
        Assert.Equal([$"{at}: error DSL002: this string is not closed on its line. Add the closing \"."], errors);
    }

    [Fact]
    public void Every_error_of_a_guide_is_reported_with_position_and_suggestion()
    {
        var (_, errors) = Compile(("styleguides/brand.style", """
            styleguide "Brand" extends "Compny"
            vocabulary { acept "NowakTherm" }
            facts {
              hotline = phone "+48 22 307 41 00"
              hotline = phone "+48 22 307 41 00"
              email = mail "kontakt@oknanowak.pl"
              short = phone "12"
            }
            rule brand.name eror "Write {expected}." { capitalization "Okna Nowak" }
            rule brand.terms warning "Prefer {expected}." {
              prefer "Biuro Obsługi Klienta" "BOK"
            }
            rule brand.tone warning "{matc} is too loud." {
              when chanel email and stage before-purchse
              in bodyy
              forbid "super"
            }
            rule brand.kind warning "Kind." { forbidd "super" }
            rule facts.hotline error "The hotline is {fact}." { consistent phone with hotlin }
            rule facts.hotline error "Again." { forbid "x" }
            rule tone.limit warning "Too long." { limit words-per-sentance max 20 }
            rule tone.pattern warning "Bad." { forbid /(unclosed/ }
            rule tone.ok warning "Fine." { forbid "y" }
            """));

        string.Join("\n", errors).MatchSnapshot();
        Assert.Contains(errors, e => e.Contains("DSL012: expected 'over' after the preferred term", StringComparison.Ordinal));
        Assert.True(errors.Count >= 12, string.Join("\n", errors));
    }

    [Fact]
    public void A_count_that_is_not_a_whole_number_is_an_error_not_a_crash()
    {
        var (style, errors) = Compile(("styleguides/channels.style", """
            styleguide "Channels"
            rule sms.segments warning "Too long." { sms segments max 2.5 }
            rule tone.sentences warning "Too long." { limit words-per-sentence max 99999999999 }
            rule tone.ok warning "Fine." { limit words-per-sentence max 25 }
            """));

        Assert.Equal(
            [
                "styleguides/channels.style(2,58): error DSL005: expected the largest number of segments as a whole number from 0 to 2,147,483,647, found 2.5.",
                "styleguides/channels.style(3,72): error DSL005: expected the limit after 'max' as a whole number from 0 to 2,147,483,647, found 99999999999.",
            ],
            errors);
        Assert.Equal("tone.ok", Assert.Single(style.Rules).Id);
    }

    [Fact]
    public void Extends_orders_guides_overrides_rules_and_detects_cycles()
    {
        var (style, errors) = Compile(
            ("a.style", "styleguide \"Base\"\nfacts { hotline = phone \"+48 22 307 41 00\" }\nrule tone.x warning \"Base.\" { forbid \"x\" }\n"),
            ("b.style", "styleguide \"Brand\" extends \"Base\"\nfacts { hotline = phone \"+48 22 307 41 99\" }\nrule tone.x error \"Brand.\" { forbid \"x\" }\n"));
        Assert.Empty(errors);
        Assert.Equal("+48 22 307 41 99", style.Facts["hotline"].Value);
        Assert.Equal("Brand.", Assert.Single(style.Rules).Header.Message);
        Assert.Equal(["a.style", "b.style"], style.Guides);

        var (_, unrelated) = Compile(
            ("a.style", "styleguide \"A\"\nrule tone.x warning \"A.\" { forbid \"x\" }\n"),
            ("b.style", "styleguide \"B\"\nrule tone.x warning \"B.\" { forbid \"x\" }\n"));
        Assert.Contains(unrelated, e => e.StartsWith("b.style(2,6): error DSL013: rule 'tone.x' is already defined at a.style(2,6)", StringComparison.Ordinal));

        var (_, cycle) = Compile(
            ("a.style", "styleguide \"A\" extends \"B\"\n"),
            ("b.style", "styleguide \"B\" extends \"A\"\n"));
        Assert.Contains(cycle, e => e.Contains("DSL014: style guides extend each other in a cycle: \"A\" extends \"B\" extends \"A\"", StringComparison.Ordinal));
    }

    [Fact]
    public void The_default_guides_compile_and_the_sample_content_passes_them()
    {
        var root = TestContent.RepositoryRoot();
        var guides = Directory.EnumerateFiles(Path.Combine(root, "styleguides"), "*.style").Order(StringComparer.Ordinal)
            .Select(p => (Path.GetRelativePath(root, p), File.ReadAllText(p))).ToArray();
        var (style, errors) = Compile(guides);
        Assert.Empty(errors);
        Assert.True(style.Rules.Count >= 15);
        Assert.Contains(style.Rules, r => r.Id == "legal.unsubscribe" && r.Header.Review == "legal");
    }

    [Fact]
    public void The_example_in_the_dsl_documentation_compiles()
    {
        var root = TestContent.RepositoryRoot();
        var doc = File.ReadAllText(Path.Combine(root, "docs", "styleguide-dsl.md"));
        var start = doc.IndexOf("```\n", StringComparison.Ordinal) + 4;
        var example = doc[start..doc.IndexOf("```", start, StringComparison.Ordinal)];
        var (style, errors) = Compile(
            ("styleguides/company.style", File.ReadAllText(Path.Combine(root, "styleguides", "company.style"))),
            ("docs/example.style", example));
        Assert.Empty(errors);
        Assert.Equal("docs/example.style", style.FindRule("facts.hotline")!.Header.DefinedIn);
        Assert.NotNull(style.FindRule(StyleCompiler.RejectedWords.Id));
    }

    [Fact]
    public void A_rule_links_its_kind_page_and_names_the_facts_it_holds_templates_to()
    {
        var (style, errors) = Compile(("a.style", """
            styleguide "A"
            facts { hotline = phone "+48 22 307 41 00"  fax = phone "+48 22 307 41 99"  return_days = days 14 }
            rule facts.phones error "Call {fact}." { consistent phone with hotline, fax }
            rule legal.returns error "Say {expected}." { require fact return_days }
            rule legal.unsubscribe error "Link." { require link /wypisz/i }
            rule tone.plain warning "Hard." { readability flesch min 40 }
            rule tone.plain-subject warning "Hard." { in subject  readability flesch min 40 }
            """));
        Assert.Empty(errors);
        Assert.Equal(["hotline", "fax"], style.FindRule("facts.phones")!.Header.Descriptor.Facts);
        Assert.Equal(["return_days"], style.FindRule("legal.returns")!.Header.Descriptor.Facts);
        Assert.Empty(style.FindRule("legal.unsubscribe")!.Header.Descriptor.Facts);
        Assert.Equal("docs/rules/style/consistent.md", style.FindRule("facts.phones")!.Header.Descriptor.HelpPath);
        Assert.Equal("docs/rules/style/require.md", style.FindRule("legal.returns")!.Header.Descriptor.HelpPath);

        // Readability scores running text: without 'in' it reads the body only.
        Assert.Equal(Rules.Style.RuleScope.Body, style.FindRule("tone.plain")!.Header.Scope);
        Assert.Equal(Rules.Style.RuleScope.Subject, style.FindRule("tone.plain-subject")!.Header.Scope);
    }

    [Fact]
    public void A_catastrophic_pattern_cannot_hang_a_run()
    {
        var (style, errors) = Compile(("a.style", "styleguide \"A\"\nrule tone.slow warning \"Slow.\" { forbid /(a+)+$/ }\nrule tone.backref warning \"Repeated {match}.\" { forbid /\\b(\\w+) \\1\\b/ }\nrule tone.explosive warning \"Never.\" { forbid /^(a+)+\\1b$/ }\n"));
        Assert.Empty(errors);
        var document = TestContent.Document("---\ntouchpoint: delivery-notice\nchannel: sms\nlocale: en\n---\n" + new string('a', 5000) + "! and and then\n", ".txt");
        var findings = new List<Finding>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var rule in style.Rules)
        {
            rule.Check(document, new Pipeline.CheckContext(null, false), findings);
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal(["style.pattern-timeout", "tone.backref"], findings.Select(f => f.RuleId).Order(StringComparer.Ordinal));
        Assert.Contains("Repeated and and.", findings.Select(f => f.Message));
        Assert.Contains("A pattern of rule 'tone.explosive' (a.style(4,6)) took longer than 100 ms", findings.Single(f => f.RuleId == "style.pattern-timeout").Message, StringComparison.Ordinal);
    }
}
