// The bundle against the real language server, when a build of it is at hand (CI builds it before
// this step; set COMMSLINT_LSP_DLL to use another): on a copy of the repository's content with one
// SMS broken, the finding reaches the status bar, and commslint/render answers in the shape the
// preview reads. Skipped without a build or without dotnet.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { createVscode } = require('./support/vscode-stub.cjs');
const { setStubs, freshRequire } = require('./support/load.cjs');

const here = path.dirname(fileURLToPath(import.meta.url));
const repository = path.resolve(here, '..', '..', '..');
const bundle = path.resolve(here, '..', 'dist', 'extension.js');
const dll = process.env.COMMSLINT_LSP_DLL || path.join(repository, 'src', 'CommsLinter.Cli', 'bin', 'Release', 'net10.0', 'commslint.dll');

function hasDotnet() {
  try {
    execFileSync('dotnet', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const skip = !fs.existsSync(dll)
  ? `no language server build at ${dll} (dotnet build -c Release, or set COMMSLINT_LSP_DLL)`
  : !hasDotnet()
    ? 'dotnet is not on PATH'
    : false;

let workspace;
let stub;
let extension;

before(async () => {
  if (skip) return;
  workspace = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'commslint-vscode-real-')));
  for (const entry of ['content', 'styleguides', 'approvals.yml']) {
    fs.cpSync(path.join(repository, entry), path.join(workspace, entry), { recursive: true });
  }
  // A placeholder never closed: liquid.syntax, an error, in one SMS.
  const sms = path.join(workspace, 'content', 'purchase', 'delivery-notice', 'sms.pl.txt');
  fs.writeFileSync(sms, fs.readFileSync(sms, 'utf8').replace('{{ delivery.date }}', '{{ delivery.date'));

  stub = createVscode({ settings: { 'commslint.server.path': dll }, workspaceFolder: workspace });
  setStubs({ vscode: stub.vscode });
  extension = freshRequire(bundle);
  extension.activate(stub.context);
});

after(async () => {
  if (extension) await extension.deactivate();
  if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
});

async function waitFor(what, condition, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = condition();
    if (value) return value;
    if (Date.now() > deadline) {
      const output = stub.state.outputChannels.flatMap((c) => c.lines).join('\n');
      assert.fail(`timed out waiting for ${what}; messages: ${JSON.stringify(stub.state.messages)}; client output:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const codeOf = (diagnostic) => String(diagnostic.code?.value ?? diagnostic.code);

test('the real server: a broken SMS turns the status bar red with its error', { skip }, async () => {
  const sms = stub.vscode.Uri.file(path.join(workspace, 'content', 'purchase', 'delivery-notice', 'sms.pl.txt'));
  const found = await waitFor('the liquid.syntax error of the broken SMS', () =>
    stub.vscode.languages
      .getDiagnostics()
      .find(([uri, list]) => uri.toString() === sms.toString() && list.some((d) => codeOf(d) === 'liquid.syntax')),
  );
  const error = found[1].find((d) => codeOf(d) === 'liquid.syntax');
  assert.equal(error.source, 'commslint');
  assert.equal(error.severity, stub.vscode.DiagnosticSeverity.Error);
  const [item] = stub.state.statusBarItems;
  assert.match(item.text, /^\$\(error\) [1-9]\d* \$\(warning\) \d+ \$\(info\) \d+$/);
  assert.equal(item.backgroundColor?.id, 'statusBarItem.errorBackground');
  assert.deepEqual(stub.state.messages, []);
});

test('the real server renders an SMS as text and an e-mail as HTML for the preview', { skip }, async () => {
  const sms = path.join(workspace, 'content', 'after-purchase', 'review-request', 'sms.pl.txt');
  const email = path.join(workspace, 'content', 'after-purchase', 'satisfaction-survey', 'email.pl.html');
  await waitFor('the server to run', () => stub.state.statusBarItems[0].text !== '$(check) CommsLinter');
  await stub.state.commands.get('commslint.openPreview')(stub.vscode.Uri.file(sms));
  await stub.state.commands.get('commslint.openPreview')(stub.vscode.Uri.file(email));
  const [smsPanel, emailPanel] = stub.state.panels;
  assert.match(smsPanel.webview.html, /<pre>Okna Nowak: [^<]+<\/pre>/);
  assert.doesNotMatch(smsPanel.webview.html, /class="error"/);
  assert.ok(emailPanel.webview.html.startsWith(`<!DOCTYPE html><meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src https: data:; style-src 'unsafe-inline'">`));
  assert.match(emailPanel.webview.html, /<html lang="pl">/);
  assert.doesNotMatch(emailPanel.webview.html, /class="error"/);
});
