// The manifest: the problem matcher reads `commslint check` output lines, and what package.json
// declares agrees with what the code registers and what the .vsix must hold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const matcher = manifest.contributes.problemMatchers.find((m) => m.name === 'commslint');

test('the commslint problem matcher is the one docs/cli.md documents', () => {
  assert.ok(matcher, 'a problem matcher named commslint');
  assert.equal(matcher.owner, 'commslint');
  assert.deepEqual(matcher.fileLocation, ['relative', '${workspaceFolder}']);
  assert.equal(matcher.pattern.regexp, '^(.*)\\((\\d+),(\\d+)\\): (error|warning|suggestion) ([A-Za-z0-9._-]+): (.*)$');
  const { file, line, column, severity, code, message } = matcher.pattern;
  assert.deepEqual({ file, line, column, severity, code, message }, { file: 1, line: 2, column: 3, severity: 4, code: 5, message: 6 });
  // VS Code knows no "suggestion" severity and would fall back to error; the matcher's own
  // severity is what it falls back to instead.
  assert.equal(matcher.severity, 'info');
});

function parse(lineText) {
  const m = new RegExp(matcher.pattern.regexp).exec(lineText);
  if (!m) return null;
  const p = matcher.pattern;
  return { file: m[p.file], line: Number(m[p.line]), column: Number(m[p.column]), severity: m[p.severity], code: m[p.code], message: m[p.message] };
}

test('the problem matcher reads findings of templates, style guides and names', () => {
  assert.deepEqual(parse("content/purchase/order-confirmation/email.pl.html(2,13): error catalog.unknown-touchpoint: Unknown touchpoint 'x'."), {
    file: 'content/purchase/order-confirmation/email.pl.html', line: 2, column: 13, severity: 'error', code: 'catalog.unknown-touchpoint', message: "Unknown touchpoint 'x'.",
  });
  assert.deepEqual(parse("styleguides/brand.style(3,1): error DSL007: unknown rule kind 'forbidd'."), {
    file: 'styleguides/brand.style', line: 3, column: 1, severity: 'error', code: 'DSL007', message: "unknown rule kind 'forbidd'.",
  });
  assert.deepEqual(parse('content/a.txt(6,21): suggestion spelling.unknown-name: “Nowakowa” is not in the pl dictionary: (x, y).'), {
    file: 'content/a.txt', line: 6, column: 21, severity: 'suggestion', code: 'spelling.unknown-name', message: '“Nowakowa” is not in the pl dictionary: (x, y).',
  });
  assert.deepEqual(parse('content/purchase/delivery-notice/sms.pl.txt(6,21): warning tone.shouting: “PILNE” is written in capitals.'), {
    file: 'content/purchase/delivery-notice/sms.pl.txt', line: 6, column: 21, severity: 'warning', code: 'tone.shouting', message: '“PILNE” is written in capitals.',
  });
  // A file name with parentheses keeps them: only the last "(line,column): " ends the path.
  assert.equal(parse('content/promo (old)/a.md(1,1): warning x: y').file, 'content/promo (old)/a.md');
});

test('the problem matcher ignores the summary and other output', () => {
  assert.equal(parse('Checked 44 files: 2 errors, 0 warnings, 0 suggestions in 0.41 s.'), null);
  assert.equal(parse('content/a.txt(6,21): info x.y: not a severity the CLI prints'), null);
  assert.equal(parse('content/a.txt(6): error x.y: no column'), null);
});

test('the manifest declares what the code registers', () => {
  assert.equal(manifest.name, 'commslinter');
  assert.equal(manifest.displayName, 'CommsLinter');
  assert.equal(manifest.publisher, 'commslinter');
  assert.equal(manifest.main, './dist/extension.js');
  assert.deepEqual(manifest.contributes.commands.map((c) => c.command).sort(), ['commslint.openPreview', 'commslint.restartServer']);
  assert.deepEqual(Object.keys(manifest.contributes.configuration.properties).sort(), ['commslint.failLevel', 'commslint.server.path', 'commslint.styleguides']);
  assert.deepEqual(manifest.contributes.configuration.properties['commslint.failLevel'].enum, ['error', 'warning', 'suggestion']);
  for (const event of ['onLanguage:html', 'onLanguage:markdown', 'onLanguage:plaintext', 'onLanguage:liquid', 'onLanguage:commslint-style', 'workspaceContains:**/touchpoints.yml', 'workspaceContains:**/*.style']) {
    assert.ok(manifest.activationEvents.includes(event), event);
  }
  const [grammar] = manifest.contributes.grammars;
  assert.equal(grammar.scopeName, 'source.commslint-style');
  assert.ok(fs.existsSync(path.join(root, grammar.path)));
  assert.ok(fs.existsSync(path.join(root, manifest.contributes.languages[0].configuration)));
});

test('@types/vscode is no newer than the VS Code the extension declares it needs', () => {
  const declared = manifest.engines.vscode.replace(/^\^/, '');
  const types = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/@types/vscode/package.json'), 'utf8')).version;
  const [a, b] = [declared, types].map((v) => v.split('.').map(Number));
  assert.ok(b[0] < a[0] || (b[0] === a[0] && (b[1] < a[1] || (b[1] === a[1] && b[2] <= a[2]))), `@types/vscode ${types} vs engines ${declared}`);
});

test('the language configuration comments with # and closes quotes and brackets', () => {
  const config = JSON.parse(fs.readFileSync(path.join(root, 'language-configuration.json'), 'utf8'));
  assert.equal(config.comments.lineComment, '#');
  assert.deepEqual(config.brackets, [['{', '}'], ['[', ']'], ['(', ')']]);
  assert.ok(config.autoClosingPairs.some((p) => p.open === '"' && p.close === '"'));
});
