using CommsLinter.Text;

namespace CommsLinter.Model;

public enum SuppressionKind
{
    /// <summary><c>commslint-disable</c>: from here to the matching enable, or the end of the file.</summary>
    Disable,

    /// <summary><c>commslint-enable</c>: ends a disable.</summary>
    Enable,

    /// <summary><c>commslint-disable-next-line</c>: the line after the comment.</summary>
    NextLine,

    /// <summary>Front matter <c>commslint-disable:</c>: the whole file.</summary>
    File,
}

/// <summary>
/// A directive in a comment (HTML, Markdown or Liquid) or in the front matter that silences rules.
/// An empty <see cref="RuleIds"/> means every rule.
/// </summary>
public sealed record Suppression(SuppressionKind Kind, IReadOnlyList<string> RuleIds, TextRange Range)
{
    private const string Prefix = "commslint-";

    public bool Covers(string ruleId) => RuleIds.Count == 0 || RuleIds.Contains(ruleId, StringComparer.Ordinal);

    /// <summary>Reads a directive from a comment's text, or returns null when the comment is not one.</summary>
    public static Suppression? Parse(string comment, TextRange range)
    {
        var text = comment.AsSpan().Trim();
        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = text[Prefix.Length..];
        SuppressionKind kind;
        if (rest.StartsWith("disable-next-line", StringComparison.Ordinal))
        {
            kind = SuppressionKind.NextLine;
            rest = rest["disable-next-line".Length..];
        }
        else if (rest.StartsWith("disable", StringComparison.Ordinal))
        {
            kind = SuppressionKind.Disable;
            rest = rest["disable".Length..];
        }
        else if (rest.StartsWith("enable", StringComparison.Ordinal))
        {
            kind = SuppressionKind.Enable;
            rest = rest["enable".Length..];
        }
        else
        {
            return null;
        }

        if (rest.Length > 0 && !char.IsWhiteSpace(rest[0]))
        {
            return null;
        }

        var ids = rest.ToString().Split([' ', ',', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        return new Suppression(kind, ids, range);
    }
}
