using System.ComponentModel;
using System.Diagnostics;

namespace CommsLinter.Cli;

/// <summary>The files that differ from a git revision: changed, added, renamed (the new name) and untracked, with the working tree's edits.</summary>
internal static class GitChanges
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The full paths of the changed files under <paramref name="folder"/>, built on the folder as given
    /// (so a path through a symbolic link matches the files found through it); null, with the reason,
    /// when git cannot tell.
    /// </summary>
    public static HashSet<string>? Since(string revision, string folder, out string? problem)
    {
        // The revision is passed to git as a value, never as an option: "--output=…" must not write a file.
        if (revision.StartsWith('-'))
        {
            problem = $"'{revision}' is not a revision; give a branch, tag or commit such as origin/main.";
            return null;
        }

        if (Git(folder, out problem, "rev-parse", "--show-toplevel") is null)
        {
            return null;
        }

        var commit = Git(folder, out problem, "rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}");
        if (commit is null)
        {
            problem ??= $"'{revision}' is not a commit of this repository. Fetch it first (git fetch origin main), or give another.";
            return null;
        }

        // Deleted files are left out: there is nothing to check in them, and the corpus checks notice their absence.
        var changed = Git(folder, out problem, "diff", "--name-only", "-z", "--relative", "--diff-filter=ACMRT", commit.Trim(), "--");
        var untracked = changed is null ? null : Git(folder, out problem, "ls-files", "--others", "--exclude-standard", "-z");
        if (changed is null || untracked is null)
        {
            return null;
        }

        return [.. (changed + untracked).Split('\0', StringSplitOptions.RemoveEmptyEntries).Select(p => Path.GetFullPath(p, folder))];
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

            var message = error.Result.Trim();
            problem = process.ExitCode == 0 ? null : message.Length == 0 ? null : $"git {string.Join(' ', arguments.Where(a => a != "-z"))} failed: {message}";
            return process.ExitCode == 0 ? output.Result : null;
        }
        catch (Win32Exception ex)
        {
            problem = $"git could not be started ({ex.Message}). --changed-since needs git on the PATH.";
            return null;
        }
    }
}
