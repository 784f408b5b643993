using CommsLinter.Content;

namespace CommsLinter.Engine.Live;

/// <summary>What a changed file is to a live workspace.</summary>
internal enum FileRole
{
    /// <summary>A template or snippet, or a file that is neither and is ignored.</summary>
    Content,

    /// <summary>The catalog, a style guide, a dictionary or a sample: every file is checked again.</summary>
    Configuration,

    /// <summary>The approvals ledger or the baseline: only the stages across files run again.</summary>
    Review,
}

/// <summary>Where a live workspace's configuration lives, found once when it opens (<see cref="ProjectLayout"/>).</summary>
internal sealed record WorkspaceLayout(string? CatalogPath, string? StyleFolder, string? LedgerPath, string? BaselinePath)
{
    public string? CatalogFolder => Path.GetDirectoryName(CatalogPath);

    public string? PartialsFolder => CatalogFolder is { } folder ? Path.Combine(folder, ContentDiscovery.PartialsFolder) : null;

    private string? SamplesFolder => CatalogFolder is { } folder ? Path.Combine(folder, ContentDiscovery.SamplesFolder) : null;

    public static WorkspaceLayout Of(IReadOnlyList<string> paths, ConfigurationOptions options, string workingDirectory)
    {
        var catalogPath = ProjectLayout.CatalogPath(paths, options.Catalog, workingDirectory);
        return new WorkspaceLayout(
            catalogPath,
            ProjectLayout.StyleFolderOf(paths, options.StyleGuides, catalogPath, workingDirectory),
            ProjectLayout.LedgerPath(catalogPath, options.Approvals, workingDirectory),
            options.UseBaseline ? ProjectLayout.BaselinePath(catalogPath, options.Baseline, workingDirectory) : null);
    }

    public FileRole KindOf(string fullPath) =>
        fullPath == CatalogPath || IsInside(fullPath, StyleFolder) || IsInside(fullPath, SamplesFolder) ? FileRole.Configuration
        : fullPath == LedgerPath || fullPath == BaselinePath ? FileRole.Review
        : FileRole.Content;

    /// <summary>Whether <paramref name="fullPath"/> is the snippets folder or a folder that holds it.</summary>
    public bool HoldsSnippetsFolder(string fullPath) => PartialsFolder is { } folder && ProjectLayout.IsSameOrInside(folder, fullPath);

    /// <summary>Whether the file is one of the shared snippets the templates include.</summary>
    public bool IsSnippet(string fullPath) => IsInside(fullPath, PartialsFolder) && SnippetLibraryReader.IsSnippet(fullPath);

    private static bool IsInside(string fullPath, string? folder) => folder is not null && ProjectLayout.IsSameOrInside(fullPath, folder) && fullPath != folder;
}
