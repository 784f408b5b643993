using CommsLinter.Content;
using CommsLinter.Engine;

namespace CommsLinter.Cli;

/// <summary>
/// The folder <c>render</c> and <c>report</c> write their pages to (--out), written whole or not at all.
/// The pages go first into a new folder inside it; only when every page is written do they take the
/// place of the earlier run's, one top-level entry at a time, by renaming (which needs no space and
/// works when --out is a mount point, where renaming the folder itself would not). A run that fails
/// leaves the folder as it was, and one that is killed leaves only its temporary folder, which the
/// next run removes. Entries of the folder that a run does not write are left alone.
/// </summary>
internal sealed class OutputFolder
{
    /// <summary>Marks a folder commslint wrote, whose pages the next run may replace.</summary>
    public const string MarkerFile = ".commslint-output";

    private readonly string _folder;
    private readonly string _pages;
    private readonly string _replaced;

    private OutputFolder(string folder)
    {
        _folder = folder;
        _pages = Path.Combine(folder, WholeFile.TemporaryName("new"));
        _replaced = Path.Combine(folder, WholeFile.TemporaryName("old"));
    }

    /// <summary>Where a page (a '/'-separated path inside the folder) is written, for a tool that writes it itself.</summary>
    public string PathOf(string page)
    {
        var path = Path.GetFullPath(Path.Combine(_pages, page));
        // A page's path comes from a template's path; it never leads out of the folder.
        return ContentDiscovery.IsSameOrInside(path, _pages) && path != _pages
            ? path
            : throw new IOException($"the page '{page}' would be written outside the folder.");
    }

    /// <summary>Writes one page as UTF-8; safe to call from several threads at once.</summary>
    public void Write(string page, string text)
    {
        var path = PathOf(page);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>
    /// Why the <paramref name="noun"/> cannot be written to <paramref name="outOption"/>, or null when it
    /// can: a folder inside what is checked, or the content folder or the style guides, would have its
    /// pages read as templates by the next run, which would write them again, twice as many; a folder that
    /// holds them would mix its pages with them; a folder that holds files commslint did not write could lose them.
    /// </summary>
    public static string? Refusal(string outOption, string noun, string suggestion, IReadOnlyList<string> paths, string? catalogOption, string? styleGuidesOption, string workingDirectory)
    {
        var folder = Path.GetFullPath(outOption, workingDirectory);
        var real = RealPath(folder);
        var catalog = ProjectLayout.CatalogPath(paths, catalogOption, workingDirectory);
        var guarded = paths.Select(p => (Path: Path.GetFullPath(p, workingDirectory), What: "checked"))
            .Append((Path: Path.GetDirectoryName(catalog) ?? string.Empty, What: "content"))
            .Append((Path: ProjectLayout.StyleFolderOf(paths, styleGuidesOption, catalog, workingDirectory) ?? string.Empty, What: "style guide"));
        foreach (var (path, what) in guarded.Where(g => Path.Exists(g.Path)))
        {
            var (shown, place, isFolder) = (ContentDiscovery.DisplayPath(path, workingDirectory), RealPath(path), Directory.Exists(path));
            if (isFolder && ContentDiscovery.IsSameOrInside(real, place))
            {
                return $"the {noun} '{outOption}' is inside the {what} folder '{shown}', where its pages would be {(what == "style guide" ? "mixed with the style guides" : "read as templates by the next run")}. Give another --out, such as {suggestion}.";
            }

            if (ContentDiscovery.IsSameOrInside(place, real))
            {
                return $"the {noun} '{outOption}' holds the {what} {(isFolder ? "folder" : "file")} '{shown}', which writing there could mix with its pages or replace. Give another --out, such as {suggestion}.";
            }
        }

        if (File.Exists(folder))
        {
            return $"the {noun} '{outOption}' is a file. Give a folder with --out, such as {suggestion}.";
        }

        if (Directory.Exists(folder) && !File.Exists(Path.Combine(folder, MarkerFile)) && HoldsFiles(folder))
        {
            return $"the {noun} '{outOption}' holds files that commslint did not write, which an earlier run's pages could replace. Give a new or empty folder with --out, such as {suggestion}, or remove this one.";
        }

        return null;
    }

    /// <summary>
    /// Writes the pages <paramref name="write"/> makes into <paramref name="folder"/>, whole or not at all;
    /// false, with the reason on <paramref name="error"/>, when the disk is full or the folder cannot be written.
    /// </summary>
    public static bool TryWrite(string folder, string noun, string shownFolder, Action<OutputFolder> write, TextWriter error)
    {
        var created = !Path.Exists(folder) && !IsLink(folder);
        var output = new OutputFolder(folder);
        try
        {
            Directory.CreateDirectory(folder);
            // Also what an earlier run with this process id left: its pages must not be taken for this run's.
            foreach (var left in Directory.EnumerateFileSystemEntries(folder).Where(e => WholeFile.IsLeftBehind(Path.GetFileName(e))).Append(output._pages).Append(output._replaced))
            {
                Delete(left);
            }

            Directory.CreateDirectory(output._pages);
            output.Write(MarkerFile, "Written by commslint; the next run replaces its pages. docs/cli.md\n");
            write(output);
            output.Commit();
            return true;
        }
        catch (Exception e) when (IsWriteFailure(e))
        {
            Delete(output._pages);
            if (created)
            {
                Delete(folder);
            }

            var cause = e is AggregateException many ? many.InnerExceptions[0] : e;
            error.WriteLine($"commslint: error: cannot write the {noun} to '{shownFolder}': {cause.Message} The folder is as it was; make room on the disk, or give a folder you can write to with --out.");
            return false;
        }
    }

    /// <summary>Puts each top-level entry of the new pages in the place of the earlier one, which is then removed.</summary>
    private void Commit()
    {
        var moved = new List<(string From, string To)>();
        try
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(_pages).Order(StringComparer.Ordinal))
            {
                var place = Path.Combine(_folder, Path.GetFileName(entry));
                if (Path.Exists(place) || IsLink(place))
                {
                    Directory.CreateDirectory(_replaced);
                    Move(place, Path.Combine(_replaced, Path.GetFileName(entry)), moved);
                }

                Move(entry, place, moved);
            }
        }
        catch (Exception e) when (IsWriteFailure(e))
        {
            // Renaming needs no space, so this is rare (a file held open on Windows); the earlier pages go back.
            foreach (var (from, to) in Enumerable.Reverse(moved))
            {
                Directory.Move(to, from);
            }

            Delete(_replaced);
            throw;
        }

