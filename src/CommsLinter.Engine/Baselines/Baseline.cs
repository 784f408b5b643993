using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CommsLinter.Diagnostics;
using CommsLinter.Text;

namespace CommsLinter.Engine.Baselines;

/// <summary>
/// The findings a team accepted when it adopted the linter (<c>commslint baseline</c>), by fingerprint,
/// so that only new ones fail CI. A JSON file at the repository root, sorted, reviewable. docs/baseline.md.
/// </summary>
public sealed class Baseline
{
    public const string FileName = "commslint-baseline.json";
    public const int FormatVersion = 1;

    public static readonly RuleDescriptor Invalid = new("baseline.invalid", "The baseline file cannot be read", Severity.Error);

    private Baseline(IReadOnlySet<string> fingerprints) => Fingerprints = fingerprints;

    public IReadOnlySet<string> Fingerprints { get; }

    /// <summary>Reads a baseline; null, with a finding, when the file is not a baseline this version can read.</summary>
    public static Baseline? Load(string fullPath, string displayPath, out Finding? problem)
    {
        problem = null;
        try
        {
            var bytes = File.ReadAllBytes(fullPath);
            // Editors on Windows often save UTF-8 with a byte order mark, which JSON does not allow.
            var content = bytes.AsMemory(bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0);
            using var json = JsonDocument.Parse(content);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number
                || !version.TryGetInt32(out var number) || number != FormatVersion
                || !root.TryGetProperty("findings", out var findings) || findings.ValueKind != JsonValueKind.Array)
            {
                problem = Invalid.At(displayPath, Location.FileStart, $"This is not a version {FormatVersion} baseline (an object with \"version\": {FormatVersion} and a \"findings\" list). Write it again with `commslint baseline`.");
                return null;
            }

            var fingerprints = new HashSet<string>(StringComparer.Ordinal);
            foreach (var finding in findings.EnumerateArray())
            {
                if (finding.ValueKind != JsonValueKind.Object || !finding.TryGetProperty("fingerprint", out var fingerprint) || fingerprint.ValueKind != JsonValueKind.String)
                {
                    problem = Invalid.At(displayPath, Location.FileStart, "A baseline entry has no \"fingerprint\". Write the baseline again with `commslint baseline`.");
                    return null;
                }

                fingerprints.Add(fingerprint.GetString()!);
            }

            return new Baseline(fingerprints);
        }
        catch (JsonException ex)
        {
            var at = new LinePosition((int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1);
            problem = Invalid.At(displayPath, new Location(at, at), $"The baseline is not valid JSON ({ex.Message.Split(" LineNumber:")[0].Split(" Path:")[0].TrimEnd('.', ' ')}). Restore it from version control, or write it again with `commslint baseline`.");
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = Invalid.At(displayPath, Location.FileStart, $"The baseline cannot be read: {ex.Message}");
            return null;
        }
    }

    /// <summary>The baseline of these findings, as the file's text.</summary>
    public static string Serialize(IReadOnlyList<Finding> findings, Func<string, SourceText?> sourceOf, string toolVersion)
    {
        var fingerprints = FindingFingerprints.Of(findings, sourceOf);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", FormatVersion);
            json.WriteString("tool", $"commslint {toolVersion}");
            json.WriteStartArray("findings");
            foreach (var finding in findings.OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.RuleId, StringComparer.Ordinal).ThenBy(f => fingerprints[f], StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("fingerprint", fingerprints[finding]);
                json.WriteString("rule", finding.RuleId);
                json.WriteString("path", finding.Path);
                json.WriteString("text", FindingFingerprints.Subject(finding, sourceOf(finding.Path)));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>The findings that are not in the baseline, in their order; those <paramref name="neverAccepted"/> picks are kept whatever the baseline says.</summary>
    public List<Finding> Filter(IReadOnlyList<Finding> findings, Func<string, SourceText?> sourceOf, Func<Finding, bool> neverAccepted)
    {
        var fingerprints = FindingFingerprints.Of(findings, sourceOf);
        return [.. findings.Where(f => neverAccepted(f) || !Fingerprints.Contains(fingerprints[f]))];
    }
}
