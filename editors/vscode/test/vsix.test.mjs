// What build.sh packed: the .vsix holds the bundle, the grammar, the language configuration, the
// manifest, the README and the licences, and nothing else; the notices name every bundled package.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const vsix = path.join(root, `commslinter-${version}.vsix`);
const skip = fs.existsSync(vsix) ? false : `${path.basename(vsix)} is not built (build.sh makes it)`;

/** The names in a zip's central directory: enough of the format to list a .vsix. */
function zipEntries(file) {
  const zip = fs.readFileSync(file);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'an end of central directory record');
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const names = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(offset), 0x02014b50, 'a central directory header');
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    names.push(zip.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

test('the .vsix holds only what VS Code loads, the README and the licences', { skip }, () => {
  assert.deepEqual(zipEntries(vsix).sort(), [
    '[Content_Types].xml',
    'extension.vsixmanifest',
    'extension/LICENSE.txt',
    'extension/dist/THIRD-PARTY-NOTICES.txt',
    'extension/dist/extension.js',
    'extension/language-configuration.json',
    'extension/package.json',
    'extension/readme.md',
    'extension/syntaxes/commslint-style.tmLanguage.json',
  ]);
});

test('the notices name every npm package esbuild bundled, with its licence text', { skip }, () => {
  const meta = JSON.parse(fs.readFileSync(path.join(root, 'dist', 'meta.json'), 'utf8'));
  const notices = fs.readFileSync(path.join(root, 'dist', 'THIRD-PARTY-NOTICES.txt'), 'utf8');
  // Each bundled file's package is the innermost node_modules/<name> of its path.
  const packageDirs = new Map();
  for (const input of Object.keys(meta.inputs)) {
    const last = [...input.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)].pop();
    if (last) packageDirs.set(input.slice(0, last.index + last[0].length), last[1]);
  }
  const bundled = new Set(packageDirs.values());
  assert.ok(bundled.has('vscode-languageclient'));
  for (const [dir, name] of packageDirs) {
    const { version: packageVersion, license } = JSON.parse(fs.readFileSync(path.join(root, dir, 'package.json'), 'utf8'));
    assert.ok(notices.includes(`\n${name} ${packageVersion} (${license})\n`), `${name} ${packageVersion} in the notices`);
  }
  assert.match(notices, /Permission is hereby granted, free of charge/);
  // vscode itself is provided by the editor, never bundled.
  assert.ok(!bundled.has('vscode') && !bundled.has('@types/vscode'));
});
