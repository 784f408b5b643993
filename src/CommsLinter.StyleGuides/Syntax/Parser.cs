using System.Diagnostics.CodeAnalysis;
using CommsLinter.Diagnostics;
using CommsLinter.Rules.Style;
using CommsLinter.Text;

namespace CommsLinter.StyleGuides.Syntax;

/// <summary>
/// Parses one .style file (grammar: docs/styleguide-dsl.md). Errors are reported and parsing
/// resumes at the next block, so one run shows every error of a file. A rule's body is read by its
/// kind (<see cref="StyleRuleKind.Parse"/>) through this parser's <see cref="RuleBodyParser"/> side.
/// </summary>
internal sealed class Parser : RuleBodyParser
{
    public static readonly string[] TopLevelKeywords = ["styleguide", "vocabulary", "abbreviations", "facts", "rule"];
    public static readonly string[] Severities = ["error", "warning", "suggestion"];

    /// <summary>
    /// How many parentheses and 'not's a condition may nest. Each level is a call of the parser and of
    /// the binder; a limit makes a hostile condition a positioned error instead of a stack overflow.
    /// Chains of 'and' and 'or' are lists, not levels, so they need no limit.
    /// </summary>
    public const int MaxConditionDepth = 32;

    private readonly SourceText _source;
    private readonly List<Finding> _diagnostics;
    private readonly IReadOnlyList<StyleRuleKind> _kinds;
    private readonly List<Token> _tokens;
    private int _position;

    private Parser(SourceText source, List<Finding> diagnostics, IReadOnlyList<StyleRuleKind> kinds)
    {
        _source = source;
        _diagnostics = diagnostics;
        _kinds = kinds;
        _tokens = Lexer.Tokenize(source, diagnostics);
    }

    private Token Next => _tokens[_position];

    private string KindNames => string.Join(", ", _kinds.Select(k => k.Name));

    public static GuideSyntax Parse(SourceText source, List<Finding> diagnostics, IReadOnlyList<StyleRuleKind> kinds)
    {
        var before = diagnostics.Count;
        var parser = new Parser(source, diagnostics, kinds);
        var lexed = diagnostics.Count;
        var guide = parser.ParseGuide();

        // A string or pattern left open swallows the rest of its line, so what the parser says after it is about
        // text that was never meant as written: the unclosed string is reported alone, first things first.
        if (diagnostics.Skip(before).Take(lexed - before).Any(d => d.RuleId == DslErrors.Unterminated.Id))
        {
            diagnostics.RemoveRange(lexed, diagnostics.Count - lexed);
        }

        return guide;
    }

    private GuideSyntax ParseGuide()
    {
        Located? name = null;
        var extends = new List<Located>();
        var vocabulary = new List<VocabularyTerm>();
        var abbreviations = new List<AbbreviationsSyntax>();
        var facts = new List<FactSyntax>();
        var rules = new List<RuleSyntax>();

        if (Next.Is("styleguide"))
        {
            _position++;
            name = Guarded(() => QuotedString("the style guide's name"));
            if (Next.Is("extends"))
            {
                _position++;
                Guarded(() =>
                {
                    do
                    {
                        extends.Add(QuotedString("the name of the guide to extend"));
                    }
                    while (Accept(","));
                    return 0;
                });
            }
        }
        else
        {
            Report(DslErrors.MissingHeader, Next.Range, "a style guide starts with 'styleguide \"Name\"'.");
        }

        while (Next.Kind != TokenKind.End)
        {
            var start = _position;
            switch (Next.Value)
            {
                case "vocabulary" when Next.Kind == TokenKind.Word:
                    Guarded(() => ParseVocabulary(vocabulary));
                    break;
                case "abbreviations" when Next.Kind == TokenKind.Word:
                    Guarded(() => ParseAbbreviations(abbreviations));
                    break;
                case "facts" when Next.Kind == TokenKind.Word:
                    Guarded(() => ParseFacts(facts));
                    break;
                case "rule" when Next.Kind == TokenKind.Word:
                    if (Guarded(ParseRule) is { } rule)
                    {
                        rules.Add(rule);
                    }

                    break;
                default:
                    if (Next.Kind == TokenKind.Word)
                    {
                        Report(DslErrors.UnknownKeyword, Next.Range,
                            $"unknown keyword '{Next.Value}'.{Suggestions.DidYouMean(Next.Value, TopLevelKeywords)} Expected 'vocabulary', 'abbreviations', 'facts' or 'rule'.");
                    }
                    else if (Next.Kind != TokenKind.Bad)
                    {
                        Report(DslErrors.Expected, Next.Range, $"expected 'vocabulary', 'abbreviations', 'facts' or 'rule', found {Next}.");
                    }

                    break;
            }

            if (_position == start)
            {
                SkipToTopLevel();
            }
        }

        return new GuideSyntax(_source, name, extends, vocabulary, abbreviations, facts, rules);
    }

