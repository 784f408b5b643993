using System.Reflection;

namespace CommsLinter.Reports.Html;

/// <summary>The report's style sheet and the editor's script, kept as files beside this class and embedded in the assembly.</summary>
internal static class ReportAssets
{
    public static string Css { get; } = Read("report.css");

    public static string Script { get; } = Read("report.js");

    private static string Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"CommsLinter.Reports.Html.{name}")
            ?? throw new InvalidOperationException($"The report asset {name} is not embedded in {Assembly.GetExecutingAssembly().GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }
}
