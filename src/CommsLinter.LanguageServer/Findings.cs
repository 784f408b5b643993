using CommsLinter.Diagnostics;
using CommsLinter.Text;

namespace CommsLinter.LanguageServer;

/// <summary>Findings as the protocol carries them: zero-based ranges, LSP severities, the rule's page as the code's description.</summary>
internal static class Findings
{
    public const string Source = "commslint";

    public static Range RangeOf(Location location) =>
        new(new Position(location.Start.Line - 1, location.Start.Column - 1), new Position(location.End.Line - 1, location.End.Column - 1));

    /// <summary>Whether a finding covers (or, when empty, touches) a zero-based position.</summary>
    public static bool Covers(Finding finding, Position position)
    {
        var at = new LinePosition(position.Line + 1, position.Character + 1);
        return finding.Location.Start <= at && (at < finding.Location.End || at == finding.Location.End || finding.Location.Start == finding.Location.End);
    }

    /// <summary>Whether a finding and a zero-based range share a position.</summary>
    public static bool Overlaps(Finding finding, Range range)
    {
        var start = new LinePosition(range.Start.Line + 1, range.Start.Character + 1);
        var end = new LinePosition(range.End.Line + 1, range.End.Character + 1);
        return finding.Location.Start <= end && start <= finding.Location.End;
    }

    /// <summary>Errors stay errors; a suggestion is information, which editors show without a squiggle of alarm.</summary>
    public static int SeverityOf(Severity severity) => severity switch
    {
        Severity.Error => 1,
        Severity.Warning => 2,
        _ => 3,
    };

    public static Diagnostic ToDiagnostic(Finding finding, Func<string, string?> pageOf)
    {
        var page = pageOf(finding.RuleId);
        return new Diagnostic(RangeOf(finding.Location), SeverityOf(finding.Severity), finding.RuleId, Source, finding.Message)
        {
            CodeDescription = page is null ? null : new CodeDescription(page),
        };
    }

    public static IReadOnlyList<TextEdit> EditsOf(Fix fix) => [.. fix.Edits.Select(e => new TextEdit(RangeOf(e.Location), e.NewText))];
}
