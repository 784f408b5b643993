using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using CommsLinter.Tests.Support;
using StreamJsonRpc;

namespace CommsLinter.Tests;

/// <summary>
/// <c>commslint lsp</c> as an editor drives it: the real tool started as a process, spoken to over
/// standard input and output with a JSON-RPC client, through scripted sessions.
/// </summary>
public sealed class LanguageServerTests
{
    private const string Pl = "content/order/email.pl.html";
    private const string Ru = "content/order/email.ru.html";
    private const string Guide = "styleguides/tone.style";

    private const string GuideText = """
        styleguide "Tone"
        # Our name is a proper name in every language.
        rule brand.name error "Write “{expected}”, not “{match}”." {
          capitalization "Okna Nowak"
        }
        rule tone.super warning "No “{match}”." {
          forbid "super"
        }

        """;

    [Fact]
    public async Task A_session_sees_a_finding_as_typed_fixes_it_and_sees_the_other_locale_and_the_guide_react()
    {
        using var folder = Repository();
        File.WriteAllText(Path.Combine(folder.Path, Ru), File.ReadAllText(Path.Combine(folder.Path, Ru)).Replace("14 дней", "30 дней", StringComparison.Ordinal));
        await using var server = await Server.StartAsync(folder.Path, pull: false);
        var pl = server.UriOf(Pl);
        var ru = server.UriOf(Ru);

        // Every file's findings arrive when the workspace opens, whether the editor shows it or not; a finding that
        // compares with another template links to it.
        var initial = await server.DiagnosticsAsync(ru, d => d.Any(x => x.Code == "parity.numbers"));
        var related = initial.Single(x => x.Code == "parity.numbers").Related;
        Assert.NotEmpty(related);
        Assert.All(related, r => Assert.Contains(r, new[] { pl, server.UriOf("content/order/email.it.html") }));

        var text = File.ReadAllText(Path.Combine(folder.Path, Pl));
        await server.OpenAsync(pl, text.Replace("Dziękujemy.", "Dziękujemy, okna nowak.", StringComparison.Ordinal));
        var diagnostics = await server.DiagnosticsAsync(pl, d => d.Any(x => x.Code == "brand.name"));
        var brand = diagnostics.Single(d => d.Code == "brand.name");
        Assert.Equal("Write “Okna Nowak”, not “okna nowak”.", brand.Message);
        Assert.Equal((7, 15, 7, 25), brand.Range);
        Assert.Equal(1, brand.Severity);
        Assert.StartsWith("file://", brand.Page, StringComparison.Ordinal);
        Assert.EndsWith("docs/rules/style/capitalization.md", brand.Page, StringComparison.Ordinal);

        // The quick fix is the finding's fix, applied by the editor as the edit it returns.
        var actions = await server.CodeActionsAsync(pl, brand.Range);
        var fix = actions.First(a => a.GetProperty("title").GetString() == "Write “Okna Nowak”");
        Assert.True(fix.GetProperty("isPreferred").GetBoolean());
        var edit = fix.GetProperty("edit").GetProperty("changes").GetProperty(pl)[0];
        Assert.Equal("Okna Nowak", edit.GetProperty("newText").GetString());
        Assert.Contains(actions, a => a.GetProperty("title").GetString() == "Suppress brand.name on this line");
        Assert.Contains(actions, a => a.GetProperty("kind").GetString() == "source.fixAll.commslint");
        await server.ChangeAsync(pl, 2, Server.RangeOf(edit.GetProperty("range")), "Okna Nowak");
        await server.DiagnosticsAsync(pl, d => d.All(x => x.Code != "brand.name"));

        // The Polish e-mail is the source locale: once it says 30 days too, the Russian one agrees with it, and its finding goes.
        var edited = text.Replace("Dziękujemy.", "Dziękujemy, Okna Nowak.", StringComparison.Ordinal).Split('\n');
        var line = Array.FindIndex(edited, l => l.Contains("14 dni", StringComparison.Ordinal));
        var column = edited[line].IndexOf("14", StringComparison.Ordinal);
        await server.ChangeAsync(pl, 3, (line, column, line, column + 2), "30");
        await server.DiagnosticsAsync(ru, d => d.All(x => x.Code != "parity.numbers"));

        // Hover names the rule and the guide's own reason; definition goes to the rule in its guide.
        await server.ChangeAsync(pl, 4, (line, column, line, column + 2), "14");
        await server.ChangeAsync(pl, 5, (line, 0, line, 0), "super ");
        var super = (await server.DiagnosticsAsync(pl, d => d.Any(x => x.Code == "tone.super"))).Single(d => d.Code == "tone.super");
        var hover = await server.RequestAsync("textDocument/hover", new { textDocument = new { uri = pl }, position = new { line = super.Range.StartLine, character = super.Range.StartColumn } });
        Assert.Contains("`tone.super`: No “super”.", hover.GetProperty("contents").GetProperty("value").GetString(), StringComparison.Ordinal);
        var brandHover = await server.RequestAsync("textDocument/definition", new { textDocument = new { uri = pl }, position = new { line = super.Range.StartLine, character = super.Range.StartColumn } });
        Assert.Equal(server.UriOf(Guide), brandHover.GetProperty("uri").GetString());
        Assert.Equal(5, brandHover.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());

        // A broken guide shows its error where it is, as it is typed; the templates keep the last good rules meanwhile.
        var guide = server.UriOf(Guide);
        await server.OpenAsync(guide, GuideText.Replace("forbid \"super\"", "forbidd \"super\"", StringComparison.Ordinal), languageId: "commslint-style");
        var dsl = (await server.DiagnosticsAsync(guide, d => d.Any(x => x.Code == "DSL007"))).Single(d => d.Code == "DSL007");
        Assert.Equal(6, dsl.Range.StartLine);
        Assert.Contains(server.Latest(pl), d => d.Code == "tone.super");
        Assert.DoesNotContain(await server.CodeActionsAsync(guide, dsl.Range), a => a.GetProperty("title").GetString()!.StartsWith("Suppress", StringComparison.Ordinal));

        Assert.Equal(0, await server.ShutdownAsync());
    }

