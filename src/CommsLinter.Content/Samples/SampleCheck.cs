using CommsLinter.Content.Rendering;
using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Pipeline;
using CommsLinter.Text;

namespace CommsLinter.Content.Samples;

/// <summary>
/// Every piece of data a template reads must exist in its sample: the JSON named by the template's
/// front matter (<c>sample: samples/order.json</c>) or, by default, by its touchpoint in the catalog.
/// A misspelt member (<c>customer.frist_name</c>) renders as nothing for every customer, so it is
/// reported at the template's expression with the nearest name the sample has. Samples live inside the
/// content folder and are never read through a symbolic link (content.link, at the reference); each is read
/// once per run. Docs: docs/rules/sample.*.md.
/// </summary>
public sealed class SampleCheck(SampleRendering rendering) : IDocumentCheck, IBuiltinCheck
{
    private readonly SampleStore _samples = rendering.Samples;

    public static readonly RuleDescriptor UnknownVariable = new("sample.unknown-variable", "A template reads data its sample does not have", Severity.Warning);
    public static readonly RuleDescriptor Missing = new("sample.missing", "A template's sample file does not exist or is outside the content folder", Severity.Error);
    public static readonly RuleDescriptor Invalid = new("sample.invalid", "A sample is not valid JSON", Severity.Error) { OncePerRun = true };

    public static IReadOnlyList<RuleDescriptor> Descriptors { get; } = [UnknownVariable, Missing, Invalid];

    public IReadOnlyList<RuleDescriptor> Rules => Descriptors;

    public void Check(Document document, CheckContext context, ICollection<Finding> findings)
    {
        if (document.Kind != DocumentKind.Template)
        {
            return;
        }

        if (SampleStore.NameOf(document, context.Catalog) is not { } named)
        {
            return;
        }

        var (name, at) = named;
        if (_samples.IsOutside(name))
        {
            findings.Add(Missing.At(document, at, $"The sample '{name}' is outside the content folder ({_samples.FolderDisplayPath}/). Samples are named relative to it, such as 'samples/order.json'."));
            return;
        }

        var sample = _samples.Load(name);
        if (sample.Link is var (link, target))
        {
            findings.Add(ContentRules.Link.At(document, at,
                $"The sample {ContentDiscovery.ThroughLink(sample.DisplayPath, link, target)}, so it is not read and this template is not checked against it: CommsLinter reads nothing through a link. Put the sample itself there."));
            return;
        }

        if (sample.IsMissing)
        {
            findings.Add(Missing.At(document, at, $"The sample '{name}' does not exist in {_samples.FolderDisplayPath}/. Create it or name an existing one."));
            return;
        }

        if (sample.Problem is { } problem)
        {
            // Every template that reads it says so, and the run reports it once (RuleDescriptor.OncePerRun).
            findings.Add(problem);

            return;
        }

        foreach (var (path, range, optional, _, _) in rendering.VariablesOf(document))
        {
            if (sample.Has(path))
            {
                continue;
            }

            // A field the template tests or defaults may be absent by design, unless it looks like a typo of one that exists.
            var meant = sample.Nearest(path);
            if (optional && meant is null)
            {
                continue;
            }

            findings.Add(UnknownVariable.At(document, range,
                $"The sample {sample.DisplayPath} has no '{path}', so this renders as nothing{(optional ? " where the template expects it" : string.Empty)}.{(meant is null ? string.Empty : $" Did you mean '{meant}'?")} Correct the name or add it to the sample."));
        }
    }
}
