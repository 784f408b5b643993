using System.Threading.Channels;
using CommsLinter.Cli;
using CommsLinter.Engine;
using CommsLinter.Engine.Live;
using CommsLinter.Reports;
using CommsLinter.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CommsLinter.Tests;

/// <summary><c>check --watch</c>: what a batch of changes on disk prints, and how changes are gathered into batches.</summary>
public sealed class WatchTests
{
    private const string Sms = "content/delivery/sms.pl.txt";

    [Fact]
    public async Task Each_batch_prints_the_findings_that_appeared_and_went_and_a_moved_one_is_neither()
    {
        using var folder = new TempFolder();
        folder.Write("content/touchpoints.yml", TestCatalog.Build(locales: "pl", channels: "sms"));
        folder.Write("styleguides/tone.style", "styleguide \"Tone\"\nrule tone.super warning \"No “{match}”.\" { forbid \"super\" }\n");
        var sms = folder.Write(Sms, TestCatalog.FrontMatter("sms", "pl") + "Super dostawa jutro.\n");
        var workspace = LiveWorkspace.Open(["content"], new ConfigurationOptions(null, null, null), folder.Path);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 12, 30, 15, TimeSpan.Zero)) { };
        time.SetLocalTimeZone(TimeZoneInfo.Utc);
        var output = new StringWriter();
        var batches = Channel.CreateUnbounded<IReadOnlyList<string>>();
        var asked = Channel.CreateUnbounded<int>();
        using var stop = new CancellationTokenSource();
        var watch = new CheckWatch(workspace, new TextReport(), output, TextWriter.Null, time).RunAsync(async cancellation =>
        {
            await asked.Writer.WriteAsync(0, cancellation);
            return await batches.Reader.ReadAsync(cancellation);
        }, "content", stop.Token);

        await asked.Reader.ReadAsync();
        Assert.Equal(
            $"{Sms}(6,1): warning tone.super: No “Super”.\n\nNow 0 errors, 1 warning, 0 suggestions. Watching 1 file and the configuration under content/; press Ctrl+C to stop.\n",
            Take(output));

        // A line above moves the finding without changing it; a new one appears.
        File.WriteAllText(sms, TestCatalog.FrontMatter("sms", "pl") + "Dzień dobry, super.\nSuper dostawa jutro.\n");
        await batches.Writer.WriteAsync([sms]);
        await asked.Reader.ReadAsync();
        Assert.Equal(
            $"+ {Sms}(6,14): warning tone.super: No “super”.\n[12:30:15] 1 new finding, 0 gone ({Sms}). Now 0 errors, 2 warnings, 0 suggestions.\n",
            Take(output));

        File.WriteAllText(sms, TestCatalog.FrontMatter("sms", "pl") + "Dzień dobry, super.\nDostawa jutro.\n");
        time.Advance(TimeSpan.FromSeconds(5));
        await batches.Writer.WriteAsync([sms, Path.Combine(folder.Path, "content", "delivery")]);
        await asked.Reader.ReadAsync();
        Assert.Equal(
            $"- {Sms}(7,1): warning tone.super: No “Super”.\n[12:30:20] 0 new findings, 1 gone ({Sms}). Now 0 errors, 1 warning, 0 suggestions.\n",
            Take(output));

        await stop.CancelAsync();
        await watch;
        Assert.Equal("Stopped watching.\n", Take(output));
    }

    [Fact]
    public void From_the_command_line_it_reports_once_then_stops_cleanly_with_the_last_check_s_exit_code()
    {
        using var folder = new TempFolder();
        folder.Write("content/touchpoints.yml", TestCatalog.Build(locales: "pl", channels: "sms"));
        folder.Write("styleguides/tone.style", "styleguide \"Tone\"\nrule tone.super warning \"No “{match}”.\" { forbid \"super\" }\n");
        folder.Write(Sms, TestCatalog.FrontMatter("sms", "pl") + "Super dostawa jutro.\n");
        using var stop = new CancellationTokenSource();
        stop.Cancel();
        var host = AppHost.System with { Stop = stop.Token };

        var watched = CliRunner.Run(folder.Path, host, interactive: false, "check", "--watch", "--fail-on", "warning");

        Assert.Equal(1, watched.ExitCode);
        Assert.Equal(
            $"{Sms}(6,1): warning tone.super: No “Super”.\n\nNow 0 errors, 1 warning, 0 suggestions. Watching 1 file and the configuration under ./; press Ctrl+C to stop.\nStopped watching.\n",
            watched.Output.ReplaceLineEndings("\n"));
        foreach (var other in new[] { "--fix", "--cache", "--format=json" })
        {
            var refused = CliRunner.Run(folder.Path, host, interactive: false, "check", "--watch", other);
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("--watch prints findings as text as files change; it cannot be combined with", refused.Error, StringComparison.Ordinal);
        }

        Assert.Equal(2, CliRunner.Run(folder.Path, host, interactive: false, "check", "--watch", "content/nowhere").ExitCode);
    }

    [Fact]
    public async Task Changes_on_disk_are_handed_over_once_a_quiet_spell_has_passed()
    {
        using var folder = new TempFolder();
        var time = new FakeTimeProvider();
        using var changes = new DiskChanges([folder.Path]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var quiet = TimeSpan.FromMilliseconds(200);
        var started = Channel.CreateUnbounded<int>();
        changes.QuietSpellStarted += () => started.Writer.TryWrite(0);

        var next = changes.NextAsync(time, quiet, timeout.Token);
        var written = folder.Write("a.txt", "one");
        await started.Reader.WaitToReadAsync(timeout.Token);
        // Until the quiet spell has passed on the clock, the batch stays open.
        Assert.False(next.IsCompleted);
        Assert.Contains(written, await Finish(next));

        // A move is both paths; the watcher may still report the first file's last write in between.
        var moved = Path.Combine(folder.Path, "b.txt");
        File.Move(written, moved);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (!seen.Contains(moved) || !seen.Contains(written))
        {
            seen.UnionWith(await Finish(changes.NextAsync(time, quiet, timeout.Token)));
        }

        // Moves the clock past each quiet spell the batch starts, until it is handed over.
        async Task<IReadOnlyList<string>> Finish(Task<IReadOnlyList<string>> batch)
        {
            while (true)
            {
                if (await Task.WhenAny(batch, started.Reader.WaitToReadAsync(timeout.Token).AsTask()) == batch)
                {
                    return await batch;
                }

                while (started.Reader.TryRead(out _))
                {
                }

                time.Advance(quiet);
            }
        }
    }

    private static string Take(StringWriter output)
    {
        var text = output.ToString().ReplaceLineEndings("\n");
        output.GetStringBuilder().Clear();
        return text;
    }
}
