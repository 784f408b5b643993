using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Pipeline;

namespace CommsLinter.Rules.Style;

/// <summary>
/// <c>address-form formal "Państwo", … informal "ty", "Twój", …</c>: a template addresses the
/// customer in one form, and so do all templates of the same journey stage and locale. Within a
/// template, the markers of the less used form are reported; across a stage, templates whose form
/// differs from the stage's majority are reported at their first marker. Markers are terms or
/// patterns (use a case-sensitive /regex/ for "Вы" or "Lei"). Message values: {match} (the marker),
/// {expected} (formal or informal). Docs: docs/rules/style/address-form.md.
/// </summary>
public sealed class AddressFormRule(StyleRuleHeader header, IReadOnlyList<TextPattern> formal, IReadOnlyList<TextPattern> informal)
    : StyleRule(header), IGroupedCorpusCheck
{
    public static StyleRuleKind Kind { get; } = new("address-form",
        "Keeps formal or informal address consistent within a message and across its journey stage.", Parse);

    private const string FormalForm = "formal";
    private const string InformalForm = "informal";

    private enum Form
    {
        None,
        Formal,
        Informal,
    }

    private static BindRule Parse(RuleBodyParser body)
    {
        body.Expect("formal", "after 'address-form' (address-form formal \"...\" informal \"...\")");
        var formalMarkers = body.Patterns("a formal marker such as \"Państwo\"");
        body.Expect("informal", "after the formal markers");
        var informalMarkers = body.Patterns("an informal marker such as \"ty\"");
        return binder => new AddressFormRule(binder.Header, binder.Patterns(formalMarkers), binder.Patterns(informalMarkers));
    }

    public override bool FiresOnlyOnMatches => true;

    public override IEnumerable<TextPattern> Patterns => formal.Concat(informal);

    public override string Describe() =>
        $"Keeps one form of address: formal ({string.Join(", ", formal.Select(p => p.Source))}) or informal ({string.Join(", ", informal.Select(p => p.Source))}), within a template and across its journey stage.";

    protected override void Evaluate(Document document, CheckContext context, RuleOutput output, PatternMatcher matches)
    {
        var (formalHits, informalHits) = Markers(document, matches);
        if (formalHits.Count == 0 || informalHits.Count == 0)
        {
            return;
        }

        var (minority, expected) = formalHits.Count >= informalHits.Count ? (informalHits, FormalForm) : (formalHits, InformalForm);
        foreach (var (segment, start, length) in minority)
        {
            output.Report(segment, start, start + length, new MessageValues(Match: segment.Text.Substring(start, length), Expected: expected));
        }
    }

    void ICorpusCheck.Observe(Document document, CheckContext context, ICollection<Observation> observations)
    {
        if (document.Kind != DocumentKind.Template || document.Touchpoint is not { } touchpoint || context.Catalog?.FindTouchpoint(touchpoint) is null
            || !Header.Condition.Test(document, context))
        {
            return;
        }

        (Form Form, (Segment Segment, int Start, int Length) First) found;
        try
        {
            found = FormOf(document);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            // The per-file run of this rule reports the timeout (style.pattern-timeout); the stage comparison leaves the file out.
            return;
        }

        if (found is (not Form.None and var form, var (segment, start, length)))
        {
            var location = document.Source.GetLocation(segment.Map.ToSource(start, start + length));
            observations.Add(new Observation(form == Form.Formal ? FormalForm : InformalForm, string.Empty, segment.Text.Substring(start, length), location));
        }
    }

    /// <summary>The templates of one journey stage and locale are a group.</summary>
    string? IGroupedCorpusCheck.GroupOf(DocumentSummary document, CheckContext context) =>
        document.ObservationsOf(Id).Count > 0 && document.Touchpoint is { } id && context.Catalog?.FindTouchpoint(id) is { } touchpoint ? $"{touchpoint.Stage}\0{document.Locale}" : null;

    void IGroupedCorpusCheck.CheckGroup(string group, IReadOnlyList<DocumentSummary> members, CheckContext context, ICollection<Finding> findings)
    {
        var formalCount = members.Count(d => d.ObservationsOf(Id)[0].Kind == FormalForm);
        var informalCount = members.Count - formalCount;
        if (formalCount == 0 || informalCount == 0)
        {
            return;
        }

        var majority = formalCount >= informalCount ? FormalForm : InformalForm;
        foreach (var document in members.Where(d => d.ObservationsOf(Id)[0].Kind != majority))
        {
            var first = document.ObservationsOf(Id)[0];
            findings.Add(Header.Descriptor.At(document, first.Location, Message(new MessageValues(Match: first.Text, Expected: majority))));
        }
    }

    private (Form Form, (Segment Segment, int Start, int Length) First) FormOf(Document document)
    {
        var (formalHits, informalHits) = Markers(document, PatternMatcher.Scanning(document));
        return formalHits.Count == informalHits.Count
            ? (Form.None, default)
            : formalHits.Count > informalHits.Count ? (Form.Formal, formalHits[0]) : (Form.Informal, informalHits[0]);
    }

    private (List<(Segment, int, int)> Formal, List<(Segment, int, int)> Informal) Markers(Document document, PatternMatcher matches)
    {
        var formalHits = new List<(Segment, int, int)>();
        var informalHits = new List<(Segment, int, int)>();
        foreach (var segment in SegmentsInScope(document))
        {
            foreach (var pattern in formal)
            {
                formalHits.AddRange(matches.Of(pattern, segment).Select(m => (segment, m.Start, m.Length)));
            }

            foreach (var pattern in informal)
            {
                informalHits.AddRange(matches.Of(pattern, segment).Select(m => (segment, m.Start, m.Length)));
            }
        }

        return (formalHits, informalHits);
    }
}
