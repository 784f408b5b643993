using CommsLinter.Content.Liquid;
using CommsLinter.Tests.Support;

namespace CommsLinter.Tests;

/// <summary>The data a template reads must be in its sample; samples must exist, be inside the content folder and be valid JSON.</summary>
public sealed class SampleTests
{
    private const string Order = """
        { "customer": { "first_name": "Anna", "address": { "city": "Piaseczno" } },
          "order": { "number": "ZAM/1", "items": [ { "name": "NowakTherm 82", "price": "2 890,00" } ] } }
        """;

    [Fact]
    public void Member_chains_follow_loops_and_skip_what_the_template_defines()
    {
        var variables = LiquidVariables.Collect(
            "{{ customer.first_name | default: 'Klient' }} {% for item in order.items %}{{ item.name }} {{ forloop.index }}{% endfor %}" +
            "{% assign total = order.total %}{{ total }}{% if invoice.nip %}{{ invoice.nip | upcase }}{% endif %}{{ order.items.size }}");

        Assert.Equal(
            ["customer.first_name optional", "order.items", "order.items[].name", "order.total", "invoice.nip optional", "invoice.nip optional", "order.items.size"],
            variables.Select(v => v.Path + (v.Optional ? " optional" : string.Empty)));
        Assert.Equal(3, variables[0].Range.Start);
    }

    [Fact]
    public void A_misspelt_member_is_reported_with_the_name_the_sample_has()
    {
        using var folder = Corpus("""
            <p>Dzień dobry, {{ customer.frist_name }}.</p>
            <p>{% for item in order.items %}{{ item.nmae }} {{ item.price }}{% endfor %}</p>
            <p>{% if customer.company_name %}{{ customer.company_name }}{% endif %} {{ customer.adress.city }} {{ order.items.first.name }}</p>
            """);
        folder.Write("content/samples/order.json", Order);

        Assert.Equal(
            [
                "content/purchase/order-confirmation/email.pl.html(8,20): warning sample.unknown-variable: The sample content/samples/order.json has no 'customer.frist_name', so this renders as nothing. Did you mean 'customer.first_name'? Correct the name or add it to the sample.",
                "content/purchase/order-confirmation/email.pl.html(9,36): warning sample.unknown-variable: The sample content/samples/order.json has no 'order.items[].nmae', so this renders as nothing. Did you mean 'order.items[].name'? Correct the name or add it to the sample.",
                "content/purchase/order-confirmation/email.pl.html(10,76): warning sample.unknown-variable: The sample content/samples/order.json has no 'customer.adress.city', so this renders as nothing. Did you mean 'customer.address.city'? Correct the name or add it to the sample.",
            ],
            Lines(CliRunner.Run(folder.Path, "check", "--no-progress").Output));
    }

    [Fact]
    public void Missing_outside_and_invalid_samples_are_errors_and_the_run_goes_on()
    {
        using var folder = Corpus("<p>{{ customer.first_name }}</p>\n", frontMatterSample: "../../etc/passwd");
        folder.Write("content/purchase/order-confirmation/sms.pl.txt", TestCatalog.FrontMatter("email", "pl", "sample: samples/nope.json\nsubject: S\npreheader: P\n") + "Hej {{ customer.first_name }}\n");
        folder.Write("content/samples/order.json", "{ \"customer\": { \"first_name\": \"Anna\", }\n");
        folder.Write("content/purchase/order-confirmation/web.pl.md", TestCatalog.FrontMatter("email", "pl", "subject: S\npreheader: P\n") + "Hej {{ customer.first_name }}\n");

        var lines = Lines(CliRunner.Run(folder.Path, "check", "--no-progress").Output);

        Assert.Contains("content/purchase/order-confirmation/email.pl.html(5,9): error sample.missing: The sample '../../etc/passwd' is outside the content folder (content/). Samples are named relative to it, such as 'samples/order.json'.", lines);
        Assert.Contains("content/purchase/order-confirmation/sms.pl.txt(5,9): error sample.missing: The sample 'samples/nope.json' does not exist in content/. Create it or name an existing one.", lines);
        Assert.Contains("content/samples/order.json(1,39): error sample.invalid: This sample is not valid JSON: The JSON object contains a trailing comma at the end which is not supported in this mode. Templates that use it are not checked against it.", lines);
    }

