using CommsLinter.Diagnostics;

namespace CommsLinter.Content;

/// <summary>The checks the readers make while loading a file. Ids are stable; see docs/rules/.</summary>
public static class ContentRules
{
    public static readonly RuleDescriptor Encoding = new("content.encoding", "File is not UTF-8", Severity.Error);
    public static readonly RuleDescriptor Binary = new("content.binary", "File is binary", Severity.Error);
    public static readonly RuleDescriptor Empty = new("content.empty", "File is empty", Severity.Error);
    public static readonly RuleDescriptor TooLarge = new("content.too-large", "File is too large", Severity.Error);
    public static readonly RuleDescriptor LineTooLong = new("content.line-too-long", "Line is too long", Severity.Error);
    public static readonly RuleDescriptor Unreadable = new("content.unreadable", "File cannot be read", Severity.Error);
    public static readonly RuleDescriptor Link = new("content.link", "File or folder is a symbolic link", Severity.Error);
    public static readonly RuleDescriptor FrontMatterMissing = new("frontmatter.missing", "Template has no front matter", Severity.Error);
    public static readonly RuleDescriptor FrontMatterUnclosed = new("frontmatter.unclosed", "Front matter is not closed", Severity.Error);
    public static readonly RuleDescriptor FrontMatterSyntax = new("frontmatter.syntax", "Front matter is not valid YAML", Severity.Error);
    public static readonly RuleDescriptor FrontMatterInvalid = new("frontmatter.invalid", "Front matter has the wrong shape", Severity.Error);
    public static readonly RuleDescriptor LiquidSyntax = new("liquid.syntax", "Liquid syntax error", Severity.Error);
    public static readonly RuleDescriptor HtmlSyntax = new("html.syntax", "Broken HTML", Severity.Warning);
    public static readonly RuleDescriptor HtmlTooDeep = new("html.too-deep", "HTML nested too deeply", Severity.Error);
    public static readonly RuleDescriptor MarkdownTooDeep = new("markdown.too-deep", "Markdown nested too deeply", Severity.Error);
    public static readonly RuleDescriptor CatalogMissing = new("catalog.missing", "No catalog found", Severity.Error);
    public static readonly RuleDescriptor CatalogSyntax = new("catalog.syntax", "Catalog is not valid YAML", Severity.Error);
    public static readonly RuleDescriptor CatalogInvalid = new("catalog.invalid", "Catalog breaks its schema", Severity.Error);

    public static IReadOnlyList<RuleDescriptor> All { get; } =
    [
        Encoding, Binary, Empty, TooLarge, LineTooLong, Unreadable, Link,
        FrontMatterMissing, FrontMatterUnclosed, FrontMatterSyntax, FrontMatterInvalid,
        LiquidSyntax, HtmlSyntax, HtmlTooDeep, MarkdownTooDeep, CatalogMissing, CatalogSyntax, CatalogInvalid,
    ];
}
