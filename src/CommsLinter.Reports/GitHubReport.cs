using System.Globalization;
using System.Text;
using CommsLinter.Diagnostics;

namespace CommsLinter.Reports;

/// <summary>
/// GitHub Actions workflow commands: one <c>::error</c>, <c>::warning</c> or <c>::notice</c> line per
/// finding, which GitHub shows as an annotation on the line of the pull request's diff.
/// </summary>
public sealed class GitHubReport : IReportWriter
{
    public static string CommandOf(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "notice",
    };

    public void Write(TextWriter output, ReportData report)
    {
        foreach (var finding in report.Findings)
        {
            var (start, end) = (finding.Location.Start, finding.Location.End);
            var message = finding.Fix is { } fix ? $"{finding.Message}\n{TextReport.FixLabel(fix)}: {fix.Description}" : finding.Message;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"::{CommandOf(finding.Severity)} file={Property(finding.Path)},line={start.Line},endLine={end.Line},col={start.Column},endColumn={end.Column},title={Property(finding.RuleId)}::{Data(message)}"));
        }

        var summary = report.Summary;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"commslint: {summary.Files} files, {summary.Errors} errors, {summary.Warnings} warnings, {summary.Suggestions} suggestions."));
    }

    /// <summary>A command's message: percent signs and line breaks are escaped so one finding stays one command.</summary>
    public static string Data(string text) => Escape(text, property: false);

    /// <summary>A command's property value: as <see cref="Data"/>, and the separators ':' and ','.</summary>
    public static string Property(string text) => Escape(text, property: true);

    private static string Escape(string text, bool property)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '%' => "%25",
                '\r' => "%0D",
                '\n' => "%0A",
                ':' when property => "%3A",
                ',' when property => "%2C",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
