using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Pipeline;
using CommsLinter.Text;

namespace CommsLinter.Rules.Style;

/// <summary>Which segments a style rule reads; the DSL's <c>in</c> clause.</summary>
[Flags]
public enum RuleScope
{
    None = 0,
    Subject = 1,
    Preheader = 2,
    Title = 4,
    Heading = 8,
    Body = 16,
    Link = 32,
    Alt = 64,
    Button = 128,
    Footer = 256,
    Sms = 512,
    Everything = Subject | Preheader | Title | Heading | Body | Alt | Button | Footer | Sms,
}

/// <summary>Where a style rule applies: a compiled <c>when</c> condition and its text for people.</summary>
public sealed record RuleCondition(Func<Document, CheckContext, bool> Test, string Text)
{
    public static RuleCondition Always { get; } = new((_, _) => true, "always");
}

/// <summary>What every style rule has, whatever its kind: written in the rule's header and clauses.</summary>
public sealed record StyleRuleHeader(
    RuleDescriptor Descriptor,
    string Message,
    string? Review,
    RuleCondition Condition,
    RuleScope Scope,
    string DefinedIn,
    Location DefinedAt)
{
    /// <summary>The header of a rule that holds templates to <paramref name="facts"/>: the report's facts page lists the rules of each fact.</summary>
    public StyleRuleHeader HoldingTo(IEnumerable<Fact> facts) => this with { Descriptor = Descriptor with { Facts = [.. facts.Select(f => f.Name)] } };
}

/// <summary>
/// A rule compiled from a style guide. Each kind is one subclass in its own file whose static
/// <c>Kind</c> (a <see cref="StyleRuleKind"/>, listed in <see cref="StyleRuleKinds"/>) parses and binds
/// its body; this base decides whether the rule applies to a document and turns matches into
/// findings with the rule's message.
/// </summary>
public abstract class StyleRule : IDocumentCheck
{
    protected StyleRule(StyleRuleHeader header)
    {
        Header = header;
        Rules = [header.Descriptor];
    }

    public StyleRuleHeader Header { get; }

    /// <summary>The rule's own id and, for a kind that reports two things (spelling's typos and names), the other's.</summary>
    public IReadOnlyList<RuleDescriptor> Rules { get; protected init; }

    public string Id => Header.Descriptor.Id;

    /// <summary>Whether the rule reads shared snippets too; rules about a whole message do not.</summary>
    protected virtual bool AppliesToSnippets => true;

    /// <summary>What the rule checks, in a sentence, for <c>commslint explain</c>.</summary>
    public abstract string Describe();

    /// <summary>The terms and patterns the rule matches, for the shared automaton.</summary>
    public virtual IEnumerable<TextPattern> Patterns => [];

    /// <summary>True for kinds that report only what their patterns match (forbid, prefer, capitalization, address-form).</summary>
    public virtual bool FiresOnlyOnMatches => false;

    public void Check(Document document, CheckContext context, ICollection<Finding> findings) =>
        Run(document, context, findings, PatternMatcher.Scanning(document));

    /// <summary>Checks a document with a matcher shared by all rules of the run.</summary>
    public void Run(Document document, CheckContext context, ICollection<Finding> findings, PatternMatcher matches)
    {
        // A snippet has no touchpoint, channel or locale, so a condition on them is false for it.
        if ((document.Kind == DocumentKind.Snippet && !AppliesToSnippets) || !Header.Condition.Test(document, context))
        {
            return;
        }

        try
        {
            Evaluate(document, context, new RuleOutput(this, document, findings), matches);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException ex)
        {
            // A pattern that needs backtracking ran out of time on this text: say so, never hang.
            findings.Add(PatternTimeout.At(document, default,
                $"A pattern of rule '{Id}' ({Header.DefinedIn}({Header.DefinedAt.Start})) took longer than {TextPattern.Timeout.TotalMilliseconds:0} ms on this file and was stopped: /{ex.Pattern}/. Rewrite it without nested repetition or backreferences."));
        }
    }

    public static readonly RuleDescriptor PatternTimeout = new("style.pattern-timeout", "A style-guide pattern took too long", Severity.Warning);

