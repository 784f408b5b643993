// Writes dist/THIRD-PARTY-NOTICES.txt: the licence of every npm package esbuild put into
// dist/extension.js. Minifying drops the copyright headers of their sources, and their licences
// (MIT, ISC, Blue Oak) ask that the notice travel with every copy, so the .vsix carries this file.
// The list comes from esbuild's metafile, so a package the bundle gains is never forgotten.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const metafile = path.join(root, 'dist', 'meta.json');
const out = path.join(root, 'dist', 'THIRD-PARTY-NOTICES.txt');

const meta = JSON.parse(fs.readFileSync(metafile, 'utf8'));
const packageDirs = new Set();
for (const input of Object.keys(meta.inputs)) {
  // The innermost node_modules/<name> (or node_modules/@scope/<name>) owns the file.
  const matches = [...input.matchAll(/(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/g)];
  if (matches.length > 0) {
    const last = matches[matches.length - 1];
    packageDirs.add(input.slice(0, last.index + last[0].length).replace(/^\//, ''));
  }
}
if (packageDirs.size === 0) {
  throw new Error(`${metafile} lists no npm package: was the bundle built with --metafile?`);
}

const sections = [];
for (const dir of [...packageDirs].sort()) {
  const absolute = path.join(root, dir);
  const manifest = JSON.parse(fs.readFileSync(path.join(absolute, 'package.json'), 'utf8'));
  const files = fs.readdirSync(absolute);
  const licenseFile = files.find((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
  if (!licenseFile) {
    throw new Error(`${manifest.name} has no licence file; its terms must be added by hand`);
  }
  const repository = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  let section = `${manifest.name} ${manifest.version} (${manifest.license})${repository ? `\n${repository}` : ''}\n\n`;
  section += fs.readFileSync(path.join(absolute, licenseFile), 'utf8').trim();
  // Some packages carry notices for code they took from others; those travel too.
  const notices = files.find((f) => /^third-?party-?notices(\.txt)?$/i.test(f));
  if (notices) {
    section += `\n\n${fs.readFileSync(path.join(absolute, notices), 'utf8').trim()}`;
  }
  sections.push(section);
}

const header =
  'The CommsLinter extension for VS Code (dist/extension.js) includes the following npm packages,\n' +
  'bundled and minified by esbuild. Each is distributed under its own licence, reproduced below.';
fs.writeFileSync(out, `${header}\n\n${sections.map((s) => `${'='.repeat(78)}\n${s}\n`).join('\n')}`);
console.log(`${path.relative(root, out)}: ${sections.length} packages`);