        Delete(_replaced);
        Delete(_pages);
    }

    private static void Move(string from, string to, List<(string From, string To)> moved)
    {
        // Directory.Move renames files too, and never follows a symbolic link.
        Directory.Move(from, to);
        moved.Add((from, to));
    }

    /// <summary>Removes a file or folder, never what a symbolic link in it points to; what cannot be removed now is removed by the next run.</summary>
    private static void Delete(string path)
    {
        try
        {
            if (Directory.Exists(path) && new DirectoryInfo(path).LinkTarget is null)
            {
                Directory.Delete(path, recursive: true);
            }
            else
            {
                File.Delete(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next run: the pages are complete either way.
        }
    }

    /// <summary>Whether a folder holds anything besides temporary files; a folder that cannot be listed is left to fail when written.</summary>
    private static bool HoldsFiles(string folder)
    {
        try
        {
            return Directory.EnumerateFileSystemEntries(folder).Any(e => !WholeFile.IsTemporary(Path.GetFileName(e)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Whether the path is a symbolic link (a dangling one too); false when that cannot be told.</summary>
    private static bool IsLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget is not null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>A full disk or a folder that cannot be written; pages written in parallel may come wrapped.</summary>
    private static bool IsWriteFailure(Exception e) =>
        e is IOException or UnauthorizedAccessException || (e is AggregateException many && many.InnerExceptions.All(IsWriteFailure));

    /// <summary>
    /// <paramref name="fullPath"/> with every symbolic link along it followed, as far as it exists: an --out
    /// that is a link into the content is inside the content. Like the system, it follows at most 40 links in
    /// all, so link cycles and links to links to links end.
    /// </summary>
    private static string RealPath(string fullPath)
    {
        var links = 0;
        return RealPath(fullPath, ref links);
    }

    private static string RealPath(string fullPath, ref int links)
    {
        var root = Path.GetPathRoot(fullPath) ?? string.Empty;
        var current = root;
        foreach (var part in fullPath[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            if (links < 40 && IsLink(next))
            {
                links++;
                current = RealPath(Path.GetFullPath(new FileInfo(next).LinkTarget!, current), ref links);
            }
            else
            {
                current = next;
            }
        }

        return current;
    }
}
