using System.Collections.Concurrent;
using System.Text.Json;
using Markdig;
using CommsLinter.Content.Readers;
using CommsLinter.Model;
using CommsLinter.Pipeline;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace CommsLinter.Content.Rendering;

/// <summary>Why a template could not be rendered: the message and where in the source it happened.</summary>
public sealed record RenderFailure(string Message, int Offset);

/// <summary>
/// Renders templates with Scriban in Liquid mode, the engine the loader parses with. Includes come
/// from the snippet library (the content's <c>_partials/</c>) and nowhere else. A hostile template
/// cannot hang or exhaust a run: loops stop at 10,000 iterations, includes at 20 levels, output at
/// 1 MB (an error, not a silent cut), and every render at 2 seconds. Each piece of text is parsed once, however often it is
/// rendered (the empty-value check renders a template once per optional field). Thread-safe.
/// </summary>
public sealed class TemplateRenderer(SnippetLibrary? snippets)
{
    /// <summary>Each distinct text parsed once, with the string instance it was parsed from: the literals of the template refer to that instance.</summary>
    private readonly ConcurrentDictionary<string, (Template Template, string Source)> _parsed = new(StringComparer.Ordinal);

    public const int LoopLimit = 10_000;
    public const int RecursionLimit = 20;
    public const int OutputLimit = 1_000_000;
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(2);

    /// <summary>Starts the message of a failure to parse, which liquid.syntax already reports.</summary>
    public const string ParseFailurePrefix = "Liquid cannot be parsed";

    private static readonly LexerOptions Lexer = new() { Lang = ScriptLang.Liquid, KeepTrivia = false };

    /// <param name="emptied">A data path ("customer.company_name") rendered as empty text, to see what the message looks like without it.</param>
    /// <param name="value">What the path is rendered as instead: empty text unless given (a stand-in for a value the sample leaves empty).</param>
    public RenderedText Render(Document document, JsonElement? data, out RenderFailure? failure, string? emptied = null, string value = "")
    {
        failure = null;
        var bodyStart = document.FrontMatter.IsPresent ? document.FrontMatter.Range.End : 0;
        var (body, bodyMap) = RenderText(document.Source.Text[bodyStart..], bodyStart, data, emptied, value, ref failure);
        var (subject, subjectMap) = RenderField(document.FrontMatter.Get(FrontMatterKeys.Subject), data, emptied, value, ref failure);
        var (preheader, preheaderMap) = RenderField(document.FrontMatter.Get(FrontMatterKeys.Preheader), data, emptied, value, ref failure);
        return new RenderedText(subject, preheader, body) { BodyMap = bodyMap, SubjectMap = subjectMap, PreheaderMap = preheaderMap };
    }

    /// <summary>
    /// A front-matter value rendered. Its map is kept only when the value is written verbatim in the
    /// source: an escape in a quoted value (\" or '') would shift every offset after it.
    /// </summary>
    private (string? Text, RenderMap Map) RenderField(FrontMatterField? field, JsonElement? data, string? emptied, string value, ref RenderFailure? failure)
    {
        if (field is not { Value: { } fieldValue })
        {
            return (null, RenderMap.Empty);
        }

        var (text, map) = RenderText(fieldValue, field.ValueRange.Start, data, emptied, value, ref failure);
        return (text, field.IsVerbatim ? map : RenderMap.Empty);
    }

