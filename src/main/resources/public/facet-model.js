/*
 * What the facet sidebar and the filter chips show, as data: the facets in the server's order with its labels
 * (GET api/facets), which values each lists, "show more", ticked values kept in view, the per-facet value finder,
 * and the chips of the ticked values.
 */

export const VISIBLE_VALUES = 5; // values shown before "show more"…
export const COLLAPSE_OVER = 7; // …when a facet has more than this many
export const FILTER_BOX_OVER = 8; // a facet with more values than this gets a box to find its values
/** The API's facet of the page date's year: its values are years, listed newest first. */
export const YEAR_FACET = 'year';

/** A facet's name made readable, for a facet the server's list does not name ("link.brand" → "Link brand"). */
export function humanize(name) {
  const words = name.replace(/[._-]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A facet → label function over the server's list ([{name, label}], or null before it is known). */
export function labeller(facets) {
  const labels = new Map((facets || []).filter((f) => f.label).map((f) => [f.name, f.label]));
  return (facet) => labels.get(facet) || humanize(facet);
}

/**
 * The facets of a search answer (an object facet → values) in the server's order; facets the list does not name
 * (or all of them, when it is not known) follow in the answer's order. Answers [[facet, values]].
 */
export function orderedFacets(answerFacets, facets) {
  const entries = Object.entries(answerFacets || {});
  const rank = new Map((facets || []).map((f, i) => [f.name, i]));
  const known = (name) => (rank.has(name) ? rank.get(name) : rank.size);
  return entries.map((e, i) => [e, i]).sort((a, b) => known(a[0][0]) - known(b[0][0]) || a[1] - b[1]).map((x) => x[0]);
}

/**
 * One facet's group in the sidebar, or null when it has nothing to list.
 *
 * @param facet     the facet's name; label: its label
 * @param apiValues the values the search answered ([{value, count}]), asked: how many it was asked for; a tree
 *                  facet's values carry their label and children ([{value, label, count, children}])
 * @param selected  the ticked values: always listed, even when the answer left them out
 * @param open      whether its "show more" is open
 * @param filter    the value finder's state, {text, values, total} (values null while searching), or null when unused
 * @param toggles   a tree's nodes the visitor opened (true) or closed (false): Map value → boolean
 * @returns {facet, label, filterBox, filterText, shown: [{value, count, selected}], tree: [node] or null, note,
 *          more: {open, maybeMore, text}, findMore: {text} or null}
 */
export function facetModel({ facet, label, apiValues, asked, selected, open, filter, toggles }) {
  if (isTree(apiValues)) return treeModel({ facet, label, apiValues, asked, selected, open, filter, toggles });
  const values = (apiValues || []).map((v) => ({ value: String(v.value), count: v.count }));
  for (const v of selected) if (!values.some((x) => x.value === v)) values.push({ value: v, count: 0 });
  if (facet === YEAR_FACET) values.sort((a, b) => b.value.localeCompare(a.value));
  if (!values.length) return null;

  const maybeMore = (apiValues || []).length >= asked; // the API may hold more values than it sent
  let shown = values;
  let note = null;
  let more = null;
  if (filter) {
    ({ shown, note } = finderShown(filter, label));
  } else {
    const collapse = values.length > COLLAPSE_OVER || maybeMore;
    const few = values.filter((v, i) => i < VISIBLE_VALUES || selected.includes(v.value));
    if (collapse) {
      if (!open) shown = few;
      more = { open, maybeMore, text: open ? 'Show fewer' : 'Show more' + (maybeMore ? '' : ' (' + (values.length - few.length) + ')') };
    }
  }
  return {
    facet,
    label,
    filterBox: values.length > FILTER_BOX_OVER || maybeMore || Boolean(filter),
    filterText: filter ? filter.text : '',
    shown: shown.map((v) => ({ value: String(v.value), count: v.count, selected: selected.includes(String(v.value)) })),
    tree: null,
    note,
    more,
    findMore: findMore(filter),
  };
}

/** Whether a facet's answer is a tree: its values carry children (a hierarchy, or Hugo's sections). */
export function isTree(apiValues) {
  return (apiValues || []).some((v) => v && Array.isArray(v.children));
}

/** What the value finder lists: its found values, "Searching…" while it asks, or that nothing matches. */
function finderShown(filter, label) {
  if (!filter.values) return { shown: [], note: 'Searching…' };
  return { shown: filter.values, note: filter.values.length ? null : 'No ' + label.toLowerCase() + ' match “' + filter.text + '”.' };
}

/** The value finder's "show more": the next page of its matches, while it has listed fewer than the total. */
function findMore(filter) {
  if (!filter || !filter.values || !(filter.total > filter.values.length)) return null;
  return { text: 'Show more (' + (filter.total - filter.values.length) + ')' };
}

/**
 * A tree facet's group: its top levels (five, then "show more", as a flat facet), each node with its children. A
 * node is open when the visitor opened it or, until they close it, when a ticked value sits below it.
 */
function treeModel({ facet, label, apiValues, asked, selected, open, filter, toggles }) {
  const nodes = treeNodes(apiValues, selected, toggles || new Map());
  if (!nodes.length) return null;
  const maybeMore = apiValues.length >= asked;
  let tree = nodes;
  let more = null;
  let shown = [];
  let note = null;
  if (filter) {
    tree = null;
    ({ shown, note } = finderShown(filter, label));
  } else if (nodes.length > COLLAPSE_OVER || maybeMore) {
    const few = nodes.filter((n, i) => i < VISIBLE_VALUES || n.holdsSelected);
    if (!open) tree = few;
    more = { open, maybeMore, text: open ? 'Show fewer' : 'Show more' + (maybeMore ? '' : ' (' + (nodes.length - few.length) + ')') };
  }
  return {
    facet,
    label,
    filterBox: countNodes(nodes) > FILTER_BOX_OVER || maybeMore || Boolean(filter),
    filterText: filter ? filter.text : '',
    shown: shown.map((v) => ({ value: String(v.value), count: v.count, selected: selected.includes(String(v.value)) })),
    tree,
    note,
    more,
    findMore: findMore(filter),
  };
}

/**
 * A tree answer as the nodes to draw: [{value, label, count, selected, holdsSelected, expanded, children}], where
 * holdsSelected says a ticked value is this node or below it.
 */
export function treeNodes(apiValues, selected, toggles) {
  return (apiValues || []).filter((v) => v && v.value !== undefined).map((v) => {
    const value = String(v.value);
    const children = treeNodes(Array.isArray(v.children) ? v.children : [], selected, toggles);
    const isSelected = selected.includes(value);
    const below = children.some((c) => c.holdsSelected);
    return {
      value,
      label: typeof v.label === 'string' && v.label ? v.label : value,
      count: v.count,
      selected: isSelected,
      holdsSelected: isSelected || below,
      expanded: children.length > 0 && (toggles.has(value) ? toggles.get(value) : below),
      children,
    };
  });
}

function countNodes(nodes) {
  return nodes.reduce((n, node) => n + 1 + countNodes(node.children), 0);
}

/** The value finder's answer (GET api/facets/{facet}) as the values to list. */
export function foundValues(body) {
  return (body && Array.isArray(body.values) ? body.values : []).map((v) => ({ value: String(v.value), count: v.count }));
}

/** How many values the value finder's answer says match in all (its page may hold fewer). */
export function foundTotal(body, values) {
  return body && Number.isInteger(body.total) ? body.total : values.length;
}

/** The chips of the ticked values, in URL order: [{facet, value, label}]. */
export function chipList(filters, labelOf) {
  const chips = [];
  for (const [facet, values] of filters) for (const value of values) chips.push({ facet, value, label: labelOf(facet) });
  return chips;
}
