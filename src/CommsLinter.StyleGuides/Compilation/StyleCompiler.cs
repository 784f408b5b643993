using CommsLinter.Catalog;
using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Pipeline;
using CommsLinter.Rules.Style;
using CommsLinter.Spelling;
using CommsLinter.StyleGuides.Syntax;
using CommsLinter.Text;

namespace CommsLinter.StyleGuides.Compilation;

/// <summary>
/// Binds parsed guides into one <see cref="StyleSet"/>. Guides are ordered so that a guide comes
/// after every guide it extends; a guide's fact or rule replaces the same name in a guide it extends;
/// the same name in two unrelated guides is an error. Every error is reported, with did-you-mean.
/// </summary>
public sealed class StyleCompiler
{
    /// <summary>The rule every guide's <c>reject</c> words share; it exists in a run only when a guide rejects words.</summary>
    public static readonly RuleDescriptor RejectedWords = new("vocabulary.rejected", "A word the style guides reject", Severity.Warning);

    private static readonly string[] ConditionFields = ["touchpoint", "stage", "process", "owner", "channel", "locale", "flag"];

    private static readonly Dictionary<string, RuleScope> ScopeNames = new(StringComparer.Ordinal)
    {
        ["subject"] = RuleScope.Subject,
        ["preheader"] = RuleScope.Preheader,
        ["title"] = RuleScope.Title,
        ["heading"] = RuleScope.Heading,
        ["body"] = RuleScope.Body,
        ["link"] = RuleScope.Link,
        ["alt"] = RuleScope.Alt,
        ["button"] = RuleScope.Button,
        ["footer"] = RuleScope.Footer,
        ["sms"] = RuleScope.Sms,
    };

    /// <summary>The words a guide's blocks start with (styleguide, vocabulary, facts, rule, ...), for an editor's completion.</summary>
    public static IReadOnlyList<string> BlockKeywords => Syntax.Parser.TopLevelKeywords;

    /// <summary>The fields a <c>when</c> condition tests, for an editor's completion.</summary>
    public static IReadOnlyList<string> ConditionFieldNames => ConditionFields;

    /// <summary>The scopes an <c>in</c> clause names, for an editor's completion.</summary>
    public static IReadOnlyCollection<string> ScopeKeywords => ScopeNames.Keys;

    private readonly JourneyCatalog? _catalog;
    private readonly List<Finding> _diagnostics;
    private readonly SpellingDictionaries _dictionaries;

    private StyleCompiler(JourneyCatalog? catalog, List<Finding> diagnostics, SpellingDictionaries dictionaries)
    {
        _catalog = catalog;
        _diagnostics = diagnostics;
        _dictionaries = dictionaries;
    }

    /// <param name="dictionaries">Where spelling rules find their dictionaries; the shipped ones when null.</param>
    /// <param name="kinds">The rule kinds guides may use, each with its own name; <see cref="StyleRuleKinds.All"/> when null.</param>
    public static StyleSet Compile(
        IEnumerable<SourceText> files, JourneyCatalog? catalog, List<Finding> diagnostics, SpellingDictionaries? dictionaries = null, IReadOnlyList<StyleRuleKind>? kinds = null)
    {
        var errors = new List<Finding>();
        var guides = files.Select(f => Parser.Parse(f, errors, kinds ?? StyleRuleKinds.All)).ToList();
        var style = new StyleCompiler(catalog, errors, dictionaries ?? new SpellingDictionaries(null)).Bind(guides);
        errors.Sort(Finding.Order);
        diagnostics.AddRange(errors);
        return style;
    }

