using System.Globalization;
using CommsLinter.Content.Decoding;
using CommsLinter.Content.Yaml;
using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CommsLinter.Content.Approvals;

/// <summary>
/// The approvals ledger (<c>approvals.yml</c> at the repository root, beside <c>content/</c>): one entry
/// per approved template, with the approved text. Read tolerantly: every problem is a finding at its
/// line, and an entry that cannot be trusted (its text does not match its hash, its path leaves the
/// repository) is left out, so it never approves anything. docs/approvals.md.
/// </summary>
public sealed class ApprovalLedger
{
    public const string FileName = "approvals.yml";

    public static readonly RuleDescriptor Syntax = new("approvals.syntax", "Approvals ledger is not valid YAML", Severity.Error);
    public static readonly RuleDescriptor Invalid = new("approvals.invalid", "Approvals ledger entry is malformed", Severity.Error);
    public static readonly RuleDescriptor Tampered = new("approvals.tampered", "Approved text does not match its hash", Severity.Error);
    public static readonly RuleDescriptor Outside = new("approvals.outside", "Approval for a file outside the repository", Severity.Error);

    public static IReadOnlyList<RuleDescriptor> Descriptors { get; } = [Syntax, Invalid, Tampered, Outside];

    private static readonly string[] Keys = ["path", "sha256", "by", "date", "note", "text"];

    private readonly Dictionary<string, Approval> _byPath;

    private ApprovalLedger(string fullPath, string displayPath, IReadOnlyList<Approval> entries)
    {
        FullPath = fullPath;
        DisplayPath = displayPath;
        Entries = entries;
        _byPath = entries.GroupBy(e => e.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
    }

    public string FullPath { get; }

    public string DisplayPath { get; }

    /// <summary>The folder that approved paths are relative to: the ledger's own.</summary>
    public string Root => Path.GetDirectoryName(FullPath)!;

    /// <summary>The trusted entries, in the ledger's order.</summary>
    public IReadOnlyList<Approval> Entries { get; }

    public Approval? For(string rootRelativePath) => _byPath.GetValueOrDefault(rootRelativePath);

    /// <summary>A file's path as the ledger writes it: relative to the ledger's folder, with forward slashes; null when it is outside.</summary>
    public string? RelativePath(string fullPath)
    {
        var relative = Path.GetRelativePath(Root, fullPath).Replace(Path.DirectorySeparatorChar, '/');
        return IsInside(relative) ? relative : null;
    }

    /// <summary>
    /// An approval of the current text of the file at <paramref name="fullPath"/>; null, with the reason, when the file is
    /// outside the repository, reached through a symbolic link, or not text.
    /// </summary>
    public Approval? Approve(string fullPath, string displayPath, string by, string? note, DateOnly date, out string? problem)
    {
        if (RelativePath(fullPath) is not { } relative)
        {
            problem = $"'{displayPath}' is outside the repository ({Root}), so it cannot be approved in {DisplayPath}.";
            return null;
        }

        // The ledger would otherwise keep, and a reviewer sign, text the repository does not hold: whatever the link leads to.
        if (ContentDiscovery.FirstLink(Root, fullPath) is { } link)
        {
            problem = $"{ContentDiscovery.ThroughLink(relative, RelativePath(link)!, ContentDiscovery.LinkTarget(link)!)}, so it cannot be approved: commslint reads nothing through a link. Approve the file itself.";
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = $"'{displayPath}' cannot be read: {ex.Message}";
            return null;
        }

        var text = TextDecoding.Decode(bytes, displayPath, out var decoding);
        if (text is null)
        {
            problem = $"{displayPath}: {decoding!.Message}";
            return null;
        }

        problem = null;
        var normalized = Approval.Normalize(text);
        return new Approval(relative, Approval.HashOf(normalized), by.Trim(), date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            string.IsNullOrWhiteSpace(note) ? null : note.Trim(), normalized, Location.FileStart);
    }

    /// <summary>Reads the ledger; a file that does not exist is an empty ledger.</summary>
    public static ApprovalLedger Load(string fullPath, string displayPath, ICollection<Finding> findings)
    {
        if (!File.Exists(fullPath))
        {
            return new ApprovalLedger(fullPath, displayPath, []);
        }

        string? text;
        try
        {
            text = TextDecoding.Decode(File.ReadAllBytes(fullPath), displayPath, out var problem);
            if (text is null)
            {
                findings.Add(problem!);
                return new ApprovalLedger(fullPath, displayPath, []);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            findings.Add(Syntax.At(displayPath, Location.FileStart, $"The approvals ledger cannot be read: {ex.Message}"));
            return new ApprovalLedger(fullPath, displayPath, []);
        }

        return new ApprovalLedger(fullPath, displayPath, Parse(new SourceText(displayPath, text), findings));
    }

    public static IReadOnlyList<Approval> Parse(SourceText source, ICollection<Finding> findings)
    {
        var root = YamlTree.Parse(source.Text, 0, source.Text.Length, out var problem);
        if (problem is not null)
        {
            findings.Add((problem.IsSyntax ? Syntax : Invalid).At(source, problem.Range, $"Approvals ledger: {problem.Message}"));
            return [];
        }

        if (root is null)
        {
            return [];
        }

        if (root is not YamlMapping mapping || mapping.Get("approvals") is not { } list)
        {
            findings.Add(Invalid.At(source, root.Range, "The approvals ledger must be a mapping with an 'approvals' list. Let `commslint approve` write it."));
            return [];
        }

        if (list is not YamlSequence sequence)
        {
            findings.Add(Invalid.At(source, list.Range, "'approvals' must be a list of entries, each starting with '- path:'."));
            return [];
        }

        var entries = new List<Approval>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in sequence.Items)
        {
            if (Entry(source, item, findings) is not { } entry)
            {
                continue;
            }

            if (!seen.Add(entry.Path))
            {
                findings.Add(Invalid.At(source, item.Range, $"'{entry.Path}' is approved twice (a merge often does this); delete the older entry by hand."));
                continue;
            }

            entries.Add(entry);
        }

        return entries;
    }

    private static Approval? Entry(SourceText source, YamlNode item, ICollection<Finding> findings)
    {
        if (item is not YamlMapping entry)
        {
            findings.Add(Invalid.At(source, item.Range, "An approval must be a mapping with path, sha256, by, date, note and text."));
            return null;
        }

        foreach (var (key, _) in entry.Entries.Where(e => !Keys.Contains(e.Key.Value)))
        {
            findings.Add(Invalid.At(source, key.Range, $"Unknown field '{key.Value}' in an approval.{Suggestions.DidYouMean(key.Value, Keys)} Fields: {string.Join(", ", Keys)}."));
        }

        string? Text(string key, bool required)
        {
            switch (entry.Get(key))
            {
                case YamlScalar scalar:
                    return scalar.Value;
                case { } other:
                    findings.Add(Invalid.At(source, other.Range, $"'{key}' must be a single value."));
                    return null;
                default:
                    if (required)
                    {
                        findings.Add(Invalid.At(source, entry.Range, $"This approval has no '{key}'. Let `commslint approve` write entries."));
                    }

                    return null;
            }
        }

        var path = Text("path", true);
        var hash = Text("sha256", true);
        var by = Text("by", true);
        var date = Text("date", true);
        var text = Text("text", true);
        var note = Text("note", false);
        if (path is null || hash is null || by is null || date is null || text is null)
        {
            return null;
        }

        var pathRange = entry.Get("path")!.Range;
        if (!IsInside(path))
        {
            findings.Add(Outside.At(source, pathRange, $"'{path}' is not a path inside the repository (relative to {Path.GetFileName(source.Path)}'s folder, with forward slashes). This entry approves nothing; remove it."));
            return null;
        }

        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            findings.Add(Invalid.At(source, entry.Get("date")!.Range, $"'{date}' is not a date written as YYYY-MM-DD."));
            return null;
        }

        var normalized = Approval.Normalize(text);
        if (!string.Equals(Approval.HashOf(normalized), hash, StringComparison.OrdinalIgnoreCase))
        {
            findings.Add(Tampered.At(source, entry.Get("sha256")!.Range,
                $"The approved text of '{path}' does not match its sha256: the entry was edited by hand, and approves nothing. Restore it from version control, or delete the entry and have the file approved again with `commslint approve {path} --by NAME`."));
            return null;
        }

        return new Approval(path, hash.ToLowerInvariant(), by, date, note, normalized, source.GetLocation(entry.Range));
    }

