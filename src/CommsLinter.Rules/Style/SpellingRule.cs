using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Pipeline;
using CommsLinter.Spelling;
using CommsLinter.Text;

namespace CommsLinter.Rules.Style;

/// <summary>
/// <c>spelling [accept "word", ...] [ignore /pattern/, ...]</c>: every word of the rule's segments is
/// checked in the dictionary of the template's locale. Words the style guides accept (vocabulary
/// and the rule's own list), words with digits (codes, units, times), e-mail addresses, URLs and
/// domains, placeholders and text matching an ignore pattern are skipped. A finding carries the
/// best suggestions as its fix. Message values: {match}, {expected} (the best suggestion),
/// {language}; when the message does not name {expected}, "Did you mean …?" is added.
/// Docs: docs/rules/style/spelling.md.
/// </summary>
public sealed class SpellingRule : StyleRule
{
    public static readonly RuleDescriptor DictionaryProblem = new("spelling.dictionary", "A spelling dictionary is missing or cannot be read", Severity.Error) { OncePerRun = true };

    public static StyleRuleKind Kind { get; } = new("spelling",
        "Reports words that are not in the dictionary of the template's locale, with suggestions as fixes.", Parse);

    private readonly SpellingDictionaries _dictionaries;
    private readonly HashSet<string> _accepted;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _acceptedLookup;
    private readonly IReadOnlyList<TextPattern> _ignore;

    public SpellingRule(StyleRuleHeader header, SpellingDictionaries dictionaries, IEnumerable<string> accepted, IReadOnlyList<TextPattern> ignore)
        : base(header)
    {
        _dictionaries = dictionaries;
        _ignore = ignore;
        // Casing is the capitalization rule's business: spelling accepts "nowaktherm" as a word.
        _accepted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        // Words are checked without a final dot, so "ul." is accepted as "ul".
        foreach (var word in accepted.SelectMany(a => a.Split([' ', '\u00A0'], StringSplitOptions.RemoveEmptyEntries)).Select(w => w.TrimEnd('.')).Where(w => w.Length > 0))
        {
            _accepted.Add(word);
        }

        _acceptedLookup = _accepted.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static BindRule Parse(RuleBodyParser body)
    {
        var accepted = new List<Located>();
        var ignored = new List<PatternSyntax>();
        while (true)
        {
            if (body.Accept("accept"))
            {
                accepted.AddRange(body.QuotedStrings("a word to accept, such as \"NowakTherm\""));
            }
            else if (body.Accept("ignore"))
            {
                ignored.AddRange(body.Patterns("a \"term\" or /pattern/ whose text is not spell-checked"));
            }
            else
            {
                return binder => new SpellingRule(binder.Header, binder.Dictionaries, binder.AcceptedWords.Concat(accepted.Select(a => a.Value)), binder.Patterns(ignored));
            }
        }
    }

    public override string Describe() =>
        $"Checks spelling in the dictionary of the template's locale ({string.Join(", ", SpellingDictionaries.NameOfLocale.Select(p => $"{p.Key}: {p.Value}"))}), accepting the style guides' vocabulary"
        + (_ignore.Count > 0 ? $" and ignoring {string.Join(", ", _ignore.Select(p => p.Source))}." : ".");

    protected override void Evaluate(Document document, CheckContext context, RuleOutput output, PatternMatcher matches)
    {
        // A locale the catalog does not list is catalog.unknown-locale's finding, and names no dictionary to look for.
        if (document.Locale is not { Length: > 0 } locale || context.Catalog?.HasLocale(locale) == false)
        {
            return;
        }

        var dictionary = _dictionaries.For(locale);
        if (dictionary.Checker is not { } speller)
        {
            output.Add(DictionaryFinding(document, dictionary));

            return;
        }

        var language = SpellingDictionaries.LanguageName(locale);
        foreach (var segment in SegmentsInScope(document))
        {
            var ignored = IgnoredRanges(segment);
            var text = segment.Text;
            foreach (var (start, length) in TextUnits.Words(text))
            {
                var word = text.AsSpan(start, length);
                if (!ShouldCheck(word) || _acceptedLookup.Contains(word) || Overlaps(ignored, start, length) || Addresses.HidesMatch(text, start, length) || IsTextMark(text, start, length))
                {
                    continue;
                }

                // A following dot is offered too, so abbreviations such as "np." are found as written.
                var withDot = start + length < text.Length && text[start + length] == '.' ? text.AsSpan(start, length + 1) : word;
                if (speller.Check(withDot))
                {
                    continue;
                }

                var misspelled = word.ToString();
                var suggestions = speller.Suggest(misspelled);
                var message = new MessageValues(Match: misspelled, Expected: suggestions.Count > 0 ? suggestions[0] : null, Language: language);
                output.Report(segment, start, start + length, message,
                    // A suggestion is a guess at what the writer meant: a person chooses it, --fix never does.
                    suggestions.Count > 0 ? new SegmentFix($"Replace “{misspelled}” with “{suggestions[0]}”", safe: false, start, start + length, suggestions[0]) : null,
                    Header.Message.Contains("{expected}", StringComparison.Ordinal) ? null : DidYouMean(suggestions));
            }
        }
    }

    private static string? DidYouMean(IReadOnlyList<string> suggestions) => suggestions.Count switch
    {
        0 => null,
        1 => $"Did you mean “{suggestions[0]}”?",
        _ => $"Did you mean {string.Join(", ", suggestions.Take(suggestions.Count - 1).Select(s => $"“{s}”"))} or “{suggestions[^1]}”?",
    };

    /// <summary>Codes, units, times, addresses and domains are not words of a language; nor is a run of 100 letters (Hunspell's own limit).</summary>
    private static bool ShouldCheck(ReadOnlySpan<char> word) =>
        word.Length is > 1 and < 100 && word.IndexOfAny(NotProse) < 0;

    /// <summary>The ASCII forms of ™, © and ® — "(tm)", "(c)", "(r)" — are marks, not words.</summary>
    private static bool IsTextMark(string text, int start, int length) =>
        start > 0 && start + length < text.Length && text[start - 1] == '(' && text[start + length] == ')'
        && text.AsSpan(start, length) is var word && (word.Equals("tm", StringComparison.OrdinalIgnoreCase) || word.Equals("sm", StringComparison.OrdinalIgnoreCase));

    private static readonly System.Buffers.SearchValues<char> NotProse = System.Buffers.SearchValues.Create("0123456789@.:/_\uFFFC");

    private List<(int Start, int End)>? IgnoredRanges(Segment segment)
    {
        List<(int Start, int End)>? ranges = null;
        foreach (var pattern in _ignore)
        {
            foreach (var (start, length) in pattern.Matches(segment))
            {
                (ranges ??= []).Add((start, start + length));
            }
        }

        return ranges;
    }

    private static bool Overlaps(List<(int Start, int End)>? ranges, int start, int length) =>
        ranges is not null && ranges.Exists(r => r.Start < start + length && start < r.End);

    private static Finding DictionaryFinding(Document document, SpellingDictionaries.Loaded dictionary)
    {
        if (dictionary.FormatError is { } error)
        {
            var position = new LinePosition(error.Line, error.Column);
            return DictionaryProblem.At(dictionary.ErrorPath ?? error.Path, new Location(position, position), $"{error.Reason}. Fix the dictionary file or remove it to use the shipped one.");
        }

        return DictionaryProblem.At(document, default, $"Spelling is not checked in {document.Locale}: {dictionary.Problem}");
    }
}
