using CommsLinter.Model;
using CommsLinter.Pipeline;

namespace CommsLinter.Rules.Style;

/// <summary>
/// <c>links https</c>: every link uses https (mailto: and tel: links and Liquid-only targets pass).
/// <c>links domains "a.pl", "b.com"</c>: every http(s) link goes to one of the domains or their
/// subdomains. A target that is entirely a Liquid placeholder cannot be judged before rendering and
/// passes. Message values: {match} (the address), {expected}. Docs: docs/rules/style/links.md.
/// </summary>
public sealed class LinksRule(StyleRuleHeader header, IReadOnlyList<string> domains) : StyleRule(header)
{
    public static StyleRuleKind Kind { get; } = new("links", "Reports links that are not https or leave the allowed domains.", Parse);

    private static BindRule Parse(RuleBodyParser body)
    {
        var check = body.OneOf(["https", "domains"], "'https' or 'domains'", "links check", "'https' or 'domains'");
        var allowed = check.Value == "domains" ? body.QuotedStrings("a domain such as \"oknanowak.pl\"") : [];
        return binder => new LinksRule(binder.Header, [.. allowed.Select(d => d.Value)]);
    }

    public override string Describe() => domains.Count == 0
        ? "Requires every link to use https."
        : $"Requires every link to go to {string.Join(", ", domains)}.";

    protected override void Evaluate(Document document, CheckContext context, RuleOutput output, PatternMatcher matches)
    {
        foreach (var link in document.Links)
        {
            var url = link.Url.Trim();
            if (url.Length == 0 || url.StartsWith("{{", StringComparison.Ordinal) || url.StartsWith("{%", StringComparison.Ordinal)
                || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) || url.StartsWith('#'))
            {
                continue;
            }

            if (domains.Count == 0)
            {
                if (!url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
                {
                    output.Report(link.UrlRange, new MessageValues(Match: url, Expected: "https://"));
                }

                continue;
            }

            if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                && !domains.Any(d => uri.Host.Equals(d, StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith("." + d, StringComparison.OrdinalIgnoreCase)))
            {
                output.Report(link.UrlRange, new MessageValues(Match: url, Expected: string.Join(", ", domains)));
            }
        }
    }
}
