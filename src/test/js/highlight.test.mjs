// Highlighted API text (snippets, highlighted titles, suggestions) becomes text and marks, and nothing else.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeEntities, plainText, segments } from '../../main/resources/public/highlight.js';

test('matches in <mark> come out marked, the rest as plain text', () => {
  assert.deepEqual(segments('Remote <mark>patient</mark> <mark>monitoring</mark> at home'), [
    { text: 'Remote ', mark: false },
    { text: 'patient', mark: true },
    { text: ' ', mark: false },
    { text: 'monitoring', mark: true },
    { text: ' at home', mark: false },
  ]);
});

test('a <script> in a title, escaped by the API, comes out as text', () => {
  const title = '&lt;script&gt;alert(1)&lt;/script&gt; <mark>Care</mark>';
  assert.deepEqual(segments(title), [{ text: '<script>alert(1)</script> ', mark: false }, { text: 'Care', mark: true }]);
});

test('the fixture\'s hostile title, as the API escapes it, reads exactly as written', () => {
  const escaped = 'Hostile &lt;img src=x onerror=&quot;window.__sitesearchPwned=1&quot;&gt; markup';
  assert.equal(plainText(escaped), 'Hostile <img src=x onerror="window.__sitesearchPwned=1"> markup');
});

test('raw tags in a broken answer are dropped: only their text survives, never an element or attribute', () => {
  assert.deepEqual(segments('<img src=x onerror="alert(1)">after'), [{ text: 'after', mark: false }]);
  assert.deepEqual(segments('<b>bold</b> <a href="javascript:alert(1)">link</a>'), [{ text: 'bold link', mark: false }]);
  assert.deepEqual(segments('<img alt="a>b" onerror=\'x>y\'>ok'), [{ text: 'ok', mark: false }], 'quoted ">" ends no tag');
  assert.deepEqual(segments('<mark class="x" onclick="alert(1)">hit</mark>'), [{ text: 'hit', mark: true }]);
  assert.deepEqual(segments('a<!-- <mark>no</mark> -->b<!doctype html>c'), [{ text: 'abc', mark: false }]);
  assert.deepEqual(segments('text <img src=x onerror=alert(1)'), [{ text: 'text ', mark: false }], 'an unclosed tag is dropped');
});

test('script and style contents stay text, whatever they hold', () => {
  assert.equal(plainText('<script>if (a<b) alert(1)</script>!'), 'if (a<b) alert(1)!');
  assert.equal(plainText('<title>&lt;T&gt;</title>'), '<T>');
});

test('entities are decoded once: &amp;lt; shows as "&lt;", not as "<"', () => {
  assert.equal(plainText('5 &lt; 6 &amp; &quot;Quotes&quot; &#39;x&#39; &apos;y&apos;'), '5 < 6 & "Quotes" \'x\' \'y\'');
  assert.equal(plainText('&amp;lt;mark&amp;gt;'), '&lt;mark&gt;');
  assert.equal(decodeEntities('&#x1F600; &#128512; a&nbsp;b'), '😀 😀 a\u00a0b');
  assert.equal(decodeEntities('&#0; &#xD800; &#x110000;'), '\ufffd \ufffd \ufffd');
  assert.equal(decodeEntities('&bogus; &amp'), '&bogus; &amp', 'unknown or unterminated references stay as written');
});

test('a "<" that starts no tag is text', () => {
  assert.equal(plainText('5 < 6 and 7 <8'), '5 < 6 and 7 <8');
});

test('stray or unclosed marks never break the text', () => {
  assert.deepEqual(segments('a</mark>b<mark>c'), [{ text: 'ab', mark: false }, { text: 'c', mark: true }]);
  assert.deepEqual(segments('<mark><mark>x</mark>y</mark>z'), [{ text: 'xy', mark: true }, { text: 'z', mark: false }]);
  assert.deepEqual(segments('<MARK>Up</MARK>'), [{ text: 'Up', mark: true }]);
});

test('a chosen suggestion searches for its title without the marks', () => {
  assert.equal(plainText('<mark>Chr</mark>onic <mark>Car</mark>e &amp; more'), 'Chronic Care & more');
});

test('nothing in, nothing out', () => {
  assert.deepEqual(segments(null), []);
  assert.deepEqual(segments(undefined), []);
  assert.deepEqual(segments(''), []);
  assert.deepEqual(segments(42), [{ text: '42', mark: false }]);
});
