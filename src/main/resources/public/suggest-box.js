/*
 * The search box's suggestions: a listbox of title completions (GET api/suggest) under the box, opened as the
 * visitor types or presses ArrowDown, walked with the arrows, closed with Escape or Tab. The box keeps focus
 * throughout (aria-activedescendant names the active option). Enter on an active option, or a click, chooses it.
 */
import { getJson, suggestUrl } from './api.js';
import { h, marked } from './dom.js';
import { plainText } from './highlight.js';

const SUGGEST_DELAY_MS = 90;

/**
 * Wires suggestions to the box; choose(text) gets a chosen suggestion's title; langOf() gives the language the
 * completions come from ('' every one). Answers {close(), cancel()}.
 */
export function suggestBox(input, listbox, choose, langOf = () => '') {
  let suggestions = [];
  let active = -1;
  let controller = null;
  let timer = 0;

  async function load(openFirst) {
    const q = input.value;
    if (controller) controller.abort();
    if (!q.trim()) {
      suggestions = [];
      close();
      return;
    }
    const mine = (controller = new AbortController());
    try {
      const data = await getJson(suggestUrl(q, langOf()), mine.signal);
      if (mine !== controller || input.value !== q) return;
      suggestions = (data.suggestions || []).filter((s) => s && typeof s.text === 'string');
      if (suggestions.length && document.activeElement === input) open(openFirst ? 0 : -1);
      else close();
    } catch (e) {
      if (e.name !== 'AbortError') close(); // suggestions are a nicety: the results show any error
    }
  }

  function open(index) {
    listbox.replaceChildren(...suggestions.map((s, i) => {
      const option = h('li', { role: 'option', id: 'suggestion-' + i, class: 'suggestion', 'aria-selected': 'false' },
        marked(s.text));
      option.addEventListener('mousedown', (e) => e.preventDefault()); // keep focus in the box
      option.addEventListener('click', () => pick(s));
      return option;
    }));
    listbox.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    setActive(index);
  }

  function close() {
    listbox.hidden = true;
    listbox.replaceChildren();
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function move(delta) {
    const n = suggestions.length;
    if (!n) return;
    let next = active + delta;
    if (next >= n) next = 0;
    if (next < -1) next = n - 1;
    if (next === -1 && delta > 0) next = 0;
    setActive(next);
  }

  function setActive(index) {
    active = index;
    [...listbox.children].forEach((option, i) => {
      option.setAttribute('aria-selected', String(i === index));
      if (i === index) option.scrollIntoView({ block: 'nearest' });
    });
    if (index >= 0) input.setAttribute('aria-activedescendant', 'suggestion-' + index);
    else input.removeAttribute('aria-activedescendant');
  }

  /** A suggestion completes the query: its title (marks removed) becomes the search. */
  function pick(suggestion) {
    clearTimeout(timer);
    suggestions = [];
    close();
    choose(plainText(suggestion.text));
  }

  /** Stops whatever is pending and closes the list (a submitted search needs no suggestions). */
  function cancel() {
    clearTimeout(timer);
    if (controller) controller.abort();
    close();
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => load(false), SUGGEST_DELAY_MS);
  });

  input.addEventListener('keydown', (e) => {
    if (e.isComposing) return; // an input method is still composing a character
    const isOpen = !listbox.hidden;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!isOpen) {
          if (suggestions.length) open(0);
          else load(true);
        } else move(1);
        break;
      case 'ArrowUp':
        if (isOpen) {
          e.preventDefault();
          move(-1);
        }
        break;
      case 'Enter':
        if (isOpen && active >= 0) {
          e.preventDefault();
          pick(suggestions[active]);
        }
        break; // otherwise the form submits
      case 'Escape':
        if (isOpen) {
          e.preventDefault();
          close();
        }
        break;
      case 'Tab':
        close();
        break;
      default:
    }
  });

  input.addEventListener('blur', () => {
    setTimeout(() => {
      if (document.activeElement !== input) close();
    }, 0);
  });

  return { close, cancel };
}
