using System.Globalization;
using CommsLinter.Model;
using CommsLinter.Pipeline;

namespace CommsLinter.Rules.Style;

/// <summary>
/// <c>sms segments max N</c>: an SMS must fit in N segments. A message is GSM-7 while every
/// character is in the GSM 03.38 default alphabet or its extension table (which costs two septets:
/// ^ { } \ [ ] ~ | €); one character outside it (ą, ć, д, È, ’, an emoji) makes the whole message
/// UCS-2. Single messages hold 160 GSM-7 or 70 UCS-2 characters; concatenated parts 153 or 67.
/// Until templates are rendered with samples, each Liquid placeholder counts as
/// <see cref="PlaceholderLength"/> GSM-7 characters. Message values: {count}, {limit}, {match}
/// (the encoding). Docs: docs/rules/style/sms.md.
/// </summary>
public sealed class SmsRule(StyleRuleHeader header, int maxSegments) : StyleRule(header)
{
    public const int PlaceholderLength = 10;

    private const string Gsm7Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Gsm7Extension = "^{}\\[~]|€\f";

    public override string Describe() => $"Allows at most {maxSegments} SMS segment(s): GSM-7 160/153 characters, UCS-2 70/67 as soon as one character is outside GSM-7.";

    protected override void Evaluate(Document document, CheckContext context, RuleOutput output, PatternMatcher matches)
    {
        foreach (var segment in SegmentsInScope(document))
        {
            var (encoding, segments, _) = Measure(segment.Text);
            if (segments > maxSegments)
            {
                var values = new MessageValues(Match: encoding, Count: segments.ToString(CultureInfo.InvariantCulture), Limit: maxSegments.ToString(CultureInfo.InvariantCulture));
                output.Report(segment, 0, segment.Text.Length, values);
            }
        }
    }

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
