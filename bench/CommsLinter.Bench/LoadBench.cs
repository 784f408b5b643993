using System.Diagnostics;
using System.Globalization;
using CommsLinter.Content;

namespace CommsLinter.Bench;

/// <summary>
/// Times loading and extraction alone, the measure of the foundation's budget (2 s for 10,000
/// templates from a cold process): listing, decoding, front matter, the readers and the Liquid scan,
/// in parallel as the linter does them, with no check. `commslint check` with an empty guide folder
/// adds the built-in checks and the document summaries to this.
/// </summary>
internal static class LoadBench
{
    public static int Run(string[] args)
    {
        if (args.Length != 1 || !Directory.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: CommsLinter.Bench load <content-folder>");
            return 2;
        }

        var clock = Stopwatch.StartNew();
        var files = ContentDiscovery.Discover([args[0]], Environment.CurrentDirectory, out _);
        var listed = clock.Elapsed;
        var loader = new DocumentLoader();
        long segments = 0, characters = 0, problems = 0;
        Parallel.For(0, files.Count, i =>
        {
            var loaded = loader.Load(files[i]);
            Interlocked.Add(ref problems, loaded.Findings.Count);
            if (loaded.Document is { } document)
            {
                Interlocked.Add(ref segments, document.Segments.Count);
                Interlocked.Add(ref characters, document.Segments.Sum(s => (long)s.Text.Length));
            }
        });

        var elapsed = clock.Elapsed;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Loaded {files.Count} files ({segments} segments, {characters / 1e6:F1} M characters of prose, {problems} findings) in {elapsed.TotalSeconds:F2} s (listing them {listed.TotalSeconds:F2} s); " +
            $"compiling code at run time {System.Runtime.JitInfo.GetCompilationTime().TotalSeconds:F2} s, collection pauses {GC.GetTotalPauseDuration().TotalSeconds:F2} s, {GC.GetTotalAllocatedBytes() / 1e6:F0} MB allocated."));
        return 0;
    }
}
