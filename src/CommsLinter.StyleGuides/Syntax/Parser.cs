using CommsLinter.Diagnostics;
using CommsLinter.Rules.Style;
using CommsLinter.Text;

namespace CommsLinter.StyleGuides.Syntax;

/// <summary>
/// Parses one .style file (grammar: docs/styleguide-dsl.md). Errors are reported and parsing
/// resumes at the next block, so one run shows every error of a file.
/// </summary>
internal sealed class Parser
{
    public static readonly string[] TopLevelKeywords = ["styleguide", "vocabulary", "facts", "rule"];
    public static readonly string[] RuleKinds = ["forbid", "prefer", "require", "limit", "capitalization", "consistent", "sms", "links", "images", "readability", "address-form", "spelling"];
    public static readonly string[] Severities = ["error", "warning", "suggestion"];
    public static readonly string[] RequireKinds = ["phrase", "pattern", "link", "fact"];

    private readonly SourceText _source;
    private readonly List<Finding> _diagnostics;
    private readonly List<Token> _tokens;
    private int _position;

    private Parser(SourceText source, List<Finding> diagnostics)
    {
        _source = source;
        _diagnostics = diagnostics;
        _tokens = Lexer.Tokenize(source, diagnostics);
    }

    private Token Current => _tokens[_position];

    public static GuideSyntax Parse(SourceText source, List<Finding> diagnostics) => new Parser(source, diagnostics).ParseGuide();

    private GuideSyntax ParseGuide()
    {
        Located? name = null;
        var extends = new List<Located>();
        var vocabulary = new List<VocabularyTerm>();
        var facts = new List<FactSyntax>();
        var rules = new List<RuleSyntax>();

        if (Current.Is("styleguide"))
        {
            _position++;
            name = Guarded(() => ExpectString("the style guide's name"));
            if (Current.Is("extends"))
            {
                _position++;
                Guarded(() =>
                {
                    do
                    {
                        extends.Add(ExpectString("the name of the guide to extend"));
                    }
                    while (Accept(","));
                    return 0;
                });
            }
        }
        else
        {
            Report(DslErrors.MissingHeader, Current.Range, "a style guide starts with 'styleguide \"Name\"'.");
        }

        while (Current.Kind != TokenKind.End)
        {
            var start = _position;
            switch (Current.Value)
            {
                case "vocabulary" when Current.Kind == TokenKind.Word:
                    Guarded(() => ParseVocabulary(vocabulary));
                    break;
                case "facts" when Current.Kind == TokenKind.Word:
                    Guarded(() => ParseFacts(facts));
                    break;
                case "rule" when Current.Kind == TokenKind.Word:
                    if (Guarded(ParseRule) is { } rule)
                    {
                        rules.Add(rule);
                    }

                    break;
                default:
                    if (Current.Kind == TokenKind.Word)
                    {
                        Report(DslErrors.UnknownKeyword, Current.Range,
                            $"unknown keyword '{Current.Value}'.{Suggestions.DidYouMean(Current.Value, TopLevelKeywords)} Expected 'vocabulary', 'facts' or 'rule'.");
                    }
                    else if (Current.Kind != TokenKind.Bad)
                    {
                        Report(DslErrors.Expected, Current.Range, $"expected 'vocabulary', 'facts' or 'rule', found {Current}.");
                    }

                    break;
            }

            if (_position == start)
            {
                SkipToTopLevel();
            }
        }

        return new GuideSyntax(_source, name, extends, vocabulary, facts, rules);
    }

    private int ParseVocabulary(List<VocabularyTerm> terms)
    {
        _position++;
        Expect("{", "after 'vocabulary'");
        while (!Accept("}"))
        {
            var keyword = ExpectWord("'accept' or 'reject'");
            if (keyword.Value is not ("accept" or "reject"))
            {
                Fail(DslErrors.UnknownKeyword, keyword.Range,
                    $"unknown keyword '{keyword.Value}' in vocabulary.{Suggestions.DidYouMean(keyword.Value, ["accept", "reject"])} Expected 'accept' or 'reject'.");
            }

            do
            {
                var term = ExpectString("a word or phrase");
                terms.Add(new VocabularyTerm(term.Value, keyword.Value == "accept", term.Range));
            }
            while (Accept(","));
        }

        return 0;
    }

