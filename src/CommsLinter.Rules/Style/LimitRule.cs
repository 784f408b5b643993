using System.Globalization;
using CommsLinter.Model;
using CommsLinter.Pipeline;
using CommsLinter.Text;

namespace CommsLinter.Rules.Style;

public enum LimitMetric
{
    WordsPerSentence,
    ExclamationsPerSentence,
    CapsWords,
    Characters,
    Paragraphs,
    Emoji,
}

/// <summary>
/// <c>limit metric max|min N</c>. Metrics: words-per-sentence and exclamations-per-sentence (per
/// sentence), characters (per segment: subject and preheader lengths, rendered with the template's
/// sample when it has one; otherwise a placeholder counts as one),
/// caps-words, paragraphs and emoji (per message). Words the guides accept (NIP, KRS, brand names)
/// are not caps words. Message values: {count}, {limit}, {match}. Docs: docs/rules/style/limit.md.
/// </summary>
public sealed class LimitRule(StyleRuleHeader header, LimitMetric metric, bool isMax, int limit, IReadOnlySet<string> acceptedWords) : StyleRule(header)
{
    public static StyleRuleKind Kind { get; } = new("limit",
        "Reports text over (or under) a limit: sentence length, exclamation marks, capitals, characters, paragraphs, emoji.", Parse);

    public static IReadOnlyDictionary<string, LimitMetric> MetricNames { get; } = new Dictionary<string, LimitMetric>
    {
        ["words-per-sentence"] = LimitMetric.WordsPerSentence,
        ["exclamations-per-sentence"] = LimitMetric.ExclamationsPerSentence,
        ["caps-words"] = LimitMetric.CapsWords,
        ["characters"] = LimitMetric.Characters,
        ["paragraphs"] = LimitMetric.Paragraphs,
        ["emoji"] = LimitMetric.Emoji,
    };

    private static BindRule Parse(RuleBodyParser body)
    {
        var metricName = body.Word("a metric such as 'words-per-sentence'");
        var bound = body.MaxOrMin("'max' or 'min'");
        var value = body.Count($"the limit after '{bound.Value}'");
        return binder =>
        {
            if (!MetricNames.TryGetValue(metricName.Value, out var measured))
            {
                binder.Report(DslErrors.UnknownMetric, metricName.Range,
                    $"unknown metric '{metricName.Value}'.{Suggestions.DidYouMean(metricName.Value, MetricNames.Keys)} Metrics: {string.Join(", ", MetricNames.Keys)}.");
                return null;
            }

            return new LimitRule(binder.Header, measured, bound.Value == "max", value, binder.AcceptedWords);
        };
    }

    public override string Describe() =>
        $"Allows {(isMax ? "at most" : "at least")} {limit} {MetricNames.First(m => m.Value == metric).Key}.";

    protected override void Evaluate(Document document, CheckContext context, RuleOutput output, PatternMatcher matches)
    {
        var segments = SegmentsInScope(document).ToArray();
        switch (metric)
        {
            case LimitMetric.WordsPerSentence or LimitMetric.ExclamationsPerSentence:
                foreach (var segment in segments)
                {
                    foreach (var (start, length) in TextUnits.Sentences(segment.Text))
                    {
                        var count = metric == LimitMetric.WordsPerSentence
                            ? TextUnits.Words(segment.Text, start, start + length).Count()
                            : segment.Text.AsSpan(start, length).Count('!');
                        if (Breaks(count))
                        {
                            output.Report(segment, start, start + length, Values(count, segment.Text.Substring(start, length)));
                        }
                    }
                }

                break;
            case LimitMetric.Characters:
                // A subject or preheader with a sample is measured as the inbox shows it, values filled in.
                var rendered = context.Rendering?.RenderedFor(document, context);
                foreach (var segment in segments)
                {
                    var (raw, map) = segment.Scope switch
                    {
                        SegmentScope.Subject when rendered?.Subject is { } subject => (subject, rendered.SubjectMap),
                        SegmentScope.Preheader when rendered?.Preheader is { } preheader => (preheader, rendered.PreheaderMap),
                        _ => ((string?)null, RenderMap.Empty),
                    };
                    var text = raw?.Trim();
                    var length = text?.Length ?? segment.Text.Length;
                    if (!Breaks(length))
                    {
                        continue;
                    }

                    // Too long as rendered: point at the literal or placeholder where the text passes the limit.
                    if (isMax && raw is not null && map.SourceFrom(raw.Length - raw.TrimStart().Length + limit) is { } source)
                    {
                        output.Report(source, Values(length, text!), addendum: $"(Rendered with its sample; from here on, “{text![limit..]}”, it is past {limit} characters.)");
                    }
                    else
                    {
                        output.Report(segment, 0, segment.Text.Length, Values(length, text ?? segment.Text), addendum: text is null ? null : "(Rendered with its sample.)");
                    }
                }

                break;
            case LimitMetric.CapsWords:
                var seen = 0;
                foreach (var segment in segments)
                {
                    foreach (var (start, length) in TextUnits.Words(segment.Text))
                    {
                        if (!IsCaps(segment.Text.AsSpan(start, length)))
                        {
                            continue;
                        }

                        var word = segment.Text.Substring(start, length);
                        if (!acceptedWords.Contains(word) && ++seen > limit && isMax)
                        {
                            output.Report(segment, start, start + length, Values(seen, word));
                        }
                    }
                }

                break;
            default:
                var total = metric == LimitMetric.Paragraphs ? segments.Length : segments.Sum(s => CountEmoji(s.Text));
                if (Breaks(total))
                {
                    var range = segments.Length > 0 ? segments[0].SourceRange : default;
                    output.Report(range, Values(total, null));
                }

                break;
        }
    }

    private bool Breaks(int count) => isMax ? count > limit : count < limit;

    private MessageValues Values(int count, string? match) =>
        new(Match: match, Count: count.ToString(CultureInfo.InvariantCulture), Limit: limit.ToString(CultureInfo.InvariantCulture));

    private static bool IsCaps(ReadOnlySpan<char> word)
    {
        var letters = 0;
        foreach (var c in word)
        {
            if (char.IsLetter(c))
            {
                if (!char.IsUpper(c))
                {
                    return false;
                }

                letters++;
            }
        }

        return letters >= 2;
    }

    private static int CountEmoji(string text)
    {
        var count = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value is >= 0x1F300 and <= 0x1FAFF or >= 0x2600 and <= 0x27BF)
            {
                count++;
            }
        }

        return count;
    }
}