    private (string Text, RenderMap Map) RenderText(string text, int offset, JsonElement? data, string? emptied, string value, ref RenderFailure? failure)
    {
        var (template, source) = ParseWithSource(text);
        if (template.HasErrors)
        {
            var error = template.Messages.First(m => m.Type == ParserMessageType.Error);
            failure ??= new RenderFailure($"{ParseFailurePrefix}: {error.Message}", offset + Math.Max(0, error.Span.Start.Offset));
            return (text, RenderMap.Empty);
        }

        using var timeout = new CancellationTokenSource(TimeLimit);
        var output = new MappedOutput(source, offset);
        var context = new MappingContext(output)
        {
            LoopLimit = LoopLimit,
            RecursiveLimit = RecursionLimit,
            OutputLimit = OutputLimit,
            OnOutputLimit = ScriptLimitBehavior.Throw,
            LimitToString = OutputLimit,
            TemplateLoader = new SnippetLoader(snippets),
            CancellationToken = timeout.Token,
            StrictVariables = false,
        };
        var globals = new ScriptObject();
        if (data is { ValueKind: JsonValueKind.Object } root)
        {
            foreach (var property in root.EnumerateObject())
            {
                globals[property.Name] = ToScript(property.Value);
            }
        }

        if (emptied is not null)
        {
            Replace(globals, emptied.Split('.'), value);
        }

        context.PushGlobal(globals);
        try
        {
            template.Render(context);
            var rendered = output.ToString();
            return (rendered, new RenderMap(output.Pieces, rendered));
        }
        catch (ScriptRuntimeException ex)
        {
            failure ??= new RenderFailure(ex.OriginalMessage, offset + Math.Max(0, ex.Span.Start.Offset));
        }
        catch (OperationCanceledException)
        {
            failure ??= new RenderFailure($"rendering took longer than {TimeLimit.TotalSeconds:0} s and was stopped; look for a loop that never ends", offset);
        }
        catch (InvalidOperationException ex)
        {
            failure ??= new RenderFailure(ex.Message, offset);
        }

        return (text, RenderMap.Empty);
    }

    /// <summary>The Liquid of <paramref name="text"/>, parsed on first use.</summary>
    public Template Parse(string text) => ParseWithSource(text).Template;

    private (Template Template, string Source) ParseWithSource(string text) => _parsed.GetOrAdd(text, t => (Template.ParseLiquid(t, lexerOptions: Lexer), t));

    /// <summary>Sets the value at a path of plain members to a text; paths through lists are left alone.</summary>
    private static void Replace(ScriptObject globals, string[] path, string value)
    {
        var current = globals;
        for (var i = 0; i < path.Length - 1; i++)
        {
            if (current[path[i]] is not ScriptObject next)
            {
                return;
            }

            current = next;
        }

        if (current.ContainsKey(path[^1]))
        {
            current[path[^1]] = value;
        }
    }

    /// <summary>A rendered Markdown letter or page as HTML, for previews; never throws (see the other overload).</summary>
    internal static string MarkdownToHtml(string markdown) => ToHtml(markdown, out _);

    /// <summary>
    /// A rendered Markdown letter or page as HTML, for previews. Markdown nested deeper than it can be
    /// shown (a loop can write deeper nesting than the template has) gives its text as written, in a
    /// <c>pre</c>, and a failure that says so, at the place in the template that wrote the nesting.
    /// </summary>
    public static string MarkdownToHtml(Document document, RenderedText rendered, out RenderFailure? failure)
    {
        var html = ToHtml(rendered.Body, out var tooDeepAt);
        failure = tooDeepAt is { } at
            ? new RenderFailure(
                $"the rendered Markdown nests quotes, lists, emphasis and links more than {MarkdownReader.MaxDepth} levels deep here, too deep to show",
                rendered.BodyMap.SourceFrom(at)?.Start ?? (document.FrontMatter.IsPresent ? document.FrontMatter.Range.End : 0))
            : null;
        return html;
    }

    private static string ToHtml(string markdown, out int? tooDeepAt)
    {
        tooDeepAt = null;
        try
        {
            return Markdown.ToHtml(markdown, PreviewPipeline);
        }
        catch (ArgumentException)
        {
            // Markdig's parser and renderer refuse nesting past their limits, without a position.
            if (MarkdownReader.FirstTooDeep(markdown, 0) is not { } at)
            {
                throw;
            }

            tooDeepAt = at;
            return $"<pre>{System.Net.WebUtility.HtmlEncode(markdown)}</pre>";
        }
    }

