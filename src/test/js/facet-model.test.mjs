// What the sidebar lists: facets in the server's order with its labels, values, "show more", the value finder, chips.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chipList, facetModel, foundTotal, foundValues, humanize, isTree, labeller, orderedFacets, treeNodes } from '../../main/resources/public/facet-model.js';

// GET /api/facets as the server answers it, in schema order.
const SERVER_LIST = [
  { name: 'communityTopics', label: 'Topics' }, { name: 'searchCategory', label: 'Category' },
  { name: 'tags', label: 'Tags' }, { name: 'link.brand', label: 'Site' }, { name: 'year', label: 'Year' },
];

const values = (n, from = 0) => Array.from({ length: n }, (_, i) => ({ value: 'v' + (from + i), count: 100 - from - i }));
const base = { facet: 'tags', label: 'Tags', asked: 10, selected: [], open: false, filter: null };

test('labels come from the server list; a facet it does not name gets a readable one', () => {
  const labelOf = labeller(SERVER_LIST);
  assert.equal(labelOf('communityTopics'), 'Topics');
  assert.equal(labelOf('link.brand'), 'Site');
  assert.equal(labelOf('eventType'), 'Event type');
  assert.equal(labeller(null)('communityTopics'), 'Community topics', 'before the list is known');
  assert.equal(humanize('link.brand'), 'Link brand');
  assert.equal(humanize('some_field-name'), 'Some field name');
});

test('facets follow the server\'s order, whatever order the search answer has', () => {
  const answer = { year: [], tags: [], extra: [], communityTopics: [], searchCategory: [] };
  assert.deepEqual(orderedFacets(answer, SERVER_LIST).map(([name]) => name),
    ['communityTopics', 'searchCategory', 'tags', 'year', 'extra']);
  assert.deepEqual(orderedFacets(answer, null).map(([name]) => name), Object.keys(answer), 'no list: the answer\'s order');
  assert.deepEqual(orderedFacets(undefined, SERVER_LIST), []);
});

test('a short facet lists every value, ticked ones ticked', () => {
  const m = facetModel({ ...base, apiValues: values(4), selected: ['v2'] });
  assert.deepEqual(m.shown.map((v) => [v.value, v.count, v.selected]),
    [['v0', 100, false], ['v1', 99, false], ['v2', 98, true], ['v3', 97, false]]);
  assert.equal(m.more, null);
  assert.equal(m.filterBox, false);
});

test('selected values stay listed, even when the answer leaves them out', () => {
  const m = facetModel({ ...base, apiValues: values(3), selected: ['Rare topic'] });
  assert.deepEqual(m.shown.at(-1), { value: 'Rare topic', count: 0, selected: true });
  const facetWithNoValues = facetModel({ ...base, apiValues: [], selected: ['Only this'] });
  assert.deepEqual(facetWithNoValues.shown.map((v) => v.value), ['Only this']);
});

test('a long facet shows five values and "show more" with how many more; ticked ones past five stay in view', () => {
  const m = facetModel({ ...base, apiValues: values(9), selected: ['v7'] });
  assert.deepEqual(m.shown.map((v) => v.value), ['v0', 'v1', 'v2', 'v3', 'v4', 'v7']);
  assert.deepEqual(m.more, { open: false, maybeMore: false, text: 'Show more (3)' });
  assert.equal(m.filterBox, true, 'more than eight values get a box to find one');

  const opened = facetModel({ ...base, apiValues: values(9), selected: ['v7'], open: true });
  assert.equal(opened.shown.length, 9);
  assert.equal(opened.more.text, 'Show fewer');
});

test('when the API sent as many values as asked there may be more: no count, and a finder box', () => {
  const m = facetModel({ ...base, apiValues: values(10), asked: 10 });
  assert.deepEqual(m.more, { open: false, maybeMore: true, text: 'Show more' });
  assert.equal(m.filterBox, true);
});

test('years are listed newest first', () => {
  const m = facetModel({ ...base, facet: 'year', label: 'Year',
    apiValues: [{ value: 2019, count: 9 }, { value: 2024, count: 1 }, { value: 2021, count: 5 }] });
  assert.deepEqual(m.shown.map((v) => v.value), ['2024', '2021', '2019']);
});

test('the value finder: "Searching…" while it asks, then the values found, or says none match', () => {
  const asking = facetModel({ ...base, apiValues: values(3), filter: { text: 'tele', values: null } });
  assert.deepEqual([asking.shown, asking.note, asking.filterBox, asking.filterText], [[], 'Searching…', true, 'tele']);

  const found = facetModel({ ...base, apiValues: values(3), selected: ['Medigy: Telehealth'],
    filter: { text: 'tele', values: foundValues({ values: [{ value: 'Medigy: Telehealth', count: 4 }] }) } });
  assert.deepEqual(found.shown, [{ value: 'Medigy: Telehealth', count: 4, selected: true }]);
  assert.equal(found.more, null, 'no "show more" while finding');

  const none = facetModel({ ...base, label: 'Topics', apiValues: values(3), filter: { text: 'zz', values: [] } });
  assert.equal(none.note, 'No topics match “zz”.');
});

