using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Pipeline;
using CommsLinter.Text;

namespace CommsLinter.Content.Liquid;

/// <summary>
/// Where an empty value shows most, in the subject, the preheader and the greeting (the message's
/// first paragraph), a value the template itself treats as optional (it tests it, or gives it a
/// default, somewhere) must have a <c>default</c> or sit inside an <c>if</c> that tests it. Found from
/// the template alone, with or without a sample. Docs: docs/rules/liquid.missing-default.md.
/// </summary>
public sealed class MissingDefaultCheck : IDocumentCheck, IBuiltinCheck
{
    public static readonly RuleDescriptor MissingDefault = new("liquid.missing-default", "An optional value in the subject or greeting has no default", Severity.Warning);

    private readonly LiquidReadCache _reads = new();

    public static IReadOnlyList<RuleDescriptor> Descriptors { get; } = [MissingDefault];

    public IReadOnlyList<RuleDescriptor> Rules => Descriptors;

    public void Check(Document document, CheckContext context, ICollection<Finding> findings)
    {
        if (document.Kind != DocumentKind.Template || document.Placeholders.Count == 0)
        {
            return;
        }

        // Reading the Liquid's syntax tree is the expensive part. It is needed only when a value output where it
        // matters is also named in a tag (an if, an unless) or next to a default somewhere.
        var places = Places(document);
        if (!document.Placeholders.Any(p => p.Kind == PlaceholderKind.Output && InPlaces(p, places)
            && FirstName(p.Expression) is { Length: > 0 } name && document.Placeholders.Any(other => other.Range != p.Range && Mentions(other, name))))
        {
            return;
        }

        // Only the outputs that can matter are parsed with the tags: those in these places, and those with a default.
        var reads = LiquidVariables.Collect(document, p => InPlaces(p, places) || p.Code.Span.Contains("default", StringComparison.Ordinal), _reads);
        foreach (var read in reads.Where(r => r.Optional && !r.Guarded && !r.Defaulted && !r.Path.Contains("[]", StringComparison.Ordinal)))
        {
            if (places.FirstOrDefault(p => p.Range.Start <= read.Range.Start && read.Range.Start < p.Range.End) is not { Name: { } place })
            {
                continue;
            }

            // Where the template shows it knows the value may be absent: a test or a default elsewhere.
            var tested = reads.FirstOrDefault(r => r.Path == read.Path && (r.Guarded || r.Defaulted));
            var where = tested.Path is null ? string.Empty : $" (line {document.Source.GetLocation(tested.Range).Start.Line})";
            findings.Add(MissingDefault.At(document, read.Range,
                $"The template treats '{read.Path}' as possibly empty{where}, but here, in the {place}, it has no default: an empty value leaves a gap the customer sees first. " +
                $"Write {{{{ {read.Path} | default: \"…\" }}}}, or put the words around it inside {{% if {read.Path} %}}…{{% endif %}}."));
        }
    }

    private static bool InPlaces(Placeholder placeholder, List<(string Name, TextRange Range)> places) =>
        places.Exists(place => place.Range.Start <= placeholder.Range.Start && placeholder.Range.Start < place.Range.End);

    /// <summary>The first name an expression reads: <c>customer.first_name + 1</c> reads customer.first_name.</summary>
    private static string FirstName(string expression) => expression.Split(' ', 2)[0];

    /// <summary>Whether a placeholder could test a name or give it a default: a tag naming it, or an output naming it with a default.</summary>
    private static bool Mentions(Placeholder placeholder, string name)
    {
        var code = placeholder.Code.Span;
        return code.Contains(name, StringComparison.Ordinal) && (placeholder.Kind == PlaceholderKind.Tag || code.Contains("default", StringComparison.Ordinal));
    }

    /// <summary>The subject, the preheader and the greeting (the first paragraph of the body or the SMS), with their source ranges.</summary>
    private static List<(string Name, TextRange Range)> Places(Document document)
    {
        var places = new List<(string, TextRange)>();
        foreach (var (key, name) in new[] { (FrontMatterKeys.Subject, "subject"), (FrontMatterKeys.Preheader, "preheader") })
        {
            if (document.FrontMatter.Get(key) is { } field)
            {
                places.Add((name, field.ValueRange));
            }
        }

        if (document.Segments.FirstOrDefault(s => s.Scope is SegmentScope.Paragraph or SegmentScope.Sms) is { } greeting)
        {
            places.Add(("greeting", greeting.Map.ToSource(0, greeting.Text.Length)));
        }

        return places;
    }
}
