using CommsLinter.Rules.Style;

namespace CommsLinter.Tests;

/// <summary>Words and sentences in the four languages.</summary>
public sealed class TextUnitsTests
{
    [Theory]
    [InlineData("Łączna kwota: 1 299,00 zł, np. przelewem na ul. Fabryczną 12.", "Łączna|kwota|1 299,00|zł|np|przelewem|na|ul|Fabryczną|12")]
    [InlineData("Итого 1 299,00 руб., т.е. оплата до 14.03.2027 г.", "Итого|1 299,00|руб|т.е|оплата|до|14.03.2027|г")]
    [InlineData("Il totale dell’ordine è € 1.299,00: scriva a kontakt@oknanowak.pl.", "Il|totale|dell’ordine|è|1.299,00|scriva|a|kontakt@oknanowak.pl")]
    [InlineData("Our e-mail arrives at 8:00; see https://www.oknanowak.pl/en/orders, 12 345 orders.", "Our|e-mail|arrives|at|8:00|see|https://www.oknanowak.pl/en/orders|12 345|orders")]
    public void Words_keep_numbers_elisions_addresses_and_urls_whole(string text, string expected) =>
        Assert.Equal(expected, string.Join('|', TextUnits.Words(text).Select(w => text.Substring(w.Start, w.Length))));

    [Theory]
    [InlineData("Prosimy o kontakt, np. telefonicznie. Dziękujemy!", "Prosimy o kontakt, np. telefonicznie.|Dziękujemy!")]
    [InlineData("Оплатите счёт, т.е. до пятницы. Спасибо.", "Оплатите счёт, т.е. до пятницы.|Спасибо.")]
    [InlineData("Porte, finestre ecc. sono pronte! Grazie.", "Porte, finestre ecc. sono pronte!|Grazie.")]
    [InlineData("Contact Mr. Nowak, e.g. by phone. Thanks", "Contact Mr. Nowak, e.g. by phone.|Thanks")]
    public void Sentences_do_not_end_at_abbreviations(string text, string expected) =>
        Assert.Equal(expected, string.Join('|', TextUnits.Sentences(text).Select(s => text.Substring(s.Start, s.Length))));
}