    private int ParseVocabulary(List<VocabularyTerm> terms)
    {
        _position++;
        Expect("{", "after 'vocabulary'");
        while (!Accept("}"))
        {
            var keyword = Word("'accept' or 'reject'");
            if (keyword.Value is not ("accept" or "reject"))
            {
                Fail(DslErrors.UnknownKeyword, keyword.Range,
                    $"unknown keyword '{keyword.Value}' in vocabulary.{Suggestions.DidYouMean(keyword.Value, ["accept", "reject"])} Expected 'accept' or 'reject'.");
            }

            do
            {
                var term = QuotedString("a word or phrase");
                terms.Add(new VocabularyTerm(term.Value, keyword.Value == "accept", term.Range));
            }
            while (Accept(","));
        }

        return 0;
    }

    private int ParseAbbreviations(List<AbbreviationsSyntax> abbreviations)
    {
        _position++;
        var locale = Word("a locale such as pl");
        var words = new List<Located>();
        do
        {
            words.Add(QuotedString("an abbreviation such as \"szt.\""));
        }
        while (Accept(","));

        abbreviations.Add(new AbbreviationsSyntax(locale, words));
        return 0;
    }

    private int ParseFacts(List<FactSyntax> facts)
    {
        _position++;
        Expect("{", "after 'facts'");
        while (!Accept("}"))
        {
            var name = Word("a fact name");
            Expect("=", $"after the fact name '{name.Value}'");
            var kind = Word("the kind of the fact (phone, email, url, days, money, percent, text)");
            var value = Next.Kind is TokenKind.String or TokenKind.Number
                ? new Located(Next.Value, Next.Range)
                : Fail<Located>(DslErrors.Expected, Next.Range, $"expected the fact's value (a \"string\" or a number), found {Next}.");
            _position++;
            facts.Add(new FactSyntax(name, kind, value));
        }

        return 0;
    }

    private RuleSyntax ParseRule()
    {
        _position++;
        var id = Word("a rule id such as 'brand.name'");
        var severity = Word("a severity (error, warning or suggestion)");
        if (!Severities.Contains(severity.Value))
        {
            Fail(DslErrors.UnknownKeyword, severity.Range,
                $"unknown severity '{severity.Value}'.{Suggestions.DidYouMean(severity.Value, Severities)} Expected error, warning or suggestion.");
        }

        var message = QuotedString("the rule's message");
        Located? review = null;
        if (Accept("review"))
        {
            review = Word("the team that reviews what this rule flags, such as 'legal'");
        }

        Expect("{", "to open the rule's body");
        ConditionSyntax? when = null;
        var scopes = new List<Located>();
        BodySyntax? body = null;
        while (!Accept("}"))
        {
            if (Next.Kind == TokenKind.End)
            {
                Fail(DslErrors.Expected, Next.Range, $"rule '{id.Value}' is not closed. Add '}}'.");
            }

            var keyword = Word("'when', 'in' or a rule kind");
            switch (keyword.Value)
            {
                case "when":
                    when = ParseOr(0);
                    break;
                case "in":
                    scopes.AddRange(Words("a scope (subject, preheader, title, heading, body, link, alt, button, footer, sms)"));
                    break;
                default:
                    if (body is not null)
                    {
                        Fail(DslErrors.Expected, keyword.Range, $"rule '{id.Value}' already has a '{body.Kind.Name}' body; a rule has one kind. Write a second rule.");
                    }

                    var kind = _kinds.FirstOrDefault(k => k.Name == keyword.Value)
                        ?? Fail<StyleRuleKind>(DslErrors.UnknownKind, keyword.Range,
                            $"unknown rule kind '{keyword.Value}'.{Suggestions.DidYouMean(keyword.Value, _kinds.Select(k => k.Name).Concat(["when", "in"]))} Expected 'when', 'in' or one of: {KindNames}.");
                    body = new BodySyntax(kind, kind.Parse(this));
                    break;
            }
        }

        return body is null
            ? Fail<RuleSyntax>(DslErrors.Expected, id.Range, $"rule '{id.Value}' has no body. Add one of: {KindNames}.")
            : new RuleSyntax(id, severity, message, review, when, scopes, body);
    }

    private ConditionSyntax ParseOr(int depth) => ParseChain("or", depth, ParseAnd, operands => new OrCondition(operands));

