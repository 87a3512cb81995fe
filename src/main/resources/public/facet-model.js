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
 * @param apiValues the values the search answered ([{value, count}]), asked: how many it was asked for
 * @param selected  the ticked values: always listed, even when the answer left them out
 * @param open      whether its "show more" is open
 * @param filter    the value finder's state, {text, values} (values null while searching), or null when unused
 * @returns {facet, label, filterBox, filterText, shown: [{value, count, selected}], note, more: {open, maybeMore, text}}
 */
export function facetModel({ facet, label, apiValues, asked, selected, open, filter }) {
  const values = (apiValues || []).map((v) => ({ value: String(v.value), count: v.count }));
  for (const v of selected) if (!values.some((x) => x.value === v)) values.push({ value: v, count: 0 });
  if (facet === YEAR_FACET) values.sort((a, b) => b.value.localeCompare(a.value));
  if (!values.length) return null;

  const maybeMore = (apiValues || []).length >= asked; // the API may hold more values than it sent
  let shown = values;
  let note = null;
  let more = null;
  if (filter && filter.values) {
    shown = filter.values;
    if (!shown.length) note = 'No ' + label.toLowerCase() + ' match “' + filter.text + '”.';
  } else if (filter) {
    shown = [];
    note = 'Searching…';
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
    note,
    more,
  };
}

/** The value finder's answer (GET api/facets/{facet}) as the values to list. */
export function foundValues(body) {
  return (body && Array.isArray(body.values) ? body.values : []).map((v) => ({ value: String(v.value), count: v.count }));
}

/** The chips of the ticked values, in URL order: [{facet, value, label}]. */
export function chipList(filters, labelOf) {
  const chips = [];
  for (const [facet, values] of filters) for (const value of values) chips.push({ facet, value, label: labelOf(facet) });
  return chips;
}
