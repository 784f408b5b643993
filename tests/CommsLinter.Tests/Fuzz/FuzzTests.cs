using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using CommsLinter.Content;
using CommsLinter.Content.Approvals;
using CommsLinter.Content.Catalog;
using CommsLinter.Content.Rendering;
using CommsLinter.Content.Samples;
using CommsLinter.Diagnostics;
using CommsLinter.Engine;
using CommsLinter.Engine.Baselines;
using CommsLinter.Engine.Caching;
using CommsLinter.Engine.Live;
using CommsLinter.Model;
using CommsLinter.Pipeline;
using CommsLinter.StyleGuides.Compilation;
using CommsLinter.Tests.Support;
using CommsLinter.Text;

namespace CommsLinter.Tests.Fuzz;

/// <summary>
/// Bounded, seeded fuzzing of everything a contributor can commit: templates of each format, snippets,
/// style guides, the catalog, samples, the ledger, the baseline and the cache. Each case mutates a real
/// file of the sample repository (<see cref="Mutator"/>) and asserts that no exception escapes, that no
/// check fails inside (internal.error), that every finding has a position inside its file, and that no
/// content file changes. The suite runs a few dozen cases per kind; <c>scripts/fuzz.sh</c> runs
/// thousands (COMMSLINT_FUZZ_CASES) and keeps every failing input.
/// </summary>
public sealed class FuzzTests
{
    private static readonly string Root = TestContent.RepositoryRoot();

    private static int Cases => int.TryParse(Environment.GetEnvironmentVariable("COMMSLINT_FUZZ_CASES"), out var cases) ? cases : 30;

    private static int FirstSeed => int.TryParse(Environment.GetEnvironmentVariable("COMMSLINT_FUZZ_SEED"), out var seed) ? seed : 1;

    [Theory]
    [InlineData(".html")]
    [InlineData(".md")]
    [InlineData(".txt")]
    [InlineData("snippet")]
    public void Broken_templates_and_snippets_are_findings_with_positions_and_change_no_file(string kind)
    {
        var seeds = kind == "snippet"
            ? Files(Path.Combine("content", "_partials"), "*.html")
            : Files("content", "*" + kind).Where(f => !f.Contains("_partials", StringComparison.Ordinal)).ToArray();
        var failures = new Failures(kind);
        var done = 0;
        while (done < Cases)
        {
            using var repository = Repository();
            var batch = Math.Min(200, Cases - done);
            var written = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < batch; i++)
            {
                var seed = FirstSeed + done + i;
                var text = new Mutator(seed).Mutate(File.ReadAllText(seeds[seed % seeds.Length]), seeds.Select(File.ReadAllText).ToList());
                var path = kind == "snippet" ? $"content/_partials/fuzz/case{seed}.html" : $"content/fuzz/case{seed}/template{kind}";
                repository.Write(path, text);
                written[path] = text;
            }

            var before = Hashes(repository.Path);
            try
            {
                var run = CheckRun.Start(["content"], new ConfigurationOptions(null, null, null), repository.Path, TextWriter.Null, new CheckOptions());
                Assert.NotNull(run);
                failures.AddRange(BadFindings(run.Result.Findings, path => written.GetValueOrDefault(path)));
            }
            catch (Exception ex)
            {
                failures.Add($"batch from seed {FirstSeed + done}: {Describe(ex)}", written);
            }

            if (!Hashes(repository.Path).SequenceEqual(before))
            {
                failures.Add($"batch from seed {FirstSeed + done}: a file changed on disk", written);
            }

            done += batch;
        }

