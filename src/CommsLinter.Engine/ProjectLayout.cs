using CommsLinter.Content;
using CommsLinter.Content.Approvals;
using CommsLinter.Content.Catalog;
using CommsLinter.Engine.Baselines;
using CommsLinter.Engine.Caching;

namespace CommsLinter.Engine;

/// <summary>
/// Where a repository keeps what a check reads besides its templates: the catalog, the style guides,
/// the approvals ledger, the baseline and the cache. Each is the one given, or found from the checked
/// paths the way a user would look for it.
/// </summary>
public static class ProjectLayout
{
    public const string DefaultContent = "content";
    public const string StyleGuidesFolder = "styleguides";

    /// <summary>A company's own dictionaries and word lists, inside the style guide folder.</summary>
    public const string DictionariesFolder = "dictionaries";

    /// <summary>Where everything a check reads besides its templates is, for the checked paths.</summary>
    public static ProjectPaths Locate(IReadOnlyList<string> paths, ConfigurationOptions options, string workingDirectory)
    {
        var catalogPath = CatalogPath(paths, options.Catalog, workingDirectory);
        return new ProjectPaths(
            catalogPath,
            StyleFolderOf(paths, options.StyleGuides, catalogPath, workingDirectory),
            LedgerPath(catalogPath, options.Approvals, workingDirectory),
            options.UseBaseline ? BaselinePath(catalogPath, options.Baseline, workingDirectory) : null);
    }

    /// <summary>The catalog given, or the first touchpoints.yml found from the paths upwards; null when there is none.</summary>
    public static string? CatalogPath(IReadOnlyList<string> paths, string? catalogOption, string workingDirectory) =>
        catalogOption is { } given ? Path.GetFullPath(given, workingDirectory) : FindUpwards(paths, workingDirectory, CatalogReader.FileName, isFolder: false);

    /// <summary>The style guide folder given, or the first 'styleguides' folder found from the catalog (or the paths) upwards.</summary>
    public static string? StyleFolderOf(IReadOnlyList<string> paths, string? styleGuidesOption, string? catalogPath, string workingDirectory) =>
        styleGuidesOption is { } folder
            ? Path.GetFullPath(folder, workingDirectory)
            : FindUpwards(catalogPath is null ? paths : [catalogPath], workingDirectory, StyleGuidesFolder, isFolder: true);

    /// <summary>The ledger given, or approvals.yml in the folder that holds the catalog's folder (the repository root).</summary>
    public static string? LedgerPath(string? catalogPath, string? approvalsOption, string workingDirectory) =>
        approvalsOption is { } given ? Path.GetFullPath(given, workingDirectory)
        : RepositoryRootOf(catalogPath) is { } root ? Path.Combine(root, ApprovalLedger.FileName)
        : null;

    /// <summary>The folder that holds the catalog's folder, where approvals.yml, the baseline and .commslint/ live; null without a catalog.</summary>
    public static string? RepositoryRootOf(string? catalogPath) =>
        Path.GetDirectoryName(catalogPath) is { } catalogFolder ? Path.GetDirectoryName(catalogFolder) ?? catalogFolder : null;

    /// <summary>The baseline given, or commslint-baseline.json at the repository root.</summary>
    public static string? BaselinePath(string? catalogPath, string? baselineOption, string workingDirectory) =>
        baselineOption is { } given ? Path.GetFullPath(given, workingDirectory)
        : LedgerPath(catalogPath, null, workingDirectory) is { } ledger ? Path.Combine(Path.GetDirectoryName(ledger)!, Baseline.FileName)
        : null;

    /// <summary>The cache's folder: the one given, or .commslint/ at the repository root (beside the content folder).</summary>
    public static string CacheFolder(IReadOnlyList<string> paths, ConfigurationOptions options, string workingDirectory) =>
        options.CacheLocation is { } given ? Path.GetFullPath(given, workingDirectory)
        : Path.Combine(RepositoryRootOf(CatalogPath(paths, options.Catalog, workingDirectory)) ?? workingDirectory, CheckCache.FolderName);

