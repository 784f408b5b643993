// The preview page: the policy is always there and first, and text and errors are escaped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { previewHtml, escapeHtml, CONTENT_SECURITY_POLICY, RENDER_REQUEST } = require('../out/preview.js');

const CSP = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src https: data:; style-src 'unsafe-inline'">`;

test('the policy runs nothing and loads only https and inline images and inline styles', () => {
  assert.equal(CONTENT_SECURITY_POLICY, "default-src 'none'; img-src https: data:; style-src 'unsafe-inline'");
  assert.equal(RENDER_REQUEST, 'commslint/render');
});

test('text (an SMS) is escaped inside a <pre>, under the policy', () => {
  const html = previewHtml({ html: null, text: 'Kod: <script>alert("x")</script> & \'więcej\'', error: null }, 'sms.pl.txt');
  assert.ok(html.startsWith('<!DOCTYPE html>'));
  assert.ok(html.includes(CSP));
  assert.ok(html.indexOf(CSP) < html.indexOf('<body>'));
  assert.ok(html.includes('<pre>Kod: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;więcej&#39;</pre>'));
  assert.ok(!html.includes('<script>'));
  assert.ok(html.includes('<title>sms.pl.txt</title>'));
});

test('rendered HTML is kept as it is, with the policy before anything of it', () => {
  const email = '<!DOCTYPE html>\n<html lang="pl"><head><!-- <head> --><title>Zamówienie</title></head><body><img src="https://x/logo.png"><script>alert(1)</script></body></html>';
  const html = previewHtml({ html: email, text: null, error: null }, 'email.pl.html');
  assert.ok(html.startsWith(`<!DOCTYPE html>${CSP}`));
  assert.ok(html.endsWith('<html lang="pl"><head><!-- <head> --><title>Zamówienie</title></head><body><img src="https://x/logo.png"><script>alert(1)</script></body></html>'));
  assert.equal(html.match(/<!DOCTYPE/gi).length, 1);

  // A fragment without a document around it gets the policy too.
  const fragment = previewHtml({ html: '<p>Dzień dobry</p>', text: null, error: null }, 'x');
  assert.equal(fragment, `<!DOCTYPE html>${CSP}<p>Dzień dobry</p>`);
});

test('an error alone is shown as an escaped message', () => {
  const html = previewHtml({ html: null, text: null, error: 'Template <x> has no sample & no data' }, 't');
  assert.ok(html.includes(CSP));
  assert.ok(html.includes('<body><p class="error" role="alert">Template &lt;x&gt; has no sample &amp; no data</p></body>'));
});

test('an error beside rendered content is shown above it', () => {
  const text = previewHtml({ html: null, text: 'Paczka <już>', error: 'No value for <b>order.number</b>' }, 't');
  assert.ok(text.includes('<body><p class="error" role="alert">No value for &lt;b&gt;order.number&lt;/b&gt;</p><pre>Paczka &lt;już&gt;</pre></body>'));

  const email = previewHtml({ html: '<html><body><p>Dzień dobry</p></body></html>', text: null, error: 'No value for <b>x</b>' }, 't');
  assert.ok(email.startsWith(`<!DOCTYPE html>${CSP}<html><body><p>Dzień dobry</p></body></html>`));
  assert.match(email, /<p class="error" role="alert" style="position:fixed;top:0;[^"]*">No value for &lt;b&gt;x&lt;\/b&gt;<\/p>$/);
});

test('an empty answer says that nothing was rendered', () => {
  for (const result of [null, undefined, { html: null, text: null, error: null }]) {
    const html = previewHtml(result, 't');
    assert.ok(html.includes(CSP));
    assert.match(html, /rendered nothing/);
  }
  // An empty SMS is still a text, not "nothing".
  assert.ok(previewHtml({ html: null, text: '', error: null }, 't').includes('<pre></pre>'));
});

test('escapeHtml escapes the five characters that matter in text and attributes', () => {
  assert.equal(escapeHtml(`<a href="x" title='y'>&amp;</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
});
