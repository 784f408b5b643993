namespace CommsLinter.Cli;

/// <summary>
/// The rules' documentation pages, which ship inside the tool, as files an editor can open: each is
/// written once per version into the user's own data folder (not a shared temporary folder, where
/// another user could put something in its place), and named by its file URI.
/// </summary>
internal static class DocPages
{
    private static readonly string Folder = Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create) is { Length: > 0 } data ? data : Path.GetTempPath(),
        "commslint", "docs", typeof(DocPages).Assembly.GetName().Version?.ToString() ?? "0");

    /// <summary>The file URI of a page (docs/rules/….md), or null when the tool does not ship it.</summary>
    public static string? Address(string helpPath)
    {
        using var page = typeof(DocPages).Assembly.GetManifestResourceStream(helpPath);
        if (page is null)
        {
            return null;
        }

        var file = Path.Combine(Folder, helpPath);
        try
        {
            if (!File.Exists(file))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                var temporary = $"{file}.{Guid.NewGuid():N}.tmp";
                using (var copy = File.Create(temporary))
                {
                    page.CopyTo(copy);
                }

                File.Move(temporary, file, overwrite: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A page that cannot be written is a link that is missing, not a failure of the server.
            return null;
        }

        return new Uri(file).AbsoluteUri;
    }
}
