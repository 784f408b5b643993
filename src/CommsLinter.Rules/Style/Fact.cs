using System.Globalization;
using System.Text.RegularExpressions;

namespace CommsLinter.Rules.Style;

public enum FactKind
{
    Phone,
    Email,
    Url,
    Days,
    Money,
    Percent,
    Text,
}

/// <summary>
/// A canonical value every template must agree with, in its written form and normalised so that
/// "+48 22 307 41 00" and "22 3074100" compare equal.
/// </summary>
public sealed partial record Fact(string Name, FactKind Kind, string Value)
{
    public static IReadOnlyList<string> KindNames { get; } = ["phone", "email", "url", "days", "money", "percent", "text"];

    public string Normalized { get; } = Normalize(Kind, Value);

    public static bool TryParseKind(string name, out FactKind kind) =>
        Enum.TryParse(name == "e-mail" ? "email" : name, ignoreCase: true, out kind) && KindNames.Contains(name == "e-mail" ? "email" : name);

    /// <summary>Why <paramref name="value"/> is not a valid value of <paramref name="kind"/>, or null.</summary>
    public static string? Validate(FactKind kind, string value) => kind switch
    {
        FactKind.Phone when Digits(value).Length is < 9 or > 15 => "a phone number has 9 to 15 digits, such as \"+48 22 307 41 00\"",
        FactKind.Email when !EmailShape().IsMatch(value) => "an e-mail address looks like \"kontakt@example.com\"",
        FactKind.Url when !Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") => "a URL starts with https://",
        FactKind.Days or FactKind.Percent when !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _) => "write a number, such as 14",
        FactKind.Money when !value.Any(char.IsAsciiDigit) => "write an amount, such as \"500 zł\"",
        _ => null,
    };

    public static string Normalize(FactKind kind, string value) => kind switch
    {
        // National numbers: the last nine digits identify a Polish or Italian line with or without +48/+39.
        FactKind.Phone => Digits(value) is var d && d.Length > 9 ? d[^9..] : Digits(value),
        FactKind.Email => value.Trim().ToLowerInvariant(),
        FactKind.Url => WithoutTracking(value.Trim()).TrimEnd('/').ToLowerInvariant(),
        FactKind.Days or FactKind.Money or FactKind.Percent => NormalizeNumber(value),
        _ => value.Trim(),
    };

    /// <summary>
    /// The address without the parameters that only say where a click came from (utm_*, gclid, fbclid, mc_cid, …):
    /// each locale's campaign tags its links its own way, and the page they open is the same.
    /// </summary>
    public static string WithoutTracking(string url)
    {
        var query = url.IndexOf('?', StringComparison.Ordinal);
        if (query < 0)
        {
            return url;
        }

        var fragment = url.IndexOf('#', query);
        var end = fragment < 0 ? url.Length : fragment;
        var kept = url[(query + 1)..end].Split('&', StringSplitOptions.RemoveEmptyEntries).Where(p => !IsTracking(p.Split('=')[0])).ToList();
        return url[..query] + (kept.Count > 0 ? "?" + string.Join('&', kept) : string.Empty) + url[end..];
    }

    private static bool IsTracking(string parameter) =>
        parameter.StartsWith("utm_", StringComparison.OrdinalIgnoreCase)
        || parameter.ToLowerInvariant() is "gclid" or "gbraid" or "wbraid" or "dclid" or "fbclid" or "msclkid" or "yclid" or "igshid" or "mc_cid" or "mc_eid"
            or "_hsenc" or "_hsmi" or "mkt_tok" or "oly_enc_id" or "oly_anon_id" or "vero_id" or "_ga" or "_gl";

    /// <summary>"1 299,00", "1.299,00" and "1299" are one number; a trailing currency is ignored.</summary>
    public static string NormalizeNumber(string value)
    {
        var number = new string([.. value.Where(c => char.IsAsciiDigit(c) || c is ',' or '.')]);
        var decimalAt = number.LastIndexOfAny([',', '.']);
        if (decimalAt >= 0 && number.Length - decimalAt - 1 is 1 or 2)
        {
            number = number[..decimalAt].Replace(",", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal) + "." + number[(decimalAt + 1)..];
        }
        else
        {
            number = number.Replace(",", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal);
        }

        return decimal.TryParse(number, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed)
            ? parsed.ToString("0.##", CultureInfo.InvariantCulture)
            : value.Trim();
    }

    private static string Digits(string value) => string.Concat(value.Where(char.IsAsciiDigit));

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailShape();
}
