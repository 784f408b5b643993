using CommsLinter.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CommsLinter.Content.Yaml;

internal abstract record YamlNode(TextRange Range)
{
    /// <summary>Where findings about the node point: a scalar's text, or where a mapping or list starts (its end is where the next thing begins, which says nothing).</summary>
    public TextRange Head => this is YamlScalar ? Range : new TextRange(Range.Start, Range.Start);
}

/// <summary>A scalar; <see cref="IsVerbatim"/> when its value is exactly the source text at <see cref="YamlNode.Range"/>.</summary>
internal sealed record YamlScalar(string Value, TextRange Range, bool IsVerbatim) : YamlNode(Range);

internal sealed record YamlSequence(IReadOnlyList<YamlNode> Items, TextRange Range) : YamlNode(Range);

internal sealed record YamlMapping(IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Entries, TextRange Range) : YamlNode(Range)
{
    public YamlNode? Get(string key) => Entries.FirstOrDefault(e => e.Key.Value == key).Value;
}

/// <summary>A YAML problem at an offset of the source text.</summary>
internal sealed record YamlProblem(string Message, TextRange Range, bool IsSyntax);

/// <summary>
/// Reads YAML into a small tree whose every node knows its source range. Aliases are refused rather
/// than expanded, which makes an alias bomb harmless, and nesting is capped.
/// </summary>
internal static class YamlTree
{
    private const int MaxDepth = 32;

    /// <summary>Parses <paramref name="text"/>[start, end); ranges in the result are offsets into <paramref name="text"/>.</summary>
    public static YamlNode? Parse(string text, int start, int end, out YamlProblem? problem)
    {
        problem = null;
        var parser = new Parser(new StringReader(text.Substring(start, end - start)));
        var stack = new Stack<Builder>();
        YamlNode? root = null;
        var lastOffset = start;
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                lastOffset = Offset(current.End, start);
                switch (current)
                {
                    case DocumentStart when root is not null:
                        problem = new YamlProblem("Only one YAML document is allowed here; remove the second '---' block.", Range(current, start), false);
                        return null;
                    case AnchorAlias alias:
                        problem = new YamlProblem($"YAML aliases (*{alias.Value}) are not supported here; write the value out in full.", Range(current, start), false);
                        return null;
                    case Scalar scalar:
                        Add(stack, MakeScalar(scalar, text, start), ref root);
                        break;
                    case SequenceStart:
                    case MappingStart:
                        if (stack.Count >= MaxDepth)
                        {
                            problem = new YamlProblem($"The YAML is nested more than {MaxDepth} levels deep here; nothing here needs more than a few levels: flatten it.", Range(current, start), false);
                            return null;
                        }

                        stack.Push(new Builder(current is MappingStart, Offset(current.Start, start)));
                        break;
                    case SequenceEnd:
                    case MappingEnd:
                        var done = stack.Pop();
                        Add(stack, done.Build(Offset(current.End, start)), ref root);
                        break;
                }
            }
        }
        catch (YamlException ex)
        {
            var at = Offset(ex.Start, start);
            var message = ex.Message.StartsWith("(Line", StringComparison.Ordinal) && ex.Message.IndexOf("): ", StringComparison.Ordinal) is var cut and > 0
                ? ex.Message[(cut + 3)..]
                : ex.Message;
            problem = new YamlProblem(message.TrimEnd('.') + ".", new TextRange(at, at), true);
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this instead of a YamlException on some unterminated flow collections.
            problem = new YamlProblem("The YAML cannot be read past this point: a '[', '{' or quote is probably not closed.", new TextRange(lastOffset, lastOffset), true);
            return null;
        }

        return root;
    }

    private static void Add(Stack<Builder> stack, YamlNode node, ref YamlNode? root)
    {
        if (stack.Count == 0)
        {
            root ??= node;
        }
        else
        {
            stack.Peek().Add(node);
        }
    }

    private static YamlScalar MakeScalar(Scalar scalar, string text, int offset)
    {
        var start = Offset(scalar.Start, offset);
        var end = Offset(scalar.End, offset);
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted && end - start >= 2)
        {
            start++;
            end--;
        }

        var verbatim = scalar.Style is ScalarStyle.Plain or ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted
            && text.AsSpan(start, end - start).SequenceEqual(scalar.Value);
        return new YamlScalar(scalar.Value, new TextRange(start, end), verbatim);
    }

    private static int Offset(Mark mark, int offset) => (int)mark.Index + offset;

    private static TextRange Range(ParsingEvent e, int offset) => new(Offset(e.Start, offset), Offset(e.End, offset));

    private sealed class Builder(bool isMapping, int start)
    {
        private readonly List<YamlNode> _items = [];

        public void Add(YamlNode node) => _items.Add(node);

        public YamlNode Build(int end)
        {
            var range = new TextRange(start, Math.Max(start, end));
            if (!isMapping)
            {
                return new YamlSequence(_items, range);
            }

            var entries = new List<KeyValuePair<YamlScalar, YamlNode>>(_items.Count / 2);
            for (var i = 0; i + 1 < _items.Count; i += 2)
            {
                var key = _items[i] as YamlScalar ?? new YamlScalar(string.Empty, _items[i].Range, false);
                entries.Add(new(key, _items[i + 1]));
            }

            return new YamlMapping(entries, range);
        }
    }
}
