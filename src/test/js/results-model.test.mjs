// The status line, the page links, and how a hit's address reads.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { displayUrl, pageCount, pageNumbers, statusText } from '../../main/resources/public/results-model.js';
import { readState } from '../../main/resources/public/url-state.js';

const answer = (total, page, hits) => ({ total, page, size: 10, hits: Array(hits).fill({}), tookMs: 7 });

test('the status line says how many, which, for what and how fast', () => {
  assert.equal(statusText(readState('?q=care'), answer(0, 1, 0)), 'No results for “care” · 7 ms');
  assert.equal(statusText(readState('?q=care'), answer(1, 1, 1)), '1 result for “care” · 7 ms');
  assert.equal(statusText(readState('?q=care'), answer(8, 1, 8)), '8 results for “care” · 7 ms');
  assert.equal(statusText(readState('?q=care&page=2'), answer(12, 2, 2)), 'Results 11–12 of 12 for “care” · 7 ms');
  assert.equal(statusText(readState(''), answer(12, 1, 10)), 'Results 1–10 of 12, newest first · 7 ms');
  assert.equal(statusText(readState('?sort=title'), answer(12, 1, 10)), 'Results 1–10 of 12 · 7 ms');
});

test('a partial answer (the search ran out of time) says its count is a lower bound', () => {
  const cut = (total, hits) => ({ ...answer(total, 1, hits), partial: true });
  assert.equal(statusText(readState('?q=care'), cut(8, 8)), 'At least 8 results for “care” (search stopped early) · 7 ms');
  assert.equal(statusText(readState('?q=care'), cut(40, 10)), 'Results 1–10 of at least 40 for “care” (search stopped early) · 7 ms');
  assert.equal(statusText(readState('?q=care'), cut(0, 0)), 'No results found in time for “care” (search stopped early) · 7 ms');
});

test('page links: first, last, two either side of the current one, gaps marked', () => {
  assert.deepEqual(pageNumbers(1, 1), [1]);
  assert.deepEqual(pageNumbers(1, 3), [1, 2, 3]);
  assert.deepEqual(pageNumbers(1, 20), [1, 2, 3, '…', 20]);
  assert.deepEqual(pageNumbers(10, 20), [1, '…', 8, 9, 10, 11, 12, '…', 20]);
  assert.deepEqual(pageNumbers(4, 20), [1, 2, 3, 4, 5, 6, '…', 20]);
  assert.deepEqual(pageNumbers(20, 20), [1, '…', 18, 19, 20]);
});

test('no page past what the API serves (page × size ≤ 10,000 ranked, 1,000 sorted or browsed)', () => {
  assert.equal(pageCount(12, 10), 2);
  assert.equal(pageCount(0, 10), 0);
  assert.equal(pageCount(250000, 10), 1000);
  assert.equal(pageCount(250000, 10, { q: 'care', sort: '' }), 1000);
  assert.equal(pageCount(250000, 10, { q: 'care', sort: 'relevance' }), 1000);
  assert.equal(pageCount(250000, 10, { q: 'care', sort: 'title' }), 100);
  assert.equal(pageCount(250000, 10, { q: '', sort: '' }), 100);
  assert.equal(pageCount(250, 10, { q: '', sort: 'newest' }), 25);
});

test('a hit on this site shows its path, another site\'s its host too; escapes are decoded', () => {
  assert.equal(displayUrl('https://www.example.org/news/caf%C3%A9/', 'https://www.example.org'), '/news/café/');
  assert.equal(displayUrl('https://other.example/a%20b', 'https://www.example.org'), 'other.example/a b');
  assert.equal(displayUrl('https://www.example.org/bad%E0%A4%A', 'https://www.example.org'), '/bad%E0%A4%A');
});

test('a hit\'s breadcrumbs read top first, linked when the section has a safe page', async () => {
  const { crumbTrail } = await import('../../main/resources/public/results-model.js');
  const { safeHref } = await import('../../main/resources/public/safe-url.js');
  const hit = { breadcrumbs: [
    { section: 'docs', title: 'Documentation', url: '/docs/' },
    { section: 'docs/x', title: 'X', url: 'javascript:alert(1)' },
    { section: 'blog', title: 'blog', url: null },
  ] };
  assert.deepEqual(crumbTrail(hit, safeHref, 'https://example.org/search/'), [
    { title: 'Documentation', href: 'https://example.org/docs/' },
    { title: 'X', href: null },
    { title: 'blog', href: null },
  ]);
  assert.deepEqual(crumbTrail({}, safeHref, 'https://example.org/'), []);
});
