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
        // The first template of each part (HTML or Markdown, plain text) is the message's; any later one of that part is a duplicate.
        var firstOfPart = new DocumentSummary?[2];
        foreach (var template in members)
        {
            ref var first = ref firstOfPart[template.IsPlainTextPart ? 1 : 0];
            if (first is null)
            {
                first = template;
                continue;
            }

            findings.Add(Duplicate.At(template, template.TouchpointValue,
                $"'{first.Path}' is already the {template.Channel} template of '{template.Touchpoint}' in '{template.Locale}'. Merge the two or change this one's touchpoint, channel or locale."));
        }
    }
}
