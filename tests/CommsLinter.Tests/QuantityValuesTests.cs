using CommsLinter.Rules.Builtin;

namespace CommsLinter.Tests;

/// <summary>Quantities with their unit, as one key in the four languages.</summary>
public sealed class QuantityValuesTests
{
    [Theory]
    [InlineData("Montaż trwa 2 godziny, gwarancja 24 miesiące, 3 szt. i 150 pkt, 2,5 m² w 2026 roku, m.in. 5 m.in.", "hours:2|months:24|pieces:3|points:150|m²:2.5")]
    [InlineData("Монтаж займёт 2 часа, гарантия 24 месяца, 3 шт. и 150 баллов, 12 кг.", "hours:2|months:24|pieces:3|points:150|kg:12")]
    [InlineData("L'installazione dura 2 ore, garanzia di 24 mesi, 3 pezzi e 150 punti, 1.200 kg.", "hours:2|months:24|pieces:3|points:150|kg:1200")]
    [InlineData("Fitting takes 2 hours (24h support), a 24-month warranty, 3 pcs, 1,200 points and 10 km.", "hours:2|hours:24|months:24|pieces:3|points:1200|km:10")]
    public void Quantities_are_keyed_by_unit_across_languages(string text, string keys) =>
        Assert.Equal(keys, string.Join('|', QuantityValues.In(text).Select(q => q.Key)));
}
