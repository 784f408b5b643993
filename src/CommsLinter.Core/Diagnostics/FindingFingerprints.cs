using System.Security.Cryptography;
using System.Text;
using CommsLinter.Text;

namespace CommsLinter.Diagnostics;

/// <summary>
/// A finding's identity that survives unrelated edits: its rule, its file, the text it is about
/// (the matched span, or the line's text for a finding without a span, with whitespace collapsed) and
/// which occurrence of that text it is. Moving lines up or down does not change it; changing the
/// matched text or adding an earlier identical finding does.
/// </summary>
public static class FindingFingerprints
{
    /// <param name="sourceOf">A file's text by the path findings give; null when it cannot be read.</param>
    public static IReadOnlyDictionary<Finding, string> Of(IReadOnlyList<Finding> findings, Func<string, SourceText?> sourceOf)
    {
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new Dictionary<Finding, string>(ReferenceEqualityComparer.Instance);
        foreach (var finding in findings)
        {
            var key = $"{finding.RuleId}\n{finding.Path}\n{Subject(finding, sourceOf(finding.Path))}";
            var occurrence = occurrences[key] = occurrences.GetValueOrDefault(key) + 1;
            result[finding] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{key}\n{occurrence}")))[..32];
        }

        return result;
    }

    /// <summary>What the finding is about, without its position: the matched text, else its line, else (for a file that could not be read) its message.</summary>
    public static string Subject(Finding finding, SourceText? source)
    {
        if (source is null)
        {
            return Collapse(finding.Message);
        }

        var lines = source.Lines;
        var start = Offset(lines, finding.Location.Start, source.Text.Length);
        var end = Offset(lines, finding.Location.End, source.Text.Length);
        if (end > start)
        {
            return Collapse(source.Text[start..end]);
        }

        var lineStart = lines.GetLineStart(finding.Location.Start.Line);
        var lineEnd = source.Text.IndexOf('\n', lineStart);
        return Collapse(source.Text[lineStart..(lineEnd < 0 ? source.Text.Length : lineEnd)]);
    }

    private static int Offset(LineIndex lines, LinePosition position, int length) =>
        Math.Clamp(lines.GetLineStart(position.Line) + position.Column - 1, 0, length);

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
