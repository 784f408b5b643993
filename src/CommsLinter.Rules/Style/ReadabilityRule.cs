using System.Globalization;
using CommsLinter.Model;
using CommsLinter.Pipeline;
using CommsLinter.Text;

namespace CommsLinter.Rules.Style;

public enum ReadabilityFormula
{
    /// <summary>Flesch reading ease (Flesch 1948), for English: higher is easier.</summary>
    Flesch,

    /// <summary>Oborneva's adaptation of Flesch (2006), for Russian: higher is easier.</summary>
    FleschRu,

    /// <summary>Gulpease (Lucisano and Piemontese 1988), for Italian: higher is easier.</summary>
    Gulpease,

    /// <summary>FOG-PL (Gunning's fog with hard words of four or more syllables), for Polish: lower is easier.</summary>
    FogPl,
}

/// <summary>
/// <c>readability flesch|flesch-ru|gulpease|fog-pl min|max N</c>: the message's body (default scope)
/// must score at least or at most N. Texts under <see cref="MinimumWords"/> words are not scored:
/// the formulas are unreliable on short texts. Message values: {count} (the score, one decimal),
/// {limit}. Docs: docs/rules/style/readability.md, which cites the formulas.
/// </summary>
public sealed class ReadabilityRule(StyleRuleHeader header, ReadabilityFormula formula, bool isMax, double limit, SentenceAbbreviations? abbreviations = null) : StyleRule(header)
{
    private readonly SentenceAbbreviations _abbreviations = abbreviations ?? SentenceAbbreviations.Shipped;

    public static StyleRuleKind Kind { get; } = new("readability", "Scores running text with Flesch (en), Oborneva (ru), Gulpease (it) or FOG-PL (pl).", Parse);

    public const int MinimumWords = 100;

    // Numbers, times and dates are not words a reader decodes.
    private static readonly System.Buffers.SearchValues<char> NumberCharacters = System.Buffers.SearchValues.Create("0123456789:.-");

    public static IReadOnlyDictionary<string, ReadabilityFormula> FormulaNames { get; } = new Dictionary<string, ReadabilityFormula>
    {
        ["flesch"] = ReadabilityFormula.Flesch,
        ["flesch-ru"] = ReadabilityFormula.FleschRu,
        ["gulpease"] = ReadabilityFormula.Gulpease,
        ["fog-pl"] = ReadabilityFormula.FogPl,
    };

    private static BindRule Parse(RuleBodyParser body)
    {
        var formulaName = body.Word("a formula: flesch, flesch-ru, gulpease or fog-pl");
        var bound = body.MaxOrMin("'min' or 'max'");
        var score = body.Number("the score");
        return binder =>
        {
            if (!FormulaNames.TryGetValue(formulaName.Value, out var scoredWith))
            {
                binder.Report(DslErrors.UnknownMetric, formulaName.Range,
                    $"unknown readability formula '{formulaName.Value}'.{Suggestions.DidYouMean(formulaName.Value, FormulaNames.Keys)} Formulas: {string.Join(", ", FormulaNames.Keys)}.");
                return null;
            }

            // Readability is about running text: without 'in', it reads the body only.
            var scope = binder.Header.Scope == RuleScope.Everything ? RuleScope.Body : binder.Header.Scope;
            return new ReadabilityRule(binder.Header with { Scope = scope }, scoredWith, bound.Value == "max", double.Parse(score.Value, CultureInfo.InvariantCulture), binder.Abbreviations);
        };
    }

    public override string Describe() =>
        $"Scores the body with {FormulaNames.First(f => f.Value == formula).Key} and requires {(isMax ? "at most" : "at least")} {limit.ToString(CultureInfo.InvariantCulture)} (texts of {MinimumWords}+ words).";

    protected override void Evaluate(Document document, CheckContext context, RuleOutput output, PatternMatcher matches)
    {
        var segments = SegmentsInScope(document).ToArray();
        if (segments.Length == 0 || Score(segments.Select(s => s.Text), _abbreviations.For(document.Locale)) is not { } score)
        {
            return;
        }

        if (isMax ? score > limit : score < limit)
        {
            output.Report(segments[0], 0, segments[0].Text.Length, new MessageValues(
                Count: score.ToString("0.0", CultureInfo.InvariantCulture),
                Limit: limit.ToString(CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>The score of the texts, or null when they have fewer than <see cref="MinimumWords"/> words.</summary>
    /// <param name="sentenceAbbreviations">The locale's abbreviations, whose dot does not end a sentence; every shipped one when not given.</param>
    public double? Score(IEnumerable<string> texts, IReadOnlySet<string>? sentenceAbbreviations = null)
    {
        int words = 0, sentences = 0, syllables = 0, letters = 0, hardWords = 0;
        foreach (var text in texts)
        {
            foreach (var (start, length) in TextUnits.Sentences(text, sentenceAbbreviations))
            {
                var counted = 0;
                foreach (var (wordStart, wordLength) in TextUnits.Words(text, start, start + length))
                {
                    var word = text.AsSpan(wordStart, wordLength);
                    if (!word.ContainsAnyExcept(NumberCharacters) || word.Contains("://", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    counted++;
                    var wordSyllables = Syllables(word);
                    syllables += wordSyllables;
                    hardWords += wordSyllables >= 4 ? 1 : 0;
                    foreach (var c in word)
                    {
                        letters += char.IsLetter(c) ? 1 : 0;
                    }
                }

                words += counted;
                sentences += counted > 0 ? 1 : 0;
            }
        }

        if (words < MinimumWords)
        {
            return null;
        }

        double w = words, s = sentences, syl = syllables;
        return formula switch
        {
            ReadabilityFormula.Flesch => 206.835 - (1.015 * w / s) - (84.6 * syl / w),
            ReadabilityFormula.FleschRu => 206.835 - (1.3 * w / s) - (60.1 * syl / w),
            ReadabilityFormula.Gulpease => 89 + (((300 * s) - (10.0 * letters)) / w),
            _ => 0.4 * ((w / s) + (100.0 * hardWords / w)),
        };
    }

    /// <summary>Vowel groups; English drops a silent final 'e'. Russian counts every vowel.</summary>
    private int Syllables(ReadOnlySpan<char> word)
    {
        var vowels = formula switch
        {
            ReadabilityFormula.FleschRu => "аеёиоуыэюяАЕЁИОУЫЭЮЯ",
            ReadabilityFormula.FogPl => "aąeęioóuyAĄEĘIOÓUY",
            _ => "aeiouyàèéìòùAEIOUY",
        };

        var count = 0;
        var previousVowel = false;
        foreach (var c in word)
        {
            var isVowel = vowels.Contains(c);
            if (isVowel && (!previousVowel || formula == ReadabilityFormula.FleschRu))
            {
                count++;
            }

            previousVowel = isVowel;
        }

        if (formula == ReadabilityFormula.Flesch && count > 1 && word.Length > 2 && (word[^1] is 'e' or 'E') && !vowels.Contains(word[^2]))
        {
            count--;
        }

        return Math.Max(1, count);
    }
}