    private StyleSet Bind(List<GuideSyntax> guides)
    {
        var byName = new Dictionary<string, GuideSyntax>(StringComparer.Ordinal);
        foreach (var guide in guides.Where(g => g.Name is not null))
        {
            if (!byName.TryAdd(guide.Name!.Value, guide))
            {
                Error(DslErrors.DuplicateGuide, guide, guide.Name.Range,
                    $"a style guide named \"{guide.Name.Value}\" is already defined in {byName[guide.Name.Value].Source.Path}.");
            }
        }

        var ordered = Order(guides, byName);
        bool Overrides(GuideSyntax later, GuideSyntax earlier) => Extends(later, earlier, byName);

        var accepted = new HashSet<string>(StringComparer.Ordinal);
        var rejected = new List<string>();
        var abbreviations = SentenceAbbreviations.Shipped.With(ordered.SelectMany(g => g.Abbreviations.Where(a => IsKnownLocale(g, a.Locale))
            .SelectMany(a => a.Words.Select(w => (a.Locale.Value, w.Value)))));
        var facts = new Dictionary<string, (Fact Fact, GuideSyntax Guide)>(StringComparer.Ordinal);
        foreach (var guide in ordered)
        {
            foreach (var term in guide.Vocabulary)
            {
                (term.Accepted ? (ICollection<string>)accepted : rejected).Add(term.Term);
            }

            foreach (var syntax in guide.Facts)
            {
                if (BindFact(guide, syntax) is not { } fact)
                {
                    continue;
                }

                if (facts.TryGetValue(fact.Name, out var existing) && !Overrides(guide, existing.Guide))
                {
                    Error(DslErrors.DuplicateFact, guide, syntax.Name.Range,
                        $"fact '{fact.Name}' is already defined in {existing.Guide.Source.Path}. Rename one, or make this guide extend that one to override it.");
                    continue;
                }

                facts[fact.Name] = (fact, guide);
            }
        }

        var factValues = facts.ToDictionary(f => f.Key, f => f.Value.Fact, StringComparer.Ordinal);
        var rules = new Dictionary<string, (StyleRule Rule, GuideSyntax Guide)>(StringComparer.Ordinal);
        foreach (var guide in ordered)
        {
            foreach (var syntax in guide.Rules)
            {
                if (BindRule(guide, syntax, factValues, accepted, abbreviations) is not { } rule)
                {
                    continue;
                }

                if (rules.TryGetValue(rule.Id, out var existing) && (existing.Guide == guide || !Overrides(guide, existing.Guide)))
                {
                    Error(DslErrors.DuplicateRule, guide, syntax.Id.Range,
                        $"rule '{rule.Id}' is already defined at {existing.Rule.Header.DefinedIn}({existing.Rule.Header.DefinedAt.Start}). Give it another id, or override it from a guide that extends that one.");
                    continue;
                }

                rules[rule.Id] = (rule, guide);
            }
        }

        var all = rules.Values.Select(r => r.Rule).ToList();
        if (rejected.Count > 0)
        {
            var header = new StyleRuleHeader(RejectedWords,
                "“{match}” is on the style guides' list of rejected words.", null, RuleCondition.Always, RuleScope.Everything, "styleguides", Location.FileStart);
            all.Add(new ForbidRule(header, [.. rejected.Select(w => TextPattern.Term(w))]));
        }

        return new StyleSet(all, factValues, accepted, [.. ordered.Select(g => g.Source.Path)]);
    }

    /// <summary>
    /// The guides, each after the guides it extends: a depth-first walk with its own stack, so that a
    /// chain of guides as long as the folder holds cannot exhaust the thread's.
    /// </summary>
    private List<GuideSyntax> Order(List<GuideSyntax> guides, Dictionary<string, GuideSyntax> byName)
    {
        var ordered = new List<GuideSyntax>();
        var done = new HashSet<GuideSyntax>();
        // The guides being visited, from the first, each with the index of the next guide it extends.
        var path = new List<(GuideSyntax Guide, int Next)>();
        var visiting = new HashSet<GuideSyntax>();
        foreach (var start in guides.Where(g => !done.Contains(g)))
        {
            path.Add((start, 0));
            visiting.Add(start);
            while (path.Count > 0)
            {
                var (guide, next) = path[^1];
                if (next == guide.Extends.Count)
                {
                    path.RemoveAt(path.Count - 1);
                    visiting.Remove(guide);
                    done.Add(guide);
                    ordered.Add(guide);
                    continue;
                }

                path[^1] = (guide, next + 1);
                var parent = guide.Extends[next];
                if (!byName.TryGetValue(parent.Value, out var parentGuide))
                {
                    Error(DslErrors.UnknownGuide, guide, parent.Range,
                        $"no style guide is named \"{parent.Value}\".{Suggestions.DidYouMean(parent.Value, byName.Keys)} Guides found: {string.Join(", ", byName.Keys.Order(StringComparer.Ordinal))}.");
                }
                else if (visiting.Contains(parentGuide))
                {
                    var cycle = path.Skip(path.FindIndex(p => p.Guide == parentGuide)).Select(p => p.Guide).Append(parentGuide).Select(g => $"\"{g.Name?.Value}\"");
                    Error(DslErrors.ExtendsCycle, parentGuide, parentGuide.Name?.Range ?? default, $"style guides extend each other in a cycle: {string.Join(" extends ", cycle)}.");
                }
                else if (!done.Contains(parentGuide))
                {
                    path.Add((parentGuide, 0));
                    visiting.Add(parentGuide);
                }
            }
        }

        return ordered;
    }

