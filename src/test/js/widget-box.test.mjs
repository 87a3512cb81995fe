// The drop-in box's one call: a small search at the configured endpoint.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { searchUrl } from '../../main/resources/public/widget-box.js';

test('the widget asks the endpoint for a few results of the typed words, and one tiny facet', () => {
  const url = new URL(searchUrl('https://search.example.org', 'care & "co"', 6));
  assert.equal(url.origin + url.pathname, 'https://search.example.org/api/search');
  assert.deepEqual([...url.searchParams], [['q', 'care & "co"'], ['size', '6'], ['facets', 'year'], ['facetSize', '1']]);
});

test('the box searches the host page\'s language when it has one', () => {
  assert.equal(new URL(searchUrl('https://s.example.org', 'x', 6, 'zh-CN')).searchParams.get('lang'), 'zh-CN');
  assert.equal(new URL(searchUrl('https://s.example.org', 'x', 6)).searchParams.has('lang'), false);
});

test('the box shows a hit\'s sections as one line', async () => {
  const { crumbs } = await import('../../main/resources/public/widget-box.js');
  assert.equal(crumbs({ breadcrumbs: [{ title: 'Docs' }, { title: 'Concepts' }] }), 'Docs › Concepts');
  assert.equal(crumbs({}), '');
});

test('a search typed on from an earlier one names it, so analytics counts the run once', () => {
  const url = new URL(searchUrl('https://s.example.org', 'chron', 6, '', '0123456789abcdef'));
  assert.equal(url.searchParams.get('prev'), '0123456789abcdef');
  assert.equal(new URL(searchUrl('https://s.example.org', 'chr', 6)).searchParams.has('prev'), false);
});
