#!/usr/bin/env node
'use strict';
// A language server just big enough to stand in for `commslint lsp` (and for `dotnet`, which the
// tests put on PATH as this same script): it speaks LSP over stdio, publishes one diagnostic of each
// severity, answers commslint/render, and writes everything it sees as JSON lines to the file named by
// FAKE_SERVER_LOG so that the test can check what the real client sent.
const fs = require('fs');

const logFile = process.env.FAKE_SERVER_LOG;
const log = (entry) => fs.appendFileSync(logFile, `${JSON.stringify({ pid: process.pid, ...entry })}\n`);

log({ event: 'start', argv: process.argv.slice(1), cwd: process.cwd() });

function send(message) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
  process.stdout.write(`Content-Length: ${body.length}\r\n\r\n`);
  process.stdout.write(body);
}

let buffer = Buffer.alloc(0);
process.stdin.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const headerEnd = buffer.indexOf('\r\n\r\n');
    if (headerEnd < 0) return;
    const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString('ascii'))[1]);
    if (buffer.length < headerEnd + 4 + length) return;
    const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
    buffer = buffer.subarray(headerEnd + 4 + length);
    handle(message);
  }
});
process.stdin.on('end', () => process.exit(0));

function handle(message) {
  log({ event: 'message', method: message.method, params: message.params, id: message.id });
  switch (message.method) {
    case 'initialize':
      send({ id: message.id, result: { capabilities: { textDocumentSync: 1 }, serverInfo: { name: 'fake-commslint' } } });
      break;
    case 'initialized': {
      const uri = `file://${encodeURI(process.cwd())}/content/a.txt`;
      const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } };
      send({
        method: 'textDocument/publishDiagnostics',
        params: {
          uri,
          diagnostics: [
            { range, severity: 1, source: 'commslint', code: 'liquid.syntax', message: 'e' },
            { range, severity: 2, source: 'commslint', code: 'tone.shouting', message: 'w' },
            { range, severity: 3, source: 'commslint', code: 'spelling', message: 's' },
          ],
        },
      });
      break;
    }
    case 'commslint/render':
      send({ id: message.id, result: { html: null, text: `<SMS> for ${message.params.uri}`, error: null } });
      break;
    case 'shutdown':
      send({ id: message.id, result: null });
      break;
    case 'exit':
      log({ event: 'exit' });
      process.exit(0);
      break;
    default:
      if (message.id !== undefined && message.method) {
        send({ id: message.id, error: { code: -32601, message: `unhandled ${message.method}` } });
      }
  }
}
