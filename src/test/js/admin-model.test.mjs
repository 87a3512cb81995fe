// The analytics page's pure parts: its default days, the report URLs and the link to curation.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cellText, curationHref, defaultRange, reportUrl } from '../../main/resources/public/admin-model.js';

test('the page shows the last 30 days up to today, in UTC', () => {
  assert.deepEqual(defaultRange(new Date('2026-03-05T23:30:00Z')), { from: '2026-02-04', to: '2026-03-05' });
});

test('reports are asked relative to the page, with the range, size and format', () => {
  const url = new URL(reportUrl('no-results', { from: '2026-01-01', to: '2026-01-31' }, 'csv', 1000), 'http://s/admin');
  assert.equal(url.pathname, '/api/admin/analytics/no-results');
  assert.deepEqual(Object.fromEntries(url.searchParams), { from: '2026-01-01', to: '2026-01-31', size: '1000', format: 'csv' });
  assert.equal(new URL(reportUrl('queries', { from: 'a', to: 'b' }), 'http://s/admin').searchParams.has('format'), false);
});

test('a failing query links to the curation page with the query in its URL', () => {
  const href = new URL(curationHref('care & "co" <b>'), 'http://s/admin');
  assert.equal(href.pathname, '/admin/curation');
  assert.equal(href.searchParams.get('q'), 'care & "co" <b>');
});

test('ratios read as percentages; a missing value as a dash', () => {
  assert.equal(cellText('clickRate', 0.25), '25.0 %');
  assert.equal(cellText('p50Ms', null), '–');
  assert.equal(cellText('query', '=1+1'), '=1+1');
});
