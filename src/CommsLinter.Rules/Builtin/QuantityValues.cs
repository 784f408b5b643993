using System.Text.RegularExpressions;
using CommsLinter.Rules.Style;

namespace CommsLinter.Rules.Builtin;

/// <summary>
/// Numbers that count something other than days, money or percentages, with their unit as one key
/// across the four languages: “2 godziny”, “2 часа”, “2 ore” and “2 hours” are all 2 hours; “24 miesiące”,
/// “24 месяца”, “24 mesi” and “24 months” are 24 months. Units: hours, minutes, weeks, months, years,
/// pieces, points, kg, km, m, m², cm, mm, litres. A year's number before a word for years (“w 2026 roku”) is a date, not a quantity.
/// </summary>
public static partial class QuantityValues
{
    private static readonly Dictionary<string, string> UnitOfWord = Build(
        ("hours", "h godz godzina godziny godzin godzinę час часа часов ч ora ore hour hours hr hrs"),
        ("minutes", "min minuta minuty minut minutę минута минуты минут мин minuto minuti minute minutes mins"),
        ("weeks", "tydzień tygodnie tygodni tygodnia tyg неделя недели недель нед settimana settimane week weeks wk wks"),
        ("months", "miesiąc miesiące miesięcy miesiąca mies месяц месяца месяцев мес mese mesi month months"),
        ("years", "rok lata lat roku год года лет anno anni year years yr yrs"),
        ("pieces", "szt sztuka sztuki sztuk шт штука штуки штук pezzo pezzi pz pc pcs piece pieces"),
        ("points", "pkt punkt punkty punktów балл балла баллов очко очка очков punto punti point points pts"),
        ("kg", "kg кг"),
        ("km", "km км"),
        ("m²", "m² m2 м² м2 mq"),
        ("m", "m м"),
        ("cm", "cm см"),
        ("mm", "mm мм"),
        ("l", "litr litry litrów литр литра литров litro litri litre litres liter liters"));

    /// <summary>Each quantity in <paramref name="text"/>: where its number starts, how it is shown ("24 (months)"), and its key ("months:24").</summary>
    public static IEnumerable<(int Start, string Text, string Key)> In(string text)
    {
        if (text.AsSpan().IndexOfAnyInRange('0', '9') < 0)
        {
            yield break;
        }

        foreach (Match match in Quantity().Matches(text))
        {
            var number = match.Groups["number"];
            if (UnitOfWord.TryGetValue(match.Groups["unit"].Value.ToLowerInvariant(), out var unit) && !(unit == "years" && IsYear(number.ValueSpan)))
            {
                yield return (number.Index, $"{number.Value} ({unit})", $"{unit}:{Fact.NormalizeNumber(number.Value)}");
            }
        }
    }

    private static bool IsYear(ReadOnlySpan<char> number) =>
        number.Length == 4 && int.TryParse(number, out var year) && year is >= 1900 and <= 2199;

    private static Dictionary<string, string> Build(params (string Unit, string Words)[] units)
    {
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (unit, list) in units)
        {
            foreach (var word in list.Split(' '))
            {
                words[word] = unit;
            }
        }

        return words;
    }

    // A number (with group and decimal separators), a space, no-break space or hyphen, then a word of letters
    // (or m², м²) that ends there, not inside an abbreviation ("m.in."); the dictionary decides whether it is a unit.
    [GeneratedRegex(@"(?<![\p{L}\p{N}.,])(?<number>\d{1,3}(?:[\s\u00A0.,]\d{3})*(?:[.,]\d+)?|\d+)[\s\u00A0]*-?[\s\u00A0]*(?<unit>[\p{L}]+[²2]?)(?![\p{L}\p{N}])(?!\.[\p{L}\p{N}])")]
    private static partial Regex Quantity();
}
