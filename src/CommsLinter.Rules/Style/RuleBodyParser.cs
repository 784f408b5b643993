using System.Globalization;
using System.Diagnostics.CodeAnalysis;
using CommsLinter.Diagnostics;
using CommsLinter.Text;

namespace CommsLinter.Rules.Style;

/// <summary>A name or literal of a style guide with where it was written, so errors can point at it.</summary>
public sealed record Located(string Value, TextRange Range);

/// <summary>
/// A term (a quoted string, matched as whole words; with <paramref name="Inflected"/>, in every form of
/// its words) or a /pattern/flags as written: compiled only when the rule is bound
/// (<see cref="RuleBinder.Patterns"/>), where an invalid one is reported.
/// </summary>
public sealed record PatternSyntax(string Text, bool IsRegex, string Flags, TextRange Range, bool Inflected = false);

/// <summary>
/// What a rule kind reads its body with (<see cref="StyleRuleKind.Parse"/>). The style-guide parser
/// implements it over its tokens, so every kind's errors read alike: "expected X, found Y", with the
/// same codes and did-you-mean. A method that fails reports the error and abandons the rule; the
/// parser then skips to the next block, as for any syntax error, so a kind needs no recovery of its own.
/// </summary>
public abstract class RuleBodyParser
{
    /// <summary>
    /// The next token as an error message quotes it: 'word', "string", /regex/ or the end of the file.
    /// Tokens stay the parser's own: a kind only ever needs to quote one.
    /// </summary>
    public abstract string Current { get; }

    /// <summary>Where the next token is, for an error about it.</summary>
    public abstract TextRange CurrentRange { get; }

    /// <summary>Reads a word (a keyword, a name); <paramref name="what"/> completes "expected …".</summary>
    public abstract Located Word(string what);

    /// <summary>Reads a "quoted string"; <paramref name="what"/> completes "expected … in "double quotes"".</summary>
    public abstract Located QuotedString(string what);

    /// <summary>Reads a number, as written.</summary>
    public abstract Located Number(string what);

    /// <summary>Reads a "term" or a /pattern/flags.</summary>
    public abstract PatternSyntax Pattern(string what);

    /// <summary>Reads <paramref name="word"/> (a keyword or punctuation) if it comes next.</summary>
    public abstract bool Accept(string word);

    /// <summary>Reports an error and abandons the rule. Returns nothing; typed so it can stand where a value is expected.</summary>
    [DoesNotReturn]
    public abstract T Fail<T>(RuleDescriptor code, TextRange range, string message);

    /// <inheritdoc cref="Fail{T}"/>
    [DoesNotReturn]
    public void Fail(RuleDescriptor code, TextRange range, string message) => Fail<object>(code, range, message);

    /// <summary>Reads <paramref name="word"/>, which must come next; <paramref name="context"/> completes "expected 'word' …".</summary>
    public void Expect(string word, string context)
    {
        if (!Accept(word))
        {
            Fail(DslErrors.Expected, CurrentRange, $"expected '{word}' {context}, found {Current}.");
        }
    }

    /// <summary>Reads a "term" or /pattern/, a term optionally followed by 'inflected' (every form of its words).</summary>
    public PatternSyntax InflectablePattern(string what)
    {
        var pattern = Pattern(what);
        if (!Accept("inflected"))
        {
            return pattern;
        }

        return pattern.IsRegex
            ? Fail<PatternSyntax>(DslErrors.Expected, pattern.Range, $"only a \"term\" can be inflected: /{pattern.Text}/{pattern.Flags} matches what it says. Write the term in quotes, or list its forms in the pattern.")
            : pattern with { Inflected = true };
    }

    /// <summary>Reads a comma-separated list of at least one "term" or /pattern/, a term optionally followed by 'inflected'.</summary>
    public IReadOnlyList<PatternSyntax> Patterns(string what) => CommaList(() => InflectablePattern(what));

    /// <summary>Reads a comma-separated list of at least one "term", each optionally followed by 'inflected'.</summary>
    public IReadOnlyList<(Located Term, bool Inflected)> Terms(string what) => CommaList(() => (QuotedString(what), Accept("inflected")));

    /// <summary>Reads a comma-separated list of at least one "string".</summary>
    public IReadOnlyList<Located> QuotedStrings(string what) => CommaList(() => QuotedString(what));

    /// <summary>Reads a comma-separated list of at least one word.</summary>
    public IReadOnlyList<Located> Words(string what) => CommaList(() => Word(what));

    /// <summary>
    /// Reads a word that must be one of <paramref name="keywords"/>. Another word is an unknown
    /// keyword (DSL006) with did-you-mean: "unknown <paramref name="unknown"/> 'x'. Did you mean 'y'?
    /// Expected <paramref name="expected"/>."
    /// </summary>
    /// <param name="keywords">The words allowed here.</param>
    /// <param name="what">What is expected when the next token is not a word, such as "'https' or 'domains'".</param>
    /// <param name="unknown">What the word is called, such as "links check".</param>
    /// <param name="expected">The allowed words as the message lists them.</param>
    public Located OneOf(IReadOnlyList<string> keywords, string what, string unknown, string expected)
    {
        var word = Word(what);
        return keywords.Contains(word.Value)
            ? word
            : Fail<Located>(DslErrors.UnknownKeyword, word.Range,
                $"unknown {unknown} '{word.Value}'.{Suggestions.DidYouMean(word.Value, keywords)} Expected {expected}.");
    }

    /// <summary>Reads a whole number that fits a count, such as a number of segments; a fraction or a huge number is an error (DSL005).</summary>
    public int Count(string what)
    {
        var number = Number(what);
        return int.TryParse(number.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? count
            : Fail<int>(DslErrors.Expected, number.Range, $"expected {what} as a whole number from 0 to {int.MaxValue:N0}, found {number.Value}.");
    }

    /// <summary>Reads the bound of a limit, 'max' or 'min'; <paramref name="what"/> is what is expected when no word comes.</summary>
    public Located MaxOrMin(string what)
    {
        var bound = Word(what);
        return bound.Value is "max" or "min"
            ? bound
            : Fail<Located>(DslErrors.Expected, bound.Range, $"expected 'max' or 'min', found '{bound.Value}'.");
    }

    private List<T> CommaList<T>(Func<T> read)
    {
        var items = new List<T>();
        do
        {
            items.Add(read());
        }
        while (Accept(","));
        return items;
    }
}
