using System.Text;
using System.Text.Json;
using CommsLinter.Content;
using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Pipeline;
using CommsLinter.Rules.Style;
using StreamJsonRpc;

namespace CommsLinter.LanguageServer;

/// <summary>
/// <c>commslint lsp</c>: the engine's live workspace behind an editor. The editor's unsaved texts are
/// checked a moment after typing stops; every file whose findings changed is sent (pushed, or pulled
/// after a refresh when the editor asks for them), so editing one locale's e-mail updates the parity
/// findings of the others. Changes are applied one at a time, in the order they came, by one worker;
/// requests that answer from findings wait for the changes before them. This file holds the protocol's
/// lifecycle, the document notifications and the requests; CommsLintLanguageServer.Changes.cs the
/// worker that takes changes in, and CommsLintLanguageServer.Diagnostics.cs the findings sent back.
/// </summary>
internal sealed partial class CommsLintLanguageServer
{
    /// <summary>How long typing must pause before the text is checked.</summary>
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(150);

    public const string OpenRuleCommand = "commslint.openRule";
    public const string AcceptWordCommand = "commslint.acceptWord";
    public const string FixAllKind = "source.fixAll.commslint";

    /// <summary>The specification's error for a request before <c>initialize</c>.</summary>
    private const int ServerNotInitialized = -32002;

    private readonly Func<string, string?> _pageOfHelpPath;

    /// <summary>One addition to a company word list at a time: each rewrites the whole file.</summary>
    private readonly Lock _acceptingWord = new();
    private readonly OpenDocuments _documents = new();
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private JsonRpc? _rpc;
    private List<ProjectFolder> _folders = [];
    private IReadOnlyList<string> _roots = [];
    private string? _styleGuides;
    private bool _pull;
    private bool _refreshSupport;
    private bool _shutdown;
    private volatile bool _initialized;

    /// <param name="pageOfHelpPath">The address of a rule's documentation page (docs/rules/…​.md), or null when there is none.</param>
    private CommsLintLanguageServer(Func<string, string?> pageOfHelpPath) => _pageOfHelpPath = pageOfHelpPath;

