using CommsLinter.Text;

namespace CommsLinter.Content.Yaml;

/// <summary>
/// Reads the block YAML that catalogs are written in directly: mappings of simple keys, <c>- </c>
/// lists (of mappings too), one-line <c>[a, b]</c> lists of simple values, plain values and quoted
/// values without escapes, blank lines and whole-line comments. It gives the tree <see cref="YamlTree"/>
/// gives (values, value ranges and where each mapping and list starts) in a fraction of the time; for
/// anything else it gives null, and <see cref="YamlTree"/> reads the text.
/// </summary>
internal static class BlockYaml
{
    private const int MaxDepth = 32;

    /// <summary>Characters that end or open something inside a [a, b] list, so a plain value there must not hold them.</summary>
    private static readonly System.Buffers.SearchValues<char> FlowIndicators = System.Buffers.SearchValues.Create("[]{},:\"'");

    /// <summary>One line's content, or the content after a list's "- ": where it starts, at which column, and where it ends.</summary>
    private readonly record struct Entry(int Indent, int Start, int End, bool IsDash);

    public static YamlNode? TryParse(string text)
    {
        // YAML's other line breaks (NEL, LS, PS) are YamlTree's to judge.
        if (text.AsSpan().IndexOfAny('\u0085', '\u2028', '\u2029') >= 0)
        {
            return null;
        }

        var entries = new List<Entry>();
        for (var lineStart = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0; lineStart < text.Length;)
        {
            var newline = text.AsSpan(lineStart).IndexOfAny('\r', '\n');
            var lineEnd = newline < 0 ? text.Length : lineStart + newline;
            if (!AddLine(text, lineStart, lineEnd, entries))
            {
                return null;
            }

            lineStart = newline < 0 ? text.Length : lineEnd + (text[lineEnd] == '\r' && lineEnd + 1 < text.Length && text[lineEnd + 1] == '\n' ? 2 : 1);
        }

        if (entries.Count == 0)
        {
            return null;
        }

        var reader = new Reader(text, entries);
        var root = reader.Block(entries[0].Indent, 0);
        return reader.Next == entries.Count ? root : null;
    }

    /// <summary>Adds a line's entries; false when the line is more than this reader reads.</summary>
    private static bool AddLine(string text, int start, int end, List<Entry> entries)
    {
        var content = start;
        while (content < end && text[content] == ' ')
        {
            content++;
        }

        var trimmed = end;
        while (trimmed > content && text[trimmed - 1] == ' ')
        {
            trimmed--;
        }

        if (content == trimmed || text[content] == '#')
        {
            return true;
        }

        var line = text.AsSpan(content, trimmed - content);
        if (line.Contains('\t') || line.StartsWith("---") || line.StartsWith("..."))
        {
            return false;
        }

        // A comment after a value ends the line; where quotes are involved, YamlTree decides.
        if (line.IndexOf(" #", StringComparison.Ordinal) is var comment and >= 0)
        {
            if (line[..comment].IndexOfAny('"', '\'') >= 0)
            {
                return false;
            }

            trimmed = content + comment;
            while (trimmed > content && text[trimmed - 1] == ' ')
            {
                trimmed--;
            }
        }

        // "- - a" and "- key: value" hold two entries on one line: the dash, then what follows at its own column.
        while (content + 1 < trimmed && text[content] == '-' && text[content + 1] == ' ')
        {
            entries.Add(new Entry(content - start, content, content + 1, true));
            content += 2;
            while (content < trimmed && text[content] == ' ')
            {
                content++;
            }
        }

        if (content == trimmed - 1 && text[content] == '-')
        {
            return false;
        }

        entries.Add(new Entry(content - start, content, trimmed, false));
        return true;
    }

    private sealed class Reader(string text, List<Entry> entries)
    {
        public int Next { get; private set; }

        /// <summary>The node that starts at the next entry, which is at <paramref name="indent"/>; null when it is not one this reader reads.</summary>
        public YamlNode? Block(int indent, int depth)
        {
            if (Next >= entries.Count || entries[Next].Indent != indent || depth >= MaxDepth)
            {
                return null;
            }

            var entry = entries[Next];
            if (entry.IsDash)
            {
                return Sequence(indent, depth);
            }

            if (KeyOf(entry) is not null)
            {
                return Mapping(indent, depth);
            }

            Next++;
            return Inline(entry.Start, entry.End, depth);
        }

