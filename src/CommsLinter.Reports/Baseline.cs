using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Text;

namespace CommsLinter.Reports;

/// <summary>
/// A finding's identity that survives unrelated edits: its rule, its file, the text it is about
/// (the matched span, or the line's text for a finding without a span, with whitespace collapsed) and
/// which occurrence of that text it is. Moving lines up or down does not change it; changing the
/// matched text or adding an earlier identical finding does.
/// </summary>
public static class FindingFingerprints
{
    /// <param name="sourceOf">A file's text by the path findings give; null when it cannot be read.</param>
    public static IReadOnlyDictionary<Finding, string> Of(IReadOnlyList<Finding> findings, Func<string, SourceText?> sourceOf)
    {
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new Dictionary<Finding, string>(ReferenceEqualityComparer.Instance);
        foreach (var finding in findings)
        {
            var key = $"{finding.RuleId}\n{finding.Path}\n{Subject(finding, sourceOf(finding.Path))}";
            var occurrence = occurrences[key] = occurrences.GetValueOrDefault(key) + 1;
            result[finding] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{key}\n{occurrence}")))[..32];
        }

        return result;
    }

    /// <summary>What the finding is about, without its position: the matched text, else its line, else (for a file that could not be read) its message.</summary>
    public static string Subject(Finding finding, SourceText? source)
    {
        if (source is null)
        {
            return Collapse(finding.Message);
        }

        var lines = source.Lines;
        var start = Offset(lines, finding.Location.Start, source.Text.Length);
        var end = Offset(lines, finding.Location.End, source.Text.Length);
        if (end > start)
        {
            return Collapse(source.Text[start..end]);
        }

        var lineStart = lines.GetLineStart(finding.Location.Start.Line);
        var lineEnd = source.Text.IndexOf('\n', lineStart);
        return Collapse(source.Text[lineStart..(lineEnd < 0 ? source.Text.Length : lineEnd)]);
    }

    private static int Offset(LineIndex lines, LinePosition position, int length) =>
        Math.Clamp(lines.GetLineStart(position.Line) + position.Column - 1, 0, length);

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

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
