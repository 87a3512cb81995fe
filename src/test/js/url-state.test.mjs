// The page's URL is its whole state: q, f.<facet> (repeatable), sort, page and lang, defaults left out.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_PAGE, MAX_SORTED_PAGE, pageParams, pageUrl, readState, shownSort, toggled, withChanges } from '../../main/resources/public/url-state.js';

const TOPICS = 'communityTopics';

test('f. parameters round-trip through the URL with repeated values, in order', () => {
  const url = '?q=remote+monitoring&f.communityTopics=Medigy%3A+Telehealth&f.communityTopics=KLAS%3A+Remote+Patient+Monitoring'
    + '&f.searchCategory=News&sort=newest&page=2';
  const state = readState(url);
  assert.equal(state.q, 'remote monitoring');
  assert.deepEqual([...state.filters], [
    [TOPICS, ['Medigy: Telehealth', 'KLAS: Remote Patient Monitoring']],
    ['searchCategory', ['News']],
  ]);
  assert.equal(state.sort, 'newest');
  assert.equal(state.page, 2);
  assert.equal(pageUrl(state, '/'), url);
  assert.deepEqual(readState(pageUrl(state, '/')), state);
});

test('values with URL syntax in them survive the trip', () => {
  const state = { q: 'a&b=c + d #e', filters: new Map([['link.brand', ['x&y=z', '100%', 'Ünïcødé “quoted”']]]), sort: '', page: 1, lang: null };
  assert.deepEqual(readState(pageUrl(state, '/')), state);
});

test('defaults are left out, so links stay short', () => {
  const empty = { q: '', filters: new Map(), sort: '', page: 1 };
  assert.equal(pageUrl(empty, '/search/'), '/search/');
  assert.equal(pageUrl({ ...empty, q: 'care' }, '/'), '?q=care');
  assert.equal(pageParams({ ...empty, page: 1, sort: '' }).toString(), '');
});

test('a value ticked twice in the URL is listed once; empty values and a bare "f." are ignored', () => {
  const state = readState('?f.tags=a&f.tags=a&f.tags=&f.=x&f.tags=b');
  assert.deepEqual([...state.filters], [['tags', ['a', 'b']]]);
});

test('an unknown sort is dropped and the page is kept within what the API serves', () => {
  assert.equal(readState('?sort=random').sort, '');
  assert.equal(readState('?page=0').page, 1);
  assert.equal(readState('?page=-3').page, 1);
  assert.equal(readState('?page=abc').page, 1);
  assert.equal(readState('?page=99999').page, MAX_SORTED_PAGE, 'no words: browsing, newest first');
  assert.equal(readState('?q=care&page=99999').page, MAX_PAGE);
  assert.equal(readState('?q=care&sort=title&page=99999').page, MAX_SORTED_PAGE);
  assert.equal(readState('?q=' + 'x'.repeat(1500)).q.length, 1000);
});

test('ticking and unticking a value makes new filters and leaves the old ones alone', () => {
  const before = new Map([[TOPICS, ['A']]]);
  const ticked = toggled(before, TOPICS, 'B', true);
  assert.deepEqual([...ticked], [[TOPICS, ['A', 'B']]]);
  assert.deepEqual([...before], [[TOPICS, ['A']]], 'unchanged');
  assert.deepEqual([...toggled(ticked, TOPICS, 'A', false)], [[TOPICS, ['B']]]);
  assert.deepEqual([...toggled(before, TOPICS, 'A', false)], [], 'a facet without values is dropped from the URL');
});

test('a change starts again on page 1', () => {
  const state = readState('?q=care&page=4');
  assert.equal(withChanges(state, { sort: 'title' }).page, 1);
  assert.equal(withChanges(state, { page: 3 }).page, 3);
});

test('the sort menu shows the API\'s default when the URL names none', () => {
  assert.equal(shownSort(readState('?q=care')), 'relevance');
  assert.equal(shownSort(readState('?q=%20')), 'newest');
  assert.equal(shownSort(readState('')), 'newest');
  assert.equal(shownSort(readState('?sort=title')), 'title');
});

test('lang is kept when the URL names it (empty: every language) and left out when it does not', () => {
  assert.equal(readState('?q=x').lang, null);
  assert.equal(pageUrl(readState('?q=x'), '/'), '?q=x');
  assert.equal(readState('?q=x&lang=fr').lang, 'fr');
  assert.equal(pageUrl(readState('?q=x&lang=fr'), '/'), '?q=x&lang=fr');
  assert.equal(pageUrl(readState('?q=x&lang='), '/'), '?q=x&lang=');
});
