using System.Globalization;
using CommsLinter.Model;
using CommsLinter.Pipeline;

namespace CommsLinter.Rules.Style;

/// <summary>
/// <c>sms segments max N</c>: an SMS must fit in N segments. A message is GSM-7 while every
/// character is in the GSM 03.38 default alphabet or its extension table (which costs two septets:
/// ^ { } \ [ ] ~ | €); one character outside it (ą, ć, д, È, ’, an emoji) makes the whole message
/// UCS-2. Single messages hold 160 GSM-7 or 70 UCS-2 characters; concatenated parts 153 or 67.
/// A template with a sample is measured as rendered with it; without one, each Liquid placeholder
/// counts as <see cref="PlaceholderLength"/> GSM-7 characters. Message values: {count}, {limit}, {match}
/// (the encoding). Docs: docs/rules/style/sms.md.
/// </summary>
public sealed class SmsRule(StyleRuleHeader header, int maxSegments) : StyleRule(header)
{
    public static StyleRuleKind Kind { get; } = new("sms", "Reports an SMS that needs more segments than allowed (GSM-7 160/153, UCS-2 70/67).", Parse);

    public const int PlaceholderLength = 10;

    private const string Gsm7Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Gsm7Extension = "^{}\\[~]|€\f";

    private static BindRule Parse(RuleBodyParser body)
    {
        body.Expect("segments", "after 'sms' (sms segments max 2)");
        body.Expect("max", "after 'segments'");
        var segments = body.Count("the largest number of segments");
        return binder => new SmsRule(binder.Header, segments);
    }

    public override string Describe() => $"Allows at most {maxSegments} SMS segment(s): GSM-7 160/153 characters, UCS-2 70/67 as soon as one character is outside GSM-7.";

    protected override void Evaluate(Document document, CheckContext context, RuleOutput output, PatternMatcher matches)
    {
        var segments = SegmentsInScope(document).ToList();
        // With a sample, the message is measured as the customer receives it, placeholders filled in.
        if (segments.Count > 0 && segments.TrueForAll(s => s.Scope == SegmentScope.Sms)
            && context.Rendering?.RenderedFor(document, context) is { } rendered)
        {
            var text = rendered.Body.Trim();
            var (encoding, count, _) = Measure(text);
            if (count > maxSegments)
            {
                var values = new MessageValues(Match: encoding, Count: count.ToString(CultureInfo.InvariantCulture), Limit: maxSegments.ToString(CultureInfo.InvariantCulture));
                var overflow = OverflowAt(text, encoding, maxSegments);
                var lead = rendered.Body.Length - rendered.Body.TrimStart().Length;
                // The finding points at what the customer's text overflows with: the literal or the placeholder that crosses the limit.
                if (rendered.BodyMap.SourceFrom(lead + overflow) is { } source)
                {
                    output.Report(source, values, addendum: $"(Rendered with its sample: {text.Length} characters; from here on, “{Excerpt(text, overflow)}”, the text does not fit in {maxSegments} segment(s).)");
                }
                else
                {
                    output.Report(segments[0], 0, segments[0].Text.Length, values, addendum: $"(Rendered with its sample: {text.Length} characters.)");
                }
            }

            return;
        }

        foreach (var segment in segments)
        {
            var (encoding, count, _) = Measure(segment.Text);
            if (count > maxSegments)
            {
                var values = new MessageValues(Match: encoding, Count: count.ToString(CultureInfo.InvariantCulture), Limit: maxSegments.ToString(CultureInfo.InvariantCulture));
                output.Report(segment, 0, segment.Text.Length, values);
            }
        }
    }

    /// <summary>The offset of the first character of <paramref name="text"/> that does not fit in <paramref name="maxSegments"/> segments of its encoding.</summary>
    public static int OverflowAt(string text, string encoding, int maxSegments)
    {
        var gsm = encoding == "GSM-7";
        var capacity = maxSegments == 1 ? (gsm ? 160 : 70) : maxSegments * (gsm ? 153 : 67);
        var used = 0;
        for (var i = 0; i < text.Length; i++)
        {
            used += gsm && Gsm7Extension.Contains(text[i]) ? 2 : 1;
            if (used > capacity)
            {
                return i;
            }
        }

        return text.Length;
    }

    private static string Excerpt(string text, int start) =>
        text.Length - start <= 30 ? text[start..] : string.Concat(text.AsSpan(start, 30), "…");

    /// <summary>The encoding, the number of segments and the first character that forces UCS-2 (or -1).</summary>
    public static (string Encoding, int Segments, int FirstUcs2) Measure(string text)
    {
        var septets = 0;
        var units = 0;
        var firstUcs2 = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == Placeholders.MaskChar)
            {
                septets += PlaceholderLength;
                units += PlaceholderLength;
                continue;
            }

            units++;
            if (Gsm7Basic.Contains(c))
            {
                septets++;
            }
            else if (Gsm7Extension.Contains(c))
            {
                septets += 2;
            }
            else if (firstUcs2 < 0)
            {
                firstUcs2 = i;
            }
        }

        return firstUcs2 < 0
            ? ("GSM-7", septets <= 160 ? 1 : (septets + 152) / 153, -1)
            : ("UCS-2", units <= 70 ? 1 : (units + 66) / 67, firstUcs2);
    }
}
