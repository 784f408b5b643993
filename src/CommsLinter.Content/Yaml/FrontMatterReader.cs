using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Text;

namespace CommsLinter.Content.Yaml;

/// <summary>
/// Finds the front matter at the top of a file (between two <c>---</c> lines), parses it as a flat
/// YAML mapping and maps every error to the file's own lines.
/// </summary>
internal static class FrontMatterReader
{
    public sealed record Result(FrontMatter FrontMatter, int BodyStart, Finding? Problem);

    public static Result Read(SourceText source)
    {
        var text = source.Text;
        var firstLineEnd = LineEnd(text, 0, out var afterFirst);
        if (!text.AsSpan(0, firstLineEnd).TrimEnd().SequenceEqual("---"))
        {
            return new Result(FrontMatter.Empty, 0, null);
        }

        var contentStart = afterFirst;
        var lineStart = afterFirst;
        while (lineStart < text.Length)
        {
            var lineEnd = LineEnd(text, lineStart, out var next);
            var line = text.AsSpan(lineStart, lineEnd - lineStart).TrimEnd();
            if (line.SequenceEqual("---") || line.SequenceEqual("..."))
            {
                var block = new TextRange(0, next);
                return Parse(source, contentStart, lineStart, block);
            }

            lineStart = next;
        }

        var problem = ContentRules.FrontMatterUnclosed.At(source, new TextRange(0, 3),
            "The front matter opened here is never closed. Add a line with '---' after the last field.");
        return new Result(FrontMatter.Empty, 0, problem);
    }

    private static Result Parse(SourceText source, int contentStart, int contentEnd, TextRange block)
    {
        var root = YamlTree.Parse(source.Text, contentStart, contentEnd, out var yamlProblem);
        if (yamlProblem is not null)
        {
            var rule = yamlProblem.IsSyntax ? ContentRules.FrontMatterSyntax : ContentRules.FrontMatterInvalid;
            return new Result(FrontMatter.Empty, block.End, rule.At(source, yamlProblem.Range, $"Front matter: {yamlProblem.Message}"));
        }

        if (root is null)
        {
            return new Result(new FrontMatter([], block), block.End, null);
        }

        if (root is not YamlMapping mapping)
        {
            return new Result(FrontMatter.Empty, block.End, ContentRules.FrontMatterInvalid.At(source, root.Range,
                "Front matter must be a list of 'key: value' lines, such as 'touchpoint: order-confirmation'."));
        }

        var fields = new List<FrontMatterField>(mapping.Entries.Count);
        foreach (var (key, value) in mapping.Entries)
        {
            switch (value)
            {
                case YamlScalar scalar:
                    fields.Add(new FrontMatterField(key.Value, key.Range, scalar.Value, scalar.Range, [], scalar.IsVerbatim));
                    break;
                case YamlSequence sequence when sequence.Items.All(i => i is YamlScalar):
                    fields.Add(new FrontMatterField(key.Value, key.Range, null, sequence.Range,
                        [.. sequence.Items.Cast<YamlScalar>().Select(s => s.Value)], false));
                    break;
                default:
                    return new Result(FrontMatter.Empty, block.End, ContentRules.FrontMatterInvalid.At(source, value.Range,
                        $"Front matter field '{key.Value}' must be a single value or a list of values, not a nested mapping."));
            }
        }

        return new Result(new FrontMatter(fields, block), block.End, null);
    }

    private static int LineEnd(string text, int start, out int next)
    {
        var newline = text.AsSpan(start).IndexOfAny('\r', '\n');
        if (newline < 0)
        {
            next = text.Length;
            return text.Length;
        }

        var end = start + newline;
        next = end + (text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? 2 : 1);
        return end;
    }
}