        failures.AssertNone();
    }

    [Fact]
    public void Broken_texts_from_an_editor_never_break_a_live_workspace()
    {
        var seeds = Files("content", "*.html").Concat(Files("content", "*.txt")).ToArray();
        using var repository = Repository();
        var workspace = LiveWorkspace.Open(["content"], new ConfigurationOptions(null, null, null), repository.Path);
        var target = Path.Combine(repository.Path, "content", "purchase", "order-confirmation", "email.pl.html");
        var failures = new Failures("editor text");
        for (var i = 0; i < Cases; i++)
        {
            var seed = FirstSeed + i;
            var text = new Mutator(seed).Mutate(File.ReadAllText(seeds[seed % seeds.Length]), []);
            try
            {
                workspace.SetText(target, text);
                failures.AddRange(BadFindings(workspace.Findings, path => path == "content/purchase/order-confirmation/email.pl.html" ? text : null), text);
            }
            catch (Exception ex)
            {
                failures.Add($"seed {seed}: {Describe(ex)}", text);
            }
        }

        failures.AssertNone();
    }

    [Fact]
    public void Broken_style_guides_are_dsl_errors_with_positions_and_what_compiles_runs()
    {
        var seeds = Files("styleguides", "*.style");
        var catalog = CatalogReader.Load(Path.Combine(Root, "content", CatalogReader.FileName), "content/touchpoints.yml", out _);
        var loader = new DocumentLoader();
        var documents = Files("content", "*.html").Take(6).Concat(Files("content", "*.txt").Take(4))
            .Select(f => loader.Parse(new SourceText(Path.GetRelativePath(Root, f), File.ReadAllText(f)), DocumentKind.Template, Path.GetExtension(f)).Document!)
            .ToList();
        var failures = new Failures("style guide");
        for (var i = 0; i < Cases; i++)
        {
            var seed = FirstSeed + i;
            var text = new Mutator(seed).Mutate(File.ReadAllText(seeds[seed % seeds.Length]), seeds.Select(File.ReadAllText).ToList());
            try
            {
                var errors = new List<Finding>();
                var style = StyleCompiler.Compile([new SourceText("styleguides/fuzz.style", text)], catalog, errors);
                failures.AddRange(BadFindings(errors, path => path == "styleguides/fuzz.style" ? text : null), text);
                var context = new CheckContext(catalog, isWholeCorpus: false);
                var found = new List<Finding>();
                foreach (var document in documents)
                {
                    style.Checks.Check(document, context, found);
                }

                failures.AddRange(BadFindings(found, path => documents.FirstOrDefault(d => d.Path == path)?.Source.Text), text);
            }
            catch (Exception ex)
            {
                failures.Add($"seed {seed}: {Describe(ex)}", text);
            }
        }

        failures.AssertNone();
    }

    [Fact]
    public void Broken_catalogs_ledgers_samples_baselines_and_caches_are_reported_never_thrown()
    {
        var catalog = File.ReadAllText(Path.Combine(Root, "content", CatalogReader.FileName));
        var ledger = File.ReadAllText(Path.Combine(Root, ApprovalLedger.FileName));
        var samples = Files(Path.Combine("content", "samples"), "*.json");
        var baseline = Baseline.Serialize(
            [new Finding("tone.shouting", Severity.Warning, "Shouting.", "content/x/email.pl.html", new Location(new LinePosition(8, 4), new LinePosition(8, 9)))],
            _ => new SourceText("content/x/email.pl.html", string.Concat(Enumerable.Repeat("line\n", 7)) + "<p>SUPER offer</p>\n"), "fuzz");
        var template = new DocumentLoader().Load(File.ReadAllBytes(Path.Combine(Root, "content", "purchase", "order-confirmation", "email.pl.html")),
            "content/purchase/order-confirmation/email.pl.html", DocumentKind.Template, ".html").Document!;
        var cache = CacheBytes();
        using var folder = new TempFolder();
        var failures = new Failures("catalog, ledger, sample, baseline, cache");
        for (var i = 0; i < Cases; i++)
        {
            var seed = FirstSeed + i;
            var mutator = new Mutator(seed);
            var texts = (Catalog: mutator.Mutate(catalog, []), Ledger: mutator.Mutate(ledger, []), Sample: mutator.Mutate(File.ReadAllText(samples[seed % samples.Length]), []),
                Baseline: mutator.Mutate(baseline, []));
            try
            {
                CatalogReader.Parse(new SourceText("content/touchpoints.yml", texts.Catalog), out var catalogFindings);
                failures.AddRange(BadFindings(catalogFindings, path => path == "content/touchpoints.yml" ? texts.Catalog : null), texts.Catalog);

                var ledgerFindings = new List<Finding>();
                ApprovalLedger.Parse(new SourceText("approvals.yml", texts.Ledger), ledgerFindings);
                failures.AddRange(BadFindings(ledgerFindings, path => path == "approvals.yml" ? texts.Ledger : null), texts.Ledger);

                var samplePath = folder.Write($"samples/case{seed}.json", texts.Sample);
                var sample = SampleFile.Load(samplePath, "content/samples/order.json");
                failures.AddRange(BadFindings(sample.Problem is { } problem ? [problem] : [], path => path == "content/samples/order.json" ? texts.Sample : null), texts.Sample);
                new TemplateRenderer(null).Render(template, sample.Data, out _);

                var baselinePath = folder.Write($"baselines/case{seed}.json", texts.Baseline);
                Baseline.Load(baselinePath, "commslint-baseline.json", out var baselineProblem);
                failures.AddRange(BadFindings(baselineProblem is null ? [] : [baselineProblem], path => path == "commslint-baseline.json" ? texts.Baseline : null), texts.Baseline);

                CacheFormat.Read(mutator.Mutate(cache), out _);
            }
            catch (Exception ex)
            {
                failures.Add($"seed {seed}: {Describe(ex)}", texts.ToString());
            }
        }

        failures.AssertNone();
    }

    /// <summary>An escaped exception with the method of ours it escaped from, since the kept input alone does not say where.</summary>
    private static string Describe(Exception ex)
    {
        var ours = new StackTrace(ex).GetFrames().Select(f => f.GetMethod()).FirstOrDefault(m => m?.DeclaringType?.Namespace?.StartsWith("CommsLinter", StringComparison.Ordinal) == true);
        return $"{ex.GetType().Name} in {ours?.DeclaringType?.Name}.{ours?.Name}: {ex.Message}";
    }

    /// <summary>Findings without a position inside their file, and failures inside a check.</summary>
    private static IEnumerable<string> BadFindings(IEnumerable<Finding> findings, Func<string, string?> textOf)
    {
        foreach (var finding in findings)
        {
            var (start, end) = (finding.Location.Start, finding.Location.End);
            if (finding.RuleId == "internal.error")
            {
                yield return $"{finding.Path}: internal.error: {finding.Message}";
            }
            else if (start.Line < 1 || start.Column < 1 || end.CompareTo(start) < 0)
            {
                yield return $"{finding.Path}({start.Line},{start.Column})-({end.Line},{end.Column}): {finding.RuleId} has no position in the file";
            }
            else if (textOf(finding.Path) is { } text && end.Line > LineIndex.Build(text).LineCount + 1)
            {
                yield return $"{finding.Path}({start.Line},{start.Column})-({end.Line},{end.Column}): {finding.RuleId} is past the file's end";
            }
        }
    }

    /// <summary>A copy of the sample repository's catalog, style guides, samples and snippets, with no templates.</summary>
    private static TempFolder Repository()
    {
        var folder = new TempFolder();
        foreach (var file in Files("styleguides", "*").Concat(Files(Path.Combine("content", "samples"), "*")).Concat(Files(Path.Combine("content", "_partials"), "*")))
        {
            folder.Write(Path.GetRelativePath(Root, file), File.ReadAllText(file));
        }

        folder.Write("content/touchpoints.yml", File.ReadAllText(Path.Combine(Root, "content", CatalogReader.FileName)));
        return folder;
    }

    /// <summary>The bytes of a real cache file, written by checking a few templates with --cache.</summary>
    private static byte[] CacheBytes()
    {
        using var repository = Repository();
        foreach (var file in Files(Path.Combine("content", "purchase"), "*.html").Take(8))
        {
            repository.Write(Path.GetRelativePath(Root, file), File.ReadAllText(file));
        }

        CheckRun.Start(["content"], new ConfigurationOptions(null, null, null) { UseCache = true }, repository.Path, TextWriter.Null, new CheckOptions())!.Finish(TextWriter.Null);
        return File.ReadAllBytes(Path.Combine(repository.Path, CheckCache.FolderName, CheckCache.FileName));
    }

    private static string[] Files(string folder, string pattern) =>
        [.. Directory.EnumerateFiles(Path.Combine(Root, folder), pattern, SearchOption.AllDirectories).Where(f => !f.EndsWith("README.md", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    private static List<string> Hashes(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f => $"{f} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))}")];

    /// <summary>What went wrong, with each failing input kept on disk to reproduce it.</summary>
    private sealed class Failures(string kind)
    {
        /// <summary>Mutated texts may hold lone surrogates, which the default UTF-8 writer refuses; the seed in the message reproduces such an input exactly.</summary>
        private static readonly UTF8Encoding KeptEncoding = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

        private readonly List<string> _messages = [];
        private readonly string _kept = Path.Combine(Path.GetTempPath(), "commslint-fuzz-failures", kind.Replace(' ', '-').Replace(',', '_'));

        public void Add(string message, string input) => Add(message, new Dictionary<string, string> { ["input"] = input });

        public void Add(string message, IReadOnlyDictionary<string, string> inputs)
        {
            var folder = Path.Combine(_kept, _messages.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var (name, text) in inputs)
            {
                var file = Path.Combine(folder, name.Replace('/', '_'));
                Directory.CreateDirectory(folder);
                File.WriteAllText(file, text, KeptEncoding);
            }

            _messages.Add($"{message} (kept in {folder})");
        }

        public void AddRange(IEnumerable<string> messages, string input)
        {
            foreach (var message in messages)
            {
                Add(message, input);
            }
        }

        public void AddRange(IEnumerable<string> messages)
        {
            foreach (var message in messages)
            {
                _messages.Add(message);
            }
        }

        public void AssertNone()
        {
            Trace.WriteLine($"fuzz {kind}: {Cases} cases, {_messages.Count} failures");
            Assert.True(_messages.Count == 0, $"{_messages.Count} failures of {kind}:\n{string.Join('\n', _messages.Take(15))}");
        }
    }
}
