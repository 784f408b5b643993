using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommsLinter.LanguageServer;

// The Language Server Protocol 3.17 types this server reads and writes, and only those: no LSP
// framework is available here, and a partial set keeps every field the server relies on visible.
// Names follow the specification; the serializer writes them in camel case and leaves nulls out.

internal sealed record Position(int Line, int Character);

internal sealed record Range(Position Start, Position End);

internal sealed record LspLocation(string Uri, Range Range);

internal sealed record TextDocumentIdentifier(string Uri);

internal sealed record VersionedTextDocumentIdentifier(string Uri, int? Version);

internal sealed record TextDocumentItem(string Uri, string LanguageId, int Version, string Text);

internal sealed record WorkspaceFolder(string Uri, string Name);

internal sealed record InitializeParams
{
    public int? ProcessId { get; init; }

    public string? RootUri { get; init; }

    public string? RootPath { get; init; }

    public IReadOnlyList<WorkspaceFolder>? WorkspaceFolders { get; init; }

    public JsonElement? Capabilities { get; init; }

    public JsonElement? InitializationOptions { get; init; }
}

internal sealed record DidOpenTextDocumentParams(TextDocumentItem TextDocument);

internal sealed record TextDocumentContentChangeEvent(string Text)
{
    /// <summary>The part replaced; null when <see cref="Text"/> is the whole document.</summary>
    public Range? Range { get; init; }
}

internal sealed record DidChangeTextDocumentParams(VersionedTextDocumentIdentifier TextDocument, IReadOnlyList<TextDocumentContentChangeEvent> ContentChanges);

internal sealed record DidCloseTextDocumentParams(TextDocumentIdentifier TextDocument);

internal sealed record FileEvent(string Uri, int Type);

internal sealed record DidChangeWatchedFilesParams(IReadOnlyList<FileEvent> Changes);

internal sealed record DidChangeConfigurationParams(JsonElement? Settings);

internal sealed record WorkspaceFoldersChangeEvent(IReadOnlyList<WorkspaceFolder> Added, IReadOnlyList<WorkspaceFolder> Removed);

internal sealed record DidChangeWorkspaceFoldersParams(WorkspaceFoldersChangeEvent Event);

internal sealed record CodeDescription(string Href);

internal sealed record DiagnosticRelatedInformation(LspLocation Location, string Message);

internal sealed record Diagnostic(Range Range, int Severity, string Code, string Source, string Message)
{
    public CodeDescription? CodeDescription { get; init; }

    public IReadOnlyList<DiagnosticRelatedInformation>? RelatedInformation { get; init; }
}

internal sealed record PublishDiagnosticsParams(string Uri, IReadOnlyList<Diagnostic> Diagnostics)
{
    public int? Version { get; init; }
}

internal sealed record DocumentDiagnosticParams(TextDocumentIdentifier TextDocument);

internal sealed record FullDocumentDiagnosticReport(IReadOnlyList<Diagnostic> Items, string Kind = "full");

internal sealed record WorkspaceDocumentDiagnosticReport(string Uri, IReadOnlyList<Diagnostic> Items, int? Version, string ResultId, string Kind = "full");

/// <summary>A file whose findings are those the editor already has under <see cref="ResultId"/>.</summary>
internal sealed record WorkspaceUnchangedDocumentDiagnosticReport(string Uri, int? Version, string ResultId, string Kind = "unchanged");

internal sealed record PreviousResultId(string Uri, string Value);

internal sealed record WorkspaceDiagnosticParams
{
    public IReadOnlyList<PreviousResultId>? PreviousResultIds { get; init; }
}

internal sealed record WorkspaceDiagnosticReport(IReadOnlyList<object> Items);

internal sealed record TextEdit(Range Range, string NewText);

internal sealed record WorkspaceEdit(IReadOnlyDictionary<string, IReadOnlyList<TextEdit>> Changes);

internal sealed record Command(string Title, [property: JsonPropertyName("command")] string Name, IReadOnlyList<object?>? Arguments = null);

internal sealed record CodeActionContext(IReadOnlyList<Diagnostic> Diagnostics)
{
    public IReadOnlyList<string>? Only { get; init; }
}

internal sealed record CodeActionParams(TextDocumentIdentifier TextDocument, Range Range, CodeActionContext Context);

internal sealed record CodeAction(string Title, string Kind)
{
    public IReadOnlyList<Diagnostic>? Diagnostics { get; init; }

    public bool? IsPreferred { get; init; }

    public WorkspaceEdit? Edit { get; init; }

    public Command? Command { get; init; }
}

internal sealed record TextDocumentPositionParams(TextDocumentIdentifier TextDocument, Position Position);

internal sealed record MarkupContent(string Value, string Kind = "markdown");

internal sealed record Hover(MarkupContent Contents, Range? Range);

internal sealed record ExecuteCommandParams([property: JsonPropertyName("command")] string Name, IReadOnlyList<JsonElement>? Arguments);

internal sealed record ShowDocumentParams(string Uri)
{
    public bool? External { get; init; }

    public bool? TakeFocus { get; init; }

    public Range? Selection { get; init; }
}

internal sealed record ShowMessageParams(int Type, string Message);

/// <summary><c>commslint/render</c>: a template as the customer receives it, with its sample.</summary>
internal sealed record RenderParams(string Uri);

internal sealed record RenderResult(string? Html, string? Text, string? Error);

internal sealed record CompletionItem(string Label, int Kind)
{
    public string? Detail { get; init; }
}
