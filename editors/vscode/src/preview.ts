// The page the preview webview shows. Pure, so the tests can check escaping and the policy.

/** The method of the server's custom request. */
export const RENDER_REQUEST = 'commslint/render';

export interface RenderParams {
  uri: string;
}

/** The server's answer: html for e-mails and pages rendered with their sample, text for SMS and plain text. */
export interface RenderResult {
  html: string | null;
  text: string | null;
  error: string | null;
}

/**
 * Templates are written by many hands and their samples hold real-looking data, so the preview
 * runs nothing and fetches only what a mail client would: remote (https) and inline images.
 * Styles stay inline because that is how e-mail HTML is written.
 */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; img-src https: data:; style-src 'unsafe-inline'";

const CSP_META = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`;

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Builds the webview's document from the server's answer; `title` names the template. The server
 * may send an error beside what it could still render (a sample missing a value), so the error is
 * shown above the content rather than instead of it.
 */
export function previewHtml(result: RenderResult | null | undefined, title: string): string {
  const error = result?.error ? `<p class="error" role="alert">${escapeHtml(result.error)}</p>` : '';
  if (typeof result?.html === 'string') {
    return withPolicy(result.html) + (result.error ? banner(result.error) : '');
  }
  if (typeof result?.text === 'string') {
    return page(title, `${error}<pre>${escapeHtml(result.text)}</pre>`);
  }
  return page(title, error || '<p class="error" role="alert">The language server rendered nothing for this file.</p>');
}

/**
 * The error over a rendered e-mail. Added after the document, where the parser puts it at the end
 * of the body whatever the document's markup, and pinned to the top of the view by its own style.
 */
function banner(error: string): string {
  const style =
    'position:fixed;top:0;left:0;right:0;margin:0;padding:6px 12px;z-index:2147483647;' +
    'font:13px sans-serif;color:#fff;background:#b3261e;';
  return `<p class="error" role="alert" style="${style}">${escapeHtml(error)}</p>`;
}

/**
 * Puts the policy first, before anything of the rendered document. A meta policy only governs
 * what comes after it, and looking for the document's own <head> could be fooled by a "<head>"
 * inside a comment or a string; placed first, the parser opens the head for it and merges the
 * document's own <html> and <head> into the ones it already made. The document's doctype is
 * dropped (a second one is ignored anyway) and ours keeps the page in standards mode.
 */
function withPolicy(html: string): string {
  const body = html.replace(/^\uFEFF?\s*<!doctype[^>]*>/i, '');
  return `<!DOCTYPE html>${CSP_META}${body}`;
}

function page(title: string, content: string): string {
  return [
    '<!DOCTYPE html>',
    '<html>',
    '<head>',
    CSP_META,
    '<meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    '<style>',
    'body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1em; }',
    'pre { font-family: var(--vscode-editor-font-family); white-space: pre-wrap; overflow-wrap: anywhere; }',
    '.error { color: var(--vscode-errorForeground); }',
    '</style>',
    '</head>',
    `<body>${content}</body>`,
    '</html>',
  ].join('\n');
}
