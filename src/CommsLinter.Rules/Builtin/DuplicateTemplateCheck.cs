using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Pipeline;

namespace CommsLinter.Rules.Builtin;

/// <summary>Two templates must not claim the same touchpoint, channel and locale: which one is sent?</summary>
public sealed class DuplicateTemplateCheck : ICorpusCheck, IBuiltinCheck
{
    public static readonly RuleDescriptor Duplicate = new("catalog.duplicate-template", "Two templates for the same touchpoint, channel and locale", Severity.Error);

    public string Id => "catalog.duplicate-template";

    public static IReadOnlyList<RuleDescriptor> Descriptors { get; } = [Duplicate];

    public IReadOnlyList<RuleDescriptor> Rules => Descriptors;

    public void Check(IReadOnlyList<DocumentSummary> documents, CheckContext context, ICollection<Finding> findings)
    {
        var groups = documents
            .Where(d => d.Kind == DocumentKind.Template && d.Touchpoint is not null && d.Channel is not null && d.Locale is not null)
            .GroupBy(d => (d.Touchpoint, d.Channel, d.Locale))
            .Where(g => g.Count() > 1);

        foreach (var group in groups)
        {
            var ordered = group.OrderBy(d => d.Path, StringComparer.Ordinal).ToArray();
            foreach (var duplicate in ordered.Skip(1))
            {
                findings.Add(Duplicate.At(duplicate, duplicate.TouchpointValue,
                    $"'{ordered[0].Path}' is already the {group.Key.Channel} template of '{group.Key.Touchpoint}' in '{group.Key.Locale}'. Merge the two or change this one's touchpoint, channel or locale."));
            }
        }
    }
}
