using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Pipeline;

namespace CommsLinter.Rules.Builtin;

/// <summary>
/// Two templates must not claim the same touchpoint, channel and locale: which one is sent? An HTML or
/// Markdown template and a plain-text one are the two parts of one multipart message, not duplicates.
/// </summary>
public sealed class DuplicateTemplateCheck : IGroupedCorpusCheck, IBuiltinCheck
{
    public static readonly RuleDescriptor Duplicate = new("catalog.duplicate-template", "Two templates for the same touchpoint, channel and locale", Severity.Error);

    public string Id => "catalog.duplicate-template";

    public static IReadOnlyList<RuleDescriptor> Descriptors { get; } = [Duplicate];

    public IReadOnlyList<RuleDescriptor> Rules => Descriptors;

    public string? GroupOf(DocumentSummary document, CheckContext context) =>
        document is { Kind: DocumentKind.Template, Touchpoint: { } touchpoint, Channel: { } channel, Locale: { } locale } ? $"{touchpoint}\0{channel}\0{locale}" : null;

    public void CheckGroup(string group, IReadOnlyList<DocumentSummary> members, CheckContext context, ICollection<Finding> findings)
    {
        for (var i = 1; i < members.Count; i++)
        {
            var duplicate = members[i];
            if (members.Take(i).FirstOrDefault(m => m.IsPlainTextPart == duplicate.IsPlainTextPart) is not { } first)
            {
                continue;
            }

            findings.Add(Duplicate.At(duplicate, duplicate.TouchpointValue,
                $"'{first.Path}' is already the {duplicate.Channel} template of '{duplicate.Touchpoint}' in '{duplicate.Locale}'. Merge the two or change this one's touchpoint, channel or locale."));
        }
    }
}
