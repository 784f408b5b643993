using System.Runtime.CompilerServices;
using CommsLinter.Content.Liquid;
using CommsLinter.Content.Samples;
using CommsLinter.Model;
using CommsLinter.Pipeline;
using CommsLinter.Text;

namespace CommsLinter.Content.Rendering;

/// <summary>
/// Each template rendered with its sample once, shared by every check that needs real values
/// (render.failed, render.empty-value, SMS segments, lengths) and by <c>commslint render</c>; also the
/// data each template reads. Both are kept with the document they were made of, and go with it: a
/// document checked and dropped takes its rendering along, and an edited document is a new one.
/// Thread-safe.
/// </summary>
public sealed class SampleRendering(SampleStore samples, SnippetLibrary? snippets) : ITemplateRendering
{
    private readonly ConditionalWeakTable<Document, Lazy<Rendering?>> _results = [];
    private readonly ConditionalWeakTable<Document, Lazy<IReadOnlyList<LiquidRead>>> _variables = [];

    public SampleStore Samples => samples;

    /// <summary>The renderer, for a template rendered with other data (an empty field, a sample given on the command line).</summary>
    public TemplateRenderer Renderer { get; } = new(snippets);

    public RenderedText? RenderedFor(Document document, CheckContext context) => Result(document, context) is { Failure: null } done ? done.Text : null;

    /// <summary>The template rendered with its sample (or, when that failed, as far as it came and why); null when it has no usable sample.</summary>
    public Rendering? Result(Document document, CheckContext context) =>
        _results.GetValue(document, d => new Lazy<Rendering?>(() => Render(d, context))).Value;

    /// <summary>The data the template reads, as collected by <see cref="LiquidVariables"/>, once per template.</summary>
    public IReadOnlyList<LiquidRead> VariablesOf(Document document) =>
        _variables.GetValue(document, d => new Lazy<IReadOnlyList<LiquidRead>>(() => LiquidVariables.Collect(d))).Value;

    private Rendering? Render(Document document, CheckContext context)
    {
        if (document.Kind != DocumentKind.Template || samples.For(document, context.Catalog) is not { File.Data: { } data } sample)
        {
            return null;
        }

        var text = Renderer.Render(document, data, out var failure);
        return new Rendering(text, failure, sample.Name, data);
    }

    /// <summary>What rendering a template with its sample gave: the text (as written where rendering stopped), the failure, the sample's name and data.</summary>
    public sealed record Rendering(RenderedText Text, RenderFailure? Failure, string Sample, System.Text.Json.JsonElement Data);
}
