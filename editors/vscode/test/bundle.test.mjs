// The bundle that goes into the .vsix (dist/extension.js, with vscode-languageclient inside it),
// activated against the vscode stub and a fake language server: the real client spawns the
// command line the setting asks for, initialises the server over stdio, forwards the settings,
// turns published diagnostics into the status bar's counts, and carries commslint/render.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { createVscode } = require('./support/vscode-stub.cjs');
const { setStubs, freshRequire } = require('./support/load.cjs');

const here = path.dirname(fileURLToPath(import.meta.url));
const bundle = path.resolve(here, '..', 'dist', 'extension.js');
const fakeServer = path.join(here, 'support', 'fake-server.cjs');
const skip = process.platform === 'win32' ? 'the fake server is started through its #! line' : false;

let tmp, workspace, bin, direct, dll, logFile;
// The stub of the test that runs, whose output channels explain a timeout.
let current;

before(() => {
  assert.ok(fs.existsSync(bundle), `${bundle} exists (build.sh makes it)`);
  tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'commslint-vscode-')));
  workspace = path.join(tmp, 'workspace');
  fs.mkdirSync(path.join(workspace, 'content'), { recursive: true });
  bin = path.join(tmp, 'bin');
  fs.mkdirSync(bin);
  fs.mkdirSync(path.join(tmp, 'x'));
  direct = path.join(tmp, 'x', 'commslint');
  dll = path.join(tmp, 'x', 'commslint.dll');
  for (const target of [path.join(bin, 'commslint'), path.join(bin, 'dotnet'), direct]) {
    fs.copyFileSync(fakeServer, target);
    fs.chmodSync(target, 0o755);
  }
  fs.writeFileSync(dll, '');
  logFile = path.join(tmp, 'server.log');
  process.env.FAKE_SERVER_LOG = logFile;
  process.env.PATH = `${bin}${path.delimiter}${process.env.PATH}`;
});

after(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

function serverLog() {
  return fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
}

async function waitFor(what, condition, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = condition();
    if (value) return value;
    if (Date.now() > deadline) {
      const output = current ? current.state.outputChannels.flatMap((c) => c.lines).join('\n') : '';
      const seen = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '(nothing)';
      assert.fail(`timed out waiting for ${what}; the client wrote:\n${output}\nthe server saw:\n${seen}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function activate(settings, activeFile) {
  fs.rmSync(logFile, { force: true });
  const stub = createVscode({ settings, workspaceFolder: workspace });
  current = stub;
  if (activeFile) stub.vscode.window.activeTextEditor = { document: { uri: stub.vscode.Uri.file(activeFile) } };
  setStubs({ vscode: stub.vscode });
  const extension = freshRequire(bundle);
  extension.activate(stub.context);
  await waitFor('the configuration to reach the server', () => serverLog().find((e) => e.method === 'workspace/didChangeConfiguration'));
  return { ...stub, extension };
}

for (const [name, setting, expectedArgv] of [
  ['the .NET tool on PATH', '', () => [path.join(bin, 'commslint'), 'lsp']],
  ['a .dll, through dotnet', 'DLL', () => [path.join(bin, 'dotnet'), dll, 'lsp']],
  ['an executable', 'DIRECT', () => [direct, 'lsp']],
]) {
  test(`the bundled extension starts ${name} and initialises it`, { skip }, async () => {
    const serverPath = setting === 'DLL' ? dll : setting === 'DIRECT' ? direct : '';
    const { extension } = await activate({ 'commslint.server.path': serverPath, 'commslint.failLevel': 'warning', 'commslint.styleguides': 'guides' });
    try {
      const log = serverLog();
      const start = log.find((e) => e.event === 'start');
      assert.deepEqual(start.argv, expectedArgv());
      assert.equal(start.cwd, workspace);
      const initialize = log.find((e) => e.method === 'initialize');
      assert.equal(initialize.params.rootUri, `file://${workspace}`);
      assert.equal(initialize.params.clientInfo.name, 'Visual Studio Code (stub)');
      assert.deepEqual(initialize.params.initializationOptions, { commslint: { styleguides: 'guides' } });
      assert.ok(log.some((e) => e.method === 'initialized'));
      // synchronize.configurationSection: the whole commslint section, as the server reads it.
      const configuration = log.find((e) => e.method === 'workspace/didChangeConfiguration');
      assert.deepEqual(configuration.params.settings, { commslint: { server: { path: serverPath }, failLevel: 'warning', styleguides: 'guides' } });
    } finally {
      await extension.deactivate();
    }
    assert.ok(serverLog().some((e) => e.method === 'shutdown'), 'deactivate sends shutdown');
    await waitFor('the server to exit', () => serverLog().some((e) => e.event === 'exit'));
  });
}

test('diagnostics the server publishes reach the status bar, and the preview goes through the server', { skip }, async () => {
  const template = path.join(workspace, 'content', 'a.txt');
  const { extension, state, vscode } = await activate({ 'commslint.failLevel': 'warning' }, template);
  try {
    const [item] = state.statusBarItems;
    await waitFor('the published diagnostics', () => item.text !== '$(check) CommsLinter');
    assert.equal(item.text, '$(error) 1 $(warning) 1 $(info) 1');
    assert.equal(item.backgroundColor?.id, 'statusBarItem.errorBackground');
    const [[uri, diagnostics]] = vscode.languages.getDiagnostics();
    assert.equal(uri.fsPath, template);
    assert.deepEqual(diagnostics.map((d) => [d.severity, d.source]), [[0, 'commslint'], [1, 'commslint'], [2, 'commslint']]);

    await state.commands.get('commslint.openPreview')();
    const render = serverLog().find((e) => e.method === 'commslint/render');
    assert.deepEqual(render.params, { uri: vscode.Uri.file(template).toString() });
    assert.equal(state.panels.length, 1);
    assert.equal(state.panels[0].options.enableScripts, false);
    assert.ok(state.panels[0].webview.html.includes(`<pre>&lt;SMS&gt; for ${vscode.Uri.file(template).toString()}</pre>`));
    assert.ok(state.panels[0].webview.html.includes("default-src 'none'"));

    // Restart: the first server is shut down and a second one started.
    const firstPid = serverLog().find((e) => e.event === 'start').pid;
    await state.commands.get('commslint.restartServer')();
    await waitFor('a second server', () => serverLog().filter((e) => e.event === 'start').length === 2);
    const log = serverLog();
    assert.ok(log.some((e) => e.pid === firstPid && e.method === 'shutdown'));
    assert.notEqual(log.filter((e) => e.event === 'start')[1].pid, firstPid);
    await waitFor('the second server to be initialised', () => serverLog().filter((e) => e.method === 'initialized').length === 2);
  } finally {
    await extension.deactivate();
  }
});
