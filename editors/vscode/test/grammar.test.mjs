// The TextMate grammar, run by the engine VS Code itself uses (vscode-textmate on Oniguruma), on
// lines from the shipped style guides.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SCOPE = 'source.commslint-style';
let grammar;

before(async () => {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) => {
      if (scopeName !== SCOPE) return null;
      const file = path.join(root, 'syntaxes', 'commslint-style.tmLanguage.json');
      return vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
    },
  });
  grammar = await registry.loadGrammar(SCOPE);
  assert.ok(grammar, 'the grammar loads');
});

/** Tokenizes lines in order (a multi-line state carries over) into [text, innermost scope, all scopes]. */
function tokenize(text) {
  let ruleStack = vsctm.INITIAL;
  const lines = [];
  for (const line of text.split('\n')) {
    const result = grammar.tokenizeLine(line, ruleStack);
    lines.push(result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes })));
    ruleStack = result.ruleStack;
  }
  return lines;
}

/** The scopes of the first token whose text is `text` (after trimming), on any line. */
function scopesOf(lines, text, nth = 0) {
  const found = lines.flat().filter((t) => t.text.trim() === text);
  assert.ok(found.length > nth, `a token "${text}" in ${JSON.stringify(lines.flat().map((t) => t.text))}`);
  return found[nth].scopes;
}

function assertScope(lines, text, expected, nth = 0) {
  const scopes = scopesOf(lines, text, nth);
  assert.ok(scopes.some((s) => s === expected || s.startsWith(`${expected}.`)), `"${text}" has ${expected}: ${scopes.join(' ')}`);
}

function assertNoScope(lines, text, prefix, nth = 0) {
  const scopes = scopesOf(lines, text, nth);
  assert.ok(!scopes.some((s) => s.startsWith(prefix)), `"${text}" has no ${prefix}: ${scopes.join(' ')}`);
}

const BRAND = `# How the brand and its products are written, in every language.
styleguide "Brand" extends "Company"

rule brand.no-superlatives warning "“{match}” promises what we cannot prove; describe the benefit instead." {
  forbid "najlepsze okna" inflected, "najtańsze" inflected, "the best windows", /\\bx\\b/i
}`;

test('the shipped brand.style lines: comment, keywords, rule id, severity, kind, strings, regex', () => {
  const lines = tokenize(BRAND);
  assertScope(lines, '#', 'punctuation.definition.comment.commslint-style');
  assertScope(lines, 'How the brand and its products are written, in every language.', 'comment.line.number-sign.commslint-style');
  assertScope(lines, 'styleguide', 'keyword.control');
  assertScope(lines, 'extends', 'keyword.control');
  assertScope(lines, 'rule', 'keyword.control');
  assertScope(lines, 'brand.no-superlatives', 'entity.name.function.rule-id.commslint-style');
  assertScope(lines, 'warning', 'constant.language.severity.warning.commslint-style');
  assertScope(lines, 'forbid', 'support.function.rule-kind.commslint-style');
  assertScope(lines, 'najlepsze okna', 'string.quoted.double.commslint-style');
  assertScope(lines, 'inflected', 'keyword.other.commslint-style');
  assertScope(lines, '{match}', 'constant.other.placeholder.commslint-style');
  assertScope(lines, '{match}', 'string.quoted.double.commslint-style');
  assertScope(lines, '\\b', 'string.regexp.commslint-style');
  assertScope(lines, '\\b', 'constant.character.escape.commslint-style');
  assertScope(lines, 'x', 'string.regexp.commslint-style');
  assertScope(lines, 'i', 'storage.modifier.flags.regexp.commslint-style');
  assertScope(lines, '{', 'punctuation.section.block.begin.commslint-style');
  assertScope(lines, '}', 'punctuation.section.block.end.commslint-style');
  // Every token is in the grammar's scope.
  for (const token of lines.flat()) assert.equal(token.scopes[0], SCOPE);
});

