using System.Globalization;
using System.Text;

// Writes a corpus for timing `commslint check`: a catalog and N templates (HTML e-mail, Markdown page,
// plain-text SMS) spread over four locales, about 250 words each, with Liquid, links and images.
// Usage: dotnet run --project bench/CommsLinter.Bench -c Release -- <out-folder> [count]
//        dotnet run --project bench/CommsLinter.Bench -c Release -- spelling [words]
//        dotnet run --project bench/CommsLinter.Bench -c Release -- spelling suggest [words]
//        dotnet run --project bench/CommsLinter.Bench -c Release -- load <content-folder>
//        dotnet run --project bench/CommsLinter.Bench -c Release -- live <content-folder> [--styleguides <folder>] [edits]
//        dotnet run --project bench/CommsLinter.Bench -c Release -- placeholders <out-folder> [count]
//        dotnet run --project bench/CommsLinter.Bench -c Release -- lsp <content-folder> <commslint.dll> [--styleguides <folder>] [edits]
if (args is ["spelling", "suggest", ..])
{
    return CommsLinter.Bench.SuggestionBench.Run(args[2..]);
}

if (args is ["spelling", ..])
{
    return CommsLinter.Bench.SpellingBench.Run(args[1..]);
}

if (args is ["load", ..])
{
    return CommsLinter.Bench.LoadBench.Run(args[1..]);
}

if (args is ["live", ..])
{
    return CommsLinter.Bench.LiveBench.Run(args[1..]);
}

if (args is ["lsp", ..])
{
    return await CommsLinter.Bench.LspBench.RunAsync(args[1..]);
}

if (args is ["placeholders", ..])
{
    return CommsLinter.Bench.PlaceholdersBench.Run(args[1..]);
}

if (args.Length < 1)
{
    Console.Error.WriteLine("usage: CommsLinter.Bench <out-folder> [count=10000] | spelling [words=100000] | spelling suggest [words=500] | load <content-folder> | live <content-folder> [--styleguides <folder>] [edits=300] | placeholders <out-folder> [count=100000] | lsp <content-folder> <commslint.dll> [--styleguides <folder>] [edits=200]");
    return 2;
}

var root = Path.GetFullPath(args[0]);
var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
string[] locales = ["pl", "ru", "it", "en"];
var words = new Dictionary<string, string[]>
{
    ["pl"] = "dziękujemy za zamówienie okien NowakTherm montaż odbędzie się w terminie uzgodnionym z Państwem prosimy o kontakt z naszym biurem obsługi klienta gwarancja obejmuje profile szyby okucia oraz uszczelki".Split(' '),
    ["ru"] = "благодарим Вас за заказ окон NowakTherm монтаж пройдёт в согласованный срок просим связаться с нашей службой поддержки клиентов гарантия распространяется на профили стёкла фурнитуру и уплотнители".Split(' '),
    ["it"] = "La ringraziamo per l’ordine delle finestre NowakTherm il montaggio avverrà nella data concordata con Lei La preghiamo di contattare il nostro servizio clienti la garanzia copre profili vetri ferramenta e guarnizioni".Split(' '),
    ["en"] = "thank you for ordering NowakTherm windows the installation will take place on the date agreed with you please contact our customer service team the warranty covers profiles glazing fittings and seals".Split(' '),
};

var touchpoints = (count + locales.Length - 1) / locales.Length;
var catalog = new StringBuilder("locales: [pl, ru, it, en]\nchannels:\n  - id: email\n  - id: web\n  - id: sms\nteams:\n  - id: sales\nstages:\n  - id: purchase\nprocesses:\n  - id: sales\ntouchpoints:\n");
for (var t = 0; t < touchpoints; t++)
{
    catalog.Append(CultureInfo.InvariantCulture, $"  - id: tp-{t:D5}\n    stage: purchase\n    process: sales\n    owner: sales\n    channels: [{Channel(t)}]\n");
}

Directory.CreateDirectory(root);
File.WriteAllText(Path.Combine(root, "touchpoints.yml"), catalog.ToString());

