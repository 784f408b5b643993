using System.Collections.Concurrent;
using CommsLinter.Model;
using CommsLinter.Text;
using Scriban;
using Scriban.Parsing;
using Scriban.Syntax;

namespace CommsLinter.Content.Liquid;

/// <summary>
/// One read of data by a template: the chain, where it is, whether the template treats the chain as
/// possibly absent anywhere (<see cref="Optional"/>), and whether this read is protected from an empty
/// value: the test of an <c>if</c> itself, or inside an <c>if</c> that tests the chain
/// (<see cref="Guarded"/>), or given a <c>default</c> (<see cref="Defaulted"/>).
/// </summary>
public readonly record struct LiquidRead(string Path, TextRange Range, bool Optional, bool Guarded = false, bool Defaulted = false);

/// <summary>
/// The data a template reads: every member chain of its Liquid (<c>customer.first_name</c>), with the
/// source range of the chain. A loop variable stands for an element of its collection, so
/// <c>{% for item in order.items %}{{ item.name }}</c> reads <c>order.items[].name</c>; names the template
/// assigns itself, loop helpers (<c>forloop</c>) and filter names are not data.
/// </summary>
/// <remarks>
/// Scriban's StrictVariables catches an unknown top-level name but not a missing member such as
/// <c>customer.frist_name</c>, so the syntax tree is walked instead.
/// </remarks>
public static class LiquidVariables
{
    private static readonly LexerOptions Options = new() { Lang = ScriptLang.Liquid, KeepTrivia = false };

    /// <summary>
    /// The chains read by <paramref name="text"/>, or none when it does not parse (liquid.syntax
    /// reports that). <c>Optional</c> marks a chain the template itself treats as possibly absent: it
    /// tests it in an <c>if</c> or <c>unless</c>, or gives it a <c>default</c>, anywhere.
    /// </summary>
    public static IReadOnlyList<LiquidRead> Collect(string text) =>
        text.Contains("{{", StringComparison.Ordinal) || text.Contains("{%", StringComparison.Ordinal)
            ? Collect(Template.ParseLiquid(text, lexerOptions: Options))
            : [];

    /// <summary>
    /// The chains read by a loaded document, with ranges in its source. Only its Liquid is parsed: the
    /// code of its placeholders, one after another, so the cost follows the Liquid, not the HTML around it.
    /// </summary>
    /// <param name="include">Which outputs to read; tags are always read, since they decide what is tested and looped over.</param>
    /// <param name="cache">Parses each distinct piece of code once across the documents of a run.</param>
    public static IReadOnlyList<LiquidRead> Collect(Document document, Func<Placeholder, bool>? include = null, LiquidReadCache? cache = null)
    {
        var code = new System.Text.StringBuilder();
        var starts = new List<(int Compact, int Source)>();
        foreach (var placeholder in document.Placeholders)
        {
            if (placeholder.Kind == PlaceholderKind.Raw || (placeholder.Kind == PlaceholderKind.Output && include?.Invoke(placeholder) == false))
            {
                continue;
            }

            starts.Add((code.Length, placeholder.Range.Start));
            code.Append(placeholder.Code.Span).Append(' ');
        }

        if (starts.Count == 0)
        {
            return [];
        }

        var compact = code.ToString();
        var reads = cache is null ? Collect(compact) : cache.Collect(compact);
        return [.. reads.Select(read => read with { Range = ToSource(read.Range, starts) })];
    }

    private static readonly Comparer<(int Compact, int Source)> ByCompact = Comparer<(int Compact, int Source)>.Create((a, b) => a.Compact.CompareTo(b.Compact));

    private static TextRange ToSource(TextRange compact, List<(int Compact, int Source)> starts)
    {
        var index = starts.BinarySearch((compact.Start, 0), ByCompact);
        var (start, source) = starts[index >= 0 ? index : ~index - 1];
        return new TextRange(source + compact.Start - start, source + compact.End - start);
    }

    /// <summary>The chains read by an already parsed template (see the other overload).</summary>
    public static IReadOnlyList<LiquidRead> Collect(Template template)
    {
        if (template.HasErrors || template.Page is null)
        {
            return [];
        }

        var found = new List<LiquidRead>();
        var optional = new HashSet<string>(StringComparer.Ordinal);
        new Walker(found, optional).Walk(template.Page, new Dictionary<string, string?>(StringComparer.Ordinal));
        return [.. found.Select(f => f with { Optional = optional.Contains(f.Path) })];
    }

