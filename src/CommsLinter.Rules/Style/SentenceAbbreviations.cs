namespace CommsLinter.Rules.Style;

/// <summary>
/// Abbreviations whose dot does not end a sentence, per locale: the shipped ones of the four languages
/// and those the style guides add (<c>abbreviations pl "r.", "szt."</c>). Kept without their final dot
/// and compared ignoring case, as a sentence is split: "ul" for "ul.", "m.in" for "m.in.".
/// </summary>
public sealed class SentenceAbbreviations
{
    private static readonly Dictionary<string, string[]> ShippedWords = new(StringComparer.Ordinal)
    {
        ["pl"] = ["np", "ul", "al", "pl", "os", "tzn", "tj", "itp", "itd", "m.in", "nr", "godz", "tel", "ok", "zł", "gr", "sp", "o.o", "r", "szt", "ds",
            "wg", "tys", "mln", "mld", "im", "św", "prof", "dr", "inż", "mgr", "pkt", "ust", "art", "lit", "poz", "zob", "por", "ww", "j.w", "kl", "lok"],
        ["ru"] = ["т.е", "т.д", "т.п", "т.к", "т.н", "г", "гг", "ул", "д", "кв", "тел", "руб", "коп", "стр", "др", "пр", "им", "тыс", "млн", "млрд", "шт",
            "см", "обл", "пос", "корп"],
        ["it"] = ["ecc", "sig", "sigg", "sig.ra", "dott", "dott.ssa", "pag", "tel", "n", "p.es", "spett", "ca", "avv", "ing", "prof", "art", "pz", "c.a",
            "gg", "es", "cfr", "ss", "tab", "fig", "rag", "geom", "arch", "p.iva", "c.so", "v.le"],
        ["en"] = ["e.g", "i.e", "mr", "mrs", "ms", "dr", "no", "etc", "vs", "st", "approx", "dept", "inc", "ltd", "co", "jr", "sr", "prof", "fig", "ref",
            "tel", "ext", "est", "a.m", "p.m"],
    };

    private readonly Dictionary<string, HashSet<string>> _byLocale;
    private readonly HashSet<string> _all;

    private SentenceAbbreviations(Dictionary<string, HashSet<string>> byLocale)
    {
        _byLocale = byLocale;
        _all = new HashSet<string>(byLocale.Values.SelectMany(s => s), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The shipped abbreviations of the four languages.</summary>
    public static SentenceAbbreviations Shipped { get; } = new(ShippedWords.ToDictionary(p => p.Key, p => new HashSet<string>(p.Value, StringComparer.OrdinalIgnoreCase), StringComparer.Ordinal));

    /// <summary>These, with more for some locales, written as in a guide ("r.", "szt.").</summary>
    public SentenceAbbreviations With(IEnumerable<(string Locale, string Abbreviation)> added)
    {
        var byLocale = _byLocale.ToDictionary(p => p.Key, p => new HashSet<string>(p.Value, StringComparer.OrdinalIgnoreCase), StringComparer.Ordinal);
        foreach (var (locale, abbreviation) in added)
        {
            if (!byLocale.TryGetValue(locale, out var set))
            {
                byLocale[locale] = set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            }

            set.Add(abbreviation.Trim().TrimEnd('.'));
        }

        return new SentenceAbbreviations(byLocale);
    }

    /// <summary>The abbreviations of a locale; of every locale for text without one (a snippet).</summary>
    public IReadOnlySet<string> For(string? locale) => locale is not null && _byLocale.TryGetValue(locale, out var set) ? set : _all;
}
