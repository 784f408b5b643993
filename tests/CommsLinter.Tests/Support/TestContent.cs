using CommsLinter.Content;
using CommsLinter.Model;
using CommsLinter.Pipeline;
using CommsLinter.Text;

namespace CommsLinter.Tests.Support;

/// <summary>Loads templates from strings and finds the repository for tests that read real files.</summary>
internal static class TestContent
{
    public static DocumentLoadResult Load(string text, string extension = ".html", DocumentKind kind = DocumentKind.Template) =>
        new DocumentLoader().Load(System.Text.Encoding.UTF8.GetBytes(text), "test" + extension, kind, extension);

    public static Document Document(string text, string extension = ".html")
    {
        var result = Load(text, extension);
        Assert.True(result.Document is not null, string.Join("\n", result.Findings.Select(f => f.Message)));
        Assert.Empty(result.Findings);
        return result.Document!;
    }

    public static Segment Segment(Document document, SegmentScope scope, string contains) =>
        document.Segments.Single(s => s.Scope == scope && s.Text.Contains(contains, StringComparison.Ordinal));

    /// <summary>The source text behind a substring of a segment, found through the segment's source map.</summary>
    public static string SourceOf(Document document, Segment segment, string part)
    {
        var at = segment.Text.IndexOf(part, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{part}' is not in segment '{segment.Text}'");
        var range = segment.Map.ToSource(at, at + part.Length);
        return document.Source.Text[range.Start..range.End];
    }

    public static Location LocationOf(Document document, Segment segment, string part)
    {
        var at = segment.Text.IndexOf(part, StringComparison.Ordinal);
        return document.Source.GetLocation(segment.Map.ToSource(at, at + part.Length));
    }

    public static string RepositoryRoot()
    {
        for (var dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "CommsLinter.sln")))
            {
                return dir;
            }
        }

        throw new InvalidOperationException("The repository root (CommsLinter.sln) was not found above the test binaries.");
    }

    public static string FixturePath(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "Fixtures", .. parts]);
}

/// <summary>Small journey catalogs with one touchpoint, order-confirmation, and template front matter for it.</summary>
internal static class TestCatalog
{
    /// <summary>The touchpoint in four locales, sent by e-mail and SMS; <paramref name="touchpointLocales"/> is a last line of the touchpoint.</summary>
    public static string OrderConfirmation(string touchpointLocales = "") => Build(touchpointExtra: touchpointLocales);

    /// <param name="rootExtra">Lines after the locales, such as "source-locale: pl".</param>
    /// <param name="touchpointExtra">Lines at the end of the touchpoint, indented by four spaces.</param>
    public static string Build(string locales = "pl, ru, it, en", string channels = "email, sms", string rootExtra = "", string touchpointExtra = "")
    {
        var lines = new List<string> { $"locales: [{locales}]" };
        if (rootExtra.Length > 0)
        {
            lines.Add(rootExtra);
        }

        lines.Add("channels:");
        lines.AddRange(channels.Split(", ").Select(c => $"  - id: {c}"));
        lines.AddRange(["teams:", "  - id: sales", "stages:", "  - id: purchase", "processes:", "  - id: sales", "touchpoints:",
            "  - id: order-confirmation", "    stage: purchase", "    process: sales", "    owner: sales", $"    channels: [{channels}]", touchpointExtra]);
        return string.Join('\n', lines);
    }

    /// <summary>Front matter of a template of order-confirmation; <paramref name="extra"/> holds further "key: value" lines.</summary>
    public static string FrontMatter(string channel, string locale, string extra = "") =>
        $"---\ntouchpoint: order-confirmation\nchannel: {channel}\nlocale: {locale}\n{extra}---\n";
}

/// <summary>A temporary folder, deleted when disposed.</summary>
internal sealed class TempFolder : IDisposable
{
    /// <summary>A temporary copy of a fixture folder, so a test may change it.</summary>
    public static TempFolder CopyOf(string fixture)
    {
        var folder = new TempFolder();
        foreach (var file in Directory.EnumerateFiles(fixture, "*", SearchOption.AllDirectories))
        {
            folder.Write(System.IO.Path.GetRelativePath(fixture, file), File.ReadAllText(file));
        }

        return folder;
    }

    /// <summary>A repository with the sample catalog and the shipped style guides and no templates, for a test to add its own.</summary>
    public static TempFolder WithShippedGuides()
    {
        var root = TestContent.RepositoryRoot();
        var folder = new TempFolder();
        folder.Write("content/touchpoints.yml", File.ReadAllText(System.IO.Path.Combine(root, "content", "touchpoints.yml")));
        foreach (var guide in Directory.EnumerateFiles(System.IO.Path.Combine(root, "styleguides"), "*.style"))
        {
            folder.Write($"styleguides/{System.IO.Path.GetFileName(guide)}", File.ReadAllText(guide));
        }

        return folder;
    }

    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "commslint-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string relativePath, string text) => WriteBytes(relativePath, System.Text.Encoding.UTF8.GetBytes(text));

    public string WriteBytes(string relativePath, byte[] bytes)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; a failing cleanup must not fail the test.
        }
    }
}

/// <summary>Runs the command line in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>The text output with the summary's duration removed, so it can be compared exactly.</summary>
    public static string WithoutTiming(string output) =>
        System.Text.RegularExpressions.Regex.Replace(output.ReplaceLineEndings(), @" in \d+\.\d\d s\.", ".");

    /// <summary>The finding lines of a text report, without the summary.</summary>
    public static string[] FindingLines(string output) =>
        [.. WithoutTiming(output).Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("Checked ", StringComparison.Ordinal))];

    public static Result Run(string workingDirectory, params string[] args) => Run(workingDirectory, interactive: false, args);

    /// <param name="interactive">As when both standard output and standard error are a terminal.</param>
    public static Result Run(string workingDirectory, bool interactive, params string[] args) => Run(workingDirectory, null, interactive, args);

    /// <param name="host">The clock, environment and timings the run sees; the machine's when null.</param>
    /// <param name="interactive">As when both standard output and standard error are a terminal.</param>
    public static Result Run(string workingDirectory, CommsLinter.Cli.AppHost? host, bool interactive, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CommsLinter.Cli.CommsLintApp.Run(args, output, error, workingDirectory, interactive, host);
        return new Result(code, output.ToString(), error.ToString());
    }
}
