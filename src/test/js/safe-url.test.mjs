// Only http(s) and relative URLs from the API become links.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { safeHref } from '../../main/resources/public/safe-url.js';

const PAGE = 'https://www.example.org/search/?q=care';

test('http(s) URLs are links as they are', () => {
  assert.equal(safeHref('https://www.example.org/news/a', PAGE), 'https://www.example.org/news/a');
  assert.equal(safeHref('http://other.example/x?y=1#z', PAGE), 'http://other.example/x?y=1#z');
});

test('relative URLs resolve against the page that shows them', () => {
  assert.equal(safeHref('/news/remote-monitoring/', PAGE), 'https://www.example.org/news/remote-monitoring/');
  assert.equal(safeHref('guides/ccm', PAGE), 'https://www.example.org/search/guides/ccm');
  assert.equal(safeHref('//cdn.example/x', PAGE), 'https://cdn.example/x');
});

test('a javascript: link is refused, however it is written', () => {
  for (const url of ['javascript:window.__sitesearchPwned=1', 'JavaScript:alert(1)', '  javascript:alert(1)',
    'java\tscript:alert(1)', 'java\nscript:alert(1)', '\u0000javascript:alert(1)']) {
    assert.equal(safeHref(url, PAGE), null, JSON.stringify(url));
  }
});

test('other schemes are refused too', () => {
  for (const url of ['data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'blob:https://x/1',
    'file:///etc/passwd', 'mailto:a@example.org', 'ftp://example.org/x']) {
    assert.equal(safeHref(url, PAGE), null, url);
  }
});

test('no URL, or one that cannot be read, is no link', () => {
  for (const url of ['', '   ', null, undefined, 42, {}, 'http://[broken']) assert.equal(safeHref(url, PAGE), null, String(url));
});
