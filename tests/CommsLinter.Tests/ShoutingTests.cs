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

    [Theory]
    [InlineData("pl", "Kod WIOSNA20 na rolety NS-MINI-120, SKU w opisie. P.S. Dziękujemy!", 0)]
    [InlineData("en", "Use code SPRING20 for blinds NS-MINI-120, SKU in the notes. P.S. Thank you!", 0)]
    [InlineData("it", "Codice PRIMAVERA20 per le tende NS-MINI-120, SKU nella nota. P.S. Grazie!", 0)]
    [InlineData("ru", "Код ВЕСНА20 на шторы АБ-120, код СКУ в описании. P.S. Спасибо!", 0)]
    [InlineData("it", "Via Roma 1, 20121 Milano (MI). Va tutto OK.", 0)]
    [InlineData("pl", "To HIT sezonu.", 1)]
    public void Codes_acronyms_and_dotted_abbreviations_are_not_shouting_but_a_short_word_is(string locale, string text, int findings)
    {
        using var folder = TempFolder.WithShippedGuides();
        folder.Write($"content/delivery/sms.{locale}.txt", $"---\ntouchpoint: delivery-notice\nchannel: sms\nlocale: {locale}\n---\n{text}\n");

        var result = CliRunner.Run(folder.Path, "check", "--format", "json");

        Assert.Equal(findings, JsonDocument.Parse(result.Output).RootElement.GetProperty("findings").EnumerateArray().Count(f => f.GetProperty("ruleId").GetString() == "tone.shouting"));
    }
}
