/*
 * The facet sidebar and the chips of the ticked values, drawn from facet-model.js's data. Each redraw keeps
 * keyboard focus (and the caret) on the same control, so ticking a box or typing in a value finder never loses it.
 */
import { h } from './dom.js';
import { plural } from './results-model.js';

/** Rebuilds part of the page, keeping keyboard focus (and the caret) on the control with the same data-key. */
export function keepingFocus(container, build) {
  const active = document.activeElement;
  const key = active && container.contains(active) ? active.dataset.key : null;
  const caret = key && active.tagName === 'INPUT' && active.type !== 'checkbox'
    ? [active.selectionStart, active.selectionEnd] : null;
  build();
  if (!key) return;
  const again = [...container.querySelectorAll('[data-key]')].find((el) => el.dataset.key === key);
  if (again) {
    again.focus({ preventScroll: true });
    if (caret) again.setSelectionRange(caret[0], caret[1]);
  }
}

/**
 * The sidebar: one fieldset per facet model (null models are skipped). on: {tick(facet, value, checked),
 * more(facet, maybeMore), find(facet, text), findMore(facet), toggle(facet, value, expanded)}.
 */
export function renderFacets(container, models, on) {
  keepingFocus(container, () => {
    const groups = models.map((m, i) => (m ? facetGroup(m, 'facet-' + i, on) : null)).filter(Boolean);
    if (!groups.length) groups.push(h('p', { class: 'muted' }, 'No filters for these results.'));
    container.replaceChildren(...groups);
  });
}

function facetGroup(m, id, on) {
  const fieldset = h('fieldset', { class: 'facet', 'data-facet': m.facet }, h('legend', { class: 'facet-name' }, m.label));
  if (m.filterBox) {
    const input = h('input', { type: 'search', class: 'facet-filter', id: id + '-filter', 'data-key': 'filter:' + m.facet,
      placeholder: 'Find ' + m.label.toLowerCase() + '…', 'aria-label': 'Find a value in ' + m.label,
      'aria-controls': id + '-values', autocomplete: 'off', maxlength: '200' });
    input.value = m.filterText;
    input.addEventListener('input', () => on.find(m.facet, input.value));
    fieldset.append(input);
  }
  if (m.note) fieldset.append(h('p', { class: 'muted' }, m.note));
  fieldset.append(m.tree
    ? treeList(m.facet, m.tree, id + '-values', on)
    : h('ul', { class: 'facet-values', id: id + '-values' }, m.shown.map((v, i) => facetValue(m.facet, v, id + '-' + i, on))));
  if (m.findMore) {
    const button = h('button', { type: 'button', class: 'link-button facet-find-more', 'data-key': 'find-more:' + m.facet,
      'aria-controls': id + '-values' }, m.findMore.text);
    button.addEventListener('click', () => on.findMore(m.facet));
    fieldset.append(button);
  }
  if (m.more) {
    const button = h('button', { type: 'button', class: 'link-button facet-more', 'data-key': 'more:' + m.facet,
      'aria-expanded': String(m.more.open), 'aria-controls': id + '-values' }, m.more.text);
    button.addEventListener('click', () => on.more(m.facet, m.more.maybeMore));
    fieldset.append(button);
  }
  return fieldset;
}

function facetValue(facet, v, id, on) {
  return h('li', { class: 'facet-value' }, ...valueControls(facet, v, v.value, id, on));
}

/** A value's checkbox and its label (the name shown, its count). */
function valueControls(facet, v, name, id, on) {
  const box = h('input', { type: 'checkbox', id, checked: v.selected, 'data-facet': facet, 'data-value': v.value,
    'data-key': JSON.stringify([facet, v.value]) });
  box.addEventListener('change', () => on.tick(facet, v.value, box.checked));
  return [box,
    h('label', { for: id }, h('span', { class: 'value-name' }, name),
      v.count === null || v.count === undefined ? null
        : h('span', { class: 'count', 'aria-label': plural(v.count, 'result', 'results') }, v.count.toLocaleString()))];
}

/**
 * A tree facet's level: each node a checkbox with its label and count, and, when it has children, a button that
 * opens or closes them (aria-expanded; the list it controls is hidden while closed).
 */
function treeList(facet, nodes, id, on, nested = false) {
  // Leaves line up with their siblings' boxes; a flat top level (one-level sections) needs no room for toggles.
  const indentLeaves = nested || nodes.some((node) => node.children.length);
  return h('ul', { class: 'facet-values facet-tree', id }, nodes.map((node, i) => {
    const nodeId = id + '-' + i;
    const childrenId = nodeId + '-children';
    let toggle = null;
    let children = null;
    if (node.children.length) {
      toggle = h('button', { type: 'button', class: 'tree-toggle', 'aria-expanded': String(node.expanded),
        'aria-controls': childrenId, 'data-facet': facet, 'data-value': node.value,
        'data-key': JSON.stringify(['toggle', facet, node.value]),
        'aria-label': (node.expanded ? 'Hide ' : 'Show ') + node.label + ' (' + node.children.length + ')' },
      h('span', { 'aria-hidden': 'true' }, node.expanded ? '▾' : '▸'));
      toggle.addEventListener('click', () => on.toggle(facet, node.value, !node.expanded));
      children = treeList(facet, node.children, childrenId, on, true);
      if (!node.expanded) children.hidden = true;
    }
    return h('li', { class: 'facet-node' },
      h('div', { class: 'facet-value' + (!toggle && indentLeaves ? ' tree-leaf' : '') }, toggle, ...valueControls(facet, node, node.label, nodeId, on)),
      children);
  }));
}

/** The chips of the ticked values ([{facet, value, label}]); remove(chip, button) when one is clicked. */
export function renderChips(list, chips, remove) {
  keepingFocus(list, () => list.replaceChildren(...chips.map((chip) => {
    const button = h('button', { type: 'button', class: 'chip chip-remove', 'data-facet': chip.facet,
      'data-value': chip.value, 'data-key': JSON.stringify(['chip', chip.facet, chip.value]),
      'aria-label': 'Remove filter ' + chip.label + ': ' + chip.value },
    h('span', { class: 'chip-facet' }, chip.label + ':'), ' ', chip.value, h('span', { 'aria-hidden': 'true', class: 'chip-x' }, '×'));
    button.addEventListener('click', () => remove(chip, button));
    return h('li', null, button);
  })));
}
