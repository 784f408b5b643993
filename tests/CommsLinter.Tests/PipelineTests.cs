using CommsLinter.Engine;
using CommsLinter.Engine.Stages;
using CommsLinter.Model;
using CommsLinter.Pipeline;
using CommsLinter.Tests.Support;
using CommsLinter.Text;

namespace CommsLinter.Tests;

public class PipelineTests
{
    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 2)]
    public void Documents_are_kept_only_when_asked_and_the_texts_always(bool keep, int documents)
    {
        using var folder = new TempFolder();
        var files = new[]
        {
            new ContentFile(folder.Write("a/sms.pl.txt", "---\ntouchpoint: a\nchannel: sms\nlocale: pl\n---\nDzień dobry\n"), "a/sms.pl.txt", DocumentKind.Template),
            new ContentFile(folder.Write("a/sms.ru.txt", "---\ntouchpoint: a\nchannel: sms\nlocale: ru\n---\nДобрый день\n"), "a/sms.ru.txt", DocumentKind.Template),
            new ContentFile(folder.WriteBytes("a/sms.it.txt", [0xFF, 0xFE, 0x00, 0xD8]), "a/sms.it.txt", DocumentKind.Template),
        };

        var result = LintPipeline.Create(new Configuration(), isWholeCorpus: false).Run(new LintRequest(files, IsWholeCorpus: false) { KeepDocuments = keep });

        Assert.Equal(documents, result.Documents.Count);
        // The file that cannot be read has no text to keep; the others keep theirs for fingerprints and the gate.
        Assert.Equal(["a/sms.pl.txt", "a/sms.ru.txt"], result.Sources.Select(s => s.Path).Order(StringComparer.Ordinal));
        Assert.Contains("Добрый день", result.Sources.Single(s => s.Path == "a/sms.ru.txt").Text, StringComparison.Ordinal);
        Assert.Equal(2, result.Summaries.Count);
    }

    [Theory]
    [InlineData("order-confirmaton", "order-confirmation")]
    [InlineData("ORDER-CONFIRMATION", "order-confirmation")]
    [InlineData("invoce", "invoice")]
    [InlineData("sms", "sms")]
    [InlineData("order", null)]
    [InlineData("complaint-reply-long-version", null)]
    public void The_nearest_name_is_found_among_many_and_nothing_far_is_offered(string typed, string? expected)
    {
        // Thousands of candidates of every length, as a 10,000-touchpoint catalog has: the length filter must not lose the near one.
        var candidates = Enumerable.Range(0, 5000).Select(i => $"tp-{i:D5}{new string('x', i % 40)}")
            .Concat(["order-confirmation", "invoice", "sms", "email", "complaint-reply"]);

        Assert.Equal(expected, Suggestions.Nearest(typed, candidates));
    }
}
