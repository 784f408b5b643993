using CommsLinter.Text;

namespace CommsLinter.Model;

/// <summary>
/// What a corpus check records about one document so that it can compare documents later without
/// the document itself: what kind of value it is (<see cref="Kind"/>), the value as compared
/// (<see cref="Key"/>), as shown to people (<see cref="Text"/>), and where it is.
/// </summary>
public sealed record Observation(string Kind, string Key, string Text, Location Location);

/// <summary>The lines a <c>commslint-disable</c> directive silences, resolved once, and where the directive is.</summary>
public sealed record SuppressedLines(IReadOnlyList<string> RuleIds, int FromLine, int ToLine, Location Directive)
{
    public bool Covers(string ruleId, int line) =>
        (RuleIds.Count == 0 || RuleIds.Contains(ruleId, StringComparer.Ordinal)) && line >= FromLine && line <= ToLine;
}

/// <summary>
/// What the corpus checks, the suppressions and the review gate need of a document once its
/// per-file checks have run: small, with positions already resolved to lines and columns. A run keeps
/// one per file; the cache keeps them too, so an unchanged file need not be read again.
/// </summary>
public sealed record DocumentSummary(string Path, DocumentKind Kind, string? Touchpoint, string? Channel, string? Locale)
{
    /// <summary>
    /// Whether the template is a plain-text part (.txt). An e-mail is sent as two parts, one HTML (or
    /// Markdown) and one plain text, so two templates of one touchpoint, channel and locale are one
    /// message when one is plain text and the other is not.
    /// </summary>
    public bool IsPlainTextPart => System.IO.Path.GetExtension(Path).Equals(".txt", StringComparison.OrdinalIgnoreCase);

    /// <summary>Where the front matter names the touchpoint; the file's start when it does not.</summary>
    public Location TouchpointValue { get; init; } = Location.FileStart;

    /// <summary>The snippet names its <c>{% include %}</c> tags give, in source order.</summary>
    public IReadOnlyList<string> Includes { get; init; } = [];

    public IReadOnlyList<SuppressedLines> Suppressions { get; init; } = [];

    /// <summary>The SHA-256 of the normalised text (<see cref="Approval.Normalize"/>), which an approval must match.</summary>
    public string TextHash { get; init; } = string.Empty;

    /// <summary>What each corpus check observed, by the id of the check's first rule.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Observation>> Observations { get; init; } = new Dictionary<string, IReadOnlyList<Observation>>();

    public IReadOnlyList<Observation> ObservationsOf(string checkId) => Observations.GetValueOrDefault(checkId) ?? [];

    /// <summary>Summarises a document: everything but the observations, which the corpus checks add.</summary>
    public static DocumentSummary Of(Document document) => new(document.Path, document.Kind, document.Touchpoint, document.Channel, document.Locale)
    {
        TouchpointValue = document.FrontMatter.Get(FrontMatterKeys.Touchpoint) is { } entry ? document.Source.GetLocation(entry.ValueRange) : Location.FileStart,
        Includes = [.. SnippetLibrary.IncludesOf(document).Select(i => i.Name)],
        Suppressions = SuppressedLinesOf(document),
        TextHash = Approval.HashOfText(document.Source.Text),
    };

    private static List<SuppressedLines> SuppressedLinesOf(Document document)
    {
        var regions = new List<SuppressedLines>();
        if (document.Suppressions.Count == 0)
        {
            return regions;
        }

        var lines = document.Source.Lines;
        var open = new List<int>();
        foreach (var directive in document.Suppressions)
        {
            var line = lines.GetPosition(directive.Range.End).Line;
            var at = document.Source.GetLocation(directive.Range);
            switch (directive.Kind)
            {
                case SuppressionKind.File:
                    regions.Add(new SuppressedLines(directive.RuleIds, 1, int.MaxValue, at));
                    break;
                case SuppressionKind.NextLine:
                    regions.Add(new SuppressedLines(directive.RuleIds, line + 1, line + 1, at));
                    break;
                case SuppressionKind.Disable:
                    open.Add(regions.Count);
                    regions.Add(new SuppressedLines(directive.RuleIds, line, int.MaxValue, at));
                    break;
                case SuppressionKind.Enable:
                    var end = lines.GetPosition(directive.Range.Start).Line;
                    foreach (var index in open.Where(i => directive.RuleIds.Count == 0 || regions[i].RuleIds.SequenceEqual(directive.RuleIds)).ToArray())
                    {
                        regions[index] = regions[index] with { ToLine = end };
                        open.Remove(index);
                    }

                    break;
            }
        }

        return regions;
    }
}
