// activate() with both `vscode` and `vscode-languageclient/node` replaced: what the extension
// registers, which server command line it asks for, and how its commands and status bar behave.
// Runs on out/ (src/ compiled module by module by test.sh), so the client can be stubbed; the
// bundle in dist/ is exercised with the real client by bundle.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { createVscode } = require('./support/vscode-stub.cjs');
const { setStubs, freshRequire } = require('./support/load.cjs');

const here = path.dirname(fileURLToPath(import.meta.url));
const extensionFile = path.resolve(here, '..', 'out', 'extension.js');
const WORKSPACE = '/work/space';
const TransportKind = { stdio: 0, ipc: 1, pipe: 2, socket: 3 };

function createClientStub({ failStart = false, render = { html: null, text: 'Hello', error: null } } = {}) {
  const clients = [];
  class LanguageClient {
    constructor(id, name, serverOptions, clientOptions) {
      Object.assign(this, { id, name, serverOptions, clientOptions, started: false, disposed: false, requests: [] });
      clients.push(this);
    }
    start() {
      if (failStart) return Promise.reject(new Error('spawn commslint ENOENT'));
      this.started = true;
      return Promise.resolve();
    }
    isRunning() {
      return this.started && !this.disposed;
    }
    sendRequest(method, params) {
      this.requests.push({ method, params });
      return Promise.resolve(typeof render === 'function' ? render(params) : render);
    }
    stop() {
      return this.dispose();
    }
    dispose() {
      this.disposed = true;
      return Promise.resolve();
    }
  }
  return { module: { LanguageClient, TransportKind }, clients };
}

async function activateWith({ settings = {}, client = {}, activeDocumentUri } = {}) {
  const stub = createVscode({ settings, workspaceFolder: WORKSPACE });
  const languageClient = createClientStub(client);
  if (activeDocumentUri) {
    stub.vscode.window.activeTextEditor = { document: { uri: stub.vscode.Uri.file(activeDocumentUri) } };
  }
  setStubs({ vscode: stub.vscode, 'vscode-languageclient/node': languageClient.module });
  const extension = freshRequire(extensionFile);
  extension.activate(stub.context);
  await settle();
  return { ...stub, extension, clients: languageClient.clients };
}

// The extension chains its server lifecycle on promises; let them run.
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

const EXPECTED_SELECTOR = [
  { scheme: 'file', language: 'html' },
  { scheme: 'file', language: 'markdown' },
  { scheme: 'file', language: 'plaintext' },
  { scheme: 'file', language: 'liquid' },
  { scheme: 'file', language: 'commslint-style' },
  { scheme: 'file', pattern: '**/touchpoints.yml' },
];

for (const [setting, command, args] of [
  ['', 'commslint', ['lsp']],
  ['/x/commslint.dll', 'dotnet', ['/x/commslint.dll', 'lsp']],
  ['/x/commslint', '/x/commslint', ['lsp']],
  ['tools/commslint.dll', 'dotnet', [path.join(WORKSPACE, 'tools/commslint.dll'), 'lsp']],
]) {
  test(`commslint.server.path "${setting}" starts "${[command, ...args].join(' ')}" in the workspace folder`, async () => {
    const { clients, state } = await activateWith({ settings: { 'commslint.server.path': setting } });
    assert.equal(clients.length, 1);
    const [client] = clients;
    assert.equal(client.id, 'commslint');
    assert.equal(client.started, true);
    for (const which of ['run', 'debug']) {
      const executable = client.serverOptions[which];
      assert.equal(executable.command, command, which);
      assert.deepEqual(executable.args, args, which);
      // stdio, the default of an Executable; TransportKind.stdio would add "--stdio" to the args.
      assert.equal(executable.transport, undefined, which);
      assert.equal(executable.options.cwd, WORKSPACE, which);
    }
    assert.deepEqual(client.clientOptions.documentSelector, EXPECTED_SELECTOR);
    assert.equal(client.clientOptions.synchronize.configurationSection, 'commslint');
    assert.deepEqual(client.clientOptions.initializationOptions, { commslint: { styleguides: '' } });
    assert.equal(state.watchers.length, 1);
    assert.equal(client.clientOptions.synchronize.fileEvents, state.watchers[0]);
    assert.equal(state.watchers[0].globPattern, '**/*.{html,htm,md,markdown,txt,liquid,style,yml,yaml,dic,aff,json}');
  });
}

test('activate registers both commands and a status bar item that opens the Problems panel', async () => {
  const { state, context } = await activateWith();
  assert.deepEqual([...state.commands.keys()].sort(), ['commslint.openPreview', 'commslint.restartServer']);
  assert.equal(state.statusBarItems.length, 1);
  const [item] = state.statusBarItems;
  assert.equal(item.visible, true);
  assert.equal(item.command, 'workbench.actions.view.problems');
  assert.equal(item.text, '$(check) CommsLinter');
  assert.equal(item.backgroundColor, undefined);

  // Everything it registered goes when VS Code disposes the subscriptions.
  for (const disposable of context.subscriptions) disposable.dispose();
  assert.equal(state.commands.size, 0);
  assert.equal(item.disposed, true);
});