    /// <summary>The rule's message with its values filled in, an addendum, and the team that reviews it.</summary>
    public string Message(MessageValues values, string? addendum = null)
    {
        var message = values.Format(Header.Message);
        if (addendum is not null)
        {
            message = $"{message.TrimEnd()} {addendum}";
        }

        return Header.Review is { } team ? $"{message} (review: {team})" : message;
    }

    protected abstract void Evaluate(Document document, CheckContext context, RuleOutput output, PatternMatcher matches);

    /// <summary>The segments in the rule's scope.</summary>
    protected IEnumerable<Segment> SegmentsInScope(Document document)
    {
        foreach (var segment in document.Segments)
        {
            if ((ScopeOf(segment.Scope) & Header.Scope) != 0)
            {
                yield return segment;
            }
        }

        // Link text is part of its paragraph's segment; 'in link' reads it on its own.
        if ((Header.Scope & RuleScope.Link) != 0)
        {
            foreach (var link in document.Links)
            {
                if (link.Text.Length > 0)
                {
                    var verbatim = document.Source.Text.AsSpan(link.TextRange.Start, link.TextRange.Length).SequenceEqual(link.Text);
                    yield return new Segment(SegmentScope.Paragraph, link.Text,
                        verbatim ? SourceMap.Linear(link.TextRange.Start, link.Text.Length) : SourceMap.Spanning(link.TextRange, link.Text.Length));
                }
            }
        }
    }

    public static RuleScope ScopeOf(SegmentScope scope) => scope switch
    {
        SegmentScope.Subject => RuleScope.Subject,
        SegmentScope.Preheader => RuleScope.Preheader,
        SegmentScope.Title => RuleScope.Title,
        SegmentScope.Heading => RuleScope.Heading,
        SegmentScope.Button => RuleScope.Button,
        SegmentScope.AltText => RuleScope.Alt,
        SegmentScope.Footer => RuleScope.Footer,
        SegmentScope.Sms => RuleScope.Sms,
        _ => RuleScope.Body,
    };
}

/// <summary>Makes findings of one rule on one document, with the rule's message filled in.</summary>
public readonly struct RuleOutput(StyleRule rule, Document document, ICollection<Finding> findings)
{
    /// <summary>A finding at a source range rather than in a segment's text (a link's address, a whole message): it carries no fix.</summary>
    public void Report(TextRange range, MessageValues values, string? addendum = null) =>
        findings.Add(rule.Header.Descriptor.At(document, range, rule.Message(values, addendum)));

    /// <summary>
    /// A finding at text [start, end) of a segment, with the fix the rule proposes when the segment is the source verbatim there;
    /// <paramref name="descriptor"/> is one of the rule's <see cref="StyleRule.Rules"/> when not its own.
    /// </summary>
    public void Report(Segment segment, int start, int end, MessageValues values, SegmentFix? fix = null, string? addendum = null, RuleDescriptor? descriptor = null) =>
        findings.Add((descriptor ?? rule.Header.Descriptor).At(document, segment.Map.ToSource(start, end), rule.Message(values, addendum), fix?.InSource(document.Source, segment)));

    /// <summary>A finding of another rule that this rule's run produced (a missing dictionary, say).</summary>
    public void Add(Finding finding) => findings.Add(finding);
}

/// <summary>The values a rule's message may name: {match}, {expected}, {count}, {limit}, {fact}, {language}.</summary>
public readonly record struct MessageValues(string? Match = null, string? Expected = null, string? Count = null, string? Limit = null, string? Fact = null, string? Language = null)
{
    public static IReadOnlyList<string> Names { get; } = ["match", "expected", "count", "limit", "fact", "language"];

    public string Format(string template) => template
        .Replace("{match}", Match ?? string.Empty, StringComparison.Ordinal)
        .Replace("{expected}", Expected ?? string.Empty, StringComparison.Ordinal)
        .Replace("{count}", Count ?? string.Empty, StringComparison.Ordinal)
        .Replace("{limit}", Limit ?? string.Empty, StringComparison.Ordinal)
        .Replace("{fact}", Fact ?? string.Empty, StringComparison.Ordinal)
        .Replace("{language}", Language ?? string.Empty, StringComparison.Ordinal);
}
