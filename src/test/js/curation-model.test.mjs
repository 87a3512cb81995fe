// The curation page's logic: the bodies it sends, how the history reads, which results are pinned, its messages.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  changeBody, curatedIds, curatedQueries, describe, problemMessage, resultRows, source, synonymOrder, when, wordsOf,
} from '../../main/resources/public/curation-model.js';

test('a synonym group is typed as words or phrases separated by commas or lines', () => {
  assert.deepEqual(wordsOf(' ccm,  chronic   care management ,\n,rpm '), ['ccm', 'chronic care management', 'rpm']);
  assert.deepEqual(wordsOf(''), []);
  assert.deepEqual(wordsOf(undefined), []);
});

test('a change body has only the fields given, the version it was made against included', () => {
  assert.deepEqual(changeBody({ editor: 'Ana', action: 'add', kind: 'pin', query: 'ccm', ids: ['4010'], words: undefined,
    position: null, expectedVersion: 0 }), { editor: 'Ana', action: 'add', kind: 'pin', query: 'ccm', ids: ['4010'],
    expectedVersion: 0 });
  assert.deepEqual(changeBody({ version: 3, editor: 'Bo', extra: 1, expectedVersion: 3 }), { version: 3, editor: 'Bo', expectedVersion: 3 });
});

test('each change of the history reads as a sentence', () => {
  assert.equal(describe({ action: 'add', kind: 'pin', query: 'ccm', ids: ['4010', '4011'] }), 'added pin 4010, 4011 for “ccm”');
  assert.equal(describe({ action: 'add', kind: 'pin', query: 'ccm', ids: ['4010'], position: 1 }),
    'added pin 4010 for “ccm” at position 1');
  assert.equal(describe({ action: 'remove', kind: 'hide', query: 'rpm', ids: ['9'] }), 'removed hide 9 for “rpm”');
  assert.equal(describe({ action: 'add', kind: 'synonym', words: ['ccm', 'chronic care'] }), 'added synonyms ccm = chronic care');
  assert.equal(describe({ action: 'undo', undoes: 3, kind: 'pin', query: 'ccm', ids: ['4010'] }),
    'undid version 3 (pin 4010 for “ccm”)');
  assert.equal(when('2026-11-30T04:05:06.123Z'), '2026-11-30 04:05 UTC');
  assert.equal(source({ source: 'edit', version: 4 }), 'edit v4');
  assert.equal(source({ source: 'config' }), 'config');
});

test('results show their place among the pins; the query\'s pins and hides come from the rules for it', () => {
  const rules = { pins: [{ query: 'ccm', ids: [{ id: 'b', source: 'edit', version: 1 }] }], hides: [] };
  const { pins, hides } = curatedIds(rules);
  assert.deepEqual(hides, []);
  assert.deepEqual(resultRows([{ id: 'b', title: 'B' }, { id: 'a', title: '' }], pins),
    [{ id: 'b', title: 'B', pinned: 1 }, { id: 'a', title: 'a', pinned: 0 }]);
  assert.deepEqual(curatedIds({}), { pins: [], hides: [] });
});

test('a refusal reads as the problem\'s detail; a stale version says the page was brought up to date', () => {
  assert.equal(problemMessage(400, { detail: 'no page in the index has the id x' }), 'No page in the index has the id x.');
  assert.equal(problemMessage(401, { detail: 'send the admin token' }), 'The admin token was refused. Sign in again.');
  assert.match(problemMessage(409, { detail: 'the curation changed since version 1' }), /^The curation changed.*current rules\.$/);
  assert.match(problemMessage(500, null), /\(500\)/);
});

test('edited synonym groups are listed first, newest first, then the config\'s', () => {
  const groups = [{ words: ['a'], source: 'config' }, { words: ['b'], source: 'edit', version: 1 },
    { words: ['c'], source: 'config' }, { words: ['d'], source: 'edit', version: 2 }];
  assert.deepEqual(synonymOrder(groups).map((g) => g.words[0]), ['d', 'b', 'a', 'c']);
  assert.deepEqual(synonymOrder(undefined), []);
});

test('the curated queries list each query once with its counts of pins and hides', () => {
  const rules = {
    pins: [{ query: 'CCM', key: 'ccm', ids: [{ id: 'a' }, { id: 'b' }] }],
    hides: [{ query: 'ccm', key: 'ccm', ids: [{ id: 'c' }] }, { query: 'rpm', key: 'rpm', ids: [{ id: 'd' }] }],
  };
  assert.deepEqual(curatedQueries(rules), [{ query: 'CCM', key: 'ccm', pins: 2, hides: 1 },
    { query: 'rpm', key: 'rpm', pins: 0, hides: 1 }]);
  assert.deepEqual(curatedQueries(null), []);
});