    private static readonly MarkdownPipeline PreviewPipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    private static object? ToScript(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => ToObject(element),
        JsonValueKind.Array => new ScriptArray(element.EnumerateArray().Select(ToScript)),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number when element.TryGetInt64(out var whole) => whole,
        JsonValueKind.Number => element.GetDecimal(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static ScriptObject ToObject(JsonElement element)
    {
        var result = new ScriptObject();
        foreach (var property in element.EnumerateObject())
        {
            result[property.Name] = ToScript(property.Value);
        }

        return result;
    }

    /// <summary>
    /// The output of one render, with where each piece came from: text written straight from the
    /// template's own source is a literal; anything else (a value, a filter's result, an included
    /// snippet) belongs to the expression statement being evaluated.
    /// </summary>
    private sealed class MappedOutput(string source, int offset) : IScriptOutput
    {
        private readonly System.Text.StringBuilder _text = new();

        public List<RenderPiece> Pieces { get; } = [];

        /// <summary>The template range of the expression whose output is being written, if any.</summary>
        public CommsLinter.Text.TextRange? Expression { get; set; }

        public void Write(string value, int index, int count)
        {
            if (_text.Length + count > OutputLimit)
            {
                // Scriban's own limit throws too; this keeps the map from growing past it first.
                throw new InvalidOperationException($"the rendered text is longer than {OutputLimit:N0} characters");
            }

            var start = _text.Length;
            _text.Append(value, index, count);
            if (ReferenceEquals(value, source))
            {
                Pieces.Add(new RenderPiece(start, _text.Length, new CommsLinter.Text.TextRange(offset + index, offset + index + count), true));
            }
            else if (Expression is { } expression)
            {
                Pieces.Add(new RenderPiece(start, _text.Length, expression, false));
            }
        }

        public ValueTask WriteAsync(string value, int index, int count, CancellationToken cancellationToken)
        {
            Write(value, index, count);
            return ValueTask.CompletedTask;
        }

        public override string ToString() => _text.ToString();

        public CommsLinter.Text.TextRange Range(SourceSpan span) => new(offset + span.Start.Offset, offset + span.End.Offset + 1);
    }

    /// <summary>
    /// Tells the output which expression statement of the template (not of an included snippet) is
    /// being evaluated. Its value is written by the enclosing block just after it is evaluated; an
    /// include writes while it is evaluated.
    /// </summary>
    private sealed class MappingContext : LiquidTemplateContext
    {
        private readonly MappedOutput _output;
        private CommsLinter.Text.TextRange? _evaluated;

        public MappingContext(MappedOutput output)
        {
            _output = output;
            PushOutput(output);
        }

        public override object? Evaluate(ScriptNode? scriptNode, bool aliasReturnedFunction)
        {
            if (SourceFileCount > 1 || scriptNode is not ScriptExpressionStatement statement)
            {
                return base.Evaluate(scriptNode, aliasReturnedFunction);
            }

            var saved = _output.Expression;
            var range = _output.Range(statement.Span);
            _output.Expression = range;
            try
            {
                var value = base.Evaluate(statement, aliasReturnedFunction);
                _evaluated = range;
                return value;
            }
            finally
            {
                _output.Expression = saved;
            }
        }

        public override TemplateContext Write(SourceSpan span, object? textAsObject)
        {
            var saved = _output.Expression;
            _output.Expression = _evaluated ?? saved;
            try
            {
                return base.Write(span, textAsObject);
            }
            finally
            {
                _output.Expression = saved;
                _evaluated = null;
            }
        }
    }

    /// <summary>
    /// Loads <c>{% include 'name' %}</c> from the snippet library only, with the text the library holds. A
    /// snippet is known by its path as findings show it, which Scriban's messages then name: never the machine's path.
    /// </summary>
    private sealed class SnippetLoader(SnippetLibrary? snippets) : ITemplateLoader
    {
        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) =>
            snippets?.Resolve(templateName)?.DisplayPath
            ?? throw new ScriptRuntimeException(callerSpan, $"snippet '{templateName}' is not in the _partials folder");

        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            snippets?.AtDisplayPath(templatePath)?.Text ?? throw new ScriptRuntimeException(callerSpan, $"snippet '{templatePath}' is not in the _partials folder");

        public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            new(Load(context, callerSpan, templatePath));
    }
}