test('the status bar item counts only commslint diagnostics and turns red at the fail level', async () => {
  const { state, vscode, setForeignDiagnostics, changeSetting } = await activateWith({ settings: { 'commslint.failLevel': 'warning' } });
  const [item] = state.statusBarItems;
  const range = new vscode.Range(0, 0, 0, 1);
  const diagnostic = (severity, source) => Object.assign(new vscode.Diagnostic(range, 'm', severity), { source });
  setForeignDiagnostics(vscode.Uri.file('/work/space/content/a.txt'), [
    diagnostic(vscode.DiagnosticSeverity.Warning, 'commslint'),
    diagnostic(vscode.DiagnosticSeverity.Warning, 'commslint'),
    diagnostic(vscode.DiagnosticSeverity.Information, 'commslint'),
    diagnostic(vscode.DiagnosticSeverity.Error, 'eslint'),
  ]);
  assert.equal(item.text, '$(error) 0 $(warning) 2 $(info) 1');
  assert.equal(item.backgroundColor?.id, 'statusBarItem.errorBackground');

  changeSetting('commslint.failLevel', 'error');
  assert.equal(item.text, '$(error) 0 $(warning) 2 $(info) 1');
  assert.equal(item.backgroundColor, undefined);

  setForeignDiagnostics(vscode.Uri.file('/work/space/content/a.txt'), []);
  assert.equal(item.text, '$(check) CommsLinter');
});

test('Open Rendered Preview asks the server for commslint/render and shows the answer beside the editor', async () => {
  const templatePath = '/work/space/content/purchase/delivery-notice/sms.pl.txt';
  const { state, vscode, clients, saveDocument } = await activateWith({
    activeDocumentUri: templatePath,
    client: { render: { html: null, text: 'Paczka <b>jedzie</b> & już', error: null } },
  });
  await state.commands.get('commslint.openPreview')();
  const [client] = clients;
  const uri = vscode.Uri.file(templatePath).toString();
  assert.deepEqual(client.requests, [{ method: 'commslint/render', params: { uri } }]);
  assert.equal(state.panels.length, 1);
  const [panel] = state.panels;
  assert.equal(panel.showOptions.viewColumn, vscode.ViewColumn.Beside);
  assert.equal(panel.options.enableScripts, false);
  assert.match(panel.webview.html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src https: data:; style-src 'unsafe-inline'">/);
  assert.match(panel.webview.html, /<pre>Paczka &lt;b&gt;jedzie&lt;\/b&gt; &amp; już<\/pre>/);

  // The same template again reuses its panel; saving it renders it again.
  await state.commands.get('commslint.openPreview')();
  assert.equal(state.panels.length, 1);
  assert.equal(panel.revealed, 1);
  saveDocument(vscode.Uri.file(templatePath));
  await settle();
  assert.equal(client.requests.length, 3);

  // A closed panel is forgotten: saving no longer renders, opening makes a new one.
  panel.dispose();
  saveDocument(vscode.Uri.file(templatePath));
  await settle();
  assert.equal(client.requests.length, 3);
  await state.commands.get('commslint.openPreview')();
  assert.equal(state.panels.length, 2);
});

test('the preview shows the server error as a message', async () => {
  const { state } = await activateWith({
    activeDocumentUri: '/work/space/content/a.html',
    client: { render: { html: null, text: null, error: 'No sample for <this> template.' } },
  });
  await state.commands.get('commslint.openPreview')();
  assert.match(state.panels[0].webview.html, /<p class="error" role="alert">No sample for &lt;this&gt; template\.<\/p>/);
});

test('Open Rendered Preview without an editor says so instead of failing', async () => {
  const { state, clients } = await activateWith();
  await state.commands.get('commslint.openPreview')();
  assert.equal(state.panels.length, 0);
  assert.equal(clients[0].requests.length, 0);
  assert.equal(state.messages.length, 1);
});

test('Restart Language Server replaces the client; a new server.path restarts it too', async () => {
  const { state, clients, changeSetting } = await activateWith();
  await state.commands.get('commslint.restartServer')();
  assert.equal(clients.length, 2);
  assert.equal(clients[0].disposed, true);
  assert.equal(state.watchers[0].disposed, true);
  assert.equal(clients[1].started, true);
  assert.equal(clients[1].clientOptions.synchronize.fileEvents, state.watchers[1]);

  changeSetting('commslint.server.path', '/x/commslint.dll');
  await settle();
  assert.equal(clients.length, 3);
  assert.equal(clients[1].disposed, true);
  assert.equal(clients[2].serverOptions.run.command, 'dotnet');

  // Other settings reach the running server through synchronize, without a restart.
  changeSetting('commslint.styleguides', 'guides');
  await settle();
  assert.equal(clients.length, 3);
});

test('a server that cannot start is reported with the command line and how to fix it', async () => {
  const { state } = await activateWith({ client: { failStart: true } });
  const errors = state.messages.filter((m) => m.kind === 'error');
  assert.equal(errors.length, 1);
  assert.match(errors[0].text, /commslint lsp/);
  assert.match(errors[0].text, /spawn commslint ENOENT/);
  assert.match(errors[0].text, /commslint\.server\.path/);
});

test('deactivate stops the language server', async () => {
  const { extension, clients } = await activateWith();
  await extension.deactivate();
  assert.equal(clients[0].disposed, true);
});
