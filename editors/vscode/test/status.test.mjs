// The status bar's counts, text and colour for sample diagnostics at each fail level.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { countFindings, statusView, parseFailLevel, fails, Severity } = require('../out/status.js');

const d = (severity, source = 'commslint') => ({ severity, source });
const sample = [
  ['file:///w/content/a.html', [d(Severity.Error), d(Severity.Warning), d(Severity.Warning), d(Severity.Error, 'eslint')]],
  ['file:///w/content/b.txt', [d(Severity.Information), d(Severity.Hint), { severity: Severity.Warning }]],
  ['file:///w/content/c.md', []],
];

test('only diagnostics whose source is commslint are counted; information and hints are suggestions', () => {
  assert.deepEqual(countFindings(sample), { errors: 1, warnings: 2, suggestions: 2 });
  assert.deepEqual(countFindings([]), { errors: 0, warnings: 0, suggestions: 0 });
  assert.deepEqual(countFindings(new Map([['x', [d(Severity.Error, 'CommsLint')]]])), { errors: 0, warnings: 0, suggestions: 0 });
});

test('no findings: a check mark and no error colour, whatever the level', () => {
  for (const level of ['error', 'warning', 'suggestion']) {
    assert.deepEqual(statusView({ errors: 0, warnings: 0, suggestions: 0 }, level), {
      text: '$(check) CommsLinter',
      tooltip: 'CommsLinter: no findings.',
      error: false,
    });
  }
});

test('findings: the three counts, in error, warning, info order', () => {
  const view = statusView({ errors: 2, warnings: 3, suggestions: 1 }, 'error');
  assert.equal(view.text, '$(error) 2 $(warning) 3 $(info) 1');
  assert.match(view.tooltip, /2 errors, 3 warnings, 1 suggestion\b/);
});

test('the colour turns to error at or above the fail level', () => {
  const cases = [
    // counts                                   error  warning suggestion
    [{ errors: 1, warnings: 0, suggestions: 0 }, true, true, true],
    [{ errors: 0, warnings: 1, suggestions: 0 }, false, true, true],
    [{ errors: 0, warnings: 0, suggestions: 4 }, false, false, true],
    [{ errors: 0, warnings: 2, suggestions: 4 }, false, true, true],
  ];
  for (const [counts, ...expected] of cases) {
    ['error', 'warning', 'suggestion'].forEach((level, i) => {
      assert.equal(statusView(counts, level).error, expected[i], `${JSON.stringify(counts)} at ${level}`);
      assert.equal(fails(counts, level), expected[i]);
    });
  }
  assert.match(statusView({ errors: 0, warnings: 1, suggestions: 0 }, 'warning').tooltip, /fail level “warning”/);
});

test('an unknown fail level is read as error', () => {
  assert.equal(parseFailLevel('warning'), 'warning');
  assert.equal(parseFailLevel('suggestion'), 'suggestion');
  assert.equal(parseFailLevel('error'), 'error');
  assert.equal(parseFailLevel('never'), 'error');
  assert.equal(parseFailLevel(undefined), 'error');
  assert.equal(statusView({ errors: 0, warnings: 1, suggestions: 0 }, parseFailLevel('Warning')).error, false);
});
