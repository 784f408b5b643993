using System.Globalization;
using System.Text;

namespace CommsLinter.Bench;

/// <summary>
/// Writes a content folder whose templates are nearly all Liquid, to time `commslint check` and
/// `commslint render` on them: an HTML e-mail, a Markdown page and an SMS, each with N placeholders
/// over N/10 lines (100,000 make about 2 MB a template), and the catalog and sample they need. Every
/// line but the last holds ten outputs; the last tests an optional value in an <c>if</c> and gives
/// another a <c>default</c>, so the checks that compare every output with the tags, render the
/// template, or render it again with a value emptied, all have the whole template to go through. The
/// values are short, so the rendered text stays under the renderer's output limit.
/// </summary>
internal static class PlaceholdersBench
{
    private const string Line =
        "{{ customer.first_name }}, {{ order.number }} {{ order.total }} {{ order.url }} {{ customer.first_name }} "
        + "{{ order.number }} {{ order.date }} {{ order.total }} {{ order.url }} {{ order.date }}.";

    // Ten constructs too: an optional company in an if (three), a default and six outputs.
    private const string LastLine =
        "{{ customer.first_name }}, {{ order.number }} {% if customer.company_name %}{{ customer.company_name }}{% endif %} "
        + "{{ order.total | default: \"0\" }} {{ order.url }} {{ customer.first_name }} {{ order.number }} {{ order.date }}.";

    private const int PerLine = 10;

    public static int Run(string[] args)
    {
        if (args.Length is < 1 or > 2 || (args.Length == 2 && !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            Console.Error.WriteLine("usage: CommsLinter.Bench placeholders <out-folder> [count=100000]");
            return 2;
        }

        var root = Path.GetFullPath(args[0]);
        var count = args.Length == 2 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
        var lines = Math.Max(1, count / PerLine);
        Directory.CreateDirectory(Path.Combine(root, "samples"));
        Directory.CreateDirectory(Path.Combine(root, "order-confirmation"));
        File.WriteAllText(Path.Combine(root, "touchpoints.yml"), """
            locales: [pl, ru, it, en]
            channels:
              - id: email
              - id: web
              - id: sms
            teams:
              - id: sales
            stages:
              - id: purchase
            processes:
              - id: sales
            touchpoints:
              - id: order-confirmation
                stage: purchase
                process: sales
                owner: sales
                channels: [email, web, sms]
                sample: samples/order.json

            """);
        File.WriteAllText(Path.Combine(root, "samples", "order.json"), """
            {"customer": {"first_name": "Anna", "company_name": "Okna"}, "order": {"number": "Z/1", "total": "12,00", "url": "https://x.pl", "date": "20.03"}}

            """);

        var html = new StringBuilder(Head("email", "pl") + "subject: \"Zamówienie {{ order.number }}\"\npreheader: \"Dziękujemy za zamówienie\"\n---\n<html><body>\n");
        var markdown = new StringBuilder(Head("web", "ru") + "title: \"Заказ {{ order.number }}\"\n---\n");
        var sms = new StringBuilder(Head("sms", "it") + "---\n");
        for (var i = 0; i < lines; i++)
        {
            var line = i == lines - 1 ? LastLine : Line;
            html.Append("<p>").Append(line).Append("</p>\n");
            markdown.Append(line).Append('\n');
            sms.Append(line).Append('\n');
        }

        html.Append("</body></html>\n");
        Write(root, "email.pl.html", html);
        Write(root, "web.ru.md", markdown);
        Write(root, "sms.it.txt", sms);
        Console.WriteLine($"Wrote 3 templates of {lines * PerLine:N0} placeholders over {lines:N0} lines each to {root}");
        return 0;
    }

    private static string Head(string channel, string locale) => $"---\ntouchpoint: order-confirmation\nchannel: {channel}\nlocale: {locale}\n";

    private static void Write(string root, string name, StringBuilder text) =>
        File.WriteAllText(Path.Combine(root, "order-confirmation", name), text.ToString());
}
