using System.Diagnostics;

namespace CommsLinter.Cli;

/// <summary>
/// Prints HTML to PDF with a headless Chromium, when one is installed. The documents forbid script
/// by their own policy (switching JavaScript off in Chromium stops it printing at all), and each
/// print is stopped after a minute.
/// </summary>
internal sealed class PdfPrinter(string executable)
{
    private static readonly TimeSpan PrintLimit = TimeSpan.FromMinutes(1);

    /// <summary>The Chromium COMMSLINT_CHROMIUM names when it is set, else the first of Debian's and other usual paths found.</summary>
    public static PdfPrinter? Find()
    {
        string[] candidates = Environment.GetEnvironmentVariable("COMMSLINT_CHROMIUM") is { Length: > 0 } chosen
            ? [chosen]
            : ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
        return candidates.FirstOrDefault(File.Exists) is { } found ? new PdfPrinter(found) : null;
    }

    /// <returns>Null when printed, or why not.</returns>
    public string? Print(string htmlFile, string pdfFile)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
            $"--print-to-pdf={pdfFile}", new Uri(htmlFile).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(PrintLimit))
        {
            process.Kill(entireProcessTree: true);
            return $"Chromium did not finish within {PrintLimit.TotalSeconds:0} s";
        }

        _ = output.Result;
        return process.ExitCode == 0 && File.Exists(pdfFile) ? null : $"Chromium exited with {process.ExitCode}: {errors.Result.Split('\n').FirstOrDefault(l => l.Length > 0)}";
    }
}