    private int ParseFacts(List<FactSyntax> facts)
    {
        _position++;
        Expect("{", "after 'facts'");
        while (!Accept("}"))
        {
            var name = ExpectWord("a fact name");
            Expect("=", $"after the fact name '{name.Value}'");
            var kind = ExpectWord("the kind of the fact (phone, email, url, days, money, percent, text)");
            var value = Current.Kind is TokenKind.String or TokenKind.Number
                ? new Located(Current.Value, Current.Range)
                : Fail<Located>(DslErrors.Expected, Current.Range, $"expected the fact's value (a \"string\" or a number), found {Current}.");
            _position++;
            facts.Add(new FactSyntax(name, kind, value));
        }

        return 0;
    }

    private RuleSyntax ParseRule()
    {
        _position++;
        var id = ExpectWord("a rule id such as 'brand.name'");
        var severity = ExpectWord("a severity (error, warning or suggestion)");
        if (!Severities.Contains(severity.Value))
        {
            Fail(DslErrors.UnknownKeyword, severity.Range,
                $"unknown severity '{severity.Value}'.{Suggestions.DidYouMean(severity.Value, Severities)} Expected error, warning or suggestion.");
        }

        var message = ExpectString("the rule's message");
        Located? review = null;
        if (Accept("review"))
        {
            review = ExpectWord("the team that reviews what this rule flags, such as 'legal'");
        }

        Expect("{", "to open the rule's body");
        ConditionSyntax? when = null;
        var scopes = new List<Located>();
        BodySyntax? body = null;
        while (!Accept("}"))
        {
            if (Current.Kind == TokenKind.End)
            {
                Fail(DslErrors.Expected, Current.Range, $"rule '{id.Value}' is not closed. Add '}}'.");
            }

            var keyword = ExpectWord("'when', 'in' or a rule kind");
            switch (keyword.Value)
            {
                case "when":
                    when = ParseOr();
                    break;
                case "in":
                    do
                    {
                        scopes.Add(ExpectWord("a scope (subject, preheader, title, heading, body, link, alt, button, footer, sms)"));
                    }
                    while (Accept(","));
                    break;
                default:
                    if (body is not null)
                    {
                        Fail(DslErrors.Expected, keyword.Range, $"rule '{id.Value}' already has a '{body.Kind.Value}' body; a rule has one kind. Write a second rule.");
                    }

                    body = ParseBody(keyword);
                    break;
            }
        }

        if (body is null)
        {
            Fail(DslErrors.Expected, id.Range, $"rule '{id.Value}' has no body. Add one of: {string.Join(", ", RuleKinds)}.");
        }

        return new RuleSyntax(id, severity, message, review, when, scopes, body!);
    }