    [Fact]
    public async Task An_editor_that_pulls_gets_the_findings_of_the_text_it_holds_and_nothing_pushed()
    {
        using var folder = Repository();
        await using var server = await Server.StartAsync(folder.Path, pull: true);
        var pl = server.UriOf(Pl);
        await server.OpenAsync(pl, File.ReadAllText(Path.Combine(folder.Path, Pl)).Replace("Dziękujemy.", "Dziękujemy, super.", StringComparison.Ordinal));

        var report = await server.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri = pl } });
        Assert.Equal("full", report.GetProperty("kind").GetString());
        Assert.Equal(["tone.super"], report.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("code").GetString()));

        var workspace = await server.RequestAsync("workspace/diagnostic", new { previousResultIds = Array.Empty<object>() });
        var reports = workspace.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(reports, r => r.GetProperty("uri").GetString() == pl);
        Assert.Empty(server.Pushed);

        // An editor that has the latest findings is answered when they next change, not at once and again in a loop.
        var previous = reports.Select(r => new { uri = r.GetProperty("uri").GetString(), value = r.GetProperty("resultId").GetString() }).ToArray();
        var waiting = server.RequestAsync("workspace/diagnostic", new { previousResultIds = previous });
        await Task.Delay(500);
        Assert.False(waiting.IsCompleted);
        var refreshes = server.Refreshes;
        await server.ChangeAsync(pl, 2, (7, 0, 7, 0), "okna nowak ");
        var next = (await waiting).GetProperty("items").EnumerateArray().ToList();
        var changed = Assert.Single(next, r => r.GetProperty("kind").GetString() == "full");
        Assert.Equal(pl, changed.GetProperty("uri").GetString());
        Assert.Contains(changed.GetProperty("items").EnumerateArray(), d => d.GetProperty("code").GetString() == "brand.name");
        Assert.All(next.Where(r => r.GetProperty("uri").GetString() != pl), r => Assert.Equal("unchanged", r.GetProperty("kind").GetString()));
        Assert.True(server.Refreshes > refreshes);
        Assert.Equal(0, await server.ShutdownAsync());
    }

    [Fact]
    public async Task Rendering_a_template_gives_it_as_the_customer_receives_it()
    {
        using var folder = Repository();
        folder.Write("content/order/sms.pl.txt", "---\ntouchpoint: order-confirmation\nchannel: sms\nlocale: pl\n---\nZamówienie {{ order.number }} przyjęte.\n");
        await using var server = await Server.StartAsync(folder.Path, pull: false);
        var rendered = await server.RequestAsync("commslint/render", new { uri = server.UriOf("content/order/sms.pl.txt") });
        Assert.Equal("Zamówienie A-1 przyjęte.", rendered.GetProperty("text").GetString()!.Trim());
        Assert.Equal(0, await server.ShutdownAsync());
    }

    [Fact]
    public async Task A_word_added_to_the_company_dictionary_is_no_longer_a_typo_anywhere()
    {
        using var folder = Repository();
        folder.Write("styleguides/spelling.style", "styleguide \"Spelling\"\nrule spelling error \"“{match}” is not in the {language} dictionary.\" {\n  spelling\n}\n");
        await using var server = await Server.StartAsync(folder.Path, pull: false);
        var pl = server.UriOf(Pl);
        await server.OpenAsync(pl, File.ReadAllText(Path.Combine(folder.Path, Pl)).Replace("Dziękujemy.", "Dziękujemy za ekoszybę.", StringComparison.Ordinal));
        var typo = (await server.DiagnosticsAsync(pl, d => d.Any(x => x.Code == "spelling"))).Single(d => d.Code == "spelling");
        Assert.Equal("“ekoszybę” is not in the Polish dictionary.", typo.Message);

        var accept = (await server.CodeActionsAsync(pl, typo.Range)).Single(a => a.GetProperty("title").GetString() == "Add “ekoszybę” to the company's Polish dictionary");
        var command = accept.GetProperty("command");
        await server.RequestAsync("workspace/executeCommand", new { command = command.GetProperty("command").GetString(), arguments = command.GetProperty("arguments") });

        // In the encoding the Polish .aff names (ISO-8859-2, where ę is 0xEA), as Hunspell reads every .dic of a dictionary.
        Assert.Equal([.. "1\nekoszyb"u8, 0xEA, (byte)'\n'], File.ReadAllBytes(Path.Combine(folder.Path, "styleguides", "dictionaries", "pl_PL.company.dic")));
        await server.DiagnosticsAsync(pl, d => d.All(x => x.Code != "spelling"));
        Assert.Equal(0, await server.ShutdownAsync());
    }

    [Fact]
    public async Task Each_workspace_folder_is_checked_on_its_own_and_a_new_guides_folder_takes_effect_without_a_restart()
    {
        using var first = Repository();
        using var second = Repository();
        File.WriteAllText(Path.Combine(second.Path, Pl), File.ReadAllText(Path.Combine(second.Path, Pl)).Replace("Dziękujemy.", "Dziękujemy, super.", StringComparison.Ordinal));
        second.Write("strict/tone.style", "styleguide \"Strict\"\nrule tone.thanks warning \"No “{match}”.\" {\n  forbid \"Dziękujemy\"\n}\n");
        await using var server = await Server.StartAsync(first.Path, pull: false, initialize: false);
        await server.InitializeAsync(new[] { first.Path, second.Path }.Select(p => new { uri = new Uri(p).AbsoluteUri, name = Path.GetFileName(p) }).ToArray());

        second.Write("styleguides/broken.style", "styleguide \"Broken\"\nrule x warning \"m\" {\n  forbidd \"x\"\n}\n");
        var secondPl = new Uri(Path.Combine(second.Path, Pl)).AbsoluteUri;
        var broken = new Uri(Path.Combine(second.Path, "styleguides/broken.style")).AbsoluteUri;
        await server.DiagnosticsAsync(secondPl, d => d.Any(x => x.Code == "tone.super"));
        await server.DiagnosticsAsync(broken, d => d.Any(x => x.Code == "DSL007"));
        Assert.Empty(server.Latest(server.UriOf(Pl)));

        await server.NotifyAsync("workspace/didChangeConfiguration", new { settings = new { commslint = new { styleguides = "strict" } } });
        var strict = await server.DiagnosticsAsync(secondPl, d => d.Any(x => x.Code == "tone.thanks") && d.All(x => x.Code != "tone.super"));
        // The guides no longer read are no longer reported: their findings are cleared, not left behind.
        await server.DiagnosticsAsync(broken, d => d.Count == 0);
        Assert.All(strict.Where(d => d.Code == "tone.thanks"), d => Assert.Equal("No “Dziękujemy”.", d.Message));
        Assert.Equal(0, await server.ShutdownAsync());
    }

    [Fact]
    public async Task Completion_hover_and_definition_help_write_templates_and_guides()
    {
        using var folder = Repository();
        folder.Write("styleguides/brand.style", "styleguide \"Brand\" extends \"Tone\"\nfacts {\n  hotline = phone \"+48 22 307 41 00\"\n}\n" +
            "rule facts.hotline error \"The hotline is {fact}.\" {\n  consistent phone with hotline\n}\n");
        await using var server = await Server.StartAsync(folder.Path, pull: true);
        var pl = server.UriOf(Pl);
        var text = File.ReadAllText(Path.Combine(folder.Path, Pl)).Replace("Dziękujemy.", "Dziękujemy, {{ customer.first_name }}.", StringComparison.Ordinal);
        await server.OpenAsync(pl, text);
        var lines = text.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains("first_name", StringComparison.Ordinal));

        static object At(int line, int character) => new { line, character };
        var hover = await server.RequestAsync("textDocument/hover", new { textDocument = new { uri = pl }, position = At(line, lines[line].IndexOf("first_name", StringComparison.Ordinal)) });
        Assert.StartsWith("`customer.first_name` is `\"Anna\"` in the sample samples/order.json.", hover.GetProperty("contents").GetProperty("value").GetString(), StringComparison.Ordinal);

        // Typing a new placeholder: the sample's variables are offered before it is closed.
        var typed = lines[line].IndexOf("}}.", StringComparison.Ordinal) + 3;
        await server.ChangeAsync(pl, 2, (line, typed, line, typed), " Numer {{ cu");
        var variables = await server.RequestAsync("textDocument/completion", new { textDocument = new { uri = pl }, position = At(line, typed + " Numer {{ cu".Length) });
        Assert.Equal(["customer", "order"], variables.EnumerateArray().Select(i => i.GetProperty("label").GetString()).Order());
        var channel = Array.FindIndex(lines, l => l.StartsWith("channel:", StringComparison.Ordinal));
        var channels = await server.RequestAsync("textDocument/completion", new { textDocument = new { uri = pl }, position = At(channel, lines[channel].Length) });
        Assert.Equal(["email", "sms"], channels.EnumerateArray().Select(i => i.GetProperty("label").GetString()).Order());

        var guide = server.UriOf("styleguides/brand.style");
        var words = (await server.RequestAsync("textDocument/completion", new { textDocument = new { uri = guide }, position = At(5, 2) })).EnumerateArray().Select(i => i.GetProperty("label").GetString()).ToList();
        Assert.Contains("forbid", words);
        Assert.Contains("subject", words);
        Assert.Contains("hotline", words);
        Assert.Contains("order-confirmation", words);
        var extends = await server.RequestAsync("textDocument/definition", new { textDocument = new { uri = guide }, position = At(0, 30) });
        Assert.Equal(server.UriOf(Guide), extends.GetProperty("uri").GetString());
        var fact = await server.RequestAsync("textDocument/definition", new { textDocument = new { uri = guide }, position = At(5, 26) });
        Assert.Equal(2, fact.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
        var rule = await server.RequestAsync("textDocument/hover", new { textDocument = new { uri = guide }, position = At(4, 8) });
        Assert.Contains("**facts.hotline** (error)", rule.GetProperty("contents").GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await server.ShutdownAsync());
    }

    [Fact]
    public async Task Bad_input_gets_an_error_or_nothing_and_the_server_keeps_serving()
    {
        using var folder = Repository();
        await using var server = await Server.StartAsync(folder.Path, pull: false, initialize: false);
        var pl = server.UriOf(Pl);

        var early = await Assert.ThrowsAsync<RemoteInvocationException>(() => server.RequestAsync("textDocument/hover", new { textDocument = new { uri = pl }, position = new { line = 0, character = 0 } }));
        Assert.Equal(-32002, early.ErrorCode);
        await server.InitializeAsync();

        await Assert.ThrowsAsync<RemoteMethodNotFoundException>(() => server.RequestAsync("textDocument/noSuchThing", new { }));
        await server.RawAsync("{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":");
        await server.ChangeAsync(server.UriOf("content/order/never-opened.pl.html"), 2, (0, 0, 0, 0), "x");
        await server.OpenAsync("file:///elsewhere/outside.pl.html", "<p>okna nowak</p>");
        Assert.Equal(JsonValueKind.Null, (await server.RequestAsync("textDocument/hover", new { textDocument = new { uri = "file:///elsewhere/outside.pl.html" }, position = new { line = 0, character = 5 } })).ValueKind);

        // A file deleted while open keeps its editor text; a huge paste is checked like any text.
        await server.OpenAsync(pl, File.ReadAllText(Path.Combine(folder.Path, Pl)).Replace("Dziękujemy.", "Dziękujemy, super.", StringComparison.Ordinal));
        File.Delete(Path.Combine(folder.Path, Pl));
        await server.NotifyAsync("workspace/didChangeWatchedFiles", new { changes = new[] { new { uri = pl, type = 3 } } });
        await server.ChangeAsync(pl, 2, (7, 0, 7, 0), string.Concat(Enumerable.Repeat("<p>Tekst bez błędów, tylko długi.</p>\n", 50_000)));
        var report = await server.PullAsync(pl);
        Assert.Contains("tone.super", report);

        // Messages in any order with wrong, missing or odd parameters: each answered or dropped, none fatal.
        var random = new Random(7);
        string[] methods = ["textDocument/didOpen", "textDocument/didChange", "textDocument/didClose", "textDocument/hover", "textDocument/definition",
            "textDocument/codeAction", "textDocument/diagnostic", "workspace/didChangeWatchedFiles", "workspace/didChangeConfiguration", "workspace/executeCommand", "commslint/render"];
        object?[] values = [null, 0, -1, int.MaxValue, "", "file:///", pl, "x:y", new { }, new[] { 1, 2 }, new { uri = pl }, new { line = -5, character = 9_999_999 }, "\u0000"];
        for (var i = 0; i < 300; i++)
        {
            var parameters = new Dictionary<string, object?>();
            foreach (var key in new[] { "textDocument", "position", "range", "contentChanges", "context", "changes", "settings", "command", "arguments", "uri" }.Where(_ => random.Next(3) == 0))
            {
                parameters[key] = values[random.Next(values.Length)];
            }

            var method = methods[random.Next(methods.Length)];
            try
            {
                await (method.Contains("/did", StringComparison.Ordinal) ? server.NotifyAsync(method, parameters) : server.RequestAsync(method, parameters));
            }
            catch (RemoteInvocationException)
            {
                // An error answer is an answer.
            }
        }

        Assert.Contains("tone.super", await server.PullAsync(pl));
        Assert.Equal(0, await server.ShutdownAsync());
    }

    [Fact]
    public async Task A_header_that_cannot_be_read_ends_the_server_instead_of_leaving_it_waiting()
    {
        using var folder = Repository();
        await using var server = await Server.StartAsync(folder.Path, pull: false);
        await server.RawBytesAsync("Content-Length: abc\r\n\r\n{}");
        Assert.Equal(1, await server.ExitCodeAsync());
    }

    [Fact]
    public async Task A_pull_names_files_as_the_editor_spells_their_uris()
    {
        using var outer = Repository();
        var root = Path.Combine(outer.Path, "par (kopia)");
        foreach (var file in Directory.EnumerateFiles(outer.Path, "*", SearchOption.AllDirectories).ToList())
        {
            var target = Path.Combine(root, Path.GetRelativePath(outer.Path, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(file, target);
        }

        File.WriteAllText(Path.Combine(root, Pl), File.ReadAllText(Path.Combine(root, Pl)).Replace("Dziękujemy.", "Dziękujemy, super.", StringComparison.Ordinal));
        await using var server = await Server.StartAsync(root, pull: true);
        var first = (await server.RequestAsync("workspace/diagnostic", new { previousResultIds = Array.Empty<object>() })).GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(first, r => r.GetProperty("uri").GetString()!.EndsWith("par%20%28kopia%29/content/order/email.pl.html", StringComparison.Ordinal));

        // VS Code writes "(" as "%28", the server may write it as "(": either names the same file, so nothing has changed.
        var previous = first.Select(r => new { uri = r.GetProperty("uri").GetString()!.Replace("%28", "(", StringComparison.Ordinal).Replace("%29", ")", StringComparison.Ordinal), value = r.GetProperty("resultId").GetString() }).ToArray();
        var waiting = server.RequestAsync("workspace/diagnostic", new { previousResultIds = previous });
        await Task.Delay(500);
        Assert.False(waiting.IsCompleted);
        Assert.Equal(0, await server.ShutdownAsync());
    }

    /// <summary>A catalog with one touchpoint in three locales, Polish the source, a guide with a fix and a sample.</summary>
    private static TempFolder Repository()
    {
        var folder = new TempFolder();
        folder.Write("content/touchpoints.yml", TestCatalog.Build(locales: "pl, ru, it, en", rootExtra: "source-locale: pl", touchpointExtra: "    locales: [pl, ru, it]\n    sample: samples/order.json"));
        folder.Write("content/samples/order.json", "{ \"customer\": { \"first_name\": \"Anna\" }, \"order\": { \"number\": \"A-1\" } }");
        folder.Write(Guide, GuideText);
        folder.Write(Pl, TestCatalog.FrontMatter("email", "pl", "subject: Zamówienie\npreheader: Dziękujemy\n") + "<p>Dziękujemy. Zwrot w ciągu 14 dni.</p>\n");
        folder.Write(Ru, TestCatalog.FrontMatter("email", "ru", "subject: Заказ\npreheader: Спасибо\n") + "<p>Спасибо. Возврат в течение 14 дней.</p>\n");
        folder.Write("content/order/email.it.html", TestCatalog.FrontMatter("email", "it", "subject: Ordine\npreheader: Grazie\n") + "<p>Grazie. Reso entro 14 giorni.</p>\n");
        return folder;
    }

    internal sealed record Seen(string Code, string Message, int Severity, (int StartLine, int StartColumn, int EndLine, int EndColumn) Range, string? Page, string[] Related);

    /// <summary>The tool's language server in a process of its own, and the editor's side of the conversation.</summary>
    private sealed class Server : IAsyncDisposable
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
        private readonly Process _process;
        private readonly JsonRpc _rpc;
        private readonly string _root;
        private readonly Client _client = new();

        private Server(Process process, JsonRpc rpc, string root)
        {
            _process = process;
            _rpc = rpc;
            _root = root;
        }

        public IReadOnlyCollection<string> Pushed => _client.Pushed.Keys.ToList();

        public int Refreshes => _client.Refreshes;

        private object? _capabilities;

        public static async Task<Server> StartAsync(string root, bool pull, bool initialize = true)
        {
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "commslint.dll"));
            start.ArgumentList.Add("lsp");
            var process = Process.Start(start)!;
            process.ErrorDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            var formatter = new SystemTextJsonFormatter();
            formatter.JsonSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            var rpc = new JsonRpc(new HeaderDelimitedMessageHandler(process.StandardInput.BaseStream, process.StandardOutput.BaseStream, formatter));
            var server = new Server(process, rpc, root);
            rpc.AddLocalRpcTarget(server._client, new JsonRpcTargetOptions { UseSingleObjectParameterDeserialization = true });
            rpc.StartListening();
            server._capabilities = pull
                ? new { textDocument = new { diagnostic = new { dynamicRegistration = false } }, workspace = new { diagnostics = new { refreshSupport = true } } }
                : new { textDocument = new { publishDiagnostics = new { relatedInformation = true } } };
            if (initialize)
            {
                await server.InitializeAsync();
            }

            return server;
        }

        public async Task InitializeAsync(object[]? workspaceFolders = null)
        {
            await _rpc.InvokeWithParameterObjectAsync<JsonElement>("initialize", new { processId = Environment.ProcessId, rootUri = new Uri(_root).AbsoluteUri, workspaceFolders, capabilities = _capabilities });
            await _rpc.NotifyWithParameterObjectAsync("initialized", new { });
        }

        public Task NotifyAsync(string method, object parameters) => _rpc.NotifyWithParameterObjectAsync(method, parameters);

        /// <summary>Writes bytes to the server as they are, framed as a message: for what no JSON-RPC client would send.</summary>
        public async Task RawAsync(string body)
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(body);
            var header = System.Text.Encoding.ASCII.GetBytes($"Content-Length: {bytes.Length}\r\n\r\n");
            await _process.StandardInput.BaseStream.WriteAsync(header);
            await _process.StandardInput.BaseStream.WriteAsync(bytes);
            await _process.StandardInput.BaseStream.FlushAsync();
        }

        public async Task RawBytesAsync(string bytes)
        {
            await _process.StandardInput.BaseStream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(bytes));
            await _process.StandardInput.BaseStream.FlushAsync();
        }

        public async Task<int> ExitCodeAsync()
        {
            await _process.WaitForExitAsync().WaitAsync(Patience);
            return _process.ExitCode;
        }

        /// <summary>The codes of the findings a pull returns for <paramref name="uri"/>.</summary>
        public async Task<string[]> PullAsync(string uri) =>
            [.. (await RequestAsync("textDocument/diagnostic", new { textDocument = new { uri } })).GetProperty("items").EnumerateArray().Select(d => d.GetProperty("code").GetString()!)];

        public string UriOf(string relative) => new Uri(Path.Combine(_root, relative)).AbsoluteUri;

        public static (int, int, int, int) RangeOf(JsonElement range) =>
            (range.GetProperty("start").GetProperty("line").GetInt32(), range.GetProperty("start").GetProperty("character").GetInt32(),
             range.GetProperty("end").GetProperty("line").GetInt32(), range.GetProperty("end").GetProperty("character").GetInt32());

        public Task OpenAsync(string uri, string text, string languageId = "html") =>
            _rpc.NotifyWithParameterObjectAsync("textDocument/didOpen", new { textDocument = new { uri, languageId, version = 1, text } });

        public Task ChangeAsync(string uri, int version, (int StartLine, int StartColumn, int EndLine, int EndColumn) range, string text) =>
            _rpc.NotifyWithParameterObjectAsync("textDocument/didChange", new
            {
                textDocument = new { uri, version },
                contentChanges = new[] { new { range = new { start = new { line = range.StartLine, character = range.StartColumn }, end = new { line = range.EndLine, character = range.EndColumn } }, text } },
            });

        public async Task<JsonElement> RequestAsync(string method, object parameters) =>
            await _rpc.InvokeWithParameterObjectAsync<JsonElement>(method, parameters).WaitAsync(Patience);

        public async Task<List<JsonElement>> CodeActionsAsync(string uri, (int StartLine, int StartColumn, int EndLine, int EndColumn) range) =>
            [.. (await RequestAsync("textDocument/codeAction", new
            {
                textDocument = new { uri },
                range = new { start = new { line = range.StartLine, character = range.StartColumn }, end = new { line = range.EndLine, character = range.EndColumn } },
                context = new { diagnostics = Array.Empty<object>() },
            })).EnumerateArray()];

        public IReadOnlyList<Seen> Latest(string uri) => _client.Pushed.TryGetValue(uri, out var seen) ? seen : [];

        /// <summary>Waits for the diagnostics published for <paramref name="uri"/> to satisfy <paramref name="until"/>.</summary>
        public async Task<IReadOnlyList<Seen>> DiagnosticsAsync(string uri, Func<IReadOnlyList<Seen>, bool> until)
        {
            var deadline = DateTime.UtcNow + Patience;
            while (DateTime.UtcNow < deadline)
            {
                if (_client.Pushed.TryGetValue(uri, out var seen) && until(seen))
                {
                    return seen;
                }

                await Task.Delay(20);
            }

            throw new TimeoutException($"No diagnostics for {uri} as expected; last: " +
                string.Join(" | ", _client.Pushed.SelectMany(p => p.Value.Select(d => $"{Path.GetFileName(p.Key)} {d.Code} {d.Message}"))) + " " + string.Join(" | ", _client.Messages));
        }

        public async Task<int> ShutdownAsync()
        {
            await _rpc.InvokeWithParameterObjectAsync<JsonElement>("shutdown", new { }).WaitAsync(Patience);
            await _rpc.NotifyWithParameterObjectAsync("exit", new { });
            await _process.WaitForExitAsync().WaitAsync(Patience);
            return _process.ExitCode;
        }

        public async ValueTask DisposeAsync()
        {
            _rpc.Dispose();
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }
    }

    /// <summary>The editor's side: what the server sends it.</summary>
    private sealed class Client
    {
        public ConcurrentDictionary<string, IReadOnlyList<Seen>> Pushed { get; } = new(StringComparer.Ordinal);

        [JsonRpcMethod("textDocument/publishDiagnostics")]
        public void PublishDiagnostics(JsonElement parameters) =>
            Pushed[parameters.GetProperty("uri").GetString()!] = [.. parameters.GetProperty("diagnostics").EnumerateArray().Select(d => new Seen(
                d.GetProperty("code").GetString()!,
                d.GetProperty("message").GetString()!,
                d.GetProperty("severity").GetInt32(),
                Server.RangeOf(d.GetProperty("range")),
                d.TryGetProperty("codeDescription", out var description) ? description.GetProperty("href").GetString() : null,
                d.TryGetProperty("relatedInformation", out var related) ? [.. related.EnumerateArray().Select(r => r.GetProperty("location").GetProperty("uri").GetString()!)] : []))];

        public ConcurrentQueue<string> Messages { get; } = new();

        public int Refreshes => _refreshes;

        private int _refreshes;

        [JsonRpcMethod("workspace/diagnostic/refresh")]
        public object? Refresh()
        {
            Interlocked.Increment(ref _refreshes);
            return null;
        }

        [JsonRpcMethod("window/showDocument")]
        public object ShowDocument(JsonElement parameters)
        {
            Messages.Enqueue($"show {parameters.GetProperty("uri").GetString()}");
            return new { success = true };
        }

        [JsonRpcMethod("window/logMessage")]
        public void LogMessage(JsonElement parameters) => Messages.Enqueue($"log {parameters.GetProperty("message").GetString()}");

        [JsonRpcMethod("window/showMessage")]
        public void ShowMessage(JsonElement parameters) => Messages.Enqueue($"message {parameters.GetProperty("message").GetString()}");
    }
}