    /// <summary>Serves one editor over a pair of streams until it exits; the exit code the specification asks for (0 after shutdown).</summary>
    public static async Task<int> RunAsync(Stream input, Stream output, Func<string, string?> pageOfHelpPath, TextWriter log)
    {
        var server = new CommsLintLanguageServer(pageOfHelpPath);
        var formatter = new SystemTextJsonFormatter();
        formatter.JsonSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        formatter.JsonSerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
        using var rpc = new JsonRpc(new TolerantMessageHandler(output, input, formatter, log));
        server._rpc = rpc;
        rpc.AddLocalRpcTarget(server, new JsonRpcTargetOptions { UseSingleObjectParameterDeserialization = true });
        rpc.StartListening();
        var worker = Task.Run(server.WorkAsync);
        await Task.WhenAny(rpc.Completion, server._exited.Task).ConfigureAwait(false);
        server._work.Writer.TryComplete();
        await worker.ConfigureAwait(false);
        return server._shutdown ? 0 : 1;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    [JsonRpcMethod("initialize")]
    public object Initialize(JsonElement parameters)
    {
        var initialize = parameters.Deserialize<InitializeParams>(JsonOptions)!;
        var capabilities = initialize.Capabilities;
        _pull = capabilities is { } c && c.TryGetProperty("textDocument", out var text) && text.TryGetProperty("diagnostic", out _);
        _refreshSupport = capabilities is { } w && w.TryGetProperty("workspace", out var workspace)
            && workspace.TryGetProperty("diagnostics", out var diagnostics) && diagnostics.TryGetProperty("refreshSupport", out var refresh) && refresh.ValueKind == JsonValueKind.True;
        _styleGuides = StyleGuidesOf(initialize.InitializationOptions);
        _initialized = true;
        _roots = initialize.WorkspaceFolders is { Count: > 0 } folders ? [.. folders.Select(f => PathOf(f.Uri))]
            : initialize.RootUri is { } rootUri ? [PathOf(rootUri)]
            : initialize.RootPath is { } rootPath ? [Path.GetFullPath(rootPath)]
            : [Directory.GetCurrentDirectory()];
        return new
        {
            capabilities = new
            {
                positionEncoding = "utf-16",
                textDocumentSync = new { openClose = true, change = 2 },
                diagnosticProvider = new { identifier = Findings.Source, interFileDependencies = true, workspaceDiagnostics = true },
                codeActionProvider = new { codeActionKinds = new[] { "quickfix", FixAllKind } },
                hoverProvider = true,
                completionProvider = new { triggerCharacters = new[] { ".", "{", " ", ":" } },
                definitionProvider = true,
                executeCommandProvider = new { commands = new[] { OpenRuleCommand, AcceptWordCommand } },
                workspace = new { workspaceFolders = new { supported = true, changeNotifications = true } },
            },
            serverInfo = new { name = "commslint", version = typeof(CommsLintLanguageServer).Assembly.GetName().Version?.ToString(3) },
        };
    }

    [JsonRpcMethod("initialized")]
    public void Initialized() => Enqueue(new Reopen());

    [JsonRpcMethod("shutdown")]
    public object? Shutdown()
    {
        _shutdown = true;
        return null;
    }

    [JsonRpcMethod("exit")]
    public void Exit() => _exited.TrySetResult();

    [JsonRpcMethod("textDocument/didOpen")]
    public void DidOpen(DidOpenTextDocumentParams parameters)
    {
        var path = PathOf(parameters.TextDocument.Uri);
        _documents.Open(path, parameters.TextDocument.Text, parameters.TextDocument.Version);
        Enqueue(new Edited(path, NextGeneration(path)));
    }

    [JsonRpcMethod("textDocument/didChange")]
    public void DidChange(DidChangeTextDocumentParams parameters)
    {
        var path = PathOf(parameters.TextDocument.Uri);
        // A change to a document the editor never opened has no text to apply to.
        if (!_documents.IsOpen(path))
        {
            return;
        }

        _documents.Change(path, parameters.TextDocument.Version, parameters.ContentChanges);
        var generation = NextGeneration(path);
        _ = Task.Delay(Debounce).ContinueWith(_ => Enqueue(new Edited(path, generation)), TaskScheduler.Default);
    }

    [JsonRpcMethod("textDocument/didClose")]
    public void DidClose(DidCloseTextDocumentParams parameters)
    {
        var path = PathOf(parameters.TextDocument.Uri);
        _documents.Close(path);
        Enqueue(new Closed(path, NextGeneration(path)));
    }

    [JsonRpcMethod("workspace/didChangeWatchedFiles")]
    public void DidChangeWatchedFiles(DidChangeWatchedFilesParams parameters) =>
        Enqueue(new OnDisk([.. parameters.Changes.Select(c => PathOf(c.Uri)).Where(p => !_documents.IsOpen(p))]));

    [JsonRpcMethod("workspace/didChangeConfiguration")]
    public void DidChangeConfiguration(DidChangeConfigurationParams parameters)
    {
        // Settings that do not name the guides folder leave it as it is.
        if (!NamesStyleGuides(parameters.Settings))
        {
            return;
        }

        var styleGuides = StyleGuidesOf(parameters.Settings);
        if (styleGuides != _styleGuides)
        {
            _styleGuides = styleGuides;
            Enqueue(new Reopen());
        }
    }

    [JsonRpcMethod("workspace/didChangeWorkspaceFolders")]
    public void DidChangeWorkspaceFolders(DidChangeWorkspaceFoldersParams parameters)
    {
        var removed = parameters.Event.Removed.Select(f => PathOf(f.Uri)).ToHashSet(StringComparer.Ordinal);
        _roots = [.. _roots.Where(r => !removed.Contains(r)), .. parameters.Event.Added.Select(f => PathOf(f.Uri))];
        Enqueue(new Reopen());
    }

    [JsonRpcMethod("textDocument/codeAction")]
    public async Task<IReadOnlyList<CodeAction>> CodeActionAsync(CodeActionParams parameters)
    {
        var (path, folder) = await SettledFolderAsync(parameters.TextDocument.Uri).ConfigureAwait(false);
        if (folder is null)
        {
            return [];
        }

        return CodeActions.For(folder, path, parameters.TextDocument.Uri, _documents.TextOf(path), parameters.Range, parameters.Context.Only, f => ToDiagnostic(folder, f));
    }

    [JsonRpcMethod("textDocument/hover")]
    public async Task<Hover?> HoverAsync(TextDocumentPositionParams parameters)
    {
        var (path, folder) = await SettledFolderAsync(parameters.TextDocument.Uri).ConfigureAwait(false);
        if (folder is null)
        {
            return null;
        }

        var here = folder.Workspace.FindingsOf(folder.DisplayPathOf(path)).Where(f => Findings.Covers(f, parameters.Position)).ToList();
        var text = new StringBuilder();
        if (TextAt(path, parameters.Position) is var (source, offset) && Assistance.Hover(folder, path, source, offset) is { } assistance)
        {
            text.Append(assistance);
        }

        if (here.Count == 0)
        {
            return text.Length == 0 ? null : new Hover(new MarkupContent(text.ToString()), null);
        }

        foreach (var finding in here)
        {
            if (text.Length > 0)
            {
                text.Append("\n\n---\n\n");
            }

            text.Append($"**{finding.Severity.ToString().ToLowerInvariant()}** `{finding.RuleId}`: {finding.Message}");
            if (folder.RuleOf(finding.RuleId) is { } rule)
            {
                text.Append($"\n\n{rule.Describe()}");
                if (WhyOf(folder, rule) is { } why)
                {
                    text.Append($"\n\n*Why:* {why}");
                }

                text.Append($"\n\nDefined in `{rule.Header.DefinedIn}` line {rule.Header.DefinedAt.Start.Line}.");
            }

            if (PageOf(folder, finding.RuleId) is { } page)
            {
                text.Append($" [About {finding.RuleId}]({page})");
            }
        }

        return new Hover(new MarkupContent(text.ToString()), Findings.RangeOf(here[0].Location));
    }

    [JsonRpcMethod("textDocument/definition")]
    public async Task<LspLocation?> DefinitionAsync(TextDocumentPositionParams parameters)
    {
        var (path, folder) = await SettledFolderAsync(parameters.TextDocument.Uri).ConfigureAwait(false);
        if (folder is null)
        {
            return null;
        }

        if (Assistance.IsGuide(path) && TextAt(path, parameters.Position) is var (source, offset)
            && Assistance.Definition(folder, source, offset, _documents.TextOf, UriOf) is { } definition)
        {
            return definition;
        }

        return folder.Workspace.FindingsOf(folder.DisplayPathOf(path))
            .Where(f => Findings.Covers(f, parameters.Position))
            .Select(f => folder.RuleOf(f.RuleId))
            .OfType<StyleRule>()
            .Select(r => new LspLocation(UriOf(folder.FullPathOf(r.Header.DefinedIn)), Findings.RangeOf(r.Header.DefinedAt)))
            .FirstOrDefault();
    }

    [JsonRpcMethod("textDocument/completion")]
    public IReadOnlyList<CompletionItem> Completion(TextDocumentPositionParams parameters)
    {
        // Completion reads the editor's text and the last configuration: it never waits for a check, which a guide's
        // edit makes of the whole workspace.
        EnsureInitialized();

        var path = PathOf(parameters.TextDocument.Uri);
        return FolderOf(path) is { } folder && TextAt(path, parameters.Position) is var (text, offset)
            ? Assistance.Complete(folder, path, text, offset)
            : [];
    }

    [JsonRpcMethod("workspace/executeCommand")]
    public async Task<object?> ExecuteCommandAsync(ExecuteCommandParams parameters)
    {
        var arguments = parameters.Arguments ?? [];
        string Argument(int i) => i < arguments.Count && arguments[i].ValueKind == JsonValueKind.String ? arguments[i].GetString()! : string.Empty;
        if ((await SettledFolderAsync(Argument(0)).ConfigureAwait(false)).Folder is not { } folder)
        {
            return null;
        }

        switch (parameters.Name)
        {
            case OpenRuleCommand:
                await OpenRuleAsync(folder, Argument(1)).ConfigureAwait(false);
                break;
            case AcceptWordCommand:
                string dictionary;
                try
                {
                    lock (_acceptingWord)
                    {
                        dictionary = CodeActions.AcceptWord(folder, Argument(1), Argument(2));
                    }
                }
                catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IOException or UnauthorizedAccessException)
                {
                    await NotifyAsync("window/showMessage", new ShowMessageParams(1, $"CommsLinter could not add “{Argument(1)}”: {ex.Message}")).ConfigureAwait(false);
                    break;
                }

                Enqueue(new OnDisk([dictionary]));
                await SettledAsync().ConfigureAwait(false);
                await NotifyAsync("window/showMessage", new ShowMessageParams(3, $"Added “{Argument(1)}” to {folder.DisplayPathOf(dictionary)}.")).ConfigureAwait(false);
                break;
        }

        return null;
    }