    /// <summary>
    /// Whether <paramref name="guide"/> extends <paramref name="ancestor"/>, directly or through other guides.
    /// Asked only where two guides define the same name, and searched from the guide outwards, so it is
    /// found at once in the usual case: a guide overriding what the guide it names defines.
    /// </summary>
    private static bool Extends(GuideSyntax guide, GuideSyntax ancestor, Dictionary<string, GuideSyntax> byName)
    {
        var seen = new HashSet<GuideSyntax>();
        var pending = new Queue<GuideSyntax>([guide]);
        while (pending.TryDequeue(out var next))
        {
            foreach (var parent in next.Extends)
            {
                if (!byName.TryGetValue(parent.Value, out var parentGuide) || !seen.Add(parentGuide))
                {
                    continue;
                }

                if (parentGuide == ancestor)
                {
                    return true;
                }

                pending.Enqueue(parentGuide);
            }
        }

        return false;
    }

    private Fact? BindFact(GuideSyntax guide, FactSyntax syntax)
    {
        if (!Fact.TryParseKind(syntax.Kind.Value, out var kind))
        {
            Error(DslErrors.UnknownFactKind, guide, syntax.Kind.Range,
                $"unknown fact kind '{syntax.Kind.Value}'.{Suggestions.DidYouMean(syntax.Kind.Value, Fact.KindNames)} Kinds: {string.Join(", ", Fact.KindNames)}.");
            return null;
        }

        if (Fact.Validate(kind, syntax.Value.Value) is { } problem)
        {
            Error(DslErrors.InvalidFactValue, guide, syntax.Value.Range, $"'{syntax.Value.Value}' is not a valid {syntax.Kind.Value}: {problem}.");
            return null;
        }

        return new Fact(syntax.Name.Value, kind, syntax.Value.Value);
    }

    private StyleRule? BindRule(GuideSyntax guide, RuleSyntax syntax, Dictionary<string, Fact> facts, IReadOnlySet<string> accepted, SentenceAbbreviations abbreviations)
    {
        var errors = _diagnostics.Count;
        var severity = syntax.Severity.Value switch { "warning" => Severity.Warning, "suggestion" => Severity.Suggestion, _ => Severity.Error };
        foreach (var name in Placeholders(syntax.Message.Value))
        {
            if (!MessageValues.Names.Contains(name))
            {
                Error(DslErrors.UnknownPlaceholder, guide, syntax.Message.Range,
                    $"the message names '{{{name}}}', which no rule fills in.{Suggestions.DidYouMean(name, MessageValues.Names)} Known: {string.Join(", ", MessageValues.Names.Select(n => $"{{{n}}}"))}.");
            }
        }

        var scope = RuleScope.None;
        foreach (var name in syntax.Scopes)
        {
            if (ScopeNames.TryGetValue(name.Value, out var s))
            {
                scope |= s;
            }
            else
            {
                Error(DslErrors.UnknownScope, guide, name.Range,
                    $"unknown scope '{name.Value}'.{Suggestions.DidYouMean(name.Value, ScopeNames.Keys)} Scopes: {string.Join(", ", ScopeNames.Keys)}.");
            }
        }

        var condition = syntax.When is null ? RuleCondition.Always : BindCondition(guide, syntax.When);
        var header = new StyleRuleHeader(
            new RuleDescriptor(syntax.Id.Value, syntax.Message.Value, severity) { HelpPath = syntax.Body.Kind.HelpPath, Review = syntax.Review?.Value },
            syntax.Message.Value,
            syntax.Review?.Value,
            condition,
            scope == RuleScope.None ? RuleScope.Everything : scope,
            guide.Source.Path,
            guide.Source.GetLocation(syntax.Id.Range));

        var rule = syntax.Body.Bind(new Binder(this, guide, header, facts, accepted, abbreviations));
        return _diagnostics.Count == errors ? rule : null;
    }

