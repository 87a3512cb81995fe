// The API client: the URLs the page asks, the facet list asked once, and the words a visitor sees on failure.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ApiError, errorMessage, facetList, facetValuesUrl, getJson, once, searchUrl, searchedLang, suggestUrl,
} from '../../main/resources/public/api.js';
import { readState } from '../../main/resources/public/url-state.js';

const params = (url) => [...new URL(url, 'https://search.example.org/').searchParams];

test('a search asks the page\'s parameters, a page of ten hits and the facet values wanted', () => {
  const state = readState('?q=care&f.communityTopics=A&f.communityTopics=B&sort=title');
  const url = searchUrl(state, 10);
  assert.ok(url.startsWith('api/search?'), url);
  assert.deepEqual(params(url), [['q', 'care'], ['f.communityTopics', 'A'], ['f.communityTopics', 'B'], ['sort', 'title'],
    ['size', '10'], ['page', '1'], ['facetSize', '10']]);
  assert.deepEqual(params(searchUrl(readState('?page=3'), 100)), [['page', '3'], ['size', '10'], ['facetSize', '100']]);
});

test('the value finder sends the current sort with the query and filters, so it counts as the sidebar does', () => {
  const state = readState('?q=care&f.searchCategory=News&sort=oldest&page=4');
  const url = facetValuesUrl('communityTopics', state, '  tele ');
  assert.ok(url.startsWith('api/facets/communityTopics?'), url);
  assert.deepEqual(params(url), [['q', 'care'], ['f.searchCategory', 'News'], ['sort', 'oldest'], ['search', 'tele'],
    ['size', '20']]);
  assert.deepEqual(params(facetValuesUrl('communityTopics', state, 'tele', '', 20)).slice(-3),
    [['search', 'tele'], ['size', '20'], ['offset', '20']], '"show more" asks the next page');
  assert.ok(!params(facetValuesUrl('tags', readState('?q=care'), 'x')).some(([k]) => k === 'sort'),
    'no sort in the page, none in the finder: both use the API\'s default');
});

test('a facet name is one path segment, whatever it holds', () => {
  assert.ok(facetValuesUrl('link.brand', readState(''), 'a').startsWith('api/facets/link.brand?'));
  assert.ok(facetValuesUrl('../admin/x?y', readState(''), 'a').startsWith('api/facets/..%2Fadmin%2Fx%3Fy?'));
});

test('suggestions ask eight completions of the typed text', () => {
  assert.deepEqual(params(suggestUrl('chr & co')), [['q', 'chr & co'], ['size', '8']]);
});

test('suggestions come from the language the search is in', () => {
  assert.deepEqual(params(suggestUrl('soi', 'fr')), [['q', 'soi'], ['size', '8'], ['lang', 'fr']]);
  assert.equal(searchedLang(readState('?q=x'), 'fr'), 'fr', "the page's own language");
  assert.equal(searchedLang(readState('?q=x&lang=de'), 'fr'), 'de', 'the one the URL names');
  assert.equal(searchedLang(readState('?q=x&lang='), 'fr'), '', 'every language');
});

test('an API problem shows its detail as a sentence; without one, the status', () => {
  assert.equal(errorMessage(400, { detail: "unknown facet 'noSuchFacet'" }), "Unknown facet 'noSuchFacet'.");
  assert.equal(errorMessage(400, { detail: 'Too many terms!' }), 'Too many terms!');
  assert.equal(errorMessage(502, null), 'The search service answered with an error (502). Please try again in a moment.');
  assert.equal(errorMessage(500, { detail: 42 }), 'The search service answered with an error (500). Please try again in a moment.');
});

test('getJson answers the body, or fails with the message a visitor should read', async () => {
  const answer = (status, body) => async () => new Response(body, { status, headers: { 'Content-Type': 'application/json' } });
  assert.deepEqual(await getJson('api/search?q=x', undefined, answer(200, '{"total":3}')), { total: 3 });
  await assert.rejects(getJson('api/search', undefined, answer(400, '{"detail":"unknown facet \'x\'"}')),
    (e) => e instanceof ApiError && e.message === "Unknown facet 'x'.");
  await assert.rejects(getJson('api/search', undefined, answer(502, '<html>Bad gateway</html>')),
    (e) => e instanceof ApiError && e.message.includes('(502)'));
  await assert.rejects(getJson('api/search', undefined, answer(200, 'not json')), ApiError);
  await assert.rejects(getJson('api/search', undefined, async () => { throw new TypeError('Failed to fetch'); }),
    (e) => e instanceof ApiError && e.message.startsWith('The search service could not be reached'));
});

test('getJson lets an abort through as an abort, not as an error to show', async () => {
  const controller = new AbortController();
  controller.abort();
  const aborting = async (url, init) => {
    init.signal.throwIfAborted();
    return new Response('{}');
  };
  await assert.rejects(getJson('api/search', controller.signal, aborting), (e) => e.name === 'AbortError');
});

test('getJson asks for JSON and uses the fetch of the moment (a page may wrap window.fetch)', async () => {
  const calls = [];
  const saved = globalThis.fetch;
  globalThis.fetch = async (url, init) => {
    calls.push([url, init.headers.Accept]);
    return new Response('{}');
  };
  try {
    await getJson('api/facets');
  } finally {
    globalThis.fetch = saved;
  }
  assert.deepEqual(calls, [['api/facets', 'application/json']]);
});

test('the facet list keeps the server\'s order and labels and skips entries without a name', () => {
  const body = { facets: [{ name: 'communityTopics', label: 'Topics' }, { label: 'No name' }, null,
    { name: 'year', label: '' }, { name: 'tags' }] };
  assert.deepEqual(facetList(body), [{ name: 'communityTopics', label: 'Topics' }, { name: 'year', label: null },
    { name: 'tags', label: null }]);
  assert.deepEqual(facetList({}), []);
  assert.deepEqual(facetList(null), []);
});

test('the facet list is asked once; a failed ask is tried again next time', async () => {
  let asks = 0;
  let fail = true;
  const load = once(async () => {
    asks += 1;
    if (fail) throw new ApiError('down');
    return ['list'];
  });
  await assert.rejects(load(), ApiError);
  fail = false;
  assert.deepEqual(await load(), ['list']);
  assert.deepEqual(await Promise.all([load(), load()]), [['list'], ['list']]);
  assert.equal(asks, 2);
});

test('the page searches its own <html lang> unless its URL names a language', () => {
  const lang = (url) => new URLSearchParams(url.split('?')[1]).get('lang');
  assert.equal(lang(searchUrl(readState('?q=x'), 10, 'fr')), 'fr');
  assert.equal(lang(searchUrl(readState('?q=x&lang=ja'), 10, 'fr')), 'ja');
  assert.equal(lang(searchUrl(readState('?q=x&lang='), 10, 'fr')), '', 'lang= searches every language');
  assert.equal(lang(searchUrl(readState('?q=x'), 10, '')), null, 'a page without a language sends none');
  assert.equal(lang(facetValuesUrl('tags', readState('?q=x'), 'a', 'fr')), 'fr');
});