    private BodySyntax ParseBody(Located kind)
    {
        switch (kind.Value)
        {
            case "forbid":
                return new ForbidSyntax(kind, PatternList("a \"term\" or /pattern/ to forbid"));
            case "prefer":
                var preferred = ExpectString("the preferred term");
                if (!Accept("over"))
                {
                    Fail(DslErrors.ExpectedOver, Current.Range, $"expected 'over' after the preferred term, found {Current}. Write: prefer \"{preferred.Value}\" over \"...\".");
                }

                return new PreferSyntax(kind, preferred, PatternList("a \"term\" or /pattern/ to replace"));
            case "require":
                var what = ExpectWord("what to require: phrase, pattern, link or fact");
                switch (what.Value)
                {
                    case "phrase" or "pattern" or "link":
                        return new RequireSyntax(kind, what, Pattern("a \"phrase\" or /pattern/"), null);
                    case "fact":
                        return new RequireSyntax(kind, what, null, ExpectWord("a fact name"));
                    default:
                        return Fail<BodySyntax>(DslErrors.UnknownKeyword, what.Range,
                            $"unknown requirement '{what.Value}'.{Suggestions.DidYouMean(what.Value, RequireKinds)} Expected phrase, pattern, link or fact.");
                }

            case "limit":
                var metric = ExpectWord("a metric such as 'words-per-sentence'");
                var bound = ExpectWord("'max' or 'min'");
                if (bound.Value is not ("max" or "min"))
                {
                    Fail(DslErrors.Expected, bound.Range, $"expected 'max' or 'min', found '{bound.Value}'.");
                }

                if (Current.Kind != TokenKind.Number)
                {
                    Fail(DslErrors.Expected, Current.Range, $"expected a number after '{bound.Value}', found {Current}.");
                }

                var value = new Located(Current.Value, Current.Range);
                _position++;
                return new LimitSyntax(kind, metric, bound, value);
            case "capitalization":
                var names = new List<Located>();
                do
                {
                    names.Add(ExpectString("a name in its exact casing, such as \"Okna Nowak\""));
                }
                while (Accept(","));
                return new CapitalizationSyntax(kind, names);
            case "consistent":
                var factKind = ExpectWord("a fact kind (phone, email, url, days, money, percent)");
                Expect("with", $"after '{factKind.Value}'");
                var facts = new List<Located>();
                do
                {
                    facts.Add(ExpectWord("a fact name"));
                }
                while (Accept(","));
                return new ConsistentSyntax(kind, factKind, facts, Accept("near") ? PatternList("a \"term\" the value must be near") : []);
            case "sms":
                Expect("segments", "after 'sms' (sms segments max 2)");
                Expect("max", "after 'segments'");
                return new SmsSyntax(kind, ExpectToken(TokenKind.Number, "the largest number of segments"));
            case "links":
                var mode = ExpectWord("'https' or 'domains'");
                switch (mode.Value)
                {
                    case "https":
                        return new LinksSyntax(kind, mode, []);
                    case "domains":
                        var domains = new List<Located>();
                        do
                        {
                            domains.Add(ExpectString("a domain such as \"oknanowak.pl\""));
                        }
                        while (Accept(","));
                        return new LinksSyntax(kind, mode, domains);
                    default:
                        return Fail<BodySyntax>(DslErrors.UnknownKeyword, mode.Range,
                            $"unknown links check '{mode.Value}'.{Suggestions.DidYouMean(mode.Value, ["https", "domains"])} Expected 'https' or 'domains'.");
                }

            case "readability":
                var formula = ExpectWord("a formula: flesch, flesch-ru, gulpease or fog-pl");
                var direction = ExpectWord("'min' or 'max'");
                if (direction.Value is not ("max" or "min"))
                {
                    Fail(DslErrors.Expected, direction.Range, $"expected 'max' or 'min', found '{direction.Value}'.");
                }

                return new ReadabilitySyntax(kind, formula, direction, ExpectToken(TokenKind.Number, "the score"));
            case "address-form":
                Expect("formal", "after 'address-form' (address-form formal \"...\" informal \"...\")");
                var formal = PatternList("a formal marker such as \"Państwo\"");
                Expect("informal", "after the formal markers");
                return new AddressFormSyntax(kind, formal, PatternList("an informal marker such as \"ty\""));
            case "spelling":
                var accept = new List<Located>();
                var ignore = new List<PatternSyntax>();
                while (true)
                {
                    if (Accept("accept"))
                    {
                        do
                        {
                            accept.Add(ExpectString("a word to accept, such as \"NowakTherm\""));
                        }
                        while (Accept(","));
                    }
                    else if (Accept("ignore"))
                    {
                        ignore.AddRange(PatternList("a \"term\" or /pattern/ whose text is not spell-checked"));
                    }
                    else
                    {
                        return new SpellingSyntax(kind, accept, ignore);
                    }
                }

            case "images":
                var check = ExpectWord("'alt'");
                if (check.Value != "alt")
                {
                    Fail(DslErrors.UnknownKeyword, check.Range, $"unknown images check '{check.Value}'.{Suggestions.DidYouMean(check.Value, ["alt"])} Expected 'alt'.");
                }

                return new ImagesSyntax(kind, check);
            default:
                return Fail<BodySyntax>(DslErrors.UnknownKind, kind.Range,
                    $"unknown rule kind '{kind.Value}'.{Suggestions.DidYouMean(kind.Value, RuleKinds.Concat(["when", "in"]))} Expected 'when', 'in' or one of: {string.Join(", ", RuleKinds)}.");
        }
    }

