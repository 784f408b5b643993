using System.Security.Cryptography;
using System.Text;
using CommsLinter.Tests.Support;

namespace CommsLinter.Tests;

/// <summary>
/// Broken and hostile files each give one clear finding at their position; the run goes on with the
/// other files, nothing crashes or hangs, and no file is changed.
/// </summary>
public sealed class BadInputTests
{
    private const string Head = "---\ntouchpoint: order-confirmation\nchannel: sms\nlocale: pl\n---\n";

    // Each file that still loads as a document gets its own channel and locale, so none duplicates another.
    private static string EmailHead(string locale) => $"---\ntouchpoint: order-confirmation\nchannel: email\nlocale: {locale}\nsubject: S\npreheader: P\n---\n";

    public static TheoryData<string, string, string, int, int> Cases => new()
    {
        { "invalid-utf8.txt", "content.encoding", "not valid UTF-8", 6, 12 },
        { "utf16.txt", "content.encoding", "UTF-16", 1, 1 },
        { "binary.txt", "content.binary", "NUL bytes", 1, 1 },
        { "empty.txt", "content.empty", "empty", 1, 1 },
        { "huge.txt", "content.too-large", "MiB", 1, 1 },
        { "long-line.txt", "content.line-too-long", "longer than", 6, 1 },
        { "deep.html", "html.too-deep", "nested more than", 4104, 1 },
        { "unclosed-front-matter.txt", "frontmatter.unclosed", "never closed", 1, 1 },
        { "bad-yaml.txt", "frontmatter.syntax", "Front matter", 3, 10 },
        { "alias-bomb.txt", "frontmatter.invalid", "aliases", 3, 5 },
        { "broken.html", "html.syntax", "ends inside", 8, 16 },
        { "unclosed-comment.html", "html.syntax", "ends inside", 9, 1 },
        { "unclosed-liquid.txt", "liquid.syntax", "'{{' is never closed", 6, 13 },
        { "no-front-matter.txt", "frontmatter.missing", "no front matter", 1, 1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_bad_file_gives_one_finding_and_the_run_goes_on(string file, string ruleId, string message, int line, int column)
    {
        using var folder = CreateCorpus();
        var before = Hashes(folder.Path);

        var result = CliRunner.Run(folder.Path, "check", "content", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(result.Output);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("path").GetString() == $"content/{file}")
            .ToArray();
        var finding = Assert.Single(findings);
        Assert.Equal(ruleId, finding.GetProperty("ruleId").GetString());
        Assert.Contains(message, finding.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal((line, column), (finding.GetProperty("line").GetInt32(), finding.GetProperty("column").GetInt32()));
        Assert.DoesNotContain(json.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("path").GetString() == "content/good.txt");
        Assert.Equal(Cases.Count + 1, json.RootElement.GetProperty("summary").GetProperty("files").GetInt32());
        Assert.Equal(before, Hashes(folder.Path));
    }

    private static TempFolder CreateCorpus()
    {
        var folder = new TempFolder();
        folder.Write("content/touchpoints.yml", TestCatalog.OrderConfirmation());
        folder.Write("content/good.txt", Head + "Okna Nowak: zamówienie gotowe.\n");
        folder.WriteBytes("content/invalid-utf8.txt", [.. Encoding.UTF8.GetBytes(Head + "Zamówienie "), 0xEA, 0x20, 0x6F, 0x6B]);
        folder.WriteBytes("content/utf16.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Head + "Zamówienie")]);
        folder.WriteBytes("content/binary.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]);
        folder.WriteBytes("content/empty.txt", []);
        using (var huge = File.Create(Path.Combine(folder.Path, "content/huge.txt")))
        {
            huge.SetLength(50L * 1024 * 1024);
        }

        folder.Write("content/long-line.txt", Head + new string('a', 5_000_000) + "\n");
        folder.Write("content/deep.html", EmailHead("it") + string.Concat(Enumerable.Repeat("<div>\n", 200_000)) + "tekst" + string.Concat(Enumerable.Repeat("</div>\n", 200_000)));
        folder.Write("content/unclosed-front-matter.txt", "---\ntouchpoint: order-confirmation\nchannel: sms\nOkna Nowak\n");
        folder.Write("content/bad-yaml.txt", "---\ntouchpoint: order-confirmation\nchannel: [sms\nlocale: pl\n---\nTekst\n");
        folder.Write("content/alias-bomb.txt", "---\na: &a [\"x\", \"x\", \"x\", \"x\", \"x\", \"x\", \"x\", \"x\", \"x\"]\nb: [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n---\nTekst\n");
        folder.Write("content/broken.html", EmailHead("pl") + "<p>Dzień dobry <a href=\"https://x.pl/\n");
        folder.Write("content/unclosed-comment.html", EmailHead("ru") + "<p>Текст</p>\n<!-- комментарий не закрыт");
        folder.Write("content/unclosed-liquid.txt", Head.Replace("pl", "en", StringComparison.Ordinal) + "Dzień dobry {{ customer.first_name\n");
        folder.Write("content/no-front-matter.txt", "Dzień dobry, to nie jest szablon.\n");
        return folder;
    }

    private static Dictionary<string, string> Hashes(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => f, f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
}
