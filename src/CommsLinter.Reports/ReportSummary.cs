using CommsLinter.Diagnostics;

namespace CommsLinter.Reports;

/// <summary>The counts every report states.</summary>
public sealed record ReportSummary(int Files, int Errors, int Warnings, int Suggestions)
{
    public static ReportSummary From(int files, IReadOnlyList<Finding> findings) => new(
        files,
        findings.Count(f => f.Severity == Severity.Error),
        findings.Count(f => f.Severity == Severity.Warning),
        findings.Count(f => f.Severity == Severity.Suggestion));
}

/// <summary>A report format: writes findings to a text writer.</summary>
public interface IReportWriter
{
    void Write(TextWriter output, IReadOnlyList<Finding> findings, ReportSummary summary);
}
