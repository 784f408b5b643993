using CommsLinter.Content.Samples;
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
public sealed class RenderCheck(SampleStore samples, SnippetLibrary? snippets) : IDocumentCheck
{
    public static readonly RuleDescriptor Failed = new("render.failed", "A template cannot be rendered with its sample", Severity.Error);

    private readonly TemplateRenderer _renderer = new(snippets);

    public IReadOnlyList<RuleDescriptor> Rules { get; } = [Failed];

    public void Check(Document document, CheckContext context, ICollection<Finding> findings)
    {
        if (document.Kind != DocumentKind.Template || SampleStore.NameOf(document, context.Catalog) is not { } named || samples.IsOutside(named.Name)
            || samples.Load(named.Name) is not { Data: { } data })
        {
            // No usable sample: sample.* says why; liquid.syntax reports what does not parse.
            return;
        }

        _renderer.Render(document, data, out var failure);
        if (failure is not null && !failure.Message.StartsWith(TemplateRenderer.ParseFailurePrefix, StringComparison.Ordinal))
        {
            findings.Add(Failed.At(document, new TextRange(failure.Offset, Math.Min(document.Source.Text.Length, failure.Offset + 1)),
                $"Rendering with {named.Name} fails here: {failure.Message.TrimEnd('.')}. The customer would get no message."));
        }
    }
}
