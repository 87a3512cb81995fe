// The click beacon's body: which search, which position in the whole list, which page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clickBody } from '../../main/resources/public/click-beacon.js';

const answer = (extra) => ({ searchId: '0123456789abcdef', page: 1, size: 10,
  hits: [{ id: 'a', url: '/a/' }, { id: 'b', url: '/b/' }, { url: '/c/' }], ...extra });

test('a followed result is named by its search, its position from 1 and its id', () => {
  assert.deepEqual(JSON.parse(clickBody(answer(), 1)), { searchId: '0123456789abcdef', position: 2, id: 'b' });
});

test('positions count across pages', () => {
  assert.equal(JSON.parse(clickBody(answer({ page: 3 }), 0)).position, 21);
});

test('a hit without an id is named by its URL', () => {
  assert.deepEqual(JSON.parse(clickBody(answer(), 2)), { searchId: '0123456789abcdef', position: 3, url: '/c/' });
});

test('nothing is sent without a searchId (analytics off) or for a hit that is not there', () => {
  assert.equal(clickBody(answer({ searchId: undefined }), 0), null);
  assert.equal(clickBody(answer(), 7), null);
  assert.equal(clickBody(null, 0), null);
});
