using CommsLinter.Pipeline;
using CommsLinter.Rules.Builtin;

namespace CommsLinter.Rules;

/// <summary>The registry of checks that need no style guide. Adding a check is one line here.</summary>
public static class BuiltinChecks
{
    private static readonly IncludeCheck Includes = new();

    public static IReadOnlyList<IDocumentCheck> DocumentChecks { get; } =
    [
        new FrontMatterFieldsCheck(),
        new CatalogReferenceCheck(),
        Includes,
    ];

    public static IReadOnlyList<ICorpusCheck> CorpusChecks { get; } =
    [
        new DuplicateTemplateCheck(),
        new CoverageCheck(),
        Includes,
        new LocaleParityCheck(),
    ];
}
