using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Pipeline;
using CommsLinter.Text;

namespace CommsLinter.Content.Rendering;

/// <summary>
/// Every template with a sample must render with it: a runtime error, a loop past its limit, an
/// include that cannot be loaded or a render that runs out of time is what a customer would get
/// instead of the message. Reported where rendering stopped. Docs: docs/rules/render.failed.md.
/// </summary>
public sealed class RenderCheck(SampleRendering rendering) : IDocumentCheck, IBuiltinCheck
{
    public static readonly RuleDescriptor Failed = new("render.failed", "A template cannot be rendered with its sample", Severity.Error);

    public static IReadOnlyList<RuleDescriptor> Descriptors { get; } = [Failed];

    public IReadOnlyList<RuleDescriptor> Rules => Descriptors;

    public void Check(Document document, CheckContext context, ICollection<Finding> findings)
    {
        // Without a usable sample nothing renders: sample.* says why; liquid.syntax reports what does not parse.
        if (rendering.Result(document, context) is { Failure: { } failure } result && !failure.Message.StartsWith(TemplateRenderer.ParseFailurePrefix, StringComparison.Ordinal))
        {
            findings.Add(Failed.At(document, new TextRange(failure.Offset, Math.Min(document.Source.Text.Length, failure.Offset + 1)),
                $"Rendering with {result.Sample} fails here: {failure.Message.TrimEnd('.')}. The customer would get no message."));
        }
    }
}