    /// <summary>Walks the syntax tree, knowing which chains the enclosing <c>if</c>s test and whether a <c>default</c> applies.</summary>
    private sealed class Walker(List<LiquidRead> found, HashSet<string> optional)
    {
        private readonly List<string> _guards = [];
        private int _defaults;
        private int _tests;

        /// <param name="scope">Names bound by the template: a loop variable to its collection's element path, an assigned name to null.</param>
        public void Walk(ScriptNode? node, Dictionary<string, string?> scope)
        {
            switch (node)
            {
                case ScriptIfStatement test:
                    var before = found.Count;
                    _tests++;
                    Walk(test.Condition, scope);
                    _tests--;
                    var tested = found.Skip(before).Select(f => f.Path).ToArray();
                    optional.UnionWith(tested);
                    // An unless (read as if-not) tests the other way round: its body runs when the value is absent.
                    var guards = test.Condition is ScriptUnaryExpression { Operator: ScriptUnaryOperator.Not } ? [] : tested;
                    _guards.AddRange(guards);
                    Walk(test.Then, scope);
                    _guards.RemoveRange(_guards.Count - guards.Length, guards.Length);
                    Walk(test.Else, scope);
                    return;
                case ScriptPipeCall pipe when pipe.To is ScriptFunctionCall { Target: ScriptVariable { Name: "default" } }:
                    var start = found.Count;
                    _defaults++;
                    Walk(pipe.From, scope);
                    _defaults--;
                    optional.UnionWith(found.Skip(start).Select(f => f.Path));
                    Walk(pipe.To, scope);
                    return;
                case ScriptForStatement loop:
                    Walk(loop.Iterator, scope);
                    var element = PathOf(loop.Iterator, scope) is { } collection ? collection + "[]" : null;
                    var inner = new Dictionary<string, string?>(scope, StringComparer.Ordinal);
                    if (loop.Variable is ScriptVariable variable)
                    {
                        inner[variable.Name] = element;
                    }

                    inner["forloop"] = null;
                    inner["for"] = null;
                    Walk(loop.Body, inner);
                    return;
                case ScriptAssignExpression assign:
                    if (assign.Target is ScriptVariable target)
                    {
                        scope[target.Name] = null;
                    }

                    Walk(assign.Value, scope);
                    return;
                case ScriptMemberExpression or ScriptVariableGlobal:
                    if (PathOf((ScriptExpression)node, scope) is { } path)
                    {
                        found.Add(new LiquidRead(path, new TextRange(node.Span.Start.Offset, node.Span.End.Offset + 1), false, _tests > 0 || _guards.Contains(path), _defaults > 0));
                    }

                    return;
                case ScriptFunctionCall call:
                    // A filter's name is not data; its arguments are.
                    foreach (var argument in call.Arguments)
                    {
                        Walk(argument, scope);
                    }

                    return;
                case ScriptIndexerExpression indexer:
                    Walk(indexer.Target, scope);
                    Walk(indexer.Index, scope);
                    return;
            }

            if (node is null)
            {
                return;
            }

            foreach (var child in node.Children)
            {
                Walk(child, scope);
            }
        }
    }

    /// <summary>"a.b.c" for a chain of names, with bound names resolved; null for what is not data.</summary>
    private static string? PathOf(ScriptExpression? expression, Dictionary<string, string?> scope) => expression switch
    {
        ScriptVariableGlobal global when scope.TryGetValue(global.Name, out var bound) => bound,
        ScriptVariableGlobal global => global.Name,
        ScriptMemberExpression member when PathOf(member.Target, scope) is { } target && member.Member is ScriptVariable name => $"{target}.{name.Name}",
        _ => null,
    };
}

/// <summary>
/// The reads of each distinct piece of Liquid code, parsed once: the translations of a template, and
/// templates built from one pattern, share their code. Thread-safe; one serves a run.
/// </summary>
public sealed class LiquidReadCache
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<LiquidRead>> _reads = new(StringComparer.Ordinal);

    public IReadOnlyList<LiquidRead> Collect(string code) => _reads.GetOrAdd(code, LiquidVariables.Collect);
}
