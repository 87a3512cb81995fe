/*
 * The analytics page (/admin): asks for the admin token (kept in sessionStorage, this tab only), then shows the
 * reports of GET api/admin/analytics/… for a range of days: searches and latency per day as charts, then tables
 * (top queries, no results, no clicks, clicked positions, facet use, suggestion lookups), each with a CSV download.
 * A failing query links to the curation page. Queries are typed by anyone: every value is set as text (dom.js's
 * h(), SVG through textContent), never as markup.
 */
import { barChart, lineChart } from './admin-charts.js';
import { COLUMN_LABELS, REPORTS, ROWS, TOKEN_KEY, cellText, curationHref, defaultRange, reportUrl } from './admin-model.js';
import { h } from './dom.js';

const els = {};
for (const id of ['token-form', 'token', 'token-error', 'reports', 'range-form', 'from', 'to', 'forget', 'status',
  'days-charts', 'report-sections']) {
  els[id] = document.getElementById(id);
}

/** A failed call, with what to tell the editor; unauthorized when the token was refused. */
class AdminError extends Error {
  constructor(message, unauthorized = false) {
    super(message);
    this.unauthorized = unauthorized;
  }
}

function token() {
  try {
    return sessionStorage.getItem(TOKEN_KEY) || '';
  } catch (e) {
    return '';
  }
}

function setToken(value) {
  try {
    if (value) sessionStorage.setItem(TOKEN_KEY, value);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch (e) {
    // storage off: the token lives until the page closes
  }
  memoryToken = value;
}

let memoryToken = token();

async function call(url) {
  let response;
  try {
    response = await fetch(url, { headers: { Authorization: 'Bearer ' + memoryToken, Accept: 'application/json, text/csv' } });
  } catch (e) {
    throw new AdminError('The server could not be reached.');
  }
  if (response.ok) return response;
  let detail = '';
  try {
    const body = await response.json();
    detail = body && typeof body.detail === 'string' ? body.detail : '';
  } catch (e) {
    // no problem body
  }
  throw new AdminError(detail || 'The server answered ' + response.status + '.', response.status === 401);
}

function showTokenForm(message) {
  els.reports.hidden = true;
  els['token-form'].hidden = false;
  els['token-error'].hidden = !message;
  els['token-error'].textContent = message || '';
  els.token.value = '';
  els.token.focus();
}

function range() {
  return { from: els.from.value, to: els.to.value };
}

async function load() {
  els['token-form'].hidden = true;
  els.reports.hidden = false;
  els.status.textContent = 'Loading…';
  const r = range();
  try {
    const [days, ...tables] = await Promise.all([
      call(reportUrl('days', r, 'json', 1)).then((res) => res.json()),
      ...REPORTS.map((report) => call(reportUrl(report.name, r)).then((res) => res.json())),
    ]);
    renderDays(days);
    els['report-sections'].replaceChildren(...REPORTS.map((report, i) => renderReport(report, tables[i])));
    const total = days.rows.reduce((n, row) => n + (row.searches || 0), 0);
    els.status.textContent = total + ' searches from ' + days.from + ' to ' + days.to + ' (UTC).';
  } catch (e) {
    if (e instanceof AdminError && e.unauthorized) {
      setToken('');
      showTokenForm('That token was not accepted. Enter the admin token again.');
      return;
    }
    els.status.textContent = e instanceof AdminError ? e.message : 'The reports could not be shown.';
  }
}

function renderDays(table) {
  const labels = table.rows.map((row) => row.day);
  els['days-charts'].replaceChildren(
    h('figure', { class: 'admin-figure' },
      barChart(table.rows.map((row) => ({ label: row.day, value: row.searches })), { label: 'Searches per day', width: 520 }),
      h('figcaption', null, 'Searches per day')),
    h('figure', { class: 'admin-figure' },
      lineChart(labels, [
        { name: 'p50', className: 'series-a', values: table.rows.map((row) => row.p50Ms) },
        { name: 'p95', className: 'series-b', values: table.rows.map((row) => row.p95Ms) },
      ], { label: 'Search latency per day, p50 and p95, in milliseconds', unit: ' ms', width: 520 }),
      h('figcaption', null, 'Latency per day (p50, p95)')),
    h('details', { class: 'admin-days' }, h('summary', null, 'Each day'), renderTable('days', table, false)));
}

function renderReport(report, table) {
  const id = 'report-' + report.name;
  return h('section', { class: 'admin-section', id, 'aria-labelledby': id + '-heading' },
    h('h2', { id: id + '-heading' }, report.title),
    report.chart && table.rows.length
      ? barChart(table.rows.map((row) => ({ label: '#' + row.position, value: row.clicks })),
        { label: report.title, height: 120, className: 'bar bar-b' })
      : null,
    table.rows.length ? renderTable(report.name, table, report.curate) : h('p', { class: 'admin-empty' }, 'Nothing yet for these days.'),
    h('p', null, csvButton(report.name)));
}

function renderTable(name, table, curate) {
  const head = h('tr', null, table.columns.map((c) => h('th', { scope: 'col' }, COLUMN_LABELS[c] || c)),
    curate ? h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Curate')) : null);
  const rows = table.rows.map((row) => h('tr', null,
    table.columns.map((c) => h('td', { class: typeof row[c] === 'number' ? 'num' : null }, cellText(c, row[c]))),
    curate ? h('td', null, h('a', { href: curationHref(row.query), class: 'curate-link' }, 'Curate')) : null));
  return h('div', { class: 'admin-table-wrap' },
    h('table', { class: 'admin-table', 'data-report': name }, h('thead', null, head), h('tbody', null, rows)),
    table.rows.length >= ROWS && name !== 'days' ? h('p', { class: 'admin-hint' }, 'The first ' + ROWS + ' rows; the CSV has up to 1000.') : null);
}

function csvButton(name) {
  const button = h('button', { type: 'button', class: 'link-button', 'data-csv': name }, 'Download CSV');
  return button;
}

async function download(name) {
  try {
    const r = range();
    const response = await call(reportUrl(name, r, 'csv', 1000));
    const url = URL.createObjectURL(await response.blob());
    const a = h('a', { href: url, download: name + '-' + r.from + '-' + r.to + '.csv' });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } catch (e) {
    els.status.textContent = e instanceof AdminError ? e.message : 'The CSV could not be made.';
  }
}

els['token-form'].addEventListener('submit', (e) => {
  e.preventDefault();
  const value = els.token.value.trim();
  if (!value) return;
  setToken(value);
  load();
});

els['range-form'].addEventListener('submit', (e) => {
  e.preventDefault();
  load();
});

els.forget.addEventListener('click', () => {
  setToken('');
  showTokenForm('');
});

document.addEventListener('click', (e) => {
  const button = e.target instanceof Element ? e.target.closest('[data-csv]') : null;
  if (button) download(button.getAttribute('data-csv'));
});

const initial = defaultRange();
els.from.value = initial.from;
els.to.value = initial.to;
if (memoryToken) load();
else showTokenForm('');