    private ConditionSyntax ParseAnd(int depth) => ParseChain("and", depth, ParseUnary, operands => new AndCondition(operands));

    /// <summary>Operands joined by <paramref name="keyword"/>, read as one list: however long the chain, nothing nests.</summary>
    private ConditionSyntax ParseChain(string keyword, int depth, Func<int, ConditionSyntax> operand, Func<List<ConditionSyntax>, ConditionSyntax> join)
    {
        var first = operand(depth);
        if (!Next.Is(keyword))
        {
            return first;
        }

        var operands = new List<ConditionSyntax> { first };
        while (Accept(keyword))
        {
            operands.Add(operand(depth));
        }

        return join(operands);
    }

    /// <param name="depth">How many parentheses and 'not's enclose this factor.</param>
    private ConditionSyntax ParseUnary(int depth)
    {
        var opening = Next;
        if (opening.Is("not") || opening.Is("("))
        {
            if (depth == MaxConditionDepth)
            {
                Fail(DslErrors.TooDeep, opening.Range,
                    $"the condition nests parentheses and 'not' more than {MaxConditionDepth} levels deep here. Write it flatter: 'not not' cancels out, " +
                    "a list such as 'channel [email, sms]' stands for a chain of 'or', and a condition too long to read can be split into two rules.");
            }

            _position++;
            if (opening.Is("not"))
            {
                return new NotCondition(ParseUnary(depth + 1), opening.Range);
            }

            var inner = ParseOr(depth + 1);
            Expect(")", "to close the condition");
            return inner;
        }

        var field = Word("a condition such as 'channel email'");
        var values = new List<Located>();
        if (Accept("["))
        {
            values.AddRange(Words("a name"));
            Expect("]", "to close the list");
        }
        else
        {
            values.Add(Word($"a value after '{field.Value}'"));
        }

        return new TestCondition(field, values);
    }

    public override string Current => Next.ToString();

    public override TextRange CurrentRange => Next.Range;

    public override PatternSyntax Pattern(string what)
    {
        var token = Next;
        if (token.Kind is not (TokenKind.String or TokenKind.Regex))
        {
            return Fail<PatternSyntax>(DslErrors.Expected, token.Range, $"expected {what}, found {token}.");
        }

        _position++;
        return new PatternSyntax(token.Value, token.Kind == TokenKind.Regex, token.Flags, token.Range);
    }

    public override Located QuotedString(string what) => ExpectToken(TokenKind.String, $"{what} in \"double quotes\"");

    public override Located Word(string what) => ExpectToken(TokenKind.Word, what);

    public override Located Number(string what) => ExpectToken(TokenKind.Number, what);

    private Located ExpectToken(TokenKind kind, string what)
    {
        if (Next.Kind != kind)
        {
            return Fail<Located>(DslErrors.Expected, Next.Range, $"expected {what}, found {Next}.");
        }

        var token = Next;
        _position++;
        return new Located(token.Value, token.Range);
    }

    public override bool Accept(string word)
    {
        if (!Next.Is(word))
        {
            return false;
        }

        _position++;
        return true;
    }

    private void Report(RuleDescriptor code, TextRange range, string message) =>
        _diagnostics.Add(code.At(_source, range, message));

    [DoesNotReturn]
    public override T Fail<T>(RuleDescriptor code, TextRange range, string message)
    {
        Report(code, range, message);
        throw new SyntaxErrorException();
    }

    /// <summary>Runs a block's parser; after an error, skips to the end of the block and goes on.</summary>
    private T? Guarded<T>(Func<T> parse)
    {
        var depth = 0;
        var start = _position;
        try
        {
            return parse();
        }
        catch (SyntaxErrorException)
        {
            // Find how many braces the failed block had opened, then skip until they are closed.
            for (var i = start; i < _position; i++)
            {
                depth += _tokens[i].Is("{") ? 1 : _tokens[i].Is("}") ? -1 : 0;
            }

            while (Next.Kind != TokenKind.End && (depth > 0 || !IsTopLevel(Next)))
            {
                depth += Next.Is("{") ? 1 : Next.Is("}") ? -1 : 0;
                _position++;
                if (depth == 0 && _tokens[_position - 1].Is("}"))
                {
                    break;
                }
            }

            return default;
        }
    }

    private void SkipToTopLevel()
    {
        do
        {
            _position++;
        }
        while (Next.Kind != TokenKind.End && !IsTopLevel(Next));
    }

    private static bool IsTopLevel(Token token) => token.Kind == TokenKind.Word && TopLevelKeywords.Contains(token.Value);

    private sealed class SyntaxErrorException : Exception;
}
