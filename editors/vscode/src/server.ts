// How the language server is started and which documents it is given. Nothing here imports
// `vscode`, so the tests can call it directly.
import * as path from 'path';

/** The command line of the language server, before vscode-languageclient spawns it. */
export interface ServerCommand {
  command: string;
  args: string[];
  cwd: string | undefined;
}

/** The executable of the .NET tool, found on PATH when no path is configured. */
export const DEFAULT_COMMAND = 'commslint';

/**
 * Reads `commslint.server.path` as the user meant it: empty means the installed .NET tool, a
 * `.dll` is a framework-dependent build that only `dotnet` can run, and anything else is run
 * itself. A relative path is taken from the workspace folder rather than from wherever VS Code
 * happened to be launched, which nobody can predict.
 */
export function serverCommand(configuredPath: string | undefined, workspaceFolder: string | undefined): ServerCommand {
  const configured = (configuredPath ?? '').trim();
  if (configured === '') {
    return { command: DEFAULT_COMMAND, args: ['lsp'], cwd: workspaceFolder };
  }
  const resolved = resolveConfiguredPath(configured, workspaceFolder);
  if (/\.dll$/i.test(resolved)) {
    return { command: 'dotnet', args: [resolved, 'lsp'], cwd: workspaceFolder };
  }
  return { command: resolved, args: ['lsp'], cwd: workspaceFolder };
}

function resolveConfiguredPath(configured: string, workspaceFolder: string | undefined): string {
  if (path.isAbsolute(configured) || workspaceFolder === undefined) {
    return configured;
  }
  // A bare name ("commslint-dev") is meant to be looked up on PATH, not next to the workspace.
  if (!/[\\/]/.test(configured)) {
    return configured;
  }
  return path.join(workspaceFolder, configured);
}

/** The languages whose files are templates the server checks (Liquid comes from other extensions). */
export const TEMPLATE_LANGUAGES = ['html', 'markdown', 'plaintext', 'liquid'] as const;

/** The language id of `*.style` files. */
export const STYLE_LANGUAGE = 'commslint-style';

export type DocumentFilter = { scheme: 'file'; language: string } | { scheme: 'file'; pattern: string };

/**
 * Only files on disk: the server resolves a template's touchpoint and style guides from its
 * path, which an untitled buffer or a git diff view does not have.
 */
export function documentSelector(): DocumentFilter[] {
  return [
    ...[...TEMPLATE_LANGUAGES, STYLE_LANGUAGE].map((language) => ({ scheme: 'file' as const, language })),
    { scheme: 'file', pattern: '**/touchpoints.yml' },
  ];
}

/**
 * Files whose changes on disk change findings: templates and snippets changed outside the editor
 * (a git pull, a rename), style guides, the catalog, spelling dictionaries, samples and the
 * approvals/baseline files.
 */
export const WATCHED_FILES = '**/*.{html,htm,md,markdown,txt,liquid,style,yml,yaml,dic,aff,json}';

/** The settings section pushed to the server as workspace/didChangeConfiguration. */
export const CONFIGURATION_SECTION = 'commslint';
