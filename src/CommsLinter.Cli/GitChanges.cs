using System.ComponentModel;
using System.Diagnostics;

namespace CommsLinter.Cli;

/// <summary>The files that differ from a git revision: changed, added, renamed (the new name) and untracked, with the working tree's edits.</summary>
internal static class GitChanges
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The full paths of the changed files; null, with the reason, when git cannot tell.</summary>
    public static HashSet<string>? Since(string revision, string workingDirectory, out string? problem)
    {
        var top = Git(workingDirectory, out problem, "rev-parse", "--show-toplevel");
        if (top is null)
        {
            return null;
        }

        var root = top.Trim();
        // Deleted files are left out: there is nothing to check in them, and the corpus checks notice their absence.
        var changed = Git(root, out problem, "diff", "--name-only", "-z", "--diff-filter=ACMRT", revision, "--");
        var untracked = changed is null ? null : Git(root, out problem, "ls-files", "--others", "--exclude-standard", "-z");
        if (changed is null || untracked is null)
        {
            return null;
        }

        return [.. (changed + untracked).Split('\0', StringSplitOptions.RemoveEmptyEntries).Select(p => Path.GetFullPath(p, root))];
    }

    private static string? Git(string directory, out string? problem, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["LC_ALL"] = "C";
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                problem = $"git {arguments[0]} did not finish within {Timeout.TotalSeconds:0} s.";
                return null;
            }

            problem = process.ExitCode == 0 ? null : $"git {string.Join(' ', arguments.Where(a => a != "-z"))} failed: {error.Result.Trim()}";
            return process.ExitCode == 0 ? output.Result : null;
        }
        catch (Win32Exception ex)
        {
            problem = $"git could not be started ({ex.Message}). --changed-since needs git on the PATH.";
            return null;
        }
    }
}
