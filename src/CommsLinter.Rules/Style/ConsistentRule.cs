using System.Text.RegularExpressions;
using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Pipeline;
using CommsLinter.Text;

namespace CommsLinter.Rules.Style;

/// <summary>
/// <c>consistent phone|email|url|days|money|percent with fact, … [near "term", …]</c>: every value of
/// that kind written in prose, or as a link's target (http(s) for a URL, mailto: for an e-mail, tel: for
/// a phone), that looks like one of the facts must equal one of them after normalising. A phone number
/// is a run of 9 digits, or '+' and 11–12 digits; an e-mail or URL is compared when it is on a fact's
/// domain; a number of days is a number before a word for days, or joined to its adjective (14 dni,
/// 14-dniowy, 14-day, 14-дневный, 14 giorni); an amount a number before or after a currency
/// (1 299,00 zł, € 12, $2,480.00, 500 ₽), read with English thousands separators as well; a
/// percentage a number before %. With <c>near</c>, only values in a sentence that contains one of
/// the terms are compared (the 14 days of withdrawal, not the 7 days of a deadline). When the rule
/// holds to one fact, a value in prose carries the fact's value as a safe fix.
/// Message values: {match}, {fact}. Docs: docs/rules/style/consistent.md.
/// </summary>
public sealed partial class ConsistentRule(StyleRuleHeader header, FactKind kind, IReadOnlyList<Fact> facts, IReadOnlyList<TextPattern> near, SentenceAbbreviations? abbreviations = null)
    : StyleRule(header.HoldingTo(facts))
{
    private readonly SentenceAbbreviations _abbreviations = abbreviations ?? SentenceAbbreviations.Shipped;

    public static StyleRuleKind Kind { get; } = new("consistent", "Reports a phone number, e-mail address, URL, number of days, amount or percentage that differs from the company's facts, with a fix when there is one fact.", Parse);

    // A text fact has no shape to look for in prose.
    private static readonly string[] CheckableKinds = ["phone", "email", "url", "days", "money", "percent"];

    private static BindRule Parse(RuleBodyParser body)
    {
        var kindName = body.Word("a fact kind (phone, email, url, days, money, percent)");
        body.Expect("with", $"after '{kindName.Value}'");
        var factNames = body.Words("a fact name");
        var nearTerms = body.Accept("near") ? body.Patterns("a \"term\" the value must be near") : [];
        return binder =>
        {
            if (!Fact.TryParseKind(kindName.Value, out var checkedKind) || checkedKind == FactKind.Text)
            {
                binder.Report(DslErrors.UnknownFactKind, kindName.Range,
                    $"'consistent' checks {string.Join(", ", CheckableKinds)}, not '{kindName.Value}'.{Suggestions.DidYouMean(kindName.Value, CheckableKinds)}");
                return null;
            }

            var named = factNames.Select(binder.Fact).ToArray();
            foreach (var (fact, name) in named.Zip(factNames))
            {
                if (fact is not null && fact.Kind != checkedKind)
                {
                    binder.Report(DslErrors.UnknownFact, name.Range, $"fact '{fact.Name}' is a {fact.Kind.ToString().ToLowerInvariant()}, not a {kindName.Value}.");
                    return null;
                }
            }

            return named.All(f => f is not null) ? new ConsistentRule(binder.Header, checkedKind, named!, binder.Patterns(nearTerms), binder.Abbreviations) : null;
        };
    }

    private readonly HashSet<string> _allowed = [.. facts.Select(f => f.Normalized)];
    private readonly HashSet<string> _domains = [.. facts.Select(f => DomainOf(f.Kind, f.Value)).OfType<string>()];

    public override string Describe() =>
        $"Every {kind.ToString().ToLowerInvariant()} written in the message must be {string.Join(" or ", facts.Select(f => $"{f.Name} ({f.Value})"))}.";

    protected override void Evaluate(Document document, CheckContext context, RuleOutput output, PatternMatcher matches)
    {
        var expected = string.Join(" or ", facts.Select(f => f.Value));
        foreach (var segment in SegmentsInScope(document))
        {
            foreach (var (start, text) in ValuesIn(kind, segment.Text))
            {
                if (IsNear(document, segment, start, matches) && IsInconsistent(text))
                {
                    output.Report(segment, start, start + text.Length, new MessageValues(Match: text, Expected: expected, Fact: expected), FixOf(start, text));
                }
            }
        }

        foreach (var link in document.Links)
        {
            if (LinkValue(kind, link.Url) is { } target && IsInconsistent(target))
            {
                output.Report(link.UrlRange, new MessageValues(Match: target, Expected: expected, Fact: expected));
            }
        }
    }

    /// <summary>
    /// The value of a kind a link's target holds: a website is an http(s) link, an e-mail a mailto: link
    /// (without its ?subject=), a phone a tel: link. A footer's mailto: is not a wrong website.
    /// </summary>
    private static string? LinkValue(FactKind kind, string url) => kind switch
    {
        FactKind.Url when url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) => url,
        FactKind.Email when url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) => Uri.UnescapeDataString(url[7..].Split('?')[0]),
        FactKind.Phone when url.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) && url.Count(char.IsAsciiDigit) >= 9 => url[4..],
        _ => null,
    };

    public override IEnumerable<TextPattern> Patterns => near;

    /// <summary>
    /// The fact's value in place of the written one, when the rule holds to one fact (with several, only a
    /// person knows which was meant). Days, money and percent replace the number alone, so the unit stays
    /// as written; a URL gets the fact's scheme and host and keeps its path, and only when the fact is a
    /// whole site (a fact with a path says nothing about the other pages).
    /// </summary>
    private SegmentFix? FixOf(int start, string written)
    {
        if (facts is not [var fact])
        {
            return null;
        }

        var (length, value) = kind switch
        {
            FactKind.Days or FactKind.Money or FactKind.Percent => (written.Length, FactNumber().Match(fact.Value).Value),
            FactKind.Url => IsWholeSite(fact.Value) ? (OriginLength(written), fact.Value.TrimEnd('/')) : (0, string.Empty),
            _ => (written.Length, fact.Value),
        };
        return value.Length == 0 ? null : new SegmentFix($"Replace “{written[..length]}” with “{value}”", safe: true, start, start + length, value);
    }

    private static bool IsWholeSite(string url) => Uri.TryCreate(url, UriKind.Absolute, out var site) && site.PathAndQuery == "/" && site.Fragment.Length == 0;

    /// <summary>The length of a written URL's scheme and host: "https://oknanowak.pl" of "https://oknanowak.pl/zwroty".</summary>
    private static int OriginLength(string url) =>
        url.IndexOfAny(['/', '?', '#'], url.IndexOf("://", StringComparison.Ordinal) + 3) is var path and >= 0 ? path : url.Length;

    private bool IsNear(Document document, Segment segment, int at, PatternMatcher matches)
    {
        if (near.Count == 0)
        {
            return true;
        }

        foreach (var (start, length) in TextUnits.Sentences(segment.Text, _abbreviations.For(document.Locale)))
        {
            if (at >= start && at < start + length)
            {
                return near.Any(p => matches.Of(p, segment).Any(m => m.Start >= start && m.Start < start + length));
            }
        }

        return false;
    }

    private bool IsInconsistent(string text)
    {
        if (kind is FactKind.Phone or FactKind.Days or FactKind.Money or FactKind.Percent)
        {
            return !_allowed.Contains(Fact.Normalize(kind, text));
        }

        var domain = DomainOf(kind, text);
        if (domain is null || !_domains.Contains(domain))
        {
            return false;
        }

        var normalized = Fact.Normalize(kind, text);
        return kind == FactKind.Email
            ? !_allowed.Contains(normalized)
            : !_allowed.Any(a => normalized.StartsWith(a, StringComparison.Ordinal));
    }

    /// <summary>Each value of a kind written in <paramref name="text"/>: for days, money and percent, the number alone.</summary>
    public static IEnumerable<(int Start, string Text)> ValuesIn(FactKind kind, string text) => kind switch
    {
        // Most prose has no digit and no '@'; the patterns are not run on it.
        FactKind.Phone or FactKind.Days or FactKind.Money or FactKind.Percent when text.AsSpan().IndexOfAnyInRange('0', '9') < 0 => [],
        FactKind.Email when !text.Contains('@', StringComparison.Ordinal) => [],
        FactKind.Phone => PhoneNumbers(text),
        FactKind.Email => Candidates(EmailPattern(), text),
        FactKind.Url => Candidates(UrlPattern(), text),
        FactKind.Days => Numbers(DaysPattern(), text),
        FactKind.Money => Numbers(MoneyPattern(), text),
        _ => Numbers(PercentPattern(), text),
    };

    /// <summary>Phone-like runs: digits with spaces or hyphens, 9 digits, or '+' and 11–12 digits.</summary>
    public static IEnumerable<(int Start, string Text)> PhoneNumbers(string text)
    {
        foreach (Match match in PhonePattern().Matches(text))
        {
            var candidate = match.Value;
            var digits = candidate.Count(char.IsAsciiDigit);
            if (candidate.StartsWith('+') ? digits is 11 or 12 : digits == 9)
            {
                yield return (match.Index, candidate);
            }
        }
    }

    private static IEnumerable<(int Start, string Text)> Candidates(Regex pattern, string text)
    {
        foreach (Match match in pattern.Matches(text))
        {
            yield return (match.Index, match.Value.TrimEnd('.', ','));
        }
    }

    /// <summary>The number of each match of a pattern whose first (or else second) group is the number.</summary>
    private static IEnumerable<(int Start, string Text)> Numbers(Regex pattern, string text)
    {
        foreach (Match match in pattern.Matches(text))
        {
            // The money pattern has the number before or after the currency: whichever group took part.
            var number = match.Groups[1].Success ? match.Groups[1] : match.Groups[2];
            yield return (number.Index, number.Value);
        }
    }

    private static string? DomainOf(FactKind kind, string value)
    {
        if (kind == FactKind.Email)
        {
            var at = value.LastIndexOf('@');
            return at < 0 ? null : value[(at + 1)..].Trim().ToLowerInvariant();
        }

        if (kind == FactKind.Url && Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Host.Length > 0)
        {
            var host = uri.Host.ToLowerInvariant();
            return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
        }

        return null;
    }

    [GeneratedRegex(@"\d(?:[\d \u00A0.,]*\d)?")]
    private static partial Regex FactNumber();

    [GeneratedRegex(@"(?<![\p{L}\p{N}+])\+?\d[\d \-\u00A0]{7,16}\d(?![\p{L}\p{N}])")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(\.[\p{L}\p{N}\-]+)+")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"https?://[^\s<>""\uFFFC]+")]
    private static partial Regex UrlPattern();

    // "14-dniowy", "60-dniowego", "14-дневный", "14-day": the adjective counts the days as the noun does. A kind of day
    // written before the noun counts too: "3 business days", "3 рабочих дня" (Polish and Italian write it after).
    [GeneratedRegex(@"(?<![\p{L}\p{N}])(\d{1,4})(?:[\s\u00A0-]*(?:(?:business|working|calendar|banking|рабоч\p{L}*|календарн\p{L}*|банковск\p{L}*)[\s\u00A0]+)?(?:dni|dnia|dzień|days?|giorni|giorno|дней|дня|день)|[\s\u00A0]*[-‐–][\s\u00A0]*(?:dniow|дневн|днев)\p{L}*)(?![\p{L}])", RegexOptions.IgnoreCase)]
    private static partial Regex DaysPattern();

    // Group separators are a space, a no-break space, a dot or (in English) a comma before three digits:
    // "2,480.00" is one amount, never "480.00". The currency comes after the number or before it.
    [GeneratedRegex(@"(?<![\p{L}\p{N}.,])(?:(?:€|\$|£|EUR|PLN|USD|GBP)[\s\u00A0]*(\d{1,3}(?:[\s\u00A0.,]\d{3})*(?:[.,]\d{1,2})?)(?![\p{N}])|(\d{1,3}(?:[\s\u00A0.,]\d{3})*(?:[.,]\d{1,2})?)[\s\u00A0]*(?:zł|PLN|€|EUR|₽|руб|рублей|рубля|USD|\$|£|GBP)(?![\p{L}]))")]
    private static partial Regex MoneyPattern();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])(\d{1,3}(?:[.,]\d+)?)[\s\u00A0]*%")]
    private static partial Regex PercentPattern();
}