    private ConditionSyntax ParseOr()
    {
        var left = ParseAnd();
        while (Accept("or"))
        {
            left = new OrCondition(left, ParseAnd());
        }

        return left;
    }

    private ConditionSyntax ParseAnd()
    {
        var left = ParseUnary();
        while (Accept("and"))
        {
            left = new AndCondition(left, ParseUnary());
        }

        return left;
    }

    private ConditionSyntax ParseUnary()
    {
        if (Current.Is("not"))
        {
            var at = Current.Range;
            _position++;
            return new NotCondition(ParseUnary(), at);
        }

        if (Accept("("))
        {
            var inner = ParseOr();
            Expect(")", "to close the condition");
            return inner;
        }

        var field = ExpectWord("a condition such as 'channel email'");
        var values = new List<Located>();
        if (Accept("["))
        {
            do
            {
                values.Add(ExpectWord("a name"));
            }
            while (Accept(","));
            Expect("]", "to close the list");
        }
        else
        {
            values.Add(ExpectWord($"a value after '{field.Value}'"));
        }

        return new TestCondition(field, values);
    }

    private List<PatternSyntax> PatternList(string what)
    {
        var patterns = new List<PatternSyntax>();
        do
        {
            patterns.Add(Pattern(what));
        }
        while (Accept(","));
        return patterns;
    }

    private PatternSyntax Pattern(string what)
    {
        var token = Current;
        if (token.Kind is not (TokenKind.String or TokenKind.Regex))
        {
            return Fail<PatternSyntax>(DslErrors.Expected, token.Range, $"expected {what}, found {token}.");
        }

        _position++;
        return new PatternSyntax(token.Value, token.Kind == TokenKind.Regex, token.Flags, token.Range);
    }

    private Located ExpectString(string what) => ExpectToken(TokenKind.String, $"{what} in \"double quotes\"");

    private Located ExpectWord(string what) => ExpectToken(TokenKind.Word, what);

    private Located ExpectToken(TokenKind kind, string what)
    {
        if (Current.Kind != kind)
        {
            return Fail<Located>(DslErrors.Expected, Current.Range, $"expected {what}, found {Current}.");
        }

        var token = Current;
        _position++;
        return new Located(token.Value, token.Range);
    }

    private void Expect(string value, string context)
    {
        if (!Accept(value))
        {
            Fail(DslErrors.Expected, Current.Range, $"expected '{value}' {context}, found {Current}.");
        }
    }

    private bool Accept(string value)
    {
        if (!Current.Is(value))
        {
            return false;
        }

        _position++;
        return true;
    }

    private void Report(RuleDescriptor code, TextRange range, string message) =>
        _diagnostics.Add(code.At(_source, range, message));

    private void Fail(RuleDescriptor code, TextRange range, string message) => Fail<int>(code, range, message);

    private T Fail<T>(RuleDescriptor code, TextRange range, string message)
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

            while (Current.Kind != TokenKind.End && (depth > 0 || !IsTopLevel(Current)))
            {
                depth += Current.Is("{") ? 1 : Current.Is("}") ? -1 : 0;
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
        while (Current.Kind != TokenKind.End && !IsTopLevel(Current));
    }

    private static bool IsTopLevel(Token token) => token.Kind == TokenKind.Word && TopLevelKeywords.Contains(token.Value);

    private sealed class SyntaxErrorException : Exception;
}
