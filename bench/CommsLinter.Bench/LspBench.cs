using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using StreamJsonRpc;

namespace CommsLinter.Bench;

/// <summary>
/// Drives <c>commslint lsp</c> as an editor does, in its own process, over a content folder: the time
/// until the workspace answers (opened and checked whole), then edits of one template made 300 lines
/// long, each timed from the change until the server has answered a pull of that template's findings
/// (a pull takes in a pending edit at once, so this is the latency after the debounce), and the
/// server's peak memory.
/// </summary>
internal static class LspBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2 || !Directory.Exists(args[0]) || !File.Exists(args[1]))
        {
            Console.Error.WriteLine("usage: CommsLinter.Bench lsp <content-folder> <path to commslint.dll> [--styleguides <folder>] [edits=200]");
            return 2;
        }

        var folder = Path.GetFullPath(args[0]);
        var styleGuides = args.SkipWhile(a => a != "--styleguides").Skip(1).FirstOrDefault() is { } given ? Path.GetFullPath(given) : null;
        var edits = args.Skip(2).Where(a => int.TryParse(a, CultureInfo.InvariantCulture, out _)).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(200);

        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.GetFullPath(args[1]));
        start.ArgumentList.Add("lsp");
        using var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var formatter = new SystemTextJsonFormatter();
        formatter.JsonSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        using var rpc = new JsonRpc(new HeaderDelimitedMessageHandler(process.StandardInput.BaseStream, process.StandardOutput.BaseStream, formatter));
        rpc.AddLocalRpcMethod("workspace/diagnostic/refresh", new Func<object?>(() => null));
        rpc.StartListening();

        var clock = Stopwatch.StartNew();
        await rpc.InvokeWithParameterObjectAsync<JsonElement>("initialize", new
        {
            processId = Environment.ProcessId,
            rootUri = new Uri(folder).AbsoluteUri,
            initializationOptions = new { styleguides = styleGuides },
            capabilities = new { textDocument = new { diagnostic = new { } }, workspace = new { diagnostics = new { refreshSupport = true } } },
        });
        await rpc.NotifyWithParameterObjectAsync("initialized", new { });

        // A template, not a snippet under _partials/: an edit of a snippet re-checks every template that includes it.
        var template = Directory.EnumerateFiles(folder, "*.html", SearchOption.AllDirectories).Where(f => !f.Contains("_partials", StringComparison.Ordinal)).Order(StringComparer.Ordinal).First();
        var uri = new Uri(template).AbsoluteUri;
        var firstPull = await PullAsync(rpc, uri);
        var ready = clock.Elapsed;
        Console.WriteLine($"workspace ready (opened, every template checked, first pull answered): {ready.TotalSeconds:0.00} s; {template} has {firstPull} findings");

        var text = ThreeHundredLines(File.ReadAllText(template));
        var lines = text.Split('\n');
        await rpc.NotifyWithParameterObjectAsync("textDocument/didOpen", new { textDocument = new { uri, languageId = "html", version = 1, text } });
        await PullAsync(rpc, uri);

        var random = new Random(5);
        var times = new List<double>();
        var version = 1;
        async Task EditAsync(int line, int replaced, string typed)
        {
            var change = new { range = new { start = new { line, character = 0 }, end = new { line, character = replaced } }, text = typed };
            clock.Restart();
            await rpc.NotifyWithParameterObjectAsync("textDocument/didChange", new { textDocument = new { uri, version = ++version }, contentChanges = new[] { change } });
            await PullAsync(rpc, uri);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        // A word typed at the start of a body line, then taken out again: every edit changes the text and its findings.
        for (var i = 0; i < edits / 2; i++)
        {
            var line = lines.Length / 3 + random.Next(lines.Length / 2);
            await EditAsync(line, 0, "super ");
            await EditAsync(line, 6, string.Empty);
        }

        times.Sort();
        var peak = PeakMemory(process.Id);
        Console.WriteLine($"edits of a {lines.Length}-line template, change to pulled findings: {times.Count} edits, p50 {Percentile(times, 50):0.0} ms, p90 {Percentile(times, 90):0.0} ms, p99 {Percentile(times, 99):0.0} ms, max {times[^1]:0.0} ms");
        Console.WriteLine($"server peak memory: {peak}");
        await rpc.InvokeWithParameterObjectAsync<JsonElement>("shutdown", new { });
        await rpc.NotifyWithParameterObjectAsync("exit", new { });
        await process.WaitForExitAsync();
        return 0;
    }

    private static async Task<int> PullAsync(JsonRpc rpc, string uri) =>
        (await rpc.InvokeWithParameterObjectAsync<JsonElement>("textDocument/diagnostic", new { textDocument = new { uri } })).GetProperty("items").GetArrayLength();

    /// <summary>The template with its paragraphs repeated, before the end of its body, until it has 300 lines.</summary>
    private static string ThreeHundredLines(string text)
    {
        var lines = text.Split('\n').ToList();
        var paragraphs = lines.Where(l => l.TrimStart().StartsWith("<p>", StringComparison.Ordinal)).ToList();
        var end = lines.FindLastIndex(l => l.Contains("</body>", StringComparison.Ordinal)) is var close and >= 0 ? close : lines.Count;
        for (var i = 0; lines.Count < 300; i++)
        {
            lines.Insert(end++, paragraphs[i % paragraphs.Count]);
        }

        return string.Join('\n', lines);
    }

    private static double Percentile(List<double> sorted, int percentile) =>
        sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];

    private static string PeakMemory(int processId)
    {
        var status = $"/proc/{processId}/status";
        return File.Exists(status)
            ? string.Join(", ", File.ReadAllLines(status).Where(l => l.StartsWith("VmHWM", StringComparison.Ordinal) || l.StartsWith("VmRSS", StringComparison.Ordinal)).Select(l => string.Join(' ', l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))))
            : "not known on this system";
    }
}
