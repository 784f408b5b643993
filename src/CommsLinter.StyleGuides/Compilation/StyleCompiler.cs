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
    public const string RejectedWordsRuleId = "vocabulary.rejected";

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
    public static StyleSet Compile(IEnumerable<SourceText> files, JourneyCatalog? catalog, List<Finding> diagnostics, SpellingDictionaries? dictionaries = null)
    {
        var errors = new List<Finding>();
        var guides = files.Select(f => Parser.Parse(f, errors)).ToList();
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
        var ancestors = ordered.ToDictionary(g => g, g => Ancestors(g, byName));
        bool Overrides(GuideSyntax later, GuideSyntax earlier) => ancestors[later].Contains(earlier);

        var accepted = new HashSet<string>(StringComparer.Ordinal);
        var rejected = new List<string>();
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
                if (BindRule(guide, syntax, factValues, accepted) is not { } rule)
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
            var header = new StyleRuleHeader(new RuleDescriptor(RejectedWordsRuleId, "Rejected word", Severity.Warning),
                "“{match}” is on the style guides' list of rejected words.", null, RuleCondition.Always, RuleScope.Everything, "styleguides", Location.FileStart);
            all.Add(new ForbidRule(header, [.. rejected.Select(w => TextPattern.Term(w))]));
        }

        return new StyleSet(all, factValues, accepted, [.. ordered.Select(g => g.Source.Path)]);
    }

    private List<GuideSyntax> Order(List<GuideSyntax> guides, Dictionary<string, GuideSyntax> byName)
    {
        var ordered = new List<GuideSyntax>();
        var state = new Dictionary<GuideSyntax, bool>(); // false: visiting, true: done
        void Visit(GuideSyntax guide, List<GuideSyntax> path)
        {
            if (state.TryGetValue(guide, out var done))
            {
                if (!done)
                {
                    var cycle = path.SkipWhile(g => g != guide).Append(guide).Select(g => $"\"{g.Name?.Value}\"");
                    Error(DslErrors.ExtendsCycle, guide, guide.Name?.Range ?? default, $"style guides extend each other in a cycle: {string.Join(" extends ", cycle)}.");
                }

                return;
            }

            state[guide] = false;
            path.Add(guide);
            foreach (var parent in guide.Extends)
            {
                if (byName.TryGetValue(parent.Value, out var parentGuide))
                {
                    Visit(parentGuide, path);
                }
                else
                {
                    Error(DslErrors.UnknownGuide, guide, parent.Range,
                        $"no style guide is named \"{parent.Value}\".{Suggestions.DidYouMean(parent.Value, byName.Keys)} Guides found: {string.Join(", ", byName.Keys.Order(StringComparer.Ordinal))}.");
                }
            }

            path.RemoveAt(path.Count - 1);
            state[guide] = true;
            ordered.Add(guide);
        }

        foreach (var guide in guides)
        {
            Visit(guide, []);
        }

        return ordered;
    }

    private static HashSet<GuideSyntax> Ancestors(GuideSyntax guide, Dictionary<string, GuideSyntax> byName)
    {
        var result = new HashSet<GuideSyntax>();
        var pending = new Stack<GuideSyntax>([guide]);
        while (pending.Count > 0)
        {
            foreach (var parent in pending.Pop().Extends)
            {
                if (byName.TryGetValue(parent.Value, out var parentGuide) && result.Add(parentGuide))
                {
                    pending.Push(parentGuide);
                }
            }
        }

        return result;
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

    private StyleRule? BindRule(GuideSyntax guide, RuleSyntax syntax, Dictionary<string, Fact> facts, IReadOnlySet<string> accepted)
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
            new RuleDescriptor(syntax.Id.Value, syntax.Message.Value, severity)
            {
                HelpPath = $"docs/rules/style/{syntax.Body.Kind.Value}.md",
                Review = syntax.Review?.Value,
                Facts = syntax.Body switch
                {
                    RequireSyntax { Fact: { } fact } => [fact.Value],
                    ConsistentSyntax consistent => [.. consistent.Facts.Select(f => f.Value)],
                    _ => [],
                },
            },
            syntax.Message.Value,
            syntax.Review?.Value,
            condition,
            scope == RuleScope.None ? RuleScope.Everything : scope,
            guide.Source.Path,
            guide.Source.GetLocation(syntax.Id.Range));

        var rule = BindBody(guide, syntax.Body, header, facts, accepted);
        return _diagnostics.Count == errors ? rule : null;
    }

    private StyleRule? BindBody(GuideSyntax guide, BodySyntax body, StyleRuleHeader header, Dictionary<string, Fact> facts, IReadOnlySet<string> accepted)
    {
        switch (body)
        {
            case ForbidSyntax forbid:
                return new ForbidRule(header, Patterns(guide, forbid.Patterns));
            case PreferSyntax prefer:
                return new PreferRule(header, prefer.Preferred.Value, Patterns(guide, prefer.Over));
            case CapitalizationSyntax capitalization:
                return new CapitalizationRule(header, [.. capitalization.Names.Select(n => n.Value)]);
            case RequireSyntax require:
                var requirement = Enum.Parse<Requirement>(require.What.Value, ignoreCase: true);
                if (require.Fact is { } factName)
                {
                    return FactNamed(guide, factName, facts) is { } fact ? new RequireRule(header, requirement, null, fact) : null;
                }

                var pattern = Patterns(guide, [require.Pattern!]).FirstOrDefault();
                return pattern is null ? null : new RequireRule(header, requirement, pattern, null);
            case LimitSyntax limit:
                if (!LimitRule.MetricNames.TryGetValue(limit.Metric.Value, out var metric))
                {
                    Error(DslErrors.UnknownMetric, guide, limit.Metric.Range,
                        $"unknown metric '{limit.Metric.Value}'.{Suggestions.DidYouMean(limit.Metric.Value, LimitRule.MetricNames.Keys)} Metrics: {string.Join(", ", LimitRule.MetricNames.Keys)}.");
                    return null;
                }

                return new LimitRule(header, metric, limit.Bound.Value == "max", (int)decimal.Parse(limit.Value.Value, System.Globalization.CultureInfo.InvariantCulture), accepted);
            case ConsistentSyntax consistent:
                string[] checkable = ["phone", "email", "url", "days", "money", "percent"];
                if (!Fact.TryParseKind(consistent.FactKind.Value, out var kind) || kind == FactKind.Text)
                {
                    Error(DslErrors.UnknownFactKind, guide, consistent.FactKind.Range,
                        $"'consistent' checks {string.Join(", ", checkable)}, not '{consistent.FactKind.Value}'.{Suggestions.DidYouMean(consistent.FactKind.Value, checkable)}");
                    return null;
                }

                var bound = consistent.Facts.Select(f => FactNamed(guide, f, facts)).ToArray();
                foreach (var (fact, name) in bound.Zip(consistent.Facts))
                {
                    if (fact is not null && fact.Kind != kind)
                    {
                        Error(DslErrors.UnknownFact, guide, name.Range, $"fact '{fact.Name}' is a {fact.Kind.ToString().ToLowerInvariant()}, not a {consistent.FactKind.Value}.");
                        return null;
                    }
                }

                return bound.All(f => f is not null) ? new ConsistentRule(header, kind, bound!, Patterns(guide, consistent.Near)) : null;
            case SmsSyntax sms:
                return new SmsRule(header, int.Parse(sms.MaxSegments.Value, System.Globalization.CultureInfo.InvariantCulture));
            case LinksSyntax links:
                return new LinksRule(header, [.. links.Domains.Select(d => d.Value)]);
            case ImagesSyntax:
                return new ImagesRule(header);
            case ReadabilitySyntax readability:
                if (!ReadabilityRule.FormulaNames.TryGetValue(readability.Formula.Value, out var formula))
                {
                    Error(DslErrors.UnknownMetric, guide, readability.Formula.Range,
                        $"unknown readability formula '{readability.Formula.Value}'.{Suggestions.DidYouMean(readability.Formula.Value, ReadabilityRule.FormulaNames.Keys)} Formulas: {string.Join(", ", ReadabilityRule.FormulaNames.Keys)}.");
                    return null;
                }

                // Readability is about running text: without 'in', it reads the body only.
                var bodyHeader = header.Scope == RuleScope.Everything ? header with { Scope = RuleScope.Body } : header;
                return new ReadabilityRule(bodyHeader, formula, readability.Bound.Value == "max", double.Parse(readability.Value.Value, System.Globalization.CultureInfo.InvariantCulture));
            case SpellingSyntax spelling:
                return new SpellingRule(header, _dictionaries, accepted.Concat(spelling.Accept.Select(a => a.Value)), Patterns(guide, spelling.Ignore));
            case AddressFormSyntax addressForm:
                return new AddressFormRule(header, Patterns(guide, addressForm.Formal), Patterns(guide, addressForm.Informal));
            default:
                return null;
        }
    }

    private Fact? FactNamed(GuideSyntax guide, Located name, Dictionary<string, Fact> facts)
    {
        if (facts.TryGetValue(name.Value, out var fact))
        {
            return fact;
        }

        Error(DslErrors.UnknownFact, guide, name.Range,
            $"unknown fact '{name.Value}'.{Suggestions.DidYouMean(name.Value, facts.Keys)} Define it in a 'facts' block.");
        return null;
    }

    private List<TextPattern> Patterns(GuideSyntax guide, IReadOnlyList<PatternSyntax> patterns)
    {
        var result = new List<TextPattern>();
        foreach (var pattern in patterns)
        {
            if (!pattern.IsRegex)
            {
                result.Add(TextPattern.Term(pattern.Text));
                continue;
            }

            try
            {
                result.Add(TextPattern.Regex(pattern.Text, pattern.Flags));
            }
            catch (ArgumentException ex)
            {
                Error(DslErrors.InvalidPattern, guide, pattern.Range, $"invalid pattern /{pattern.Text}/{pattern.Flags}: {ex.Message.Replace($"Invalid pattern '{pattern.Text}' at offset", "at offset", StringComparison.Ordinal)}");
            }
        }

        return result;
    }

    private RuleCondition BindCondition(GuideSyntax guide, ConditionSyntax syntax)
    {
        switch (syntax)
        {
            case AndCondition and:
                var (l1, r1) = (BindCondition(guide, and.Left), BindCondition(guide, and.Right));
                return new RuleCondition((d, c) => l1.Test(d, c) && r1.Test(d, c), $"{l1.Text} and {r1.Text}");
            case OrCondition or:
                var (l2, r2) = (BindCondition(guide, or.Left), BindCondition(guide, or.Right));
                return new RuleCondition((d, c) => l2.Test(d, c) || r2.Test(d, c), $"({l2.Text} or {r2.Text})");
            case NotCondition not:
                var operand = BindCondition(guide, not.Operand);
                return new RuleCondition((d, c) => !operand.Test(d, c), $"not {operand.Text}");
            case TestCondition test:
                return BindTest(guide, test);
            default:
                return RuleCondition.Always;
        }
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
}
