using System.Text.Encodings.Web;
using System.Text.Json;
using CommsLinter.Diagnostics;
using CommsLinter.Text;

namespace CommsLinter.Reports;

/// <summary>
/// The findings as JSON, shape version 2 (docs/json-format.md). Deterministic: same findings, same
/// bytes; no timestamps, no machine paths beyond the paths given.
/// </summary>
public sealed class JsonReport : IReportWriter
{
    public const int FormatVersion = 2;

    public required string ToolVersion { get; init; }

    public void Write(TextWriter output, ReportData report)
    {
        var summary = report.Summary;
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", FormatVersion);
            json.WriteStartObject("tool");
            json.WriteString("name", "commslint");
            json.WriteString("version", ToolVersion);
            json.WriteEndObject();
            json.WriteStartObject("summary");
            json.WriteNumber("files", summary.Files);
            json.WriteNumber("errors", summary.Errors);
            json.WriteNumber("warnings", summary.Warnings);
            json.WriteNumber("suggestions", summary.Suggestions);
            json.WriteEndObject();
            json.WriteStartArray("findings");
            foreach (var finding in report.Findings)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", finding.RuleId);
                json.WriteString("severity", TextReport.SeverityName(finding.Severity));
                json.WriteString("message", finding.Message);
                json.WriteString("path", finding.Path);
                WriteLocation(json, finding.Location);
                WriteOptional(json, "touchpoint", finding.Touchpoint);
                WriteOptional(json, "locale", finding.Locale);
                WriteOptional(json, "channel", finding.Channel);
                if (finding.Fix is { } fix)
                {
                    json.WriteStartObject("fix");
                    json.WriteString("description", fix.Description);
                    json.WriteBoolean("safe", fix.Safe);
                    json.WriteStartArray("edits");
                    foreach (var edit in fix.Edits)
                    {
                        json.WriteStartObject();
                        WriteLocation(json, edit.Location);
                        json.WriteString("replacement", edit.NewText);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteLocation(Utf8JsonWriter json, Location location)
    {
        json.WriteNumber("line", location.Start.Line);
        json.WriteNumber("column", location.Start.Column);
        json.WriteNumber("endLine", location.End.Line);
        json.WriteNumber("endColumn", location.End.Column);
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
