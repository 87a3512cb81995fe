/*
 * A widget's fixed filters: data-filter-<facet>="value" on its script tag (or on a related list's element) keeps
 * every search it makes to those values, as f.<facet> does in the API, so a docs page's box searches only the docs.
 * Several values of one facet are separated by commas and OR-ed, as ticked values are; different facets are AND-ed.
 * HTML lower-cases attribute names, so a facet named in camelCase (communityTopics) is found by its name in any case
 * among the server's facets (GET /api/facets).
 */

/** {facet: [values]} from {facet: "a, b" | [values]}: values trimmed, empty ones and empty facets dropped. */
export function fixedFilters(raw) {
  const out = {};
  for (const [facet, given] of Object.entries(raw || {})) {
    const list = Array.isArray(given) ? given : String(given == null ? '' : given).split(',');
    const values = list.map((v) => String(v).trim()).filter(Boolean);
    if (facet && values.length) out[facet] = [...new Set(values)];
  }
  return out;
}

/** The data-filter-* attributes of an element as {name: value} (names as the browser gives them, lower case). */
export function filterAttributes(el) {
  const raw = {};
  if (!el || !el.attributes) return raw;
  for (const attr of el.attributes) {
    if (attr.name.startsWith('data-filter-')) raw[attr.name.slice('data-filter-'.length)] = attr.value;
  }
  return raw;
}

/**
 * filters with each facet named as the server names it: the same name, else the one facet whose name matches in
 * any case; a name the server lacks is kept as given (the server then answers what is wrong).
 */
export function serverNames(filters, facetNames) {
  const out = {};
  for (const [facet, values] of Object.entries(filters)) {
    let name = facet;
    if (!facetNames.includes(facet)) {
      const same = facetNames.filter((n) => n.toLowerCase() === facet.toLowerCase());
      if (same.length === 1) name = same[0];
    }
    out[name] = [...(out[name] || []), ...values];
  }
  return out;
}

/** The API's search page params for filters, appended to params ({facet: [values]} → f.facet=value…). */
export function appendFilters(params, filters) {
  for (const [facet, values] of Object.entries(filters || {})) {
    for (const value of values) params.append('f.' + facet, value);
  }
  return params;
}

const facetLists = new Map();

/**
 * The raw filters as the server names them; asks the server for its facets once per endpoint, and only when some
 * filter is set. Never fails: without the list, the names stay as given.
 */
export function resolveFilters(endpoint, raw) {
  const filters = fixedFilters(raw);
  if (!Object.keys(filters).length) return Promise.resolve(filters);
  if (!facetLists.has(endpoint)) {
    facetLists.set(endpoint, fetch(endpoint + '/api/facets', {
      mode: 'cors', credentials: 'omit', headers: { Accept: 'application/json' },
    }).then((r) => (r.ok ? r.json() : { facets: [] }))
      .then((data) => (Array.isArray(data && data.facets) ? data.facets.map((f) => f && f.name).filter(Boolean) : []))
      .catch(() => []));
  }
  return facetLists.get(endpoint).then((names) => serverNames(filters, names));
}
