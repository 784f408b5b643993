using System.Text.Json;
using CommsLinter.Tests.Support;

namespace CommsLinter.Tests;

/// <summary>The shipped tone.shouting rule: one finding per run of capitals, with a sentence-case fix, in the four languages.</summary>
public sealed class ShoutingTests
{
    [Theory]
    [InlineData("pl", "SUPER PROMOCJA TYLKO DZIŚ! Faktura VAT w PDF, NUMER ZAMÓWIENIA: 123.", "SUPER PROMOCJA TYLKO DZIŚ", "Super promocja tylko dziś")]
    [InlineData("en", "Your order is ready. Pay the VAT now, or LOSE YOUR PDF INVOICE today.", "LOSE YOUR PDF INVOICE", "lose your PDF invoice")]
    [InlineData("it", "Codice IVA e PEC. OFFERTA IMPERDIBILE oggi.", "OFFERTA IMPERDIBILE", "Offerta imperdibile")]
    [InlineData("ru", "ИНН и КПП указаны. Вам нужно СРОЧНО ОПЛАТИТЬ счёт.", "СРОЧНО ОПЛАТИТЬ", "срочно оплатить")]
    public void A_run_of_capitals_is_one_finding_with_a_sentence_case_fix_and_abbreviations_and_labels_are_not(string locale, string text, string run, string fixedRun)
    {
        using var folder = TempFolder.WithShippedGuides();
        folder.Write($"content/delivery/sms.{locale}.txt", $"---\ntouchpoint: delivery-notice\nchannel: sms\nlocale: {locale}\n---\n{text}\n");

        var result = CliRunner.Run(folder.Path, "check", "--format", "json");

        var shouting = JsonDocument.Parse(result.Output).RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("ruleId").GetString() == "tone.shouting").ToList();
        var finding = Assert.Single(shouting);
        Assert.Contains($"“{run}”", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
        var fix = finding.GetProperty("fix");
        Assert.False(fix.GetProperty("safe").GetBoolean());
        Assert.Equal(fixedRun, Assert.Single(fix.GetProperty("edits").EnumerateArray()).GetProperty("replacement").GetString());
    }
}
