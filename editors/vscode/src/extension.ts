// Wires the language server, the status bar item and the commands into VS Code. The decisions
// live in server.ts, status.ts and preview.ts, which the tests call without VS Code.
import * as vscode from 'vscode';
import { LanguageClient, type Executable, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CONFIGURATION_SECTION, WATCHED_FILES, documentSelector, serverCommand, type ServerCommand } from './server';
import { ERROR_BACKGROUND, countFindings, parseFailLevel, statusView } from './status';
import { RENDER_REQUEST, previewHtml, type RenderParams, type RenderResult } from './preview';

export const COMMAND_OPEN_PREVIEW = 'commslint.openPreview';
export const COMMAND_RESTART_SERVER = 'commslint.restartServer';
const PROBLEMS_VIEW_COMMAND = 'workbench.actions.view.problems';

let client: LanguageClient | undefined;
let watcher: vscode.FileSystemWatcher | undefined;
// Restarts are chained so that two quick restarts (a command and a settings change) never run
// two servers side by side.
let lifecycle: Promise<void> = Promise.resolve();
const previews = new Map<string, vscode.WebviewPanel>();

export function activate(context: vscode.ExtensionContext): void {
  const status = vscode.window.createStatusBarItem('commslint.status', vscode.StatusBarAlignment.Left, 0);
  status.name = 'CommsLinter';
  status.command = PROBLEMS_VIEW_COMMAND;
  const refreshStatus = () => {
    const failLevel = parseFailLevel(vscode.workspace.getConfiguration(CONFIGURATION_SECTION).get('failLevel'));
    const view = statusView(countFindings(vscode.languages.getDiagnostics()), failLevel);
    status.text = view.text;
    status.tooltip = view.tooltip;
    status.backgroundColor = view.error ? new vscode.ThemeColor(ERROR_BACKGROUND) : undefined;
  };
  refreshStatus();
  status.show();

  context.subscriptions.push(
    status,
    vscode.languages.onDidChangeDiagnostics(refreshStatus),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${CONFIGURATION_SECTION}.failLevel`)) {
        refreshStatus();
      }
      // The other settings reach the running server through synchronize.configurationSection;
      // only a new executable needs a new process.
      if (event.affectsConfiguration(`${CONFIGURATION_SECTION}.server.path`)) {
        void restartServer();
      }
    }),
    vscode.commands.registerCommand(COMMAND_RESTART_SERVER, () => restartServer()),
    vscode.commands.registerCommand(COMMAND_OPEN_PREVIEW, (uri?: vscode.Uri) => openPreview(uri)),
    vscode.workspace.onDidSaveTextDocument((document) => {
      const panel = previews.get(document.uri.toString());
      if (panel) {
        void renderInto(panel, document.uri);
      }
    }),
    { dispose: () => previews.forEach((panel) => panel.dispose()) },
  );

  lifecycle = lifecycle.then(startServer);
}

export function deactivate(): Thenable<void> {
  lifecycle = lifecycle.then(stopServer);
  return lifecycle;
}

function workspaceFolderPath(): string | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
}

async function startServer(): Promise<void> {
  const settings = vscode.workspace.getConfiguration(CONFIGURATION_SECTION);
  const command = serverCommand(settings.get<string>('server.path', ''), workspaceFolderPath());
  // No `transport`: an Executable without one already talks over stdin and stdout, while
  // TransportKind.stdio would append "--stdio" to the documented command line `commslint lsp`.
  const run: Executable = { command: command.command, args: command.args, options: { cwd: command.cwd } };
  const serverOptions: ServerOptions = { run, debug: run };
  watcher = vscode.workspace.createFileSystemWatcher(WATCHED_FILES);
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    // The style guides folder already at initialize, so the server does not load the default
    // guides first and again when the settings arrive; later changes come as didChangeConfiguration.
    initializationOptions: { [CONFIGURATION_SECTION]: { styleguides: settings.get<string>('styleguides', '') } },
    synchronize: { configurationSection: CONFIGURATION_SECTION, fileEvents: watcher },
  };
  client = new LanguageClient('commslint', 'CommsLinter', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (error) {
    void reportStartFailure(command, error);
  }
}

async function stopServer(): Promise<void> {
  const stopping = client;
  client = undefined;
  watcher?.dispose();
  watcher = undefined;
  if (stopping) {
    try {
      await stopping.dispose();
    } catch {
      // A server that never started or already died cannot be stopped; there is nothing to undo.
    }
  }
}

function restartServer(): Promise<void> {
  lifecycle = lifecycle.then(stopServer).then(startServer);
  return lifecycle;
}

async function reportStartFailure(command: ServerCommand, error: unknown): Promise<void> {
  const reason = error instanceof Error ? error.message : String(error);
  const openSettings = 'Open Settings';
  const choice = await vscode.window.showErrorMessage(
    `CommsLinter could not start its language server (${[command.command, ...command.args].join(' ')}): ${reason}. ` +
      'Install the tool with "dotnet tool install --global CommsLinter", or set commslint.server.path.',
    openSettings,
  );
  if (choice === openSettings) {
    await vscode.commands.executeCommand('workbench.action.openSettings', `${CONFIGURATION_SECTION}.server.path`);
  }
}

async function openPreview(target?: vscode.Uri): Promise<void> {
  // From the editor title menu VS Code passes the file; from the palette, the active editor is meant.
  const uri = target ?? vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showInformationMessage('CommsLinter: open a template to preview it.');
    return;
  }
  if (uri.scheme !== 'file') {
    void vscode.window.showInformationMessage('CommsLinter: only templates saved in the workspace can be previewed.');
    return;
  }
  const key = uri.toString();
  let panel = previews.get(key);
  if (panel) {
    panel.reveal(vscode.ViewColumn.Beside, true);
  } else {
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    panel = vscode.window.createWebviewPanel(
      'commslint.preview',
      `Preview ${name}`,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: false, enableForms: false, localResourceRoots: [] },
    );
    previews.set(key, panel);
    panel.onDidDispose(() => previews.delete(key));
  }
  await renderInto(panel, uri);
}

async function renderInto(panel: vscode.WebviewPanel, uri: vscode.Uri): Promise<void> {
  const title = panel.title;
  // A preview asked for while the server starts or restarts waits for it rather than failing.
  await lifecycle;
  let result: RenderResult;
  if (!client || !client.isRunning()) {
    result = { html: null, text: null, error: 'The CommsLinter language server is not running. Run "CommsLinter: Restart Language Server".' };
  } else {
    try {
      const params: RenderParams = { uri: uri.toString() };
      result = await client.sendRequest<RenderResult>(RENDER_REQUEST, params);
    } catch (error) {
      result = { html: null, text: null, error: `The language server could not render this file: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  // The panel may have been closed while the server was rendering.
  if (previews.get(uri.toString()) === panel) {
    panel.webview.html = previewHtml(result, title);
  }
}
