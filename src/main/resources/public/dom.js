/*
 * The one way the page and the widget build DOM from API data: h() sets attributes with setAttribute and adds
 * strings as text nodes, and marked() rebuilds highlighted API text from its segments (see highlight.js) as text
 * nodes and <mark> elements. Nothing is ever assigned to innerHTML.
 */
import { segments } from './highlight.js';

/** An element with attributes (false, null and undefined leave one out; true sets it empty) and children. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === false || v === null || v === undefined) continue;
    el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'object' ? child : String(child)); // a string becomes a text node
  }
  return el;
}

/** Highlighted API text as a fragment of text nodes and <mark> elements, nothing else. */
export function marked(html) {
  const fragment = document.createDocumentFragment();
  for (const s of segments(html)) fragment.append(s.mark ? h('mark', null, s.text) : s.text);
  return fragment;
}

const adopted = new Set();

/**
 * Adds css to the document once: as a constructed sheet (allowed under a strict CSP), else as a <style> with the
 * page's nonce. For the widget's parts, which style themselves on any site.
 */
export function adoptStyles(css, nonce) {
  if (adopted.has(css)) return;
  adopted.add(css);
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  } catch (e) {
    const style = h('style', null, css);
    if (nonce) style.nonce = nonce;
    document.head.append(style);
  }
}