test('conditions, scopes, limits and facts from the other shipped guides', () => {
  const lines = tokenize(`facts {
  hotline        = phone   "+48 22 307 41 00"
  withdrawal_days = days   14
}
rule legal.unsubscribe error "Marketing e-mails need an unsubscribe link." review legal {
  when channel email and not flag marketing
  in subject, preheader
  require link /unsubscribe|wypisz|отпис|disiscriv/i
}
rule tone.sentence-length suggestion "This sentence has {count} words." {
  when stage before-purchase or touchpoint [order-confirmation, contract-letter]
  limit words-per-sentence max 40 per sentence
  consistent days with withdrawal_days near "odstąpić", "recesso"
  sms segments max 2
}`);
  assertScope(lines, 'facts', 'keyword.control');
  assertScope(lines, 'hotline', 'variable.other.fact.commslint-style');
  assertScope(lines, '=', 'keyword.operator.assignment.commslint-style');
  assertScope(lines, 'phone', 'support.type.fact-kind.commslint-style');
  assertScope(lines, '14', 'constant.numeric.commslint-style');
  assertScope(lines, 'legal.unsubscribe', 'entity.name.function.rule-id.commslint-style');
  assertScope(lines, 'error', 'constant.language.severity.error.commslint-style');
  assertScope(lines, 'suggestion', 'constant.language.severity.suggestion.commslint-style');
  assertScope(lines, 'review', 'keyword.control');
  assertScope(lines, 'legal', 'entity.name.tag.team.commslint-style');
  assertScope(lines, 'when', 'keyword.control');
  assertScope(lines, 'channel', 'variable.language.field.commslint-style');
  assertScope(lines, 'and', 'keyword.operator.logical.commslint-style');
  assertScope(lines, 'not', 'keyword.operator.logical.commslint-style');
  assertScope(lines, 'or', 'keyword.operator.logical.commslint-style');
  assertScope(lines, 'in', 'keyword.control');
  assertScope(lines, 'subject', 'support.variable.segment.commslint-style');
  assertScope(lines, 'preheader', 'support.variable.segment.commslint-style');
  assertScope(lines, 'require', 'support.function.rule-kind.commslint-style');
  assertScope(lines, 'link', 'keyword.other.commslint-style');
  assertScope(lines, 'unsubscribe|wypisz|отпис|disiscriv', 'string.regexp.commslint-style');
  assertScope(lines, '{count}', 'constant.other.placeholder.commslint-style');
  assertScope(lines, 'limit', 'support.function.rule-kind.commslint-style');
  assertScope(lines, 'words-per-sentence', 'support.constant.metric.commslint-style');
  assertScope(lines, 'max', 'keyword.other.commslint-style');
  assertScope(lines, 'per', 'keyword.other.commslint-style');
  assertScope(lines, 'consistent', 'support.function.rule-kind.commslint-style');
  assertScope(lines, 'days', 'support.type.fact-kind.commslint-style', 1);
  assertScope(lines, 'with', 'keyword.other.commslint-style');
  assertScope(lines, 'near', 'keyword.other.commslint-style');
  assertScope(lines, 'sms', 'support.function.rule-kind.commslint-style');
  assertScope(lines, 'segments', 'keyword.other.commslint-style');
  assertScope(lines, '[', 'punctuation.section.brackets.begin.commslint-style');
  // Words made of keywords are names, not keywords: a stage and catalog ids.
  assertNoScope(lines, 'before-purchase', 'keyword');
  assertNoScope(lines, 'contract-letter', 'keyword');
  assertNoScope(lines, 'withdrawal_days', 'keyword', 1);
  assertNoScope(lines, 'marketing', 'keyword');
});

test('comments, strings and regexes do not leak into one another', () => {
  const lines = tokenize(`rule a.b error "Call # now, \\"quoted\\" and \\\\ too" { // a comment with "quotes" and /slashes/
  forbid /a\\/b # c/m, "not closed
  forbid "next line is fine" # done
  forbid /unclosed pattern
  require link /x/
}`);
  assertScope(lines, 'Call # now,', 'string.quoted.double.commslint-style');
  assertNoScope(lines, 'Call # now,', 'comment');
  assertScope(lines, '\\"', 'constant.character.escape.commslint-style');
  assertScope(lines, '\\\\', 'constant.character.escape.commslint-style');
  assertScope(lines, 'a comment with "quotes" and /slashes/', 'comment.line.double-slash.commslint-style');
  assertScope(lines, 'a', 'string.regexp.commslint-style');
  assertScope(lines, '\\/', 'constant.character.escape.commslint-style');
  assertScope(lines, 'b # c', 'string.regexp.commslint-style');
  assertScope(lines, 'm', 'storage.modifier.flags.regexp.commslint-style');
  // An unclosed string ends with its line, as the compiler reads it (DSL002).
  assertScope(lines, 'not closed', 'string.quoted.double.commslint-style');
  assertScope(lines, 'forbid', 'support.function.rule-kind.commslint-style', 1);
  assertNoScope(lines, 'forbid', 'string', 1);
  assertScope(lines, 'next line is fine', 'string.quoted.double.commslint-style');
  assertScope(lines, 'done', 'comment.line.number-sign.commslint-style');
  // So does an unclosed pattern.
  assertScope(lines, 'unclosed pattern', 'string.regexp.commslint-style');
  assertScope(lines, 'require', 'support.function.rule-kind.commslint-style');
  assertNoScope(lines, 'require', 'string');
});

test('a regex flag the compiler rejects, and a stray character, are marked invalid', () => {
  const lines = tokenize('  forbid /x/iq ; "y"');
  assertScope(lines, 'i', 'storage.modifier.flags.regexp.commslint-style');
  assertScope(lines, 'q', 'invalid.illegal.flags.regexp.commslint-style');
  assertScope(lines, ';', 'invalid.illegal.character.commslint-style');
});

test('every shipped style guide tokenizes without an invalid token', () => {
  const folder = path.resolve(root, '..', '..', 'styleguides');
  const files = fs.readdirSync(folder).filter((f) => f.endsWith('.style'));
  assert.ok(files.length >= 5, `style guides in ${folder}`);
  for (const file of files) {
    const lines = tokenize(fs.readFileSync(path.join(folder, file), 'utf8'));
    const invalid = lines.flat().filter((t) => t.scopes.some((s) => s.startsWith('invalid')));
    assert.deepEqual(invalid, [], file);
    // Each rule id of the file is highlighted as one.
    const ids = [...fs.readFileSync(path.join(folder, file), 'utf8').matchAll(/^rule ([\w.-]+)/gm)].map((m) => m[1]);
    for (const id of ids) assertScope(lines, id, 'entity.name.function.rule-id.commslint-style');
  }
});