        private YamlSequence? Sequence(int indent, int depth)
        {
            var start = entries[Next].Start;
            var items = new List<YamlNode>();
            while (Next < entries.Count && entries[Next].Indent == indent && entries[Next].IsDash)
            {
                Next++;
                if (Next >= entries.Count || entries[Next].Indent <= indent || Block(entries[Next].Indent, depth + 1) is not { } item)
                {
                    return null;
                }

                items.Add(item);
            }

            return new YamlSequence(items, new TextRange(start, start));
        }

        private YamlMapping? Mapping(int indent, int depth)
        {
            var start = entries[Next].Start;
            var pairs = new List<KeyValuePair<YamlScalar, YamlNode>>();
            while (Next < entries.Count && entries[Next].Indent == indent && !entries[Next].IsDash)
            {
                var entry = entries[Next];
                if (KeyOf(entry) is not { } colon)
                {
                    return null;
                }

                var key = new YamlScalar(text[entry.Start..colon], new TextRange(entry.Start, colon), true);
                Next++;
                YamlNode? value;
                if (colon + 1 < entry.End)
                {
                    var valueStart = colon + 1;
                    while (text[valueStart] == ' ')
                    {
                        valueStart++;
                    }

                    value = Inline(valueStart, entry.End, depth + 1);
                }
                else if (Next < entries.Count && (entries[Next].Indent > indent || (entries[Next].Indent == indent && entries[Next].IsDash)))
                {
                    // A list may sit at its key's own indentation.
                    value = Block(entries[Next].Indent, depth + 1);
                }
                else
                {
                    value = null;
                }

                if (value is null)
                {
                    return null;
                }

                pairs.Add(new(key, value));
            }

            return new YamlMapping(pairs, new TextRange(start, start));
        }

        /// <summary>The offset of the ": " (or final ':') after a simple key at the entry's start; null when the entry is not "key: ...".</summary>
        private int? KeyOf(Entry entry)
        {
            var line = text.AsSpan(entry.Start, entry.End - entry.Start);
            var colon = line.IndexOf(':');
            if (colon <= 0 || (colon + 1 < line.Length && line[colon + 1] != ' '))
            {
                return null;
            }

            var key = line[..colon];
            if (!char.IsAsciiLetter(key[0]) && key[0] != '_')
            {
                return null;
            }

            foreach (var c in key)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-'))
                {
                    return null;
                }
            }

            return entry.Start + colon;
        }

        /// <summary>A value on one line: a [a, b] list, a quoted value without escapes, or a plain value.</summary>
        private YamlNode? Inline(int start, int end, int depth)
        {
            if (text[start] == '[')
            {
                return text[end - 1] == ']' && depth < MaxDepth ? Flow(start, end) : null;
            }

            return Scalar(start, end, inFlow: false);
        }

        private YamlSequence? Flow(int start, int end)
        {
            var items = new List<YamlNode>();
            var position = start + 1;
            while (true)
            {
                while (position < end - 1 && text[position] == ' ')
                {
                    position++;
                }

                if (position == end - 1)
                {
                    // "[]", or "[a, b]" read to its end; "[a, ]" is not read here.
                    return items.Count == 0 || text[position - 1] != ',' ? new YamlSequence(items, new TextRange(start, end)) : null;
                }

                var comma = text.AsSpan(position, end - 1 - position).IndexOf(',');
                var itemEnd = comma < 0 ? end - 1 : position + comma;
                var trimmed = itemEnd;
                while (trimmed > position && text[trimmed - 1] == ' ')
                {
                    trimmed--;
                }

                if (trimmed == position || Scalar(position, trimmed, inFlow: true) is not { } item)
                {
                    return null;
                }

                items.Add(item);
                position = comma < 0 ? end - 1 : itemEnd + 1;
            }
        }

        private YamlScalar? Scalar(int start, int end, bool inFlow)
        {
            var value = text.AsSpan(start, end - start);
            if (value[0] is '"' or '\'')
            {
                var quote = value[0];
                return value.Length >= 2 && value[^1] == quote && !value[1..^1].Contains(quote) && !(quote == '"' && value.Contains('\\'))
                    ? new YamlScalar(text[(start + 1)..(end - 1)], new TextRange(start + 1, end - 1), true)
                    : null;
            }

            var plain = value[0] is not ('-' or '?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '%' or '@' or '`')
                && !value.Contains(": ", StringComparison.Ordinal) && !value.EndsWith(':')
                && (!inFlow || value.IndexOfAny(FlowIndicators) < 0);
            return plain ? new YamlScalar(value.ToString(), new TextRange(start, end), true) : null;
        }
    }
}
