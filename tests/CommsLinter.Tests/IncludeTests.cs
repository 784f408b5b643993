using CommsLinter.Tests.Support;

namespace CommsLinter.Tests;

/// <summary>Shared snippets: includes resolve to content/_partials and nowhere else, without circles, in the template's locale, and every snippet is used.</summary>
public sealed class IncludeTests
{
    [Fact]
    public void Each_include_problem_is_reported_at_the_snippet_name()
    {
        using var folder = Corpus(
            pl: "<p>Zamówienie.</p>\n<p>{% include 'legal-foter.pl' %}</p>\n<p>{% include '../secret' %}</p>\n",
            en: "<p>Order.</p>\n<p>{% include \"legal-footer.pl.html\" %}</p>\n");
        folder.Write("content/_partials/legal-footer.pl.html", "<p>Okna Nowak sp. z o.o.</p>");
        folder.Write("content/_partials/legal-footer.en.html", "<p>Okna Nowak sp. z o.o.</p>");
        folder.Write("content/_partials/a.html", "A {% include 'b' %}");
        folder.Write("content/_partials/b.html", "B {%- include 'a' -%}");

        var result = CliRunner.Run(folder.Path, "check", "--no-progress");

        Assert.Equal(
            [
                "content/_partials/a.html(1,1): suggestion include.unused: No template includes snippet 'a'. Include it with {% include 'a' %} or delete it.",
                "content/_partials/a.html(1,15): error include.cycle: Including 'b' makes a circle: a → b → a. A rendering would never end; include the shared part from both instead.",
                "content/_partials/b.html(1,1): suggestion include.unused: No template includes snippet 'b'. Include it with {% include 'b' %} or delete it.",
                "content/_partials/b.html(1,16): error include.cycle: Including 'a' makes a circle: b → a → b. A rendering would never end; include the shared part from both instead.",
                "content/_partials/legal-footer.en.html(1,1): suggestion include.unused: No template includes snippet 'legal-footer.en'. Include it with {% include 'legal-footer.en' %} or delete it.",
                "content/purchase/order-confirmation/email.en.html(9,16): warning include.locale-mismatch: This en template includes 'legal-footer.pl.html', a snippet in 'pl'. Include 'legal-footer.en' instead.",
                "content/purchase/order-confirmation/email.pl.html(9,16): error include.unknown: Snippet 'legal-foter.pl' does not exist in content/_partials. Did you mean 'legal-footer.pl'? Snippets there: a, b, legal-footer.en, legal-footer.pl.",
                "content/purchase/order-confirmation/email.pl.html(10,16): error include.outside-partials: The snippet name '../secret' points outside content/_partials. Snippets are included by their name inside that folder, such as 'legal-footer.pl'.",
            ],
            CliRunner.FindingLines(result.Output));
    }

    [Fact]
    public void A_circle_of_thousands_of_snippets_is_found_once_and_named_by_its_size()
    {
        using var folder = Corpus(pl: "<p>{% include 's0' %}</p>\n", en: "<p>Order.</p>\n");
        const int Count = 3_000;
        for (var i = 0; i < Count; i++)
        {
            folder.Write($"content/_partials/s{i}.txt", $"S{i} {{% include 's{(i + 1) % Count}' %}}");
        }

        var cycles = CliRunner.FindingLines(CliRunner.Run(folder.Path, "check", "--no-progress").Output).Where(l => l.Contains("include.cycle", StringComparison.Ordinal)).ToList();

        Assert.Equal(Count, cycles.Count);
        Assert.Contains("content/_partials/s0.txt(1,16): error include.cycle: Including 's1' makes a circle: s0 and 2999 other snippets include one another. A rendering would never end; include the shared part from both instead.", cycles);
    }

    [Fact]
    public void Checking_one_folder_still_resolves_snippets_but_does_not_call_them_unused()
    {
        using var folder = Corpus(pl: "<p>{% include 'legal-footer.pl' %}</p>\n", en: "<p>{% include 'legal-footer.en' %}</p>\n");
        folder.Write("content/_partials/legal-footer.pl.html", "<p>Stopka.</p>");
        folder.Write("content/_partials/legal-footer.en.html", "<p>Footer.</p>");
        folder.Write("content/_partials/spare.html", "<p>Spare.</p>");

        Assert.Empty(CliRunner.FindingLines(CliRunner.Run(folder.Path, "check", "content/purchase", "--no-progress").Output));
        Assert.Equal(
            ["content/_partials/spare.html(1,1): suggestion include.unused: No template includes snippet 'spare'. Include it with {% include 'spare' %} or delete it."],
            CliRunner.FindingLines(CliRunner.Run(folder.Path, "check", "--no-progress").Output));
    }

    [Fact]
    public void Without_a_partials_folder_an_include_is_unknown()
    {
        using var folder = Corpus(pl: "<p>{% include 'legal-footer.pl' %}</p>\n", en: "<p>Hello.</p>\n");

        var line = Assert.Single(CliRunner.FindingLines(CliRunner.Run(folder.Path, "check", "--no-progress").Output));
        Assert.Equal("content/purchase/order-confirmation/email.pl.html(8,16): error include.unknown: Snippet 'legal-footer.pl' cannot be found: the content folder has no content/_partials folder. Create it and put the snippet there.", line);
    }

    private static TempFolder Corpus(string pl, string en)
    {
        var folder = new TempFolder();
        folder.Write("content/touchpoints.yml", TestCatalog.Build(locales: "pl, en", channels: "email"));
        folder.Write("content/purchase/order-confirmation/email.pl.html", TestCatalog.FrontMatter("email", "pl", "subject: S\npreheader: P\n") + pl);
        folder.Write("content/purchase/order-confirmation/email.en.html", TestCatalog.FrontMatter("email", "en", "subject: S\npreheader: P\n") + en);
        return folder;
    }

}
