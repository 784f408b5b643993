using CommsLinter.Text;

namespace CommsLinter.Model;

/// <summary>The front-matter keys CommsLinter knows; any other key is reported as a likely typo.</summary>
public static class FrontMatterKeys
{
    public const string Touchpoint = "touchpoint";
    public const string Channel = "channel";
    public const string Locale = "locale";
    public const string Subject = "subject";
    public const string Preheader = "preheader";
    public const string Title = "title";
    public const string Sample = "sample";
    public const string From = "from";
    public const string Description = "description";
    public const string Disable = "commslint-disable";

    public static IReadOnlyList<string> All { get; } =
        [Touchpoint, Channel, Locale, Subject, Preheader, Title, Sample, From, Description, Disable];
}

/// <summary>
/// One front-matter entry: the key, its scalar value (or list items), and where both are.
/// <see cref="IsVerbatim"/> says the value is exactly the source text at <see cref="ValueRange"/>
/// (no escapes, no folding), so its characters map one to one.
/// </summary>
public sealed record FrontMatterField(string Key, TextRange KeyRange, string? Value, TextRange ValueRange, IReadOnlyList<string> Items, bool IsVerbatim);

/// <summary>The YAML front matter of a document, in file order.</summary>
public sealed class FrontMatter
{
    private readonly Dictionary<string, FrontMatterField> _byKey;

    public FrontMatter(IReadOnlyList<FrontMatterField> fields, TextRange range)
    {
        Fields = fields;
        Range = range;
        _byKey = new Dictionary<string, FrontMatterField>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            _byKey.TryAdd(field.Key, field);
        }
    }

    public static FrontMatter Empty { get; } = new([], default);

    public IReadOnlyList<FrontMatterField> Fields { get; }

    /// <summary>The whole block, delimiters included; empty when the file has none.</summary>
    public TextRange Range { get; }

    public bool IsPresent => Range.Length > 0;

    public FrontMatterField? Get(string key) => _byKey.GetValueOrDefault(key);

    public string? GetText(string key) => Get(key)?.Value is { Length: > 0 } value ? value : null;
}
