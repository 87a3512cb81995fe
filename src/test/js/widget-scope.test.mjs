// A widget's fixed filters (data-filter-<facet>) and the related list's calls.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixedFilters, serverNames, appendFilters } from '../../main/resources/public/widget-scope.js';
import { searchUrl, allResultsUrl } from '../../main/resources/public/widget-box.js';
import { pageKey, relatedSize, relatedUrl } from '../../main/resources/public/related-list.js';

test('a fixed filter holds comma-separated values, trimmed, without empty ones or repeats', () => {
  assert.deepEqual(fixedFilters({ section: 'docs', tags: ' a, b ,,a', empty: ' , ', list: ['x, y'] }),
    { section: ['docs'], tags: ['a', 'b'], list: ['x, y'] });
  assert.deepEqual(fixedFilters(undefined), {});
});

test('lower-cased attribute names find the server\'s camelCase facets; unknown ones stay as given', () => {
  const names = ['communityTopics', 'section', 'link.brand'];
  assert.deepEqual(serverNames({ communitytopics: ['A'], section: ['docs'], 'link.brand': ['x'], nope: ['y'] }, names),
    { communityTopics: ['A'], section: ['docs'], 'link.brand': ['x'], nope: ['y'] });
});

test('the box sends its fixed filters and language with every search, and the "see all" link keeps them', () => {
  const url = new URL(searchUrl('https://s.example.org', 'pods', 6, 'en', { section: ['docs', 'blog'] }));
  assert.deepEqual(url.searchParams.getAll('f.section'), ['docs', 'blog']);
  assert.equal(url.searchParams.get('lang'), 'en');
  const all = new URL(allResultsUrl('https://s.example.org', 'pods', 'en', { section: ['docs'] }));
  assert.equal(all.pathname, '/');
  assert.deepEqual([...all.searchParams], [['q', 'pods'], ['lang', 'en'], ['f.section', 'docs']]);
  assert.equal(new URL(allResultsUrl('https://s.example.org', 'a b')).search, '?q=a+b');
});

test('appendFilters adds one f.<facet> parameter per value', () => {
  const params = appendFilters(new URLSearchParams(), { tags: ['a', 'b'], 'link.brand': ['x'] });
  assert.equal(params.toString(), 'f.tags=a&f.tags=b&f.link.brand=x');
});

test('a related list names its page by address (its own when empty) or by id', () => {
  assert.deepEqual(pageKey('', '/docs/intro/'), { url: '/docs/intro/' });
  assert.deepEqual(pageKey(null, '/here/'), { url: '/here/' });
  assert.deepEqual(pageKey(' /docs/x/ ', '/'), { url: '/docs/x/' });
  assert.deepEqual(pageKey('https://example.org/a/', '/'), { url: 'https://example.org/a/' });
  assert.deepEqual(pageKey('docs/x.md', '/'), { id: 'docs/x.md' });
  assert.deepEqual(pageKey('3118', '/'), { id: '3118' });
});

test('a related list asks for 1 to 20 pages, 5 by default, within its filters', () => {
  assert.equal(relatedSize(undefined), 5);
  assert.equal(relatedSize('abc'), 5);
  assert.equal(relatedSize('0'), 1);
  assert.equal(relatedSize('99'), 20);
  const url = new URL(relatedUrl('https://s.example.org', { url: '/docs/a b/' }, 3, { section: ['docs'] }));
  assert.equal(url.pathname, '/api/related');
  assert.deepEqual([...url.searchParams], [['url', '/docs/a b/'], ['size', '3'], ['f.section', 'docs']]);
  assert.equal(new URL(relatedUrl('https://s.example.org', { id: '3118' }, 5)).searchParams.get('id'), '3118');
});