test('a facet with nothing to list is left out', () => {
  assert.equal(facetModel({ ...base, apiValues: [] }), null);
});

test('chips name each ticked value with its facet\'s label, in URL order', () => {
  const filters = new Map([['communityTopics', ['Medigy: Telehealth', 'KLAS: RPM']], ['searchCategory', ['News']]]);
  assert.deepEqual(chipList(filters, labeller(SERVER_LIST)).map((c) => c.label + ': ' + c.value),
    ['Topics: Medigy: Telehealth', 'Topics: KLAS: RPM', 'Category: News']);
});

// A topic tree as the search answers it: each value with its label and children.
const TREE = [
  { value: 'Medigy', label: 'Medigy', count: 4, children: [
    { value: 'Medigy: Patient Acquisition', label: 'Patient Acquisition', count: 2, children: [] },
    { value: 'Medigy: Telehealth', label: 'Telehealth', count: 2, children: [] }] },
  { value: 'KLAS', label: 'KLAS', count: 2, children: [
    { value: 'KLAS: Remote Patient Monitoring', label: 'Remote Patient Monitoring', count: 1, children: [
      { value: 'KLAS: Remote Patient Monitoring: Devices', label: 'Devices', count: 1, children: [] }] }] },
  { value: 'Diabetes', label: 'Diabetes', count: 1, children: [] },
];
const outline = (nodes) => nodes.map((n) => n.label + '=' + n.count + (n.selected ? '*' : '') + (n.children.length
  ? (n.expanded ? ' [' + outline(n.children) + ']' : ' [+]') : '')).join(', ');

test('a tree facet lists its top levels closed, each with its count and its children behind a toggle', () => {
  assert.ok(isTree(TREE));
  assert.ok(!isTree(values(3)), 'a flat facet\'s values have no children');
  const m = facetModel({ ...base, facet: 'communityTopics', label: 'Topics', apiValues: TREE });
  assert.equal(outline(m.tree), 'Medigy=4 [+], KLAS=2 [+], Diabetes=1');
  assert.equal(m.tree[0].children[1].value, 'Medigy: Telehealth', 'a node ticks its whole path');
});

test('a ticked value opens the levels above it, and the visitor may close or open any node', () => {
  const selected = ['KLAS: Remote Patient Monitoring: Devices'];
  assert.equal(outline(treeNodes(TREE, selected, new Map())),
    'Medigy=4 [+], KLAS=2 [Remote Patient Monitoring=1 [Devices=1*]], Diabetes=1');
  const toggles = new Map([['KLAS', false], ['Medigy', true]]);
  assert.equal(outline(treeNodes(TREE, selected, toggles)),
    'Medigy=4 [Patient Acquisition=2, Telehealth=2], KLAS=2 [+], Diabetes=1');
});

test('a long tree shows five top levels and "show more", keeping the one that holds a ticked value', () => {
  const long = Array.from({ length: 9 }, (_, i) => ({ value: 'T' + i, label: 'T' + i, count: 20 - i,
    children: [{ value: 'T' + i + ': c', label: 'c', count: 1, children: [] }] }));
  const m = facetModel({ ...base, apiValues: long, selected: ['T8: c'] });
  assert.deepEqual(m.tree.map((n) => n.value), ['T0', 'T1', 'T2', 'T3', 'T4', 'T8']);
  assert.equal(m.tree.at(-1).expanded, true);
  assert.deepEqual(m.more, { open: false, maybeMore: false, text: 'Show more (3)' });
  assert.equal(m.filterBox, true, '18 values in all');
});

test('the value finder lists its matches flat, with "show more" while the answer holds more than listed', () => {
  const filter = { text: 'pat', values: [{ value: 'Medigy: Patient Acquisition', count: 2 }], total: 3 };
  const m = facetModel({ ...base, apiValues: TREE, filter });
  assert.equal(m.tree, null);
  assert.deepEqual(m.shown.map((v) => v.value), ['Medigy: Patient Acquisition']);
  assert.deepEqual(m.findMore, { text: 'Show more (2)' });
  assert.equal(facetModel({ ...base, apiValues: TREE, filter: { ...filter, total: 1 } }).findMore, null);
  assert.equal(foundTotal({ values: [], total: 7 }, []), 7);
  assert.equal(foundTotal({ values: [{ value: 'a' }] }, [{ value: 'a' }]), 1, 'an answer without a total: what it holds');
});