// The legal footer every e-mail includes, one per locale, as in content/_partials.
Directory.CreateDirectory(Path.Combine(root, "_partials"));
foreach (var locale in locales)
{
    File.WriteAllText(Path.Combine(root, "_partials", $"legal-footer.{locale}.html"), $"<p>Okna Nowak sp. z o.o., ul. Fabryczna 12, 05-800 Pruszków. {string.Join(' ', words[locale].Take(12))}.</p>\n");
}
var random = new Random(20261122);
var totalWords = 0;
for (var i = 0; i < count; i++)
{
    var t = i / locales.Length;
    var locale = locales[i % locales.Length];
    var channel = Channel(t);
    var folder = Path.Combine(root, $"tp-{t:D5}");
    Directory.CreateDirectory(folder);
    var (text, written) = Template(channel, locale, $"tp-{t:D5}", words[locale], random);
    totalWords += written;
    File.WriteAllText(Path.Combine(folder, $"{channel}.{locale}.{Extension(channel)}"), text);
}

Console.WriteLine($"Wrote {count} templates ({totalWords:N0} words) and a catalog of {touchpoints} touchpoints to {root}");
return 0;

static string Channel(int touchpoint) => (touchpoint % 3) switch { 0 => "email", 1 => "web", _ => "sms" };

static string Extension(string channel) => channel switch { "email" => "html", "web" => "md", _ => "txt" };

static (string Text, int Words) Template(string channel, string locale, string touchpoint, string[] words, Random random)
{
    var text = new StringBuilder($"---\ntouchpoint: {touchpoint}\nchannel: {channel}\nlocale: {locale}\n");
    var written = 0;
    string Sentence(int length)
    {
        var sentence = new StringBuilder();
        for (var w = 0; w < length; w++)
        {
            var word = words[random.Next(words.Length)];
            sentence.Append(w == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word);
            sentence.Append(w == length / 2 ? " {{ order.number }} " : " ");
        }

        written += length;
        return sentence.ToString().TrimEnd() + ".";
    }

    switch (channel)
    {
        case "email":
            text.Append(CultureInfo.InvariantCulture, $"subject: \"{Sentence(6)}\"\npreheader: \"{Sentence(8)}\"\n---\n");
            text.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html>\n<html lang=\"{locale}\"><head><meta charset=\"utf-8\"><title>{Sentence(5)}</title></head>\n<body><table role=\"presentation\"><tr><td>\n");
            text.Append(CultureInfo.InvariantCulture, $"<img src=\"https://www.oknanowak.pl/img/logo.png\" alt=\"Okna Nowak\">\n<h1>{Sentence(5)}</h1>\n");
            text.Append(CultureInfo.InvariantCulture, $"<p>{{% if customer.company_name %}}{Sentence(4)} {{{{ customer.company_name }}}}{{% endif %}}</p>\n");
            for (var p = 0; p < 12; p++)
            {
                text.Append(CultureInfo.InvariantCulture, $"<p>{Sentence(9)} <a href=\"https://www.oknanowak.pl/{locale}/p{p}\">{Sentence(3)}</a> {Sentence(7)}&nbsp;</p>\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"<a class=\"button\" href=\"{{{{ order.url }}}}\">{Sentence(3)}</a>\n<div class=\"footer\">{Sentence(12)} {{% include 'legal-footer.{locale}' %}}</div>\n</td></tr></table></body></html>\n");
            break;
        case "web":
            text.Append(CultureInfo.InvariantCulture, $"title: \"{Sentence(5)}\"\n---\n# {Sentence(5)}\n\n");
            for (var p = 0; p < 10; p++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{Sentence(10)} *{Sentence(3)}* [{Sentence(3)}](https://www.oknanowak.pl/{locale}/p{p}). {Sentence(8)}\n\n- {Sentence(4)}\n- {Sentence(4)}\n\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"![{Sentence(4)}](https://www.oknanowak.pl/img/p.jpg)\n");
            break;
        default:
            text.Append("---\n{{ customer.first_name | default: \"\" }}\n");
            for (var p = 0; p < 8; p++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{Sentence(25)}\n");
            }

            break;
    }

    return (text.ToString(), written);
}
