using CommsLinter.Text;
using Scriban;
using Scriban.Parsing;
using Scriban.Syntax;

namespace CommsLinter.Content.Liquid;

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
    public static IReadOnlyList<(string Path, TextRange Range, bool Optional)> Collect(string text) =>
        text.Contains("{{", StringComparison.Ordinal) || text.Contains("{%", StringComparison.Ordinal)
            ? Collect(Template.ParseLiquid(text, lexerOptions: Options))
            : [];

    /// <summary>The chains read by an already parsed template (see the other overload).</summary>
    public static IReadOnlyList<(string Path, TextRange Range, bool Optional)> Collect(Template template)
    {
        if (template.HasErrors || template.Page is null)
        {
            return [];
        }

        var found = new List<(string, TextRange)>();
        var optional = new HashSet<string>(StringComparer.Ordinal);
        Walk(template.Page, new Dictionary<string, string?>(StringComparer.Ordinal), found, optional);
        return [.. found.Select(f => (f.Item1, f.Item2, optional.Contains(f.Item1)))];
    }

    /// <param name="scope">Names bound by the template: a loop variable to its collection's element path, an assigned name to null.</param>
    private static void Walk(ScriptNode? node, Dictionary<string, string?> scope, List<(string, TextRange)> found, HashSet<string> optional)
    {
        switch (node)
        {
            case ScriptIfStatement test:
                var before = found.Count;
                Walk(test.Condition, scope, found, optional);
                optional.UnionWith(found.Skip(before).Select(f => f.Item1));
                Walk(test.Then, scope, found, optional);
                Walk(test.Else, scope, found, optional);
                return;
            case ScriptPipeCall pipe when pipe.To is ScriptFunctionCall { Target: ScriptVariable { Name: "default" } }:
                var start = found.Count;
                Walk(pipe.From, scope, found, optional);
                optional.UnionWith(found.Skip(start).Select(f => f.Item1));
                Walk(pipe.To, scope, found, optional);
                return;
            case ScriptForStatement loop:
                Walk(loop.Iterator, scope, found, optional);
                var element = PathOf(loop.Iterator, scope) is { } collection ? collection + "[]" : null;
                var inner = new Dictionary<string, string?>(scope, StringComparer.Ordinal);
                if (loop.Variable is ScriptVariable variable)
                {
                    inner[variable.Name] = element;
                }

                inner["forloop"] = null;
                inner["for"] = null;
                Walk(loop.Body, inner, found, optional);
                return;
            case ScriptAssignExpression assign:
                if (assign.Target is ScriptVariable target)
                {
                    scope[target.Name] = null;
                }

                Walk(assign.Value, scope, found, optional);
                return;
            case ScriptMemberExpression or ScriptVariableGlobal:
                if (PathOf((ScriptExpression)node, scope) is { } path)
                {
                    found.Add((path, new TextRange(node.Span.Start.Offset, node.Span.End.Offset + 1)));
                }

                return;
            case ScriptFunctionCall call:
                // A filter's name is not data; its arguments are.
                foreach (var argument in call.Arguments)
                {
                    Walk(argument, scope, found, optional);
                }

                return;
            case ScriptIndexerExpression indexer:
                Walk(indexer.Target, scope, found, optional);
                Walk(indexer.Index, scope, found, optional);
                return;
        }

        if (node is null)
        {
            return;
        }

        foreach (var child in node.Children)
        {
            Walk(child, scope, found, optional);
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
