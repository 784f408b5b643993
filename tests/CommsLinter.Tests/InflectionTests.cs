using System.Text;
using CommsLinter.Content;
using CommsLinter.Catalog;
using CommsLinter.Content.Catalog;
using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Pipeline;
using CommsLinter.Spelling;
using CommsLinter.StyleGuides.Compilation;
using CommsLinter.Tests.Support;
using CommsLinter.Text;

namespace CommsLinter.Tests;

/// <summary>
/// <c>"term" inflected</c>: the forms of a word come from the shipped dictionary's suffix rules, a
/// term matches in any of them, and prefer puts its replacement in the same form only where the
/// dictionary can say which form that is.
/// </summary>
public sealed class InflectionTests
{
    private static readonly SpellingDictionaries Shipped = new(null);

    [Theory]
    [InlineData("pl", "okna", new[] { "okno", "okien", "oknami", "oknach" }, new[] { "oknówka", "nieokna" })]
    [InlineData("pl", "najlepsze", new[] { "najlepszy", "najlepszych", "najlepszymi", "najlepszą" }, new[] { "nienajlepsze" })]
    [InlineData("ru", "окна", new[] { "окно", "окнами", "окнах" }, new[] { "оконный" })]
    [InlineData("ru", "лучшие", new[] { "лучший", "лучших", "лучшими", "лучшую" }, new[] { "наилучшие" })]
    [InlineData("it", "finestre", new[] { "finestra" }, new[] { "finestrella" })]
    [InlineData("it", "caldo", new[] { "calda", "calde", "caldi" }, new[] { "caldaia" })]
    [InlineData("en", "window", new[] { "windows" }, new[] { "widow" })]
    public void A_words_forms_are_what_its_entries_suffixes_make(string locale, string word, string[] forms, string[] notForms)
    {
        var inflections = Shipped.For(locale).Checker!.InflectionsOf(word);
        Assert.Contains(word, inflections);
        Assert.All(forms, f => Assert.Contains(f, inflections));
        Assert.All(notForms, f => Assert.DoesNotContain(f, inflections));
    }

    [Fact]
    public void A_word_no_dictionary_knows_is_only_itself() =>
        Assert.Equal(["Xyzzowak"], Shipped.For("pl").Checker!.InflectionsOf("Xyzzowak"));

    [Theory]
    [InlineData("pl", "najlepszych", "najlepsze", "tanie", "tanich")]
    [InlineData("pl", "najlepszymi", "najlepsze", "tanie", "tanimi")]
    [InlineData("ru", "лучших", "лучшие", "новые", "новых")]
    [InlineData("ru", "лучшими", "лучшие", "новые", "новыми")]
    [InlineData("it", "calde", "caldo", "freddo", "fredde")]
    [InlineData("it", "imperdibili", "imperdibile", "speciale", "speciali")]
    [InlineData("en", "windows", "window", "door", "doors")]
    [InlineData("pl", "okien", "okna", "szyby", null)]
    [InlineData("ru", "окнами", "окна", "двери", null)]
    public void Another_word_takes_the_same_form_only_by_the_same_suffix_rule(string locale, string written, string word, string other, string? expected) =>
        Assert.Equal(expected, Shipped.For(locale).Checker!.InSameForm(written, word, other));

    private const string Guide = """
        styleguide "Inflection"
        rule tone.superlatives warning "Avoid “{match}”." {
          forbid "najlepsze okna" inflected, "лучшие окна" inflected, "offerta imperdibile" inflected, "cheap window" inflected
        }
        rule terms.warm suggestion "Write “{expected}”, not “{match}”." {
          prefer "tanie okna" over "drogie okna" inflected
          in subject
        }
        rule terms.new suggestion "Write “{expected}”, not “{match}”." {
          prefer "новые окна" over "старые окна" inflected
          in subject
        }
        rule terms.special suggestion "Write “{expected}”, not “{match}”." {
          prefer "offerta speciale" over "offerta imperdibile" inflected
          in subject
        }
        rule terms.plastic suggestion "Write “{expected}”, not “{match}”." {
          prefer "okna PCV" over "plastikowe okna" inflected
          in subject
        }
        rule brand.office error "Write “{expected}”, not “{match}”." {
          capitalization "Biuro Obsługi Klienta" inflected, "Почта России" inflected, "Poste Italiane" inflected, "Customer Service" inflected
        }
        """;

    [Theory]
    [InlineData("pl", "Mamy najlepsze okna, najlepszych  okien i najlepszymi oknami. Nienajlepsze okna i okna najlepsze nie.",
        "najlepsze okna|najlepszych okien|najlepszymi oknami")]
    [InlineData("ru", "О лучших окнах и лучшими окнами; окна лучшие — нет.", "лучших окнах|лучшими окнами")]
    [InlineData("it", "Un'offerta imperdibile, le offerte imperdibili, dell'offerta imperdibile; imperdibile offerta no.", "offerta imperdibile|offerte imperdibili|offerta imperdibile")]
    [InlineData("en", "A cheap window, the cheapest windows; a window cheap is not.", "cheap window|cheapest windows")]
    public void Forbid_finds_every_form_of_an_inflected_term_in_the_texts_locale(string locale, string body, string expected)
    {
        var findings = Check(locale, subject: "Oferta", body).Where(f => f.RuleId == "tone.superlatives");
        Assert.Equal(expected, string.Join('|', findings.Select(f => f.Message["Avoid “".Length..^"”.".Length])));
    }

    [Fact]
    public void Without_a_locale_an_inflected_term_matches_only_as_written()
    {
        var findings = Check(locale: null, subject: null, "Najlepsze okna i najlepszych okien.").Where(f => f.RuleId == "tone.superlatives");
        Assert.Equal(["Avoid “Najlepsze okna”."], findings.Select(f => f.Message));
    }

