// The element builder the page and the widget share: attributes via setAttribute, strings as text, marks rebuilt.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { h, marked } from '../../main/resources/public/dom.js';

/** Just enough of a document to see what the builder asks of it (a string appended to an element is a text node). */
class FakeElement {
  constructor(tag) {
    this.tag = tag;
    this.attributes = {};
    this.children = [];
  }

  setAttribute(name, value) {
    this.attributes[name] = value;
  }

  append(...children) {
    this.children.push(...children);
  }

  set innerHTML(html) {
    throw new Error('innerHTML used: ' + html);
  }
}
globalThis.document = { createElement: (tag) => new FakeElement(tag), createDocumentFragment: () => new FakeElement('#fragment') };

test('markup in a string child stays a string: it becomes a text node, never elements', () => {
  const p = h('p', null, '<script>alert(1)</script>', 42);
  assert.deepEqual(p.children, ['<script>alert(1)</script>', '42']);
});

test('attributes are set as values; false, null and undefined leave one out, true sets it empty', () => {
  const input = h('input', { type: 'checkbox', checked: true, disabled: false, title: null, 'data-value': '"><img src=x>' });
  assert.deepEqual(input.attributes, { type: 'checkbox', checked: '', 'data-value': '"><img src=x>' });
});

test('children nest, lists flatten, empty ones are skipped', () => {
  const li = h('li', null, 'a');
  const ul = h('ul', null, [li, null, [false, 'b']], undefined);
  assert.deepEqual(ul.children, [li, 'b']);
});

test('highlighted text becomes text and <mark> elements only', () => {
  const fragment = marked('&lt;b&gt;x&lt;/b&gt; <mark>care</mark> <img src=x onerror=alert(1)>end');
  assert.equal(fragment.children.length, 3);
  assert.equal(fragment.children[0], '<b>x</b> ');
  assert.equal(fragment.children[1].tag, 'mark');
  assert.deepEqual(fragment.children[1].children, ['care']);
  assert.deepEqual(fragment.children[1].attributes, {});
  assert.equal(fragment.children[2], ' end');
});
