using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CommsLinter.Diagnostics;
using CommsLinter.Text;

namespace CommsLinter.Reports;

/// <summary>
/// SARIF 2.1.0, the format GitHub code scanning and most analysis dashboards ingest: one run, every
/// rule of the run with its description and help, and one result per finding with its region and fix.
/// Written by hand to the OASIS schema's shape (no SARIF package is served here); docs/sarif.md.
/// </summary>
public sealed class SarifReport : IReportWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>The base that HelpPath pages are resolved against; null leaves helpUri out (it must be an absolute URI).</summary>
    public Uri? HelpBaseUri { get; init; }

    public required string ToolVersion { get; init; }

    public static string LevelOf(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    public void Write(TextWriter output, ReportData report)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, report.Rules);
            json.WriteString("columnKind", "utf16CodeUnits");
            json.WriteStartArray("results");
            var indexes = report.Rules.Select((rule, index) => (rule.Id, index)).ToDictionary(p => p.Id, p => p.index, StringComparer.Ordinal);
            var fingerprints = FindingFingerprints.Of(report.Findings, report.SourceOf);
            foreach (var finding in report.Findings)
            {
                WriteResult(json, finding, indexes, fingerprints[finding], report);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private void WriteTool(Utf8JsonWriter json, IReadOnlyList<RuleDescriptor> rules)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "commslint");
        json.WriteString("fullName", "CommsLinter");
        json.WriteString("version", ToolVersion);
        json.WriteString("semanticVersion", ToolVersion);
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            WriteText(json, "shortDescription", rule.Title);
            WriteText(json, "fullDescription", FullDescription(rule));
            if (HelpBaseUri is { } help)
            {
                json.WriteString("helpUri", new Uri(help, rule.HelpPath).AbsoluteUri);
            }

            json.WriteStartObject("help");
            json.WriteString("text", $"See {rule.HelpPath}.");
            json.WriteString("markdown", $"See [{rule.HelpPath}]({rule.HelpPath}).");
            json.WriteEndObject();
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", LevelOf(rule.DefaultSeverity));
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteStartArray("tags");
            json.WriteStringValue(rule.Id.Split('.')[0]);
            if (rule.Review is { } team)
            {
                json.WriteStringValue($"review:{team}");
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static string FullDescription(RuleDescriptor rule) =>
        rule.Review is { } team ? $"{rule.Title} What this rule flags is reviewed by {team}." : rule.Title;

    private static void WriteResult(Utf8JsonWriter json, Finding finding, Dictionary<string, int> indexes, string fingerprint, ReportData report)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        if (indexes.TryGetValue(finding.RuleId, out var index))
        {
            json.WriteNumber("ruleIndex", index);
        }

        json.WriteString("level", LevelOf(finding.Severity));
        WriteText(json, "message", finding.Message);
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        WriteArtifact(json, finding.Path);
        WriteRegion(json, "region", finding.Location);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();

        // The same fingerprint as the baseline's, which survives line shifts, so code scanning tracks a finding across commits.
        json.WriteStartObject("partialFingerprints");
        json.WriteString("commslintFinding/v1", fingerprint);
        json.WriteEndObject();

        if (finding.Fix is { } fix)
        {
            json.WriteStartArray("fixes");
            json.WriteStartObject();
            WriteText(json, "description", fix.Description);
            json.WriteStartArray("artifactChanges");
            json.WriteStartObject();
            WriteArtifact(json, finding.Path);
            json.WriteStartArray("replacements");
            foreach (var edit in fix.Edits)
            {
                json.WriteStartObject();
                WriteRegion(json, "deletedRegion", edit.Location);
                json.WriteStartObject("insertedContent");
                json.WriteString("text", edit.NewText);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteStartObject("properties");
        WriteOptional(json, "touchpoint", finding.Touchpoint);
        WriteOptional(json, "locale", finding.Locale);
        WriteOptional(json, "channel", finding.Channel);
        json.WriteString("team", report.TeamOf(finding));
        WriteOptional(json, "review", report.ReviewOf(finding));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteArtifact(Utf8JsonWriter json, string path)
    {
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", UriOf(path));
        json.WriteString("uriBaseId", "%SRCROOT%");
        json.WriteEndObject();
    }

    /// <summary>A repository-relative path as a relative URI reference: forward slashes, each segment escaped.</summary>
    public static string UriOf(string path) =>
        string.Join('/', path.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));

    private static void WriteRegion(Utf8JsonWriter json, string name, Location location)
    {
        json.WriteStartObject(name);
        json.WriteNumber("startLine", location.Start.Line);
        json.WriteNumber("startColumn", location.Start.Column);
        json.WriteNumber("endLine", location.End.Line);
        json.WriteNumber("endColumn", location.End.Column);
        json.WriteEndObject();
    }

    private static void WriteText(Utf8JsonWriter json, string name, string text)
    {
        json.WriteStartObject(name);
        json.WriteString("text", text);
        json.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
