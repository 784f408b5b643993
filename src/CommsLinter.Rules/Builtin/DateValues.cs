using System.Globalization;
using System.Text.RegularExpressions;

namespace CommsLinter.Rules.Builtin;

/// <summary>
/// Dates written in prose, in the forms the four languages use, as one comparable key: 3.05.2027,
/// 03/05/2027, 2027-05-03, “3 maja 2027”, “3 мая 2027 г.”, “3 maggio 2027” and “3 May 2027” are all
/// 2027-05-03. Numeric dates are read day first, as in Poland, Russia, Italy and Britain. A date
/// without a year (“3 czerwca”) is keyed by month and day, unless its month's name is also an everyday word.
/// </summary>
public static partial class DateValues
{
    private static readonly Dictionary<string, int> Months = Build(
        // Polish: genitive (as dates are written) and nominative.
        "stycznia styczeń|lutego luty|marca marzec|kwietnia kwiecień|maja maj|czerwca czerwiec|lipca lipiec|sierpnia sierpień|września wrzesień|października październik|listopada listopad|grudnia grudzień",
        // Russian: genitive and nominative.
        "января январь|февраля февраль|марта март|апреля апрель|мая май|июня июнь|июля июль|августа август|сентября сентябрь|октября октябрь|ноября ноябрь|декабря декабрь",
        "gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre",
        "january jan|february feb|march mar|april apr|may|june jun|july jul|august aug|september sep sept|october oct|november nov|december dec");

    /// <summary>Month names that are also everyday words or names (“2 may apply”, “Maja”, “Jan”): a date with one of them needs its year.</summary>
    private static readonly HashSet<string> NeedsYear = new(StringComparer.Ordinal)
    {
        "may", "mar", "march", "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "maja", "maj",
    };

    /// <summary>Each date in <paramref name="text"/>: where it starts, as written, and its key (yyyy-mm-dd, or --mm-dd without a year).</summary>
    public static IEnumerable<(int Start, string Text, string Key)> In(string text)
    {
        // Every date has a digit; most prose has none, and the patterns are not cheap.
        if (text.AsSpan().IndexOfAnyInRange('0', '9') < 0)
        {
            yield break;
        }

        foreach (Match match in Numeric().Matches(text))
        {
            var (day, month, year) = match.Groups["iy"].Success
                ? (Number(match.Groups["id"]), Number(match.Groups["im"]), Number(match.Groups["iy"]))
                : (Number(match.Groups["d"]), Number(match.Groups["m"]), Number(match.Groups["y"]));
            if (Key(day, month, year) is { } key)
            {
                yield return (match.Index, match.Value, key);
            }
        }

        foreach (Match match in Written().Matches(text))
        {
            var name = (match.Groups["name"].Success ? match.Groups["name"] : match.Groups["name2"]).Value.ToLowerInvariant().TrimEnd('.');
            if (!Months.TryGetValue(name, out var month))
            {
                continue;
            }

            var day = Number(match.Groups["day"].Success ? match.Groups["day"] : match.Groups["day2"]);
            var yearGroup = match.Groups["year"].Success ? match.Groups["year"] : match.Groups["year2"];
            if (!yearGroup.Success && NeedsYear.Contains(name))
            {
                continue;
            }

            if (Key(day, month, yearGroup.Success ? Number(yearGroup) : 0) is { } key)
            {
                yield return (match.Index, match.Value.TrimEnd(), key);
            }
        }
    }

    private static string? Key(int day, int month, int year)
    {
        if (month is < 1 or > 12 || day < 1 || day > (year > 0 ? DateTime.DaysInMonth(year, month) : DateTime.DaysInMonth(2024, month)))
        {
            return null;
        }

        return year > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{day:D2}")
            : string.Create(CultureInfo.InvariantCulture, $"--{month:D2}-{day:D2}");
    }

    private static int Number(Group group) => int.Parse(group.Value, CultureInfo.InvariantCulture);

    private static Dictionary<string, int> Build(params string[] languages)
    {
        var months = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var language in languages)
        {
            var names = language.Split('|');
            for (var i = 0; i < names.Length; i++)
            {
                foreach (var name in names[i].Split(' '))
                {
                    months[name] = i + 1;
                }
            }
        }

        return months;
    }

    [GeneratedRegex(@"(?<![\d.,/-])(?:(?<d>\d{1,2})[./](?<m>\d{1,2})[./](?<y>\d{4})|(?<iy>\d{4})-(?<im>\d{2})-(?<id>\d{2}))(?![\d/-]|[.,]\d)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Numeric();

    // “3 maja 2027”, “3rd May 2027”, “3 мая 2027 г.”, and the English “May 3, 2027”.
    [GeneratedRegex(@"(?<![\p{L}\d])(?:(?<day>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?<name>\p{L}{3,12}\.?)(?:\s+(?<year>\d{4}))?|(?<name2>\p{L}{3,12})\s+(?<day2>\d{1,2})(?:st|nd|rd|th)?,\s+(?<year2>\d{4}))(?![\p{L}\d])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex Written();
}
