using System.Globalization;
using CommsLinter.Diagnostics;

namespace CommsLinter.Reports;

/// <summary>
/// A summary short enough for a pull-request comment: the counts, a table by owning team and
/// severity, and the most severe findings first, at most <see cref="TopFindings"/> of them.
/// </summary>
public sealed class MarkdownReport : IReportWriter
{
    public const int TopFindings = 20;

    /// <summary>Longer messages are cut so that the comment stays readable and under GitHub's size limit.</summary>
    private const int MaxMessage = 240;

    public void Write(TextWriter output, ReportData report)
    {
        var summary = report.Summary;
        output.WriteLine(Invariant($"## CommsLinter: {Count(summary.Errors, "error")}, {Count(summary.Warnings, "warning")}, {Count(summary.Suggestions, "suggestion")} in {Count(summary.Files, "file")}"));
        output.WriteLine();
        if (report.Findings.Count == 0)
        {
            output.WriteLine("No findings: every checked template is consistent with the style guides and the catalog.");
            return;
        }

        output.WriteLine("| Team | Errors | Warnings | Suggestions |");
        output.WriteLine("| --- | ---: | ---: | ---: |");
        foreach (var team in report.Findings.GroupBy(report.TeamOf).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine(Invariant($"| {Cell(team.Key)} | {team.Count(f => f.Severity == Severity.Error)} | {team.Count(f => f.Severity == Severity.Warning)} | {team.Count(f => f.Severity == Severity.Suggestion)} |"));
        }

        output.WriteLine(Invariant($"| **all** | **{summary.Errors}** | **{summary.Warnings}** | **{summary.Suggestions}** |"));
        output.WriteLine();

        var top = report.Findings.OrderByDescending(f => f.Severity).ThenBy(f => f, Finding.Order).Take(TopFindings).ToArray();
        output.WriteLine(top.Length == report.Findings.Count ? "### Findings" : Invariant($"### Top {top.Length} findings"));
        output.WriteLine();
        output.WriteLine("| | Where | Rule | Message |");
        output.WriteLine("| --- | --- | --- | --- |");
        foreach (var finding in top)
        {
            var start = finding.Location.Start;
            output.WriteLine(Invariant($"| {Icon(finding.Severity)} | {Code($"{finding.Path}:{start.Line}:{start.Column}")} | {Code(finding.RuleId)} | {Cell(Shorten(finding.Message))} |"));
        }

        if (top.Length < report.Findings.Count)
        {
            output.WriteLine();
            output.WriteLine(Invariant($"…and {report.Findings.Count - top.Length} more. Run `commslint check` for all of them, or `commslint report` for the HTML report."));
        }
    }

    private static string Icon(Severity severity) => severity switch
    {
        Severity.Error => "❌ error",
        Severity.Warning => "⚠️ warning",
        _ => "💡 suggestion",
    };

    private static string Shorten(string message) => message.Length <= MaxMessage ? message : message[..(MaxMessage - 1)] + "…";

    /// <summary>Table cell text: pipes and line breaks would end the cell; markup characters are escaped so content cannot format the comment.</summary>
    private static string Cell(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\r':
                    break;
                case '\n':
                    builder.Append(' ');
                    break;
                case '|' or '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '~' or '!':
                    builder.Append('\\').Append(c);
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>A code span; its content is literal, so only the backtick and the pipe need care.</summary>
    private static string Code(string text) => "`` " + text.Replace("|", "\\|", StringComparison.Ordinal).Replace("`", "'", StringComparison.Ordinal) + " ``";

    private static string Count(int count, string noun) => Invariant($"{count} {noun}{(count == 1 ? string.Empty : "s")}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
