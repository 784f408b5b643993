using CommsLinter.Text;

namespace CommsLinter.Diagnostics;

public enum Severity
{
    Suggestion,
    Warning,
    Error,
}

/// <summary>One rule violation at one source span, with the touchpoint it concerns and, where one exists, a fix.</summary>
public sealed record Finding(
    string RuleId,
    Severity Severity,
    string Message,
    string Path,
    Location Location,
    string? Touchpoint = null,
    string? Locale = null,
    string? Channel = null,
    Fix? Fix = null)
{
    /// <summary>The order every output uses: by file, position, rule and message.</summary>
    public static IComparer<Finding> Order { get; } = Comparer<Finding>.Create(static (a, b) =>
    {
        var c = string.CompareOrdinal(a.Path, b.Path);
        if (c != 0)
        {
            return c;
        }

        c = a.Location.CompareTo(b.Location);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(a.RuleId, b.RuleId);
        return c != 0 ? c : string.CompareOrdinal(a.Message, b.Message);
    });
}
