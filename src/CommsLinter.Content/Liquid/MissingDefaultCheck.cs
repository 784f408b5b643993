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
        if (!AnyNamedElsewhere(document, places))
        {
            return;
        }

        // Only the outputs that can matter are parsed with the tags: those in these places, and those with a default.
        var reads = LiquidVariables.Collect(document, p => PlaceAt(places, p.Range.Start) is not null || p.Code.Span.Contains("default", StringComparison.Ordinal), _reads);
        Dictionary<string, TextRange>? tested = null;
        foreach (var read in reads)
        {
            if (!read.Optional || read.Guarded || read.Defaulted || read.Path.Contains("[]", StringComparison.Ordinal)
                || PlaceAt(places, read.Range.Start) is not { } place)
            {
                continue;
            }

            // Where the template shows it knows the value may be absent: the first test or default of it.
            tested ??= FirstTestedOrDefaulted(reads);
            var where = tested.TryGetValue(read.Path, out var at) ? $" (line {document.Source.GetLocation(at).Start.Line})" : string.Empty;
            findings.Add(MissingDefault.At(document, read.Range,
                $"The template treats '{read.Path}' as possibly empty{where}, but here, in the {place}, it has no default: an empty value leaves a gap the customer sees first. " +
                $"Write {{{{ {read.Path} | default: \"…\" }}}}, or put the words around it inside {{% if {read.Path} %}}…{{% endif %}}."));
        }
    }

    private static Dictionary<string, TextRange> FirstTestedOrDefaulted(IReadOnlyList<LiquidRead> reads)
    {
        var first = new Dictionary<string, TextRange>(StringComparer.Ordinal);
        foreach (var read in reads)
        {
            if (read.Guarded || read.Defaulted)
            {
                first.TryAdd(read.Path, read.Range);
            }
        }

        return first;
    }

    /// <summary>The place (subject, preheader, greeting) an offset is in; null when it is in none.</summary>
    private static string? PlaceAt(List<(string Name, TextRange Range)> places, int offset)
    {
        foreach (var (name, range) in places)
        {
            if (range.Start <= offset && offset < range.End)
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether an output in these places prints a value that another placeholder could test or give a default:
    /// a tag that names it, or an output that names it with a default. Names are the member chains of each
    /// placeholder's code, each counted once per placeholder, so this is one pass however many placeholders there are.
    /// </summary>
    private static bool AnyNamedElsewhere(Document document, List<(string Name, TextRange Range)> places)
    {
        if (!document.Placeholders.Any(p => IsOutputIn(places, p)))
        {
            return false;
        }

        var namers = new Dictionary<string, (int Count, int LastNamer)>(StringComparer.Ordinal);
        var byName = namers.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i < document.Placeholders.Count; i++)
        {
            if (!CouldTestOrDefault(document.Placeholders[i]))
            {
                continue;
            }

            var code = document.Placeholders[i].Code.Span;
            for (var at = 0; NextChain(code, ref at) is { Length: > 0 } chain;)
            {
                ref var entry = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(byName, chain, out var exists);
                if (!exists || entry.LastNamer != i)
                {
                    entry = (entry.Count + 1, i);
                }
            }
        }

        foreach (var placeholder in document.Placeholders)
        {
            if (IsOutputIn(places, placeholder)
                && byName.TryGetValue(FirstName(placeholder.Expression), out var named)
                && named.Count > (CouldTestOrDefault(placeholder) ? 1 : 0))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOutputIn(List<(string Name, TextRange Range)> places, Placeholder placeholder) =>
        placeholder.Kind == PlaceholderKind.Output && PlaceAt(places, placeholder.Range.Start) is not null;

    /// <summary>The first name an expression reads: <c>customer.first_name + 1</c> reads customer.first_name.</summary>
    private static string FirstName(string expression) => expression.Split(' ', 2)[0];

    /// <summary>Whether a placeholder could test a value or give it a default: a tag, or an output with a default.</summary>
    private static bool CouldTestOrDefault(Placeholder placeholder) =>
        placeholder.Kind == PlaceholderKind.Tag || (placeholder.Kind == PlaceholderKind.Output && placeholder.Code.Span.Contains("default", StringComparison.Ordinal));

    /// <summary>
    /// The next member chain of <paramref name="code"/> from <paramref name="at"/> (<c>customer.first_name</c>; a
    /// Liquid name may hold hyphens, which also mark whitespace control at its ends); empty at the end.
    /// </summary>
    private static ReadOnlySpan<char> NextChain(ReadOnlySpan<char> code, ref int at)
    {
        while (at < code.Length)
        {
            while (at < code.Length && !IsChainChar(code[at]))
            {
                at++;
            }

            var start = at;
            while (at < code.Length && IsChainChar(code[at]))
            {
                at++;
            }

            if (code[start..at].Trim('-') is { IsEmpty: false } chain)
            {
                return chain;
            }
        }

        return default;
    }

    private static bool IsChainChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '.' or '-';

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
