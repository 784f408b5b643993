using System.Globalization;
using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Pipeline;
using CommsLinter.Spelling;
using CommsLinter.Text;

namespace CommsLinter.Rules.Style;

public enum LimitMetric
{
    WordsPerSentence,
    ExclamationsPerSentence,
    Exclamations,
    CapsWords,
    Characters,
    Paragraphs,
    Emoji,
}

/// <summary>
/// <c>limit metric max|min N</c>. Metrics: words-per-sentence and exclamations-per-sentence (per
/// sentence), characters (per segment: subject and preheader lengths, rendered with the template's
/// sample when it has one; otherwise a placeholder counts as one),
/// caps-words, paragraphs and emoji (per message). Caps words are reported a run at a time
/// ("SUPER PROMOCJA TYLKO DZIŚ" is one finding) with a sentence-case fix; abbreviations are not caps
/// words (words the guides accept, words the locale's dictionary knows only in capitals, and a shipped
/// list such as VAT, NIP, PDF, ИНН, IVA), nor are labels (words in capitals before a colon, a line
/// ending in one, a table cell in capitals). Message values: {count}, {limit}, {match}. Docs: docs/rules/style/limit.md.
/// </summary>
public sealed class LimitRule(StyleRuleHeader header, LimitMetric metric, bool isMax, int limit, IReadOnlySet<string> acceptedWords, SpellingDictionaries? dictionaries = null, SentenceAbbreviations? abbreviations = null)
    : StyleRule(header)
{
    private readonly SentenceAbbreviations _abbreviations = abbreviations ?? SentenceAbbreviations.Shipped;

    /// <summary>Abbreviations written in capitals in the four languages, which no dictionary may hold.</summary>
    private static readonly HashSet<string> KnownAbbreviations = new(StringComparer.Ordinal)
    {
        "VAT", "NIP", "PDF", "REGON", "KRS", "PESEL", "IBAN", "BIC", "SWIFT", "SMS", "MMS", "PIN", "FAQ", "PLN", "EUR", "USD", "GBP", "RODO",
        "GDPR", "URL", "WWW", "ID", "OK", "TV", "PVC", "RAL", "CEO", "QR", "ATM", "VIP", "PS", "UE", "EU", "USA", "BLIK", "CVV", "ISO", "HTML",
        "ИНН", "КПП", "ОГРН", "НДС", "СМС", "ФИО", "РФ", "ООО", "ИП", "БИК", "ПВХ",
        "IVA", "CAP", "PEC", "SPA", "SRL", "CF",
    };

    public static StyleRuleKind Kind { get; } = new("limit",
        "Reports text over (or under) a limit: sentence length, exclamation marks, capitals, characters, paragraphs, emoji.", Parse);

    public static IReadOnlyDictionary<string, LimitMetric> MetricNames { get; } = new Dictionary<string, LimitMetric>
    {
        ["words-per-sentence"] = LimitMetric.WordsPerSentence,
        ["exclamations-per-sentence"] = LimitMetric.ExclamationsPerSentence,
        ["exclamations"] = LimitMetric.Exclamations,
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
        // "limit exclamations max 1 per template": how much text the count is of, for the metric that can be either.
        var per = body.Accept("per") ? body.OneOf(["template", "message", "sentence"], "'template' or 'sentence'", "unit of text", "template, message or sentence") : null;
        return binder =>
        {
            if (!MetricNames.TryGetValue(metricName.Value, out var measured))
            {
                binder.Report(DslErrors.UnknownMetric, metricName.Range,
                    $"unknown metric '{metricName.Value}'.{Suggestions.DidYouMean(metricName.Value, MetricNames.Keys)} Metrics: {string.Join(", ", MetricNames.Keys)}.");
                return null;
            }

            if (per is not null && measured != LimitMetric.Exclamations)
            {
                binder.Report(DslErrors.Expected, per.Range, $"'{metricName.Value}' has its own unit of text; 'per' goes with 'exclamations' only.");
                return null;
            }

            if (per?.Value == "sentence")
            {
                measured = LimitMetric.ExclamationsPerSentence;
            }

            return new LimitRule(binder.Header, measured, bound.Value == "max", value, binder.AcceptedWords, binder.Dictionaries, binder.Abbreviations);
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
                    foreach (var (start, length) in TextUnits.Sentences(segment.Text, _abbreviations.For(document.Locale)))
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
            case LimitMetric.Exclamations:
                var marks = 0;
                foreach (var segment in segments)
                {
                    for (var at = segment.Text.IndexOf('!'); at >= 0; at = segment.Text.IndexOf('!', at + 1))
                    {
                        if (++marks == limit + 1 && isMax)
                        {
                            output.Report(segment, at, at + 1, Values(segments.Sum(s => s.Text.AsSpan().Count('!')), "!"));
                        }
                    }
                }

                if (!isMax && Breaks(marks))
                {
                    output.Report(segments.Length > 0 ? segments[0].SourceRange : default, Values(marks, null));
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
                var speller = document.Locale is { Length: > 0 } locale && context.Catalog?.HasLocale(locale) != false ? dictionaries?.For(locale).Checker : null;
                var seen = 0;
                foreach (var segment in segments)
                {
                    foreach (var run in CapsRuns(segment, speller))
                    {
                        seen += run.Shouted;
                        if (isMax && seen > limit)
                        {
                            var text = segment.Text[run.Start..run.End];
                            output.Report(segment, run.Start, run.End, Values(seen, text),
                                new SegmentFix("Write it in sentence case", safe: false, run.Start, run.End, SentenceCase(segment.Text, run, speller)));
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

    /// <summary>A run of words in capitals, from the first shouted word to the last, and how many of its words shout.</summary>
    private readonly record struct CapsRun(int Start, int End, int Shouted);

    /// <summary>
    /// The runs of capitalised words in a segment, joined by spaces, hyphens, commas or '&amp;', that hold a
    /// shouted word (not an abbreviation) and are not a label: a run just before a colon, or a whole table cell.
    /// </summary>
    private IEnumerable<CapsRun> CapsRuns(Segment segment, CachedSpeller? speller)
    {
        var text = segment.Text;
        int? start = null;
        var (end, shouted, lastEnd, longest) = (0, 0, 0, 0);
        foreach (var (wordStart, length) in TextUnits.Words(text))
        {
            var isCaps = IsCaps(text.AsSpan(wordStart, length));
            if (start is not null && (!isCaps || !IsJoin(text.AsSpan(lastEnd, wordStart - lastEnd))))
            {
                if (IsShouted(shouted, longest) && !IsLabel(segment, start.Value, end))
                {
                    yield return new CapsRun(start.Value, end, shouted);
                }

                (start, shouted, longest) = (null, 0, 0);
            }

            lastEnd = wordStart + length;
            if (!isCaps)
            {
                continue;
            }

            // An abbreviation starts and ends no run, but a run goes on past one: "SUPER OKNA PVC TANIEJ".
            if (!IsAbbreviation(text.AsSpan(wordStart, length), speller))
            {
                start ??= wordStart;
                end = wordStart + length;
                shouted++;
                longest = Math.Max(longest, length);
            }
        }

        if (start is not null && IsShouted(shouted, longest) && !IsLabel(segment, start.Value, end))
        {
            yield return new CapsRun(start.Value, end, shouted);
        }
    }

    /// <summary>A run shouts when it holds a word of three letters or more: two capitals alone ("MI", a province; "OK") do not.</summary>
    private static bool IsShouted(int shouted, int longest) => shouted > 0 && longest > 2;

    private static bool IsJoin(ReadOnlySpan<char> between) => between.Trim(" \u00A0-–,&+").IsEmpty;

    /// <summary>
    /// A label names what follows it: "NUMER ZAMÓWIENIA: 123", a line that ends in a colon, a table cell in capitals.
    /// One word before a colon mid-text ("URGENT: pay today") is shouting all the same.
    /// </summary>
    private static bool IsLabel(Segment segment, int start, int end)
    {
        var text = segment.Text;
        var after = text.AsSpan(end).TrimStart(" \u00A0");
        var wholeSegment = text.AsSpan(0, start).Trim().IsEmpty && after.TrimStart(':').Trim(" .").IsEmpty;
        return (after.Length > 0 && after[0] == ':' && (wholeSegment || text.AsSpan(start, end - start).ContainsAny(" \u00A0")))
            || (segment.Scope == SegmentScope.TableCell && wholeSegment);
    }

    /// <summary>
    /// An accepted word, a shipped abbreviation, one written with dots ("P.S", "U.S.A"), a word the dictionary knows
    /// only in capitals ("VAT", not "vat"), or a word of up to three letters that is no word of the language in any
    /// case ("SKU", "FAQ"): an acronym, where "HIT" or "NEW" is a word shouted.
    /// </summary>
    private bool IsAbbreviation(ReadOnlySpan<char> word, CachedSpeller? speller)
    {
        var text = word.ToString();
        if (acceptedWords.Contains(text) || KnownAbbreviations.Contains(text) || word.Contains('.'))
        {
            return true;
        }

        if (speller is null)
        {
            return false;
        }

        var lower = text.ToLowerInvariant();
        var capitalised = string.Concat(word[..1], text[1..].ToLowerInvariant());
        return speller.Check(word)
            ? !speller.Check(lower) && !speller.Check(capitalised)
            : word.Length <= 3 && !speller.Check(lower) && !speller.Check(capitalised);
    }

    /// <summary>The run in lower case, abbreviations kept, with a capital where it starts a sentence.</summary>
    private string SentenceCase(string text, CapsRun run, CachedSpeller? speller)
    {
        var result = new System.Text.StringBuilder(text, run.Start, run.End - run.Start, run.End - run.Start);
        foreach (var (start, length) in TextUnits.Words(text, run.Start, run.End))
        {
            if (IsAbbreviation(text.AsSpan(start, length), speller))
            {
                continue;
            }

            for (var i = start; i < start + length; i++)
            {
                result[i - run.Start] = char.ToLowerInvariant(text[i]);
            }
        }

        var before = text.AsSpan(0, run.Start).TrimEnd(" \u00A0\"'„“«(");
        if (before.IsEmpty || before[^1] is '.' or '!' or '?' or ':')
        {
            result[0] = char.ToUpperInvariant(result[0]);
        }

        return result.ToString();
    }

    /// <summary>Two or more letters, all capitals, and no digit: "WIOSNA20" or "NS-MINI-120" is a code, not a shouted word.</summary>
    private static bool IsCaps(ReadOnlySpan<char> word)
    {
        var letters = 0;
        foreach (var c in word)
        {
            if (char.IsDigit(c))
            {
                return false;
            }

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
