using System.Collections.Concurrent;
using CommsLinter.Content.Samples;
using CommsLinter.Model;
using CommsLinter.Pipeline;

namespace CommsLinter.Content.Rendering;

/// <summary>
/// Each template rendered with its sample once per run, shared by every check that needs real values
/// (render.failed, SMS segments). Thread-safe.
/// </summary>
public sealed class SampleRendering(SampleStore samples, SnippetLibrary? snippets) : ITemplateRendering
{
    private readonly TemplateRenderer _renderer = new(snippets);
    private readonly ConcurrentDictionary<string, Lazy<(RenderedText? Text, RenderFailure? Failure, string? Sample)>> _results = new(StringComparer.Ordinal);

    public RenderedText? RenderedFor(Document document, CheckContext context) => Result(document, context).Text;

    /// <summary>The rendering, why it failed, and the sample's name; all null when the template has no usable sample.</summary>
    public (RenderedText? Text, RenderFailure? Failure, string? Sample) Result(Document document, CheckContext context) =>
        _results.GetOrAdd(document.Path, _ => new Lazy<(RenderedText?, RenderFailure?, string?)>(() => Render(document, context))).Value;

    /// <summary>The sample data of a template, or null when it has no usable sample.</summary>
    public System.Text.Json.JsonElement? DataOf(Document document, CheckContext context) =>
        SampleStore.NameOf(document, context.Catalog) is { } named && !samples.IsOutside(named.Name) ? samples.Load(named.Name).Data : null;

    private (RenderedText?, RenderFailure?, string?) Render(Document document, CheckContext context)
    {
        if (document.Kind != DocumentKind.Template || SampleStore.NameOf(document, context.Catalog) is not { } named || samples.IsOutside(named.Name)
            || samples.Load(named.Name) is not { Data: { } data })
        {
            return (null, null, null);
        }

        var rendered = _renderer.Render(document, data, out var failure);
        return failure is null ? (new RenderedText(rendered.Subject, rendered.Preheader, rendered.Body), null, named.Name) : (null, failure, named.Name);
    }
}
