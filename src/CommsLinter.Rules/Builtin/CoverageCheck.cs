using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Pipeline;

namespace CommsLinter.Rules.Builtin;

/// <summary>
/// Every touchpoint needs a template for each channel and locale the catalog requires. Reported at
/// the touchpoint in the catalog, with the touchpoint's id, and only when the whole content folder is checked.
/// </summary>
public sealed class CoverageCheck : IGroupedCorpusCheck, IBuiltinCheck
{
    public static readonly RuleDescriptor Gap = new("catalog.coverage-gap", "Touchpoint lacks a template for a required channel or locale", Severity.Warning);

    public string Id => "catalog.coverage";

    public static IReadOnlyList<RuleDescriptor> Descriptors { get; } = [Gap];

    public IReadOnlyList<RuleDescriptor> Rules => Descriptors;

    /// <summary>Each touchpoint of the catalog is a group, with its templates; only when the whole content is checked.</summary>
    public string? GroupOf(DocumentSummary document, CheckContext context) =>
        document.Kind == DocumentKind.Template && context.IsWholeCorpus && context.Catalog is not null ? document.Touchpoint : null;

    public IEnumerable<string> StandingGroups(CheckContext context) =>
        context.IsWholeCorpus && context.Catalog is { } catalog ? catalog.Touchpoints.Select(t => t.Id) : [];

    public void CheckGroup(string group, IReadOnlyList<DocumentSummary> members, CheckContext context, ICollection<Finding> findings)
    {
        if (context.Catalog is not { } catalog || catalog.FindTouchpoint(group) is not { } touchpoint)
        {
            // Templates naming a touchpoint the catalog lacks are catalog.unknown-touchpoint's business.
            return;
        }

        foreach (var channel in touchpoint.Channels)
        {
            var missing = touchpoint.Locales.Where(l => !members.Any(d => d.Channel == channel && d.Locale == l)).ToArray();
            if (missing.Length > 0)
            {
                // The finding carries its touchpoint and channel, so reports put it in the owning team's queue.
                findings.Add(Gap.At(catalog.Source, touchpoint.Range,
                    $"Touchpoint '{touchpoint.Id}' has no {channel} template in {string.Join(", ", missing)}. Customers in {(missing.Length == 1 ? "that locale" : "those locales")} get nothing at this moment.")
                    with
                { Touchpoint = touchpoint.Id, Channel = channel, Locale = missing.Length == 1 ? missing[0] : null });
            }
        }
    }
}
