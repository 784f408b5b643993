using System.Text.RegularExpressions;
using CommsLinter.Text;

namespace CommsLinter.Rules.Style;

/// <summary>
/// A term or a regular expression, compiled once. A term matches as whole words, ignoring case
/// unless asked; a regex runs on .NET's non-backtracking engine, or where it needs backtracking
/// (backreferences, lookarounds) with a time limit, so a careless pattern cannot hang a run. Neither
/// matches part of an address (a URL, domain, e-mail address or file name) unless it holds the
/// address's own punctuation (see <see cref="Addresses"/>). A term written <c>"term" inflected</c>
/// matches every form of its words in the text's locale (<see cref="InflectedTerm"/>).
/// </summary>
public sealed class TextPattern
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(100);

    private readonly string? _term;
    private readonly bool _matchCase;
    private readonly Lazy<Regex>? _regex;

    private TextPattern(string source, string? term, bool matchCase, Lazy<Regex>? regex, InflectedTerm? inflected = null)
    {
        Source = source;
        _term = term is null || matchCase ? term : term.ToLowerInvariant();
        _matchCase = matchCase;
        _regex = regex;
        Inflection = inflected;
    }

    /// <summary>The pattern as written in the guide: "term" or /regex/flags.</summary>
    public string Source { get; }

    /// <summary>The term's id in the run's shared automaton, or -1 when it is matched on its own.</summary>
    public int AutomatonId { get; internal set; } = -1;

    /// <summary>The lower-cased term, for a term that ignores case; null for regexes, case-sensitive and inflected terms.</summary>
    public string? FoldedTerm => _matchCase || Inflection is not null ? null : _term;

    /// <summary>The pattern as a message names it: "term" or /regex/flags, without <c>inflected</c>.</summary>
    public string Named => Inflection is null ? Source : $"\"{string.Join(' ', Inflection.Words)}\"";

    /// <summary>The term's words and their forms, for a term written <c>"term" inflected</c>; null otherwise.</summary>
    public InflectedTerm? Inflection { get; }

    public static TextPattern Term(string term, bool matchCase = false) =>
        new($"\"{term}\"", string.Join(' ', term.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), matchCase, null);

    /// <summary>A term that matches every form of its words in the text's locale, ignoring case.</summary>
    public static TextPattern Inflected(InflectedTerm term) =>
        new($"\"{string.Join(' ', term.Words)}\" inflected", string.Join(' ', term.Words), false, null, term);

    /// <summary>Compiles /pattern/flags; flags: i (ignore case), m (multi-line), s (dot matches all).</summary>
    /// <exception cref="ArgumentException">The pattern or a flag is invalid.</exception>
    public static TextPattern Regex(string pattern, string flags)
    {
        var options = RegexOptions.CultureInvariant;
        foreach (var flag in flags)
        {
            options |= flag switch
            {
                'i' => RegexOptions.IgnoreCase,
                'm' => RegexOptions.Multiline,
                's' => RegexOptions.Singleline,
                _ => throw new ArgumentException($"unknown flag '{flag}'; use i, m or s"),
            };
        }

        // Parsing alone finds a bad pattern now, for the guide's error; building the matcher waits for the first text it reads,
        // so that a run which reads no template (all from the cache) does not pay for it.
        _ = new Regex(pattern, options);
        var regex = new Lazy<Regex>(() =>
        {
            try
            {
                return new Regex(pattern, options | RegexOptions.NonBacktracking);
            }
            catch (NotSupportedException)
            {
                return new Regex(pattern, options | RegexOptions.Compiled, Timeout);
            }
        });

        return new TextPattern($"/{pattern}/{flags}", null, true, regex);
    }

    /// <summary>Every match in a segment as (start, length); <paramref name="locale"/> is its document's, for inflected terms.</summary>
    public IEnumerable<(int Start, int Length)> Matches(Model.Segment segment, string? locale) => Matches(segment.Text, segment.Folded, locale);

    /// <summary>Every match in <paramref name="text"/> as (start, length); <paramref name="folded"/> is its lower-case form if known.</summary>
    /// <exception cref="RegexMatchTimeoutException">A backtracking pattern took longer than <see cref="Timeout"/>.</exception>
    public IEnumerable<(int Start, int Length)> Matches(string text, string? folded = null, string? locale = null)
    {
        if (Inflection is not null)
        {
            return Inflection.Matches(text, locale);
        }

        return _regex is not null ? RegexMatches(text) : TermMatches(text, folded);
    }

    private IEnumerable<(int Start, int Length)> RegexMatches(string text)
    {
        foreach (Match match in _regex!.Value.Matches(text))
        {
            if (match.Length > 0 && !Addresses.HidesMatch(text, match.Index, match.Length))
            {
                yield return (match.Index, match.Length);
            }
        }
    }

    private IEnumerable<(int Start, int Length)> TermMatches(string text, string? folded)
    {
        var term = _term!;
        var haystack = _matchCase ? text : folded ?? text.ToLowerInvariant();
        var from = 0;
        while (from < text.Length)
        {
            var at = haystack.IndexOf(term, from, StringComparison.Ordinal);
            if (at < 0)
            {
                yield break;
            }

            if (IsWholeWord(text, at, term.Length))
            {
                yield return (at, term.Length);
            }

            from = at + 1;
        }
    }


    /// <summary>Whether text[start, start + length) stands alone, not inside a longer word or an address.</summary>
    public static bool IsWholeWord(string text, int start, int length) =>
        IsBoundary(text, start - 1, -1) && IsBoundary(text, start + length, +1) && !Addresses.HidesMatch(text, start, length);

    // A hyphen or apostrophe joining letters is inside a word: "mail" is not a word of "e-mail".
    private static bool IsBoundary(string text, int index, int direction) =>
        index < 0 || index >= text.Length
        || (!char.IsLetterOrDigit(text[index])
            && !(text[index] is '-' or '\'' or '’' && index + direction >= 0 && index + direction < text.Length && char.IsLetterOrDigit(text[index + direction])));
}
