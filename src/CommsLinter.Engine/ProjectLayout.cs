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
        static IEnumerable<string> FilesIn(string? folder) => folder is not null && Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            : [];

        // Snippets and samples are never read through a symbolic link, so what one leads to is no part of the key, and is
        // not read to hash it either (a link to /dev/zero would never end).
        static IEnumerable<string> ContentFilesIn(string? folder) => folder is not null && Directory.Exists(folder) && ContentDiscovery.LinkTarget(folder) is null
            ? Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = false })
            : [];

        var catalogPath = CatalogPath(paths, options.Catalog, workingDirectory);
        var catalogFolder = Path.GetDirectoryName(catalogPath);
        return [
            .. catalogPath is null ? [] : new[] { catalogPath },
            .. FilesIn(StyleFolderOf(paths, options.StyleGuides, catalogPath, workingDirectory)),
            .. ContentFilesIn(catalogFolder is null ? null : Path.Combine(catalogFolder, ContentDiscovery.PartialsFolder)),
            .. ContentFilesIn(catalogFolder is null ? null : Path.Combine(catalogFolder, ContentDiscovery.SamplesFolder)),
        ];
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or inside it.</summary>
    public static bool IsSameOrInside(string path, string folder) => ContentDiscovery.IsSameOrInside(path, folder);

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

/// <summary>The configuration files a run uses when they are given; null means found from the checked paths.</summary>
public sealed record ConfigurationOptions(string? Catalog, string? StyleGuides, string? Approvals, string? Baseline = null, bool UseBaseline = false)
{
    /// <summary>Whether the run keeps and uses the cache of per-file outcomes (check --cache).</summary>
    public bool UseCache { get; init; }

    /// <summary>The cache's folder when given; null for .commslint/ at the repository root.</summary>
    public string? CacheLocation { get; init; }
}
