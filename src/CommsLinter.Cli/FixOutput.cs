using CommsLinter.Diagnostics;
using CommsLinter.Engine;
using CommsLinter.Engine.Fixes;
using CommsLinter.Text;

namespace CommsLinter.Cli;

/// <summary>What <c>check --fix</c> says it changed, and what <c>check --fix --dry-run</c> shows instead of changing it.</summary>
internal static class FixOutput
{
    /// <summary>
    /// Prints what --fix would change as a unified diff and writes nothing: exit code 1 when there is
    /// something to fix, 0 when there is not, 2 when the check could not run or the configuration has errors.
    /// </summary>
    public static int DryRun(CheckRun? run, Func<string, bool> mayFix, TextWriter output, TextWriter error)
    {
        if (run is null)
        {
            return CommsLintApp.ExitUsage;
        }

        if (run.Configuration.HasErrors)
        {
            run.Finish(error);
            error.WriteLine("commslint: error: the configuration has errors, so nothing can be fixed; commslint check shows them.");
            return CommsLintApp.ExitUsage;
        }

        var plan = FixPlan.Of(run.Result.Findings, run.Result.CheckedTextOf, mayFix);
        foreach (var file in plan.Files)
        {
            UnifiedDiff.Write(output, file.Path, file.OldText, file.NewText);
        }

        run.Finish(error);
        var applied = plan.Files.SelectMany(f => f.Applied).ToArray();
        error.WriteLine(Sentence(applied.Length == 0 ? "Nothing to fix" : $"--fix would fix {Fixed(applied, plan.Files.Count)}", plan.Left));
        return applied.Length > 0 ? CommsLintApp.ExitFindings : CommsLintApp.ExitClean;
    }

    /// <summary>"Fixed 7 findings in 3 files (brand.name 2, …); 2 fixes left for review (spelling 2)."</summary>
    public static string Summary(FixResult fixes, CheckRun final)
    {
        var applied = fixes.Fixed.SelectMany(f => f.Applied).ToArray();
        if (applied.Length == 0 && final.Configuration.HasErrors)
        {
            return "Nothing was fixed: the configuration has errors (see the report). Correct them and run check --fix again.";
        }

        return Sentence(applied.Length > 0 ? $"Fixed {Fixed(applied, fixes.Fixed.Count)}" : "Nothing to fix", final.Result.Findings.Where(f => f.Fix is not null).ToArray());
    }

    private static string Fixed(Finding[] applied, int files) =>
        $"{Count(applied.Length, "finding", "findings")} in {Count(files, "file", "files")} ({ByRule(applied)})";

    private static string Sentence(string done, IReadOnlyCollection<Finding> left) =>
        left.Count == 0 ? $"{done}." : $"{done}; {Count(left.Count, "fix", "fixes")} left for review ({ByRule(left)}).";

    private static string ByRule(IEnumerable<Finding> findings) =>
        string.Join(", ", findings.GroupBy(f => f.RuleId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));

    private static string Count(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";
}