    /// <summary>True for a relative path with forward slashes that stays inside its root.</summary>
    private static bool IsInside(string path) =>
        path.Length > 0 && !path.Contains('\\', StringComparison.Ordinal) && !Path.IsPathRooted(path) && !path.StartsWith('/')
        && path.Split('/').All(part => part is not ("" or "." or ".."));

    /// <summary>
    /// The ledger as YAML: entries sorted by path, the approved text as a literal block, so that a
    /// reviewer of the ledger's diff reads the text that was approved.
    /// </summary>
    public static string Serialize(IEnumerable<Approval> entries)
    {
        var output = new StringWriter { NewLine = "\n" };
        output.WriteLine("# Approved template texts: docs/approvals.md. Written by `commslint approve`; review changes to it like code.");
        var emitter = new Emitter(output);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, true));
        emitter.Emit(new MappingStart());
        emitter.Emit(new Scalar("approvals"));
        emitter.Emit(new SequenceStart(null, null, false, SequenceStyle.Block));
        foreach (var entry in entries.OrderBy(e => e.Path, StringComparer.Ordinal))
        {
            emitter.Emit(new MappingStart());
            Field(emitter, "path", entry.Path);
            Field(emitter, "sha256", entry.Sha256);
            Field(emitter, "by", entry.By);
            Field(emitter, "date", entry.Date, ScalarStyle.DoubleQuoted);
            if (entry.Note is { } note)
            {
                Field(emitter, "note", note);
            }

            Field(emitter, "text", entry.Text, entry.Text.Contains('\n', StringComparison.Ordinal) ? ScalarStyle.Literal : ScalarStyle.Any);
            emitter.Emit(new MappingEnd());
        }

        emitter.Emit(new SequenceEnd());
        emitter.Emit(new MappingEnd());
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return output.ToString();
    }

    private static void Field(Emitter emitter, string key, string value, ScalarStyle style = ScalarStyle.Any)
    {
        emitter.Emit(new Scalar(key));
        emitter.Emit(new Scalar(null, null, value, style, true, true));
    }
}
