using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CommsLinter.Content;

namespace CommsLinter.Engine.Caching;

/// <summary>
/// commslint itself, as part of the cache's key: the content of its assemblies and shipped
/// dictionaries, so that a CI build of the same commit finds the cache of the last one. Hashing those
/// megabytes was a large part of each re-check, so the hash is kept in the cache folder with every file's size
/// and time, and used again while they are unchanged and were older than two seconds when recorded
/// (as for templates; see <see cref="CheckCache"/>).
/// </summary>
internal static class ToolIdentity
{
    public const string FileName = "tool-identity.txt";
    private const string Header = "# Written by commslint: the hash of its own files, used again while their sizes and times are those below.";

    /// <summary>The tool's identity, recorded in <paramref name="cacheFolder"/> when that folder exists.</summary>
    public static string Of(string cacheFolder, TimeProvider time) => Of(cacheFolder, ToolFiles(), time);

    internal static string Of(string cacheFolder, IReadOnlyList<string> files, TimeProvider? time = null)
    {
        var stats = files.Order(StringComparer.Ordinal).Select(path => (Path: path, Stat: StatOf(path))).ToList();
        var record = Path.Combine(cacheFolder, FileName);
        if (Recorded(record, stats) is { } known)
        {
            return known;
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Hashing.AddFiles(hash, stats.Select(s => s.Path));
        var identity = Convert.ToHexStringLower(hash.GetHashAndReset());
        Record(record, identity, stats, time ?? TimeProvider.System);
        return identity;
    }

    private static IReadOnlyList<string> ToolFiles()
    {
        var tool = AppContext.BaseDirectory;
        var dictionaries = Path.Combine(tool, "dictionaries");
        return [.. Directory.EnumerateFiles(tool, "*.dll"), .. Directory.Exists(dictionaries) ? Directory.EnumerateFiles(dictionaries, "*", SearchOption.AllDirectories) : []];
    }

    private static (long Length, long Ticks) StatOf(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? (info.Length, info.LastWriteTimeUtc.Ticks) : (-1, 0);
    }

    /// <summary>The recorded hash, when every file is as recorded and was already old then; else null.</summary>
    private static string? Recorded(string record, List<(string Path, (long Length, long Ticks) Stat)> stats)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(record);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        if (lines.Length != stats.Count + 3 || lines[0] != Header || !long.TryParse(lines[2], CultureInfo.InvariantCulture, out var recordedTicks))
        {
            return null;
        }

        for (var i = 0; i < stats.Count; i++)
        {
            var (path, (length, ticks)) = stats[i];
            if (lines[i + 3] != Line(path, length, ticks) || ticks >= recordedTicks - CheckCache.RacyTicks)
            {
                return null;
            }
        }

        return lines[1];
    }

    private static void Record(string record, string identity, List<(string Path, (long Length, long Ticks) Stat)> stats, TimeProvider time)
    {
        // Only beside a cache: the first run that writes the folder also writes its .gitignore.
        if (!Directory.Exists(Path.GetDirectoryName(record)))
        {
            return;
        }

        var text = new StringBuilder().AppendLine(Header).AppendLine(identity).AppendLine(time.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture));
        foreach (var (path, (length, ticks)) in stats)
        {
            text.AppendLine(Line(path, length, ticks));
        }

        // Not recorded, the next run hashes the tool again, which is all the record saves: nothing to report.
        _ = WholeFile.Replace(record, text.ToString(), out _);
    }

    private static string Line(string path, long length, long ticks) => string.Create(CultureInfo.InvariantCulture, $"{length} {ticks} {path}");
}

/// <summary>Adds files to a hash by name and content, streaming each through one pooled buffer.</summary>
internal static class Hashing
{
    public static void AddText(IncrementalHash hash, string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\0"));

    /// <remarks>
    /// SHA-256 (OpenSSL), not a managed hash that is faster when warm: in a cold process the managed one
    /// runs unoptimised and is the slower (docs/benchmarks.md).
    /// </remarks>
    public static void AddFiles(IncrementalHash hash, IEnumerable<string> files)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            foreach (var file in files)
            {
                AddText(hash, file);
                try
                {
                    using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
                    int read;
                    while ((read = stream.Read(buffer)) > 0)
                    {
                        hash.AppendData(buffer.AsSpan(0, read));
                    }
                }
                catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
                {
                    AddText(hash, "absent");
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