    /// <remarks>Recurses only into parentheses and 'not', which the parser limits (<see cref="Parser.MaxConditionDepth"/>).</remarks>
    private RuleCondition BindCondition(GuideSyntax guide, ConditionSyntax syntax)
    {
        switch (syntax)
        {
            case AndCondition and:
                var all = and.Operands.Select(o => BindCondition(guide, o)).ToArray();
                return new RuleCondition((d, c) => !AnyGives(all, false, d, c), string.Join(" and ", all.Select(o => o.Text)));
            case OrCondition or:
                var any = or.Operands.Select(o => BindCondition(guide, o)).ToArray();
                return new RuleCondition((d, c) => AnyGives(any, true, d, c), $"({string.Join(" or ", any.Select(o => o.Text))})");
            case NotCondition not:
                var operand = BindCondition(guide, not.Operand);
                return new RuleCondition((d, c) => !operand.Test(d, c), $"not {operand.Text}");
            case TestCondition test:
                return BindTest(guide, test);
            default:
                return RuleCondition.Always;
        }
    }

    /// <summary>Whether any of <paramref name="conditions"/> gives <paramref name="result"/>, stopping at the first that does.</summary>
    private static bool AnyGives(RuleCondition[] conditions, bool result, Document document, CheckContext context)
    {
        foreach (var condition in conditions)
        {
            if (condition.Test(document, context) == result)
            {
                return true;
            }
        }

        return false;
    }

    private RuleCondition BindTest(GuideSyntax guide, TestCondition test)
    {
        var field = test.Field.Value;
        var values = test.Values.Select(v => v.Value).ToHashSet(StringComparer.Ordinal);
        var text = $"{field} {(values.Count == 1 ? values.First() : $"[{string.Join(", ", values)}]")}";
        if (!ConditionFields.Contains(field))
        {
            Error(DslErrors.UnknownField, guide, test.Field.Range,
                $"unknown condition '{field}'.{Suggestions.DidYouMean(field, ConditionFields)} Conditions: {string.Join(", ", ConditionFields)}.");
            return RuleCondition.Always;
        }

        if (KnownValues(field) is { } known)
        {
            foreach (var value in test.Values.Where(v => !known.Contains(v.Value)))
            {
                Error(DslErrors.UnknownValue, guide, value.Range,
                    $"the catalog has no {field} '{value.Value}'.{Suggestions.DidYouMean(value.Value, known)}");
            }
        }

        Func<Document, CheckContext, bool> predicate = field switch
        {
            "touchpoint" => (d, _) => d.Touchpoint is { } t && values.Contains(t),
            "channel" => (d, _) => d.Channel is { } ch && values.Contains(ch),
            "locale" => (d, _) => d.Locale is { } l && values.Contains(l),
            _ => (d, c) => d.Touchpoint is { } t && c.Catalog?.FindTouchpoint(t) is { } tp && field switch
            {
                "stage" => values.Contains(tp.Stage),
                "process" => values.Contains(tp.Process),
                "owner" => values.Contains(tp.Owner),
                _ => tp.Flags.Any(values.Contains),
            },
        };
        return new RuleCondition(predicate, text);
    }

    /// <summary>Whether the catalog lists the locale an <c>abbreviations</c> line names; an error in its guide if not.</summary>
    private bool IsKnownLocale(GuideSyntax guide, Located locale)
    {
        if (KnownValues("locale") is not { } known || known.Contains(locale.Value))
        {
            return true;
        }

        Error(DslErrors.UnknownValue, guide, locale.Range, $"the catalog has no locale '{locale.Value}'.{Suggestions.DidYouMean(locale.Value, known)}");
        return false;
    }

