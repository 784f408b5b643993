namespace CommsLinter.Engine.Fixes;

/// <summary>What <c>check --fix</c> did: the check after the last fix, each file it changed, and how many files it could not write.</summary>
/// <param name="Fixed">Per file: its text before the first pass, after the last, and every finding fixed, by path.</param>
public sealed record FixResult(CheckRun Final, IReadOnlyList<FileFix> Fixed, int NotWritten);

/// <summary>
/// <c>check --fix</c>: check, write the safe fixes, check again, until a pass has nothing to write or
/// after <see cref="Limit"/> passes. More than one pass is needed when fixes overlap (the later one
/// is worked out again on the text the earlier made) or when a fix makes a new finding.
/// </summary>
public static class FixPasses
{
    public const int Limit = 5;

    /// <param name="check">Runs one check of the content; null when it cannot start (a path that does not exist).</param>
    /// <param name="mayFix">Whether a file, by the path findings give, may be fixed.</param>
    /// <param name="error">Where a file that could not be written, or changed while it was fixed, is reported.</param>
    /// <returns>Null when a check could not start. Nothing is written while the configuration has errors.</returns>
    public static FixResult? Run(Func<CheckRun?> check, Func<string, bool> mayFix, string workingDirectory, TextWriter error)
    {
        var run = check();
        var fixedFiles = new Dictionary<string, FileFix>(StringComparer.Ordinal);
        var leftAlone = new HashSet<string>(StringComparer.Ordinal);
        var notWritten = 0;
        for (var pass = 0; run is not null && !run.Configuration.HasErrors && pass < Limit; pass++)
        {
            var plan = FixPlan.Of(run.Result.Findings, run.Result.CheckedTextOf, path => mayFix(path) && !leftAlone.Contains(path));
            var wrote = false;
            foreach (var file in plan.Files)
            {
                switch (FixWriter.Write(file, Path.GetFullPath(file.Path, workingDirectory), out var problem))
                {
                    case FixWriteStatus.Written:
                        wrote = true;
                        fixedFiles[file.Path] = fixedFiles.TryGetValue(file.Path, out var earlier)
                            ? earlier with { NewText = file.NewText, Applied = [.. earlier.Applied, .. file.Applied] }
                            : file;
                        break;
                    case FixWriteStatus.ChangedSinceChecked:
                        leftAlone.Add(file.Path);
                        error.WriteLine($"commslint: warning: {file.Path} changed after it was checked, so its fixes were not written. Run check --fix again.");
                        break;
                    default:
                        leftAlone.Add(file.Path);
                        notWritten++;
                        error.WriteLine($"commslint: error: cannot write {file.Path}: {problem} It was left as it was; check the file and its permissions.");
                        break;
                }
            }

            if (!wrote)
            {
                break;
            }

            run.Finish(error);
            run = check();
        }

        return run is null ? null : new FixResult(run, [.. fixedFiles.Values.OrderBy(f => f.Path, StringComparer.Ordinal)], notWritten);
    }
}