    /// <summary>
    /// The files besides a template's own text that its per-file findings depend on, for the cache's
    /// key: found as <see cref="Configuration.Load"/> finds them, and read before it reads them, so that a
    /// file saved during a run can only make the next run start afresh.
    /// </summary>
    public static IEnumerable<string> ConfigurationFiles(IReadOnlyList<string> paths, ConfigurationOptions options, string workingDirectory)
    {
        // A whole-file writer's temporary file is none of the configuration.
        static IEnumerable<string> FilesIn(string? folder) => folder is not null && Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(f => !WholeFile.IsTemporary(Path.GetFileName(f.AsSpan())))
            : [];

        // Snippets and samples are never read through a symbolic link, so what one leads to is no part of the key, and is
        // not read to hash it either (a link to /dev/zero would never end).
        static IEnumerable<string> ContentFilesIn(string? folder) => folder is not null && Directory.Exists(folder) && ContentDiscovery.LinkTarget(folder) is null
            ? Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = false })
            : [];

        var where = Locate(paths, options, workingDirectory);
        return [
            .. where.CatalogPath is null ? [] : new[] { where.CatalogPath },
            .. FilesIn(where.StyleFolder),
            .. ContentFilesIn(where.PartialsFolder),
            .. ContentFilesIn(where.SamplesFolder),
        ];
    }

    private static string? FindUpwards(IEnumerable<string> paths, string workingDirectory, string name, bool isFolder)
    {
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path, workingDirectory);
            for (var current = Directory.Exists(full) ? full : Path.GetDirectoryName(full); current is not null; current = Path.GetDirectoryName(current))
            {
                foreach (var candidate in new[] { Path.Combine(current, name), Path.Combine(current, DefaultContent, name) })
                {
                    if (isFolder ? Directory.Exists(candidate) : File.Exists(candidate))
                    {
                        return candidate;
                    }
                }
            }
        }

        return null;
    }
}

/// <summary>
/// Where a check's configuration is: the catalog, the style guide folder, the approvals ledger and the
/// baseline (null when the run does not use one), and the content folder's snippets and samples.
/// </summary>
public sealed record ProjectPaths(string? CatalogPath, string? StyleFolder, string? LedgerPath, string? BaselinePath)
{
    /// <summary>The folder that holds the catalog: the content folder.</summary>
    public string? CatalogFolder => Path.GetDirectoryName(CatalogPath);

    public string? PartialsFolder => CatalogFolder is { } folder ? Path.Combine(folder, ContentDiscovery.PartialsFolder) : null;

    public string? SamplesFolder => CatalogFolder is { } folder ? Path.Combine(folder, ContentDiscovery.SamplesFolder) : null;

    /// <summary>
    /// Whether a change at <paramref name="path"/> changes what the rules are: the catalog, a style guide,
    /// a dictionary or a sample, or a folder that holds them (moved or deleted whole).
    /// </summary>
    internal bool IsDefinition(string path) =>
        Touches(path, CatalogPath) || Touches(path, StyleFolder) || Touches(path, SamplesFolder)
        || ((IsInside(path, StyleFolder) || IsInside(path, SamplesFolder)) && !WholeFile.IsTemporary(Path.GetFileName(path.AsSpan())));

    /// <summary>Whether a change at <paramref name="path"/> changes the approvals ledger or the baseline.</summary>
    internal bool IsReviewFile(string path) => Touches(path, LedgerPath) || Touches(path, BaselinePath);

    /// <summary>Whether a change at <paramref name="path"/> changes the shared snippets: a snippet, its folder, or a folder that holds it.</summary>
    internal bool TouchesSnippets(string path) => Touches(path, PartialsFolder) || (IsInside(path, PartialsFolder) && SnippetLibraryReader.IsSnippet(path));

    /// <summary>Whether <paramref name="path"/> is one of the snippets the templates include.</summary>
    internal bool IsSnippet(string path) => IsInside(path, PartialsFolder) && SnippetLibraryReader.IsSnippet(path);

    /// <summary>Whether <paramref name="path"/> is <paramref name="target"/> or a folder that holds it.</summary>
    private static bool Touches(string path, string? target) => target is not null && ContentDiscovery.IsSameOrInside(target, path);

    private static bool IsInside(string path, string? folder) => folder is not null && path != folder && ContentDiscovery.IsSameOrInside(path, folder);
}

/// <summary>The configuration files a run uses when they are given; null means found from the checked paths.</summary>
public sealed record ConfigurationOptions(string? Catalog, string? StyleGuides, string? Approvals, string? Baseline = null, bool UseBaseline = false)
{
    /// <summary>Whether the run keeps and uses the cache of per-file outcomes (check --cache).</summary>
    public bool UseCache { get; init; }

    /// <summary>The cache's folder when given; null for .commslint/ at the repository root.</summary>
    public string? CacheLocation { get; init; }
}
