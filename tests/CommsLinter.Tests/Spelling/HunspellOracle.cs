using System.Diagnostics;
using System.Text;

namespace CommsLinter.Tests.Spelling;

/// <summary>
/// GNU Hunspell (Debian's <c>hunspell</c>) as the reference the engine is measured against. It reads
/// the very same .aff/.dic files. Tests that need it skip with this reason where it is absent;
/// <c>.ci/run</c> installs it.
/// </summary>
internal static class HunspellOracle
{
    public const string Executable = "/usr/bin/hunspell";

    public static string? MissingReason => File.Exists(Executable)
        ? null
        : "GNU Hunspell is not installed (/usr/bin/hunspell); install Debian's 'hunspell' package, as .ci/run does, to compare the engine with it.";

    /// <summary>The words, one per line, that Hunspell rejects (its -L mode prints the lines with a misspelled token).</summary>
    public static HashSet<string> Rejected(string dictionaryWithoutExtension, IEnumerable<string> words)
    {
        var input = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(input, words, new UTF8Encoding(false));
            var start = new ProcessStartInfo(Executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
            };
            foreach (var argument in new[] { "-i", "utf-8", "-d", dictionaryWithoutExtension, "-L", input })
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["LC_ALL"] = "C.UTF-8";
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"hunspell failed: {errors.Result}");
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        }
        finally
        {
            File.Delete(input);
        }
    }
}