    /// <summary><c>commslint/render</c>: the template as the customer receives it, with its own sample: HTML for an HTML e-mail, text otherwise.</summary>
    [JsonRpcMethod("commslint/render")]
    public async Task<RenderResult> RenderAsync(RenderParams parameters)
    {
        var (path, folder) = await SettledFolderAsync(parameters.Uri).ConfigureAwait(false);
        if (folder is null)
        {
            return new RenderResult(null, null, "This file is not in a folder of the workspace.");
        }

        var text = _documents.TextOf(path) ?? (File.Exists(path) ? await File.ReadAllTextAsync(path).ConfigureAwait(false) : null);
        if (text is null)
        {
            return new RenderResult(null, null, "The file does not exist.");
        }

        var configuration = folder.Workspace.Configuration;
        var loaded = new DocumentLoader().LoadText(text, folder.DisplayPathOf(path), DocumentKind.Template, Path.GetExtension(path));
        if (loaded.Document is not { } document)
        {
            return new RenderResult(null, null, loaded.Findings.Count > 0 ? loaded.Findings[0].Message : "The template cannot be read.");
        }

        var context = new CheckContext(configuration.Catalog, isWholeCorpus: false, configuration.Snippets, configuration.Rendering);
        var rendering = configuration.Rendering?.Result(document, context);
        var rendered = rendering?.Text ?? (configuration.Rendering?.Renderer ?? new Content.Rendering.TemplateRenderer(configuration.Snippets)).Render(document, null, out _);
        var error = rendering?.Failure?.Message;
        return document.Format == ContentFormat.Html
            ? new RenderResult(rendered.Body, null, error)
            : new RenderResult(null, string.Join("\n\n", new[] { rendered.Subject, rendered.Preheader, rendered.Body }.Where(s => !string.IsNullOrEmpty(s))), error);
    }

