using CommsLinter.Text;

namespace CommsLinter.LanguageServer;

/// <summary>
/// The texts the editor holds open, by file path, kept up to date with its incremental changes. LSP
/// positions are zero-based lines and UTF-16 code units, as the engine's columns are (one-based).
/// </summary>
internal sealed class OpenDocuments
{
    private readonly Dictionary<string, (string Text, int Version)> _texts = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public void Open(string path, string text, int version)
    {
        lock (_lock)
        {
            _texts[path] = (text, version);
        }
    }

    /// <summary>Applies the editor's changes in order; a change without a range replaces the whole text.</summary>
    public string Change(string path, int? version, IReadOnlyList<TextDocumentContentChangeEvent> changes)
    {
        lock (_lock)
        {
            var text = _texts.GetValueOrDefault(path).Text ?? string.Empty;
            foreach (var change in changes)
            {
                if (change.Range is not { } range)
                {
                    text = change.Text;
                    continue;
                }

                var lines = LineIndex.Build(text);
                var start = OffsetOf(text, lines, range.Start);
                var end = Math.Max(start, OffsetOf(text, lines, range.End));
                text = string.Concat(text.AsSpan(0, start), change.Text, text.AsSpan(end));
            }

            _texts[path] = (text, version ?? _texts.GetValueOrDefault(path).Version);
            return text;
        }
    }

    public bool Close(string path)
    {
        lock (_lock)
        {
            return _texts.Remove(path);
        }
    }

    public string? TextOf(string path)
    {
        lock (_lock)
        {
            return _texts.TryGetValue(path, out var open) ? open.Text : null;
        }
    }

    public int? VersionOf(string path)
    {
        lock (_lock)
        {
            return _texts.TryGetValue(path, out var open) ? open.Version : null;
        }
    }

    public bool IsOpen(string path)
    {
        lock (_lock)
        {
            return _texts.ContainsKey(path);
        }
    }

    /// <summary>The offset of an LSP position, clamped to the text: a position past a line's end is its end, as the specification says.</summary>
    public static int OffsetOf(string text, LineIndex lines, Position position)
    {
        if (position.Line >= lines.LineCount)
        {
            return text.Length;
        }

        var lineStart = lines.GetLineStart(position.Line + 1);
        var lineEnd = position.Line + 1 < lines.LineCount ? lines.GetLineStart(position.Line + 2) : text.Length;
        while (lineEnd > lineStart && text[lineEnd - 1] is '\n' or '\r')
        {
            lineEnd--;
        }

        return Math.Min(lineStart + Math.Max(0, position.Character), lineEnd);
    }
}
