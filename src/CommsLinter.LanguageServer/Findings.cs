using System.Text.RegularExpressions;
using CommsLinter.Diagnostics;
using CommsLinter.Text;

namespace CommsLinter.LanguageServer;

/// <summary>
/// Findings as the protocol carries them: zero-based ranges, LSP severities, the rule's page as the
/// code's description, and the other files a message names (the template a parity finding compares
/// with, a snippet) as related information an editor links to.
/// </summary>
internal static partial class Findings
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

    /// <param name="pageOf">The address of a rule's page, or null.</param>
    /// <param name="uriOf">The URI of a file a message names by its path, or null when there is no such file.</param>
    public static Diagnostic ToDiagnostic(Finding finding, Func<string, string?> pageOf, Func<string, string?> uriOf)
    {
        var page = pageOf(finding.RuleId);
        var related = NamedFiles().Matches(finding.Message).Select(m => m.Value).Where(p => p != finding.Path).Distinct(StringComparer.Ordinal)
            .Select(p => (Path: p, Uri: uriOf(p))).Where(p => p.Uri is not null)
            .Select(p => new DiagnosticRelatedInformation(new LspLocation(p.Uri!, new Range(new Position(0, 0), new Position(0, 0))), $"{p.Path}, named in the finding"))
            .ToList();
        return new Diagnostic(RangeOf(finding.Location), SeverityOf(finding.Severity), finding.RuleId, Source, finding.Message)
        {
            CodeDescription = page is null ? null : new CodeDescription(page),
            RelatedInformation = related.Count == 0 ? null : related,
        };
    }

    [GeneratedRegex(@"(?<![\w./-])[\w.-]+(?:/[\w.-]+)+\.(?:html?|md|markdown|txt|liquid|ya?ml|style|json)(?![\w/])")]
    private static partial Regex NamedFiles();

    public static IReadOnlyList<TextEdit> EditsOf(Fix fix) => [.. fix.Edits.Select(e => new TextEdit(RangeOf(e.Location), e.NewText))];
}
