// What the status bar item says. Pure, so the tests can check it without VS Code.

/** vscode.DiagnosticSeverity's values, repeated here so this module needs no `vscode`. */
export const Severity = { Error: 0, Warning: 1, Information: 2, Hint: 3 } as const;

/** The `source` the language server puts on its diagnostics; other extensions' are not ours to count. */
export const DIAGNOSTIC_SOURCE = 'commslint';

export type FailLevel = 'error' | 'warning' | 'suggestion';

export interface Counts {
  errors: number;
  warnings: number;
  suggestions: number;
}

/** The part of vscode.Diagnostic this module reads. */
export interface DiagnosticLike {
  severity: number;
  source?: string;
}

/** Counts CommsLinter's findings in what `vscode.languages.getDiagnostics()` returns. */
export function countFindings(perFile: Iterable<readonly [unknown, readonly DiagnosticLike[]]>): Counts {
  const counts: Counts = { errors: 0, warnings: 0, suggestions: 0 };
  for (const [, diagnostics] of perFile) {
    for (const diagnostic of diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) {
        continue;
      }
      if (diagnostic.severity === Severity.Error) {
        counts.errors++;
      } else if (diagnostic.severity === Severity.Warning) {
        counts.warnings++;
      } else {
        // The server sends suggestions as Information; a Hint can only be a suggestion too.
        counts.suggestions++;
      }
    }
  }
  return counts;
}

/**
 * An unknown value (a typo in settings.json) falls back to the default: a setting cannot be
 * refused the way the command line refuses a bad --fail-on.
 */
export function parseFailLevel(value: unknown): FailLevel {
  return value === 'warning' || value === 'suggestion' ? value : 'error';
}

/** True when a finding is at or above the level, as `commslint check --fail-on LEVEL` would exit with 1. */
export function fails(counts: Counts, failLevel: FailLevel): boolean {
  switch (failLevel) {
    case 'suggestion':
      return counts.errors + counts.warnings + counts.suggestions > 0;
    case 'warning':
      return counts.errors + counts.warnings > 0;
    default:
      return counts.errors > 0;
  }
}

export interface StatusView {
  text: string;
  tooltip: string;
  /** Whether the item takes the `statusBarItem.errorBackground` theme colour. */
  error: boolean;
}

export const ERROR_BACKGROUND = 'statusBarItem.errorBackground';

export function statusView(counts: Counts, failLevel: FailLevel): StatusView {
  const total = counts.errors + counts.warnings + counts.suggestions;
  if (total === 0) {
    return { text: '$(check) CommsLinter', tooltip: 'CommsLinter: no findings.', error: false };
  }
  const failing = fails(counts, failLevel);
  return {
    text: `$(error) ${counts.errors} $(warning) ${counts.warnings} $(info) ${counts.suggestions}`,
    tooltip:
      `CommsLinter: ${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ` +
      `${plural(counts.suggestions, 'suggestion')}` +
      (failing ? ` (at or above the fail level “${failLevel}”)` : '') +
      '. Click to open the Problems panel.',
    error: failing,
  };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
