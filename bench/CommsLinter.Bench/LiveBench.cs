using System.Diagnostics;
using System.Globalization;
using CommsLinter.Content;
using CommsLinter.Engine;
using CommsLinter.Engine.Live;

namespace CommsLinter.Bench;

/// <summary>
/// Times the live workspace a language server or the studio holds open: opening the content, then
/// edits from an editor's buffer, each timed from the call until the workspace has published the
/// edited file's findings and every other file whose findings changed (the change returns only then).
/// Edits alternate between typing in a template (a word changed), a number of days added to one
/// locale of a message (parity across its locales), and putting each file back; a last series edits
/// a shared snippet, which every template including it depends on.
/// </summary>
internal static class LiveBench
{
    public static int Run(string[] args)
    {
        if (args.Length < 1 || !Directory.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: CommsLinter.Bench live <content-folder> [--styleguides <folder>] [edits=300]");
            return 2;
        }

        var folder = Path.GetFullPath(args[0]);
        var styleGuides = args.SkipWhile(a => a != "--styleguides").Skip(1).FirstOrDefault();
        var edits = args.Skip(1).Where(a => int.TryParse(a, CultureInfo.InvariantCulture, out _)).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(300);

        var clock = Stopwatch.StartNew();
        var workspace = LiveWorkspace.Open([folder], new ConfigurationOptions(null, styleGuides is null ? null : Path.GetFullPath(styleGuides), null), folder);
        var opened = clock.Elapsed;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var held = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Opened {workspace.FileCount} files with {workspace.Findings.Count} findings in {opened.TotalSeconds:F2} s; the open workspace holds {held / 1e6:F0} MB (working set {Environment.WorkingSet / 1e6:F0} MB, peak {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB)."));

        var templates = ContentDiscovery.Discover([folder], folder, out _).Where(f => f.Kind == Model.DocumentKind.Template).Select(f => f.FullPath).ToArray();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        int[] collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        var paused = GC.GetTotalPauseDuration();
        var random = new Random(20261207);
        var latencies = new List<double>();
        var changedOthers = 0;
        for (var i = 0; i < edits; i++)
        {
            var path = templates[random.Next(templates.Length)];
            var original = File.ReadAllText(path);
            var edited = (i % 2) switch
            {
                0 => TypeInto(original, random),
                _ => AddDays(original),
            };
            latencies.Add(Time(() => workspace.SetText(path, edited), path, ref changedOthers));
            latencies.Add(Time(() => workspace.CloseText(path), path, ref changedOthers));
        }

        Report("template edits", latencies.Skip(20).ToList(), changedOthers);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  per edit {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6 / latencies.Count:F1} MB allocated; collections during the edits: {GC.CollectionCount(0) - collections[0]} gen0, {GC.CollectionCount(1) - collections[1]} gen1, {GC.CollectionCount(2) - collections[2]} gen2, pauses {(GC.GetTotalPauseDuration() - paused).TotalSeconds:F2} s in all."));

        var snippet = Directory.EnumerateFiles(Path.Combine(folder, ContentDiscovery.PartialsFolder)).Order(StringComparer.Ordinal).FirstOrDefault();
        if (snippet is not null)
        {
            var snippetTimes = new List<double>();
            var snippetOthers = 0;
            var text = File.ReadAllText(snippet);
            for (var i = 0; i < 10; i++)
            {
                snippetTimes.Add(Time(() => workspace.SetText(snippet, text.Replace("</p>", $" {i}</p>", StringComparison.Ordinal)), snippet, ref snippetOthers));
                snippetTimes.Add(Time(() => workspace.CloseText(snippet), snippet, ref snippetOthers));
            }

            Report($"edits of the snippet {Path.GetFileName(snippet)}", snippetTimes, snippetOthers);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"After the edits the workspace holds {GC.GetTotalMemory(forceFullCollection: true) / 1e6:F0} MB; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB."));
        return 0;
    }

    private static double Time(Func<WorkspaceChange> edit, string path, ref int changedOthers)
    {
        var clock = Stopwatch.StartNew();
        var change = edit();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        changedOthers += change.Changed.Count(c => !path.EndsWith(c.Path, StringComparison.Ordinal));
        return elapsed;
    }

    private static void Report(string what, List<double> latencies, int changedOthers)
    {
        latencies.Sort();
        double At(double quantile) => latencies[Math.Min(latencies.Count - 1, (int)(quantile * latencies.Count))];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{latencies.Count} {what}: p50 {At(0.5):F1} ms, p90 {At(0.9):F1} ms, p99 {At(0.99):F1} ms, max {latencies[^1]:F1} ms; {changedOthers} times another file's findings changed."));
    }

    /// <summary>One letter of a word in the body changed, as typing does.</summary>
    private static string TypeInto(string text, Random random)
    {
        var body = text.IndexOf("\n---\n", 4, StringComparison.Ordinal) + 5;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var at = random.Next(body, text.Length);
            if (char.IsAsciiLetterLower(text[at]))
            {
                return string.Concat(text.AsSpan(0, at), "x", text.AsSpan(at + 1));
            }
        }

        return text + "x";
    }

    /// <summary>A number of days only this locale states: parity compares it with the other locales of the message.</summary>
    private static string AddDays(string text) => text.TrimEnd() + "\n14 dni.\n";
}
