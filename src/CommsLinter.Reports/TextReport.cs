using System.Globalization;
using CommsLinter.Diagnostics;

namespace CommsLinter.Reports;

/// <summary>
/// One line per finding in the form MSBuild and VS Code problem matchers read,
/// <c>path(line,column): severity rule.id: message</c>, then a summary line.
/// </summary>
public sealed class TextReport : IReportWriter
{
    private const string Reset = "\u001b[0m";

    public bool UseColor { get; init; }

    /// <summary>A line saying what part of the content was checked, before the summary; null when everything was.</summary>
    public string? Scope { get; init; }

    /// <summary>The run's duration for the summary; null leaves it out (for deterministic output).</summary>
    public TimeSpan? Elapsed { get; init; }

    public static string SeverityName(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "suggestion",
    };

    /// <summary>How every format introduces a fix: a fix that <c>check --fix</c> leaves to a person says so.</summary>
    public static string FixLabel(Fix fix) => fix.Safe ? "fix" : "fix (not applied by --fix)";

    public void Write(TextWriter output, ReportData report)
    {
        var findings = report.Findings;
        var summary = report.Summary;
        foreach (var finding in findings)
        {
            WriteFinding(output, finding);
        }

        if (findings.Count > 0)
        {
            output.WriteLine();
        }

        if (Scope is not null)
        {
            output.WriteLine(Scope);
        }

        if (report.Baselined > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{report.Baselined} known {Plural(report.Baselined, "finding")} in the baseline not shown (--no-baseline shows them)."));
        }

        var time = Elapsed is { } elapsed ? string.Create(CultureInfo.InvariantCulture, $" in {elapsed.TotalSeconds:0.00} s") : string.Empty;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Checked {summary.Files} {Plural(summary.Files, "file")}: {summary.Errors} {Plural(summary.Errors, "error")}, {summary.Warnings} {Plural(summary.Warnings, "warning")}, {summary.Suggestions} {Plural(summary.Suggestions, "suggestion")}{time}."));
    }

    /// <summary>One finding's line, and its fix's on the next line.</summary>
    public void WriteFinding(TextWriter output, Finding finding)
    {
        var start = finding.Location.Start;
        var severity = SeverityName(finding.Severity);
        output.Write(finding.Path);
        output.Write(string.Create(CultureInfo.InvariantCulture, $"({start.Line},{start.Column}): "));
        output.Write(Paint(severity, finding.Severity switch { Severity.Error => "\u001b[31m", Severity.Warning => "\u001b[33m", _ => "\u001b[36m" }));
        output.Write(' ');
        output.Write(Paint(finding.RuleId, "\u001b[2m"));
        output.Write(": ");
        output.WriteLine(finding.Message);
        if (finding.Fix is { } fix)
        {
            output.WriteLine($"    {FixLabel(fix)}: {fix.Description}");
        }
    }

    private string Paint(string text, string color) => UseColor ? color + text + Reset : text;

    private static string Plural(int count, string word) => count == 1 ? word : word + "s";
}