    [Fact]
    public void An_optional_value_in_the_subject_or_greeting_needs_a_default_or_a_test_in_each_template_with_that_liquid()
    {
        using var folder = new TempFolder();
        folder.Write("content/touchpoints.yml", TestCatalog.Build(locales: "pl, en", channels: "email, sms"));
        folder.Write("content/purchase/order-confirmation/email.pl.html", TestCatalog.FrontMatter("email", "pl",
            "subject: \"{{ customer.first_name }}, Twoje zamówienie\"\npreheader: \"Dla {{ customer.first_name | default: 'Ciebie' }}\"\n") +
            "<p>{% if customer.first_name %}Dzień dobry, {{ customer.first_name }},{% else %}Dzień dobry,{% endif %}</p>\n<p>Dziękujemy.</p>\n");
        folder.Write("content/purchase/order-confirmation/sms.en.txt", TestCatalog.FrontMatter("sms", "en") +
            "Hello {{ customer.first_name }}, your order is ready.{% unless customer.first_name %} Welcome!{% endunless %}\n");
        // The same Liquid as the SMS at another place: parsed once for both, each finding at its own position.
        folder.Write("content/purchase/order-confirmation/email.en.html", TestCatalog.FrontMatter("email", "en", "subject: S\npreheader: P\n") +
            "<p>Dear customer, hello {{ customer.first_name }}, your order is ready.{% unless customer.first_name %} Welcome!{% endunless %}</p>\n");
        // Not optional anywhere: a plain value in the greeting is fine.
        folder.Write("content/purchase/order-confirmation/sms.pl.txt", TestCatalog.FrontMatter("sms", "pl") + "Zamówienie {{ order.number }} gotowe.\n");

        var lines = Lines(CliRunner.Run(folder.Path, "check", "--no-progress").Output).Where(l => l.Contains("liquid.missing-default", StringComparison.Ordinal)).ToArray();

        Assert.Equal(
            [
                "content/purchase/order-confirmation/email.en.html(8,28): warning liquid.missing-default: The template treats 'customer.first_name' as possibly empty (line 8), but here, in the greeting, it has no default: an empty value leaves a gap the customer sees first. Write {{ customer.first_name | default: \"…\" }}, or put the words around it inside {% if customer.first_name %}…{% endif %}.",
                "content/purchase/order-confirmation/email.pl.html(5,14): warning liquid.missing-default: The template treats 'customer.first_name' as possibly empty (line 6), but here, in the subject, it has no default: an empty value leaves a gap the customer sees first. Write {{ customer.first_name | default: \"…\" }}, or put the words around it inside {% if customer.first_name %}…{% endif %}.",
                "content/purchase/order-confirmation/sms.en.txt(6,10): warning liquid.missing-default: The template treats 'customer.first_name' as possibly empty (line 6), but here, in the greeting, it has no default: an empty value leaves a gap the customer sees first. Write {{ customer.first_name | default: \"…\" }}, or put the words around it inside {% if customer.first_name %}…{% endif %}.",
            ],
            lines);
    }

    private static TempFolder Corpus(string body, string? frontMatterSample = null)
    {
        var folder = new TempFolder();
        folder.Write("content/touchpoints.yml", TestCatalog.Build(locales: "pl", channels: "email", touchpointExtra: "    sample: samples/order.json"));
        var sample = frontMatterSample is null ? string.Empty : $"sample: {frontMatterSample}\n";
        folder.Write("content/purchase/order-confirmation/email.pl.html",
            TestCatalog.FrontMatter("email", "pl", $"{sample}subject: S\npreheader: P\n") + body);
        return folder;
    }

    private static string[] Lines(string output) =>
        [.. CliRunner.FindingLines(output).Where(l => !l.Contains("catalog.", StringComparison.Ordinal) && !l.Contains("duplicate", StringComparison.Ordinal))];
}