    /// <summary>The text of a file as the editor has it (else as on disk) and the offset of a position in it.</summary>
    private (string Text, int Offset)? TextAt(string path, Position position)
    {
        var text = _documents.TextOf(path) ?? (File.Exists(path) ? File.ReadAllText(path) : null);
        return text is null ? null : (text, OpenDocuments.OffsetOf(text, Text.LineIndex.Build(text), position));
    }

    private async Task NotifyAsync(string method, object parameters)
    {
        try
        {
            await _rpc!.NotifyWithParameterObjectAsync(method, parameters).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ConnectionLostException or ObjectDisposedException)
        {
            // The editor went away: there is no one left to tell.
        }
    }

    private ProjectFolder? FolderOf(string path) =>
        path.Length == 0 ? null : _folders.Where(f => f.Holds(path)).OrderByDescending(f => f.Root.Length).FirstOrDefault();

    /// <summary>The comment lines written just above a rule in its guide: why the rule exists, in the guide's own words.</summary>
    private string? WhyOf(ProjectFolder folder, StyleRule rule)
    {
        var guide = folder.FullPathOf(rule.Header.DefinedIn);
        var text = _documents.TextOf(guide) ?? (File.Exists(guide) ? File.ReadAllText(guide) : null);
        if (text is null)
        {
            return null;
        }

        var lines = text.Split('\n');
        var comment = new List<string>();
        for (var i = Math.Min(rule.Header.DefinedAt.Start.Line - 2, lines.Length - 1); i >= 0 && lines[i].TrimStart().StartsWith('#'); i--)
        {
            comment.Insert(0, lines[i].TrimStart().TrimStart('#').Trim());
        }

        return comment.Count == 0 ? null : string.Join(' ', comment);
    }

    private async Task OpenRuleAsync(ProjectFolder folder, string ruleId)
    {
        if (folder.RuleOf(ruleId) is { } rule)
        {
            await _rpc!.InvokeWithParameterObjectAsync<object?>("window/showDocument", new ShowDocumentParams(UriOf(folder.FullPathOf(rule.Header.DefinedIn)))
            {
                TakeFocus = true,
                Selection = Findings.RangeOf(rule.Header.DefinedAt),
            }).ConfigureAwait(false);
        }
        else if (PageOf(folder, ruleId) is { } page)
        {
            await _rpc!.InvokeWithParameterObjectAsync<object?>("window/showDocument", new ShowDocumentParams(page) { External = !page.StartsWith("file:", StringComparison.Ordinal) }).ConfigureAwait(false);
        }
    }

    private static bool NamesStyleGuides(JsonElement? settings) =>
        settings is { ValueKind: JsonValueKind.Object } root
        && (root.TryGetProperty("commslint", out var nested) && nested.ValueKind == JsonValueKind.Object ? nested : root).TryGetProperty("styleguides", out _);

    private static string? StyleGuidesOf(JsonElement? settings)
    {
        if (settings is not { ValueKind: JsonValueKind.Object } root)
        {
            return null;
        }

        var section = root.TryGetProperty("commslint", out var nested) && nested.ValueKind == JsonValueKind.Object ? nested : root;
        return section.TryGetProperty("styleguides", out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } folder ? folder : null;
    }

    /// <summary>The file a URI names (a plain path is taken as one), or an empty path, in no folder, for one that names no file.</summary>
    private static string PathOf(string? uri)
    {
        if (string.IsNullOrEmpty(uri) || uri.Contains('\0', StringComparison.Ordinal))
        {
            return string.Empty;
        }

        // An editor's other documents (untitled:, git:, fugitive://) are no file of the workspace.
        return Uri.TryCreate(uri, UriKind.Absolute, out var parsed) ? (parsed.IsFile ? Path.GetFullPath(parsed.LocalPath) : string.Empty) : Path.GetFullPath(uri);
    }

    /// <summary>A file URI with each segment of the path escaped, as editors write them ("par%20%28kopia%29").</summary>
    private static string UriOf(string path) => "file://" + string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
}
