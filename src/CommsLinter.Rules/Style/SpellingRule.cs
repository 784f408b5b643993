using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Pipeline;
using CommsLinter.Spelling;
using CommsLinter.Text;

namespace CommsLinter.Rules.Style;

/// <summary>
/// <c>spelling [accept "word", ...] [ignore /pattern/, ...] [names error|warning|suggestion]</c>: every
/// word of the rule's segments is checked in the dictionary of the template's locale. An unknown word
/// written as a name (a capital inside a sentence, a capital inside the word, or a short word in
/// capitals) is most often a name the dictionary cannot know: it is reported under its own id, the
/// rule's id and ".unknown-name", at suggestion severity unless <c>names</c> says otherwise; one whose
/// best suggestion is a single edit away is a typo all the same. Words the style guides accept (vocabulary
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
    private readonly RuleDescriptor _names;

    /// <summary>
    /// Short forms that dictionaries lack though every business text uses them: days and months ("pn–pt", "lun–ven",
    /// "Mon–Fri"), minutes and seconds, quantities, "including", "инфо". Written without their dot, compared ignoring case.
    /// </summary>
    private static readonly Dictionary<string, string[]> ShortForms = new(StringComparer.Ordinal)
    {
        ["pl"] = ["pon", "pn", "wt", "śr", "czw", "pt", "sob", "nd", "ndz", "niedz", "sty", "lut", "kwi", "cze", "lip", "sie", "wrz", "paź", "gru", "kpl", "zam", "wym", "min", "sek"],
        ["ru"] = ["пн", "вт", "ср", "чт", "пт", "сб", "вс", "янв", "фев", "апр", "авг", "сен", "сент", "окт", "ноя", "дек", "кол-во", "вкл", "искл", "инфо", "мин", "сек"],
        ["it"] = ["lun", "mar", "mer", "gio", "ven", "sab", "dom", "gen", "feb", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic", "incl", "escl",
            "q.tà", "qtà", "qta", "soc", "cap", "i.v", "min", "sec"],
        ["en"] = ["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
            "oct", "nov", "dec", "incl", "excl", "qty", "pcs", "hrs", "mins", "min", "sec", "secs"],
    };

    private readonly SentenceAbbreviations _abbreviations;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, HashSet<string>> _shortForms = new(StringComparer.OrdinalIgnoreCase);

    public SpellingRule(StyleRuleHeader header, SpellingDictionaries dictionaries, IEnumerable<string> accepted, IReadOnlyList<TextPattern> ignore, Severity namesSeverity = Severity.Suggestion, SentenceAbbreviations? abbreviations = null)
        : base(header)
    {
        _abbreviations = abbreviations ?? SentenceAbbreviations.Shipped;
        _dictionaries = dictionaries;
        _ignore = ignore;
        _names = header.Descriptor with { Id = header.Descriptor.Id + NameSuffix, Title = "An unknown word written as a name", DefaultSeverity = namesSeverity };
        Rules = [header.Descriptor, _names];
        // Casing is the capitalization rule's business: spelling accepts "nowaktherm" as a word.
        _accepted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        // Words are checked without a final dot, so "ul." is accepted as "ul".
        foreach (var word in accepted.SelectMany(a => a.Split([' ', '\u00A0'], StringSplitOptions.RemoveEmptyEntries)).Select(w => w.TrimEnd('.')).Where(w => w.Length > 0))
        {
            _accepted.Add(word);
        }

        _acceptedLookup = _accepted.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>What the id of a spelling rule's findings of names ends with: "spelling.unknown-name".</summary>
    public const string NameSuffix = ".unknown-name";

    private static BindRule Parse(RuleBodyParser body)
    {
        var accepted = new List<Located>();
        var ignored = new List<PatternSyntax>();
        var names = Severity.Suggestion;
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
            else if (body.Accept("names"))
            {
                names = Enum.Parse<Severity>(body.OneOf(["error", "warning", "suggestion"], "the severity of unknown names", "severity", "error, warning or suggestion").Value, ignoreCase: true);
            }
            else
            {
                return binder => new SpellingRule(binder.Header, binder.Dictionaries, binder.AcceptedWords.Concat(accepted.Select(a => a.Value)), binder.Patterns(ignored), names, binder.Abbreviations);
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
        // The locale's abbreviations (shipped and the guides') and short forms, as one set looked up without copying a word.
        var shortForms = _shortForms.GetOrAdd(locale, l =>
            new HashSet<string>(_abbreviations.For(l).Concat(ShortForms.GetValueOrDefault(l.ToLowerInvariant()) ?? []), StringComparer.OrdinalIgnoreCase))
            .GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var segment in SegmentsInScope(document))
        {
            var ignored = IgnoredRanges(segment, locale);
            var text = segment.Text;
            var (sentenceHasText, scanned) = (false, 0);
            foreach (var (start, length) in TextUnits.Words(text))
            {
                var word = text.AsSpan(start, length);
                if (!ShouldCheck(word) || _acceptedLookup.Contains(word) || shortForms.Contains(word) || Overlaps(ignored, start, length) || Addresses.HidesMatch(text, start, length) || IsTextMark(text, start, length))
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
                // "Pańswo" is one letter from "Państwo" and "Dziekujemy" one accent from "Dziękujemy": typos of words, however
                // they are written. A name is further from every word, wherever it stands: inside a sentence ("Kowalski"), in
                // capitals ("SKU", "ОГРН": any three or four letters are one edit from some word), and at the start of a sentence or of a
                // text of its own ("Instagram", an icon's alt text).
                var nearWord = suggestions.Count > 0 && !suggestions[0].Contains(' ', StringComparison.Ordinal)
                    && Suggestions.Distance(WithoutAccents(misspelled), WithoutAccents(suggestions[0])) <= 1;
                var isName = IsWrittenAsName(text, start, length, ref sentenceHasText, ref scanned)
                    ? !(nearWord && length > 4)
                    : char.IsUpper(word[0]) && !nearWord;
                var didYouMean = Header.Message.Contains("{expected}", StringComparison.Ordinal) ? null : DidYouMean(suggestions);
                output.Report(segment, start, start + length, message,
                    // A suggestion is a guess at what the writer meant: a person chooses it, --fix never does.
                    suggestions.Count > 0 ? new SegmentFix($"Replace “{misspelled}” with “{suggestions[0]}”", safe: false, start, start + length, suggestions[0]) : null,
                    isName ? $"{didYouMean} If it is a name, add it to the style guide's vocabulary (commslint vocabulary suggest lists them).".TrimStart() : didYouMean,
                    isName ? _names : null);
            }
        }
    }

    /// <summary>
    /// Whether an unknown word is written as a name: "NowakTherm", "NIP" or "Kowalski" inside a sentence.
    /// A capital that starts a sentence or the text says nothing by itself: such a word is a name only when no word is near it.
    /// </summary>
    /// <param name="sentenceHasText">Whether the sentence read so far has a word before the current one.</param>
    /// <param name="scanned">How far the text has been read for sentence ends: words come in order, so each character is read once.</param>
    private static bool IsWrittenAsName(string text, int start, int length, ref bool sentenceHasText, ref int scanned)
    {
        for (; scanned < start; scanned++)
        {
            if (text[scanned] is '.' or '!' or '?' or ':' or '•' or '|' && scanned + 1 < text.Length && char.IsWhiteSpace(text[scanned + 1]))
            {
                sentenceHasText = false;
            }
            else if (!NotWordStart.Contains(text[scanned]))
            {
                sentenceHasText = true;
            }
        }

        var word = text.AsSpan(start, length);
        if (!char.IsUpper(word[0]))
        {
            return false;
        }

        var capitals = 0;
        foreach (var c in word)
        {
            capitals += char.IsUpper(c) ? 1 : 0;
        }

        // In capitals throughout, a short word is an abbreviation (NIP, ИНН) and a long one shouting, whose typos are typos.
        return capitals > 1 ? capitals < length || length <= 6 : sentenceHasText;
    }

    /// <summary>The word with the accents of the four languages taken off (ł is l, ё is е), to tell a word typed without them.</summary>
    private static string WithoutAccents(string word) => string.Create(word.Length, word, static (letters, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            letters[i] = char.ToLowerInvariant(source[i]) switch
            {
                'ą' or 'à' or 'á' => 'a',
                'ć' => 'c',
                'ę' or 'è' or 'é' => 'e',
                'ì' or 'í' => 'i',
                'ł' => 'l',
                'ń' => 'n',
                'ó' or 'ò' => 'o',
                'ś' => 's',
                'ù' or 'ú' => 'u',
                'ź' or 'ż' => 'z',
                'ё' => 'е',
                'й' => 'и',
                var other => other,
            };
        }
    });

    private static readonly System.Buffers.SearchValues<char> NotWordStart = System.Buffers.SearchValues.Create(" \u00A0\t\n\"'„“”«»‘’(-–—*\uFFFC");

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

    private List<(int Start, int End)>? IgnoredRanges(Segment segment, string locale)
    {
        List<(int Start, int End)>? ranges = null;
        foreach (var pattern in _ignore)
        {
            foreach (var (start, length) in pattern.Matches(segment, locale))
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
