/*
 * Small charts for the analytics page, as inline SVG built with DOM calls (no library, no innerHTML; the page's
 * CSP allows no inline script). Colours come from admin.css through class names. Each chart has a text
 * alternative (role="img", aria-label) and a <title> per mark, which browsers show on hover.
 */

const SVG = 'http://www.w3.org/2000/svg';

function el(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The top of a chart's scale: the largest value rounded up to 1, 2 or 5 times a power of ten (at least 1). */
export function niceMax(values) {
  const max = Math.max(1, ...values.filter((v) => typeof v === 'number' && Number.isFinite(v)));
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

function frame(width, height, label) {
  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', class: 'chart' });
  svg.setAttribute('aria-label', label);
  return svg;
}

/** Bars for [{label, value}], the scale's top written at the left. */
export function barChart(items, { label, width = 640, height = 160, className = 'bar' } = {}) {
  const top = niceMax(items.map((i) => i.value));
  const left = 40;
  const bottom = height - 18;
  const svg = frame(width, height, label);
  svg.append(el('text', { x: 0, y: 12, class: 'chart-axis' }, String(top)),
    el('text', { x: 0, y: bottom, class: 'chart-axis' }, '0'),
    el('line', { x1: left, y1: bottom, x2: width, y2: bottom, class: 'chart-base' }));
  const slot = (width - left) / Math.max(1, items.length);
  items.forEach((item, i) => {
    const h = Math.round(((item.value || 0) / top) * (bottom - 8));
    const bar = el('rect', { x: (left + i * slot + slot * 0.15).toFixed(1), y: bottom - h, width: (slot * 0.7).toFixed(1),
      height: h, class: className });
    bar.append(el('title', null, item.label + ': ' + (item.value || 0)));
    svg.append(bar);
  });
  if (items.length) {
    svg.append(el('text', { x: left, y: height - 2, class: 'chart-axis' }, items[0].label),
      el('text', { x: width, y: height - 2, class: 'chart-axis', 'text-anchor': 'end' }, items[items.length - 1].label));
  }
  return svg;
}

/** Lines for series [{name, className, values}] over labels; a null value leaves a gap. */
export function lineChart(labels, series, { label, width = 640, height = 160, unit = '' } = {}) {
  const top = niceMax(series.flatMap((s) => s.values));
  const left = 40;
  const bottom = height - 18;
  const svg = frame(width, height, label);
  svg.append(el('text', { x: 0, y: 12, class: 'chart-axis' }, top + unit),
    el('text', { x: 0, y: bottom, class: 'chart-axis' }, '0'),
    el('line', { x1: left, y1: bottom, x2: width, y2: bottom, class: 'chart-base' }));
  const step = (width - left - 8) / Math.max(1, labels.length - 1);
  const x = (i) => (left + 4 + i * step).toFixed(1);
  const y = (v) => (bottom - (v / top) * (bottom - 8)).toFixed(1);
  series.forEach((s, n) => {
    let run = [];
    const flush = () => {
      if (run.length > 1) svg.append(el('polyline', { points: run.join(' '), class: 'chart-line ' + s.className }));
      run = [];
    };
    s.values.forEach((v, i) => {
      if (typeof v !== 'number') return flush();
      run.push(x(i) + ',' + y(v));
      const dot = el('circle', { cx: x(i), cy: y(v), r: 2.5, class: 'chart-dot ' + s.className });
      dot.append(el('title', null, labels[i] + ' ' + s.name + ': ' + v + unit));
      svg.append(dot);
    });
    flush();
    svg.append(el('text', { x: width - 4, y: 12 + n * 14, class: 'chart-legend ' + s.className, 'text-anchor': 'end' }, s.name));
  });
  if (labels.length) {
    svg.append(el('text', { x: left, y: height - 2, class: 'chart-axis' }, labels[0]),
      el('text', { x: width, y: height - 2, class: 'chart-axis', 'text-anchor': 'end' }, labels[labels.length - 1]));
  }
  return svg;
}