    private IReadOnlyList<string>? KnownValues(string field) => _catalog is not { } catalog ? null : field switch
    {
        "touchpoint" => [.. catalog.Touchpoints.Select(t => t.Id)],
        "stage" => [.. catalog.Stages.Select(s => s.Id)],
        "process" => [.. catalog.Processes.Select(p => p.Id)],
        "owner" => [.. catalog.Teams.Select(t => t.Id)],
        "channel" => [.. catalog.Channels.Select(c => c.Id)],
        "locale" => catalog.Locales,
        _ => null,
    };

    private static IEnumerable<string> Placeholders(string message)
    {
        var i = 0;
        while ((i = message.IndexOf('{', i)) >= 0)
        {
            var close = message.IndexOf('}', i);
            if (close < 0)
            {
                yield break;
            }

            yield return message[(i + 1)..close];
            i = close + 1;
        }
    }

    private void Error(RuleDescriptor code, GuideSyntax guide, TextRange range, string message) =>
        _diagnostics.Add(code.At(guide.Source, range, message));

    /// <summary>What one rule's kind binds its body with: the guides' facts and vocabulary, errors reported in the rule's guide.</summary>
    private sealed class Binder(StyleCompiler compiler, GuideSyntax guide, StyleRuleHeader header, Dictionary<string, Fact> facts, IReadOnlySet<string> accepted, SentenceAbbreviations abbreviations)
        : RuleBinder
    {
        public override StyleRuleHeader Header => header;

        public override IReadOnlySet<string> AcceptedWords => accepted;

        public override SentenceAbbreviations Abbreviations => abbreviations;

        public override SpellingDictionaries Dictionaries => compiler._dictionaries;

        public override IReadOnlyList<TextPattern> Patterns(IReadOnlyList<PatternSyntax> patterns)
        {
            var result = new List<TextPattern>();
            foreach (var pattern in patterns)
            {
                if (!pattern.IsRegex)
                {
                    if (!pattern.Inflected)
                    {
                        result.Add(TextPattern.Term(pattern.Text));
                    }
                    else if (InflectableWords(pattern.Text, pattern.Range) is { } words)
                    {
                        result.Add(TextPattern.Inflected(new InflectedTerm(words, Spellers)));
                    }

                    continue;
                }

                try
                {
                    result.Add(TextPattern.Regex(pattern.Text, pattern.Flags));
                }
                catch (ArgumentException ex)
                {
                    Report(DslErrors.InvalidPattern, pattern.Range, $"invalid pattern /{pattern.Text}/{pattern.Flags}: {ex.Message.Replace($"Invalid pattern '{pattern.Text}' at offset", "at offset", StringComparison.Ordinal)}");
                }
            }

            return result;
        }

        public override InflectedTerm? Inflected(Located term) =>
            InflectableWords(term.Value, term.Range) is { } words ? new InflectedTerm(words, Spellers) : null;

        private CommsLinter.Spelling.CachedSpeller? Spellers(string locale) => compiler._dictionaries.For(locale).Checker;

        /// <summary>
        /// The term as the words an inflected term matches, separated by spaces; null after reporting a term that has no word or
        /// holds punctuation ("sp. z o.o.", "McDonald's"), which the words of a text never match when inflected.
        /// </summary>
        private string? InflectableWords(string term, TextRange range)
        {
            var words = string.Join(' ', InflectedTerm.WordsOf(term));
            if (words.Length > 0 && words == string.Join(' ', term.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            {
                return words;
            }

            Report(DslErrors.Expected, range, words.Length == 0
                ? $"an inflected term needs a word; \"{term}\" has none."
                : $"an inflected term is words separated by spaces, and \"{term}\" holds punctuation, which no form of a word matches. Write it without 'inflected', or as \"{words}\" inflected.");
            return null;
        }

        public override Fact? Fact(Located name)
        {
            if (facts.TryGetValue(name.Value, out var fact))
            {
                return fact;
            }

            Report(DslErrors.UnknownFact, name.Range, $"unknown fact '{name.Value}'.{Suggestions.DidYouMean(name.Value, facts.Keys)} Define it in a 'facts' block.");
            return null;
        }

        public override void Report(RuleDescriptor code, TextRange range, string message) => compiler.Error(code, guide, range, message);
    }
}