    [Theory]
    [InlineData("pl", "Drogie okna", "tanie okna", true)]
    [InlineData("pl", "Drogich okien nie ma", "Tanich okien", false)]
    [InlineData("pl", "O drogich oknach", "tanich oknach", false)]
    [InlineData("ru", "О старых окнах", "новых окнах", false)]
    [InlineData("it", "Le offerte imperdibili", "offerte speciali", false)]
    public void Prefer_puts_the_replacement_in_the_same_form_for_review(string locale, string subject, string expected, bool safe)
    {
        var finding = Assert.Single(Check(locale, subject, "Tekst."), f => f.RuleId.StartsWith("terms.", StringComparison.Ordinal));
        Assert.Contains($"Write “{expected}”", finding.Message, StringComparison.Ordinal);
        Assert.Equal(expected, Assert.Single(finding.Fix!.Edits).NewText);
        Assert.Equal(safe, finding.Fix.Safe);
    }

    [Fact]
    public void Prefer_names_the_base_form_when_the_replacement_cannot_take_the_form()
    {
        var finding = Assert.Single(Check("pl", "Z plastikowych okien", "Tekst."), f => f.RuleId == "terms.plastic");
        Assert.Equal("Write “okna PCV”, not “plastikowych okien”.", finding.Message);
        Assert.Null(finding.Fix);
    }

    [Theory]
    [InlineData("pl", "Proszę napisać do biura obsługi klienta albo do Biura Obsługi Klienta.", "biura obsługi klienta", "Biura Obsługi Klienta")]
    [InlineData("ru", "Отправлено почтой россии.", "почтой россии", "Почтой России")]
    [InlineData("it", "Spedito con poste italiane.", "poste italiane", "Poste Italiane")]
    [InlineData("en", "Call CUSTOMER SERVICES.", "CUSTOMER SERVICES", "Customer Services")]
    public void Capitalization_fixes_any_form_in_its_own_form(string locale, string body, string match, string expected)
    {
        var finding = Assert.Single(Check(locale, "Oferta", body), f => f.RuleId == "brand.office");
        Assert.Equal($"Write “{expected}”, not “{match}”.", finding.Message);
        Assert.Equal(expected, Assert.Single(finding.Fix!.Edits).NewText);
        Assert.True(finding.Fix.Safe);
    }

    [Theory]
    [InlineData("Przysługuje Państwu prawo odstąpienia od umowy.", 0)]
    [InlineData("Opis prawa odstąpienia znajdą Państwo w regulaminie.", 0)]
    [InlineData("Zwroty przyjmujemy przez 14 dni.", 1)]
    public void Require_finds_an_inflected_phrase_in_any_form(string body, int findings)
    {
        const string guide = """
            styleguide "Require"
            rule legal.withdrawal error "Say that the customer may withdraw." {
              when locale pl
              require phrase "prawo odstąpienia" inflected
            }
            """;
        Assert.Equal(findings, Check("pl", "Oferta", body, guide).Count(f => f.RuleId == "legal.withdrawal"));
    }

    [Fact]
    public void Only_a_term_can_be_inflected()
    {
        var diagnostics = new List<Finding>();
        StyleCompiler.Compile([new SourceText("bad.style", "styleguide \"Bad\"\nrule x warning \"m\" {\n  forbid /okn(a|o)/ inflected\n}\n")], Catalog(), diagnostics);
        var error = Assert.Single(diagnostics);
        Assert.Equal("DSL005", error.RuleId);
        Assert.Equal("bad.style", error.Path);
        Assert.Equal(3, error.Location.Start.Line);
        Assert.Contains("only a \"term\" can be inflected", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("forbid \"\" inflected", "an inflected term needs a word")]
    [InlineData("forbid \" \" inflected", "an inflected term needs a word")]
    [InlineData("capitalization \"Okna Nowak sp. z o.o.\" inflected", "holds punctuation, which no form of a word matches. Write it without 'inflected', or as \"Okna Nowak sp z o o\" inflected.")]
    [InlineData("prefer \"x\" over \"McDonald's\" inflected", "holds punctuation")]
    public void A_term_without_words_or_with_punctuation_cannot_be_inflected(string body, string message)
    {
        var diagnostics = new List<Finding>();
        StyleCompiler.Compile([new SourceText("bad.style", $"styleguide \"Bad\"\nrule x warning \"m\" {{\n  {body}\n}}\n")], Catalog(), diagnostics);
        var error = Assert.Single(diagnostics);
        Assert.Equal(("DSL005", 3), (error.RuleId, error.Location.Start.Line));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static List<Finding> Check(string? locale, string? subject, string body, string guide = Guide)
    {
        var diagnostics = new List<Finding>();
        var catalog = Catalog();
        var style = StyleCompiler.Compile([new SourceText("guide.style", guide)], catalog, diagnostics);
        Assert.Empty(diagnostics);
        var frontMatter = locale is null ? "" : $"---\ntouchpoint: newsletter\nchannel: email\nlocale: {locale}\n{(subject is null ? "" : $"subject: {subject}\n")}---\n";
        var loaded = new DocumentLoader().Load(Encoding.UTF8.GetBytes(frontMatter + body + "\n"), $"newsletter.{locale ?? "x"}.md", locale is null ? DocumentKind.Snippet : DocumentKind.Template, ".md");
        var findings = new List<Finding>();
        style.Checks.Check(loaded.Document!, new CheckContext(catalog, isWholeCorpus: false), findings);
        return [.. findings.Order(Finding.Order)];
    }

    private static JourneyCatalog? Catalog() =>
        CatalogReader.Load(Path.Combine(TestContent.RepositoryRoot(), "content", CatalogReader.FileName), "touchpoints.yml", out _);
}
