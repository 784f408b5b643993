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
        // Almost every front matter is a few "key: value" lines; read those directly, and anything else with YAML.
        return TryParseSimple(source.Text, contentStart, contentEnd) is { } fields
            ? new Result(new FrontMatter(fields, block), block.End, null)
            : ParseYaml(source, contentStart, contentEnd, block);
    }

    /// <summary>
    /// The fields of a front matter made only of <c>key: value</c> lines (a plain value, or one in
    /// quotes without escapes), blank lines and comments, exactly as the YAML reader gives them; null
    /// for anything else, which the YAML reader then reads.
    /// </summary>
    internal static List<FrontMatterField>? TryParseSimple(string text, int start, int end)
    {
        var fields = new List<FrontMatterField>();
        for (var lineStart = start; lineStart < end;)
        {
            var lineEnd = LineEnd(text, lineStart, out var next);
            lineEnd = Math.Min(lineEnd, end);
            var line = text.AsSpan(lineStart, lineEnd - lineStart);
            if (line.Contains('\t') || (line.Length > 0 && line[0] is ' '))
            {
                return null;
            }

            if (line.TrimEnd(' ').Length == 0 || line[0] == '#')
            {
                lineStart = next;
                continue;
            }

            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon <= 0 || !IsSimpleKey(line[..colon]))
            {
                return null;
            }

            var valueStart = colon + 2;
            while (valueStart < line.Length && line[valueStart] == ' ')
            {
                valueStart++;
            }

            var value = line[valueStart..].TrimEnd(' ');
            if (value.Length == 0)
            {
                return null;
            }

            int from, to;
            if (value[0] is '"' or '\'')
            {
                var quote = value[0];
                if (value.Length < 2 || value[^1] != quote || value[1..^1].Contains(quote) || (quote == '"' && value.Contains('\\')))
                {
                    return null;
                }

                (from, to) = (valueStart + 1, valueStart + value.Length - 1);
            }
            else if (IsSimplePlain(value))
            {
                (from, to) = (valueStart, valueStart + value.Length);
            }
            else
            {
                return null;
            }

            fields.Add(new FrontMatterField(line[..colon].ToString(), new TextRange(lineStart, lineStart + colon), text[(lineStart + from)..(lineStart + to)],
                new TextRange(lineStart + from, lineStart + to), [], true));
            lineStart = next;
        }

        return fields;
    }

    private static bool IsSimpleKey(ReadOnlySpan<char> key)
    {
        if (!char.IsAsciiLetter(key[0]) && key[0] != '_')
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A plain YAML scalar on one line that means itself: no indicator first, no ": " or " #" inside.</summary>
    private static bool IsSimplePlain(ReadOnlySpan<char> value) =>
        value[0] is not ('-' or '?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`')
        && !value.Contains(": ", StringComparison.Ordinal) && !value.Contains(" #", StringComparison.Ordinal) && !value.EndsWith(':');

    /// <summary>The front matter read as YAML: any shape YAML allows, with its errors at their positions.</summary>
    internal static Result ParseYaml(SourceText source, int contentStart, int contentEnd, TextRange block)
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
