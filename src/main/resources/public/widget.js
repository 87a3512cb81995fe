/*
 * sitesearch drop-in box. On any page of the site:
 *
 *   <input id="q" type="search" aria-label="Search this site">
 *   <script src="https://search.example.org/widget.js" data-endpoint="https://search.example.org" data-input="#q"></script>
 *
 * turns the input into a search-as-you-type box with a dropdown of results (title, snippet) linking to the pages.
 * data-endpoint defaults to where this script came from; data-input to "#q"; data-size (1-10) to 6 results;
 * data-manual leaves attaching to the page: SiteSearchWidget.attach(input, {endpoint, size}).
 * The server's `server.cors` setting must list the site's origin.
 *
 * Leaves one global, window.SiteSearchWidget ({attach(input, options)}); its elements, ids and CSS classes all start
 * with "ssw-". API text is only ever set as text, except the <mark> highlights of title and snippet, which are
 * rebuilt from an inert parse keeping text and <mark> only. Only http(s) and relative URLs become links.
 */
(function () {
  'use strict';
  if (window.SiteSearchWidget) return; // loaded twice: the first copy does the work

  var script = document.currentScript;
  var DELAY_MS = 150;
  var CSS = [
    '.ssw-panel{position:absolute;z-index:2147483000;box-sizing:border-box;margin:0;padding:4px 0;',
    'background:#fff;color:#1f2933;border:1px solid #cfd6de;border-radius:8px;',
    'box-shadow:0 10px 30px rgba(15,23,42,.18);font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;',
    'text-align:left;max-height:70vh;overflow-y:auto}',
    '.ssw-panel[hidden],.ssw-panel [hidden]{display:none!important}',
    '.ssw-panel *{box-sizing:border-box;margin:0;padding:0;font:inherit;color:inherit;text-align:inherit;',
    'letter-spacing:normal;text-transform:none;float:none;border:0;background:none}',
    '.ssw-list{list-style:none}',
    '.ssw-list>li{display:block;list-style:none}',
    '.ssw-list>li::before,.ssw-list>li::after{content:none}',
    '.ssw-link{display:block;padding:8px 12px;text-decoration:none;cursor:pointer}',
    '.ssw-option[aria-selected="true"] .ssw-link,.ssw-link:hover{background:#e8efff}',
    '.ssw-option[aria-selected="true"] .ssw-link{box-shadow:inset 3px 0 0 #1d4ed8}',
    '.ssw-title{display:block;font-weight:600;color:#1d4ed8}',
    '.ssw-snippet{display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:2;overflow:hidden;',
    'margin-top:2px;color:#4b5663;font-size:13px;overflow-wrap:anywhere}',
    '.ssw-panel mark{background:#fde68a;color:inherit;padding:0 1px;border-radius:2px}',
    '.ssw-all .ssw-link{font-weight:600;color:#1d4ed8;border-top:1px solid #e3e7ec}',
    '.ssw-note{display:block;padding:8px 12px;color:#5b6875}',
    '.ssw-live{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}',
  ].join('');

  var instances = 0;
  var stylesAdded = false;
  var inert = null;

  function attr(name) {
    return script ? script.getAttribute(name) : null;
  }

  function defaultEndpoint() {
    var given = attr('data-endpoint');
    if (given) return given;
    try {
      return new URL(script.src, document.baseURI).origin;
    } catch (e) {
      return '';
    }
  }

  /** Scoped styles, added once: a constructed sheet (allowed under a strict CSP), else a <style> with the nonce. */
  function addStyles() {
    if (stylesAdded) return;
    stylesAdded = true;
    try {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      document.adoptedStyleSheets = document.adoptedStyleSheets.concat([sheet]);
    } catch (e) {
      var style = document.createElement('style');
      if (script && script.nonce) style.nonce = script.nonce;
      style.textContent = CSS;
      document.head.appendChild(style);
    }
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  /** Highlighted API text as DOM: its text and <mark> elements only. */
  function marked(html) {
    var fragment = document.createDocumentFragment();
    var body;
    try {
      inert = inert || new DOMParser();
      body = inert.parseFromString(String(html == null ? '' : html), 'text/html').body;
    } catch (e) { // e.g. Trusted Types enforced on the host page: fall back to plain text
      fragment.appendChild(document.createTextNode(String(html).replace(/<[^>]*>/g, '')
        .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&')));
      return fragment;
    }
    for (var i = 0; i < body.childNodes.length; i++) {
      var node = body.childNodes[i];
      fragment.appendChild(node.nodeName === 'MARK' ? el('mark', null, node.textContent)
        : document.createTextNode(node.textContent));
    }
    return fragment;
  }

  function safeHref(url, base) {
    if (typeof url !== 'string' || !url.trim()) return null;
    try {
      var resolved = new URL(url, base || document.baseURI);
      return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : null;
    } catch (e) {
      return null;
    }
  }

  /** Turns one input into a search-as-you-type box. Returns {destroy()}. */
  function attach(input, options) {
    if (!input || input.tagName !== 'INPUT') throw new Error('SiteSearchWidget: attach needs an <input>');
    if (input.getAttribute('data-ssw')) return null;
    options = options || {};
    var endpoint = String(options.endpoint || defaultEndpoint()).replace(/\/+$/, '');
    var size = Math.min(10, Math.max(1, parseInt(options.size || attr('data-size'), 10) || 6));
    var id = 'ssw-' + (++instances);
    addStyles();

    var panel = el('div', 'ssw-panel');
    panel.id = id + '-panel';
    panel.hidden = true;
    var list = el('ul', 'ssw-list');
    list.id = id + '-list';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', 'Search results');
    var note = el('p', 'ssw-note');
    note.hidden = true;
    panel.appendChild(list);
    panel.appendChild(note);
    var live = el('div', 'ssw-live');
    live.setAttribute('role', 'status');
    document.body.appendChild(panel);
    document.body.appendChild(live);

    input.setAttribute('data-ssw', id);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', list.id);
    input.setAttribute('autocomplete', 'off');
    if (!input.getAttribute('aria-label') && !input.getAttribute('aria-labelledby') && !(input.labels && input.labels.length)) {
      input.setAttribute('aria-label', 'Search this site');
    }

    var items = []; // [{li, href}]
    var active = -1;
    var timer = 0;
    var controller = null;
    var lastQuery = null;

    function place() {
      var r = input.getBoundingClientRect();
      var width = Math.max(r.width, Math.min(360, document.documentElement.clientWidth - 16));
      var left = Math.min(r.left, document.documentElement.clientWidth - width - 8);
      panel.style.top = (r.bottom + window.scrollY + 4) + 'px';
      panel.style.left = (Math.max(8, left) + window.scrollX) + 'px';
      panel.style.width = width + 'px';
    }

    function open() {
      place();
      panel.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }

    function close() {
      panel.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      setActive(-1);
    }

    function setActive(index) {
      active = index;
      for (var i = 0; i < items.length; i++) {
        items[i].li.setAttribute('aria-selected', String(i === index));
      }
      if (index >= 0) {
        input.setAttribute('aria-activedescendant', items[index].li.id);
        if (items[index].li.scrollIntoView) items[index].li.scrollIntoView({ block: 'nearest' });
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function addOption(className, href, build) {
      var li = el('li', 'ssw-option ' + className);
      li.id = id + '-option-' + items.length;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      var a = el('a', 'ssw-link');
      a.setAttribute('href', href);
      a.setAttribute('tabindex', '-1');
      build(a);
      a.addEventListener('mousedown', function (e) { e.preventDefault(); }); // keep focus in the box
      li.appendChild(a);
      list.appendChild(li);
      items.push({ li: li, href: href, link: a });
    }

    function show(q, data) {
      list.textContent = '';
      items = [];
      active = -1;
      var hits = Array.isArray(data.hits) ? data.hits : [];
      for (var i = 0; i < hits.length; i++) {
        var hit = hits[i] || {};
        var href = safeHref(hit.url);
        if (!href) continue;
        addOption('ssw-hit', href, function (a) {
          var title = el('span', 'ssw-title');
          var highlighted = hit.highlights && hit.highlights.title;
          if (highlighted) title.appendChild(marked(highlighted));
          else title.textContent = hit.title || href;
          a.appendChild(title);
          if (hit.snippet) {
            var snippet = el('span', 'ssw-snippet');
            snippet.appendChild(marked(hit.snippet));
            a.appendChild(snippet);
          }
        });
      }
      var total = typeof data.total === 'number' ? data.total : hits.length;
      var page = safeHref(endpoint + '/?q=' + encodeURIComponent(q));
      if (total > items.length && page) {
        addOption('ssw-all', page, function (a) {
          a.textContent = 'See all ' + total.toLocaleString() + ' results';
        });
      }
      note.hidden = total > 0;
      note.textContent = total > 0 ? '' : 'No results for “' + q + '”';
      live.textContent = total === 1 ? '1 result' : (total > 0 ? total.toLocaleString() + ' results' : 'No results');
      if (document.activeElement === input) open();
    }

    function showError() {
      list.textContent = '';
      items = [];
      note.hidden = false;
      note.textContent = 'Search is not available right now.';
      live.textContent = note.textContent;
      if (document.activeElement === input) open();
    }

    function run() {
      var q = input.value.trim();
      if (q === lastQuery && !panel.hidden) return;
      lastQuery = q;
      if (controller) controller.abort();
      if (!q) {
        close();
        return;
      }
      controller = typeof AbortController === 'function' ? new AbortController() : null;
      var mine = controller;
      var params = new URLSearchParams({ q: q, size: String(size), facets: 'year', facetSize: '1' });
      fetch(endpoint + '/api/search?' + params, {
        mode: 'cors', credentials: 'omit', headers: { Accept: 'application/json' },
        signal: mine ? mine.signal : undefined,
      }).then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.json();
      }).then(function (data) {
        if (mine === controller && input.value.trim() === q) show(q, data || {});
      }).catch(function (e) {
        if (e && e.name === 'AbortError') return;
        if (mine === controller) showError();
      });
    }

    function onInput() {
      clearTimeout(timer);
      timer = setTimeout(run, DELAY_MS);
    }

    function onKeydown(e) {
      if (e.isComposing) return;
      var isOpen = !panel.hidden;
      if (e.key === 'ArrowDown') {
        e.preventDefault();
        if (!isOpen) {
          if (items.length && input.value.trim() === lastQuery) open();
          else { clearTimeout(timer); lastQuery = null; run(); }
          return;
        }
        if (items.length) setActive(active + 1 >= items.length ? 0 : active + 1);
      } else if (e.key === 'ArrowUp') {
        if (!isOpen) return;
        e.preventDefault();
        if (items.length) setActive(active <= 0 ? items.length - 1 : active - 1);
      } else if (e.key === 'Enter') {
        if (isOpen && active >= 0) {
          e.preventDefault();
          window.location.assign(items[active].href);
        }
      } else if (e.key === 'Escape') {
        if (isOpen) {
          e.preventDefault();
          e.stopPropagation();
          close();
        }
      } else if (e.key === 'Tab') {
        close();
      }
    }

    function onFocus() {
      if (items.length || !note.hidden) {
        if (input.value.trim() === lastQuery && lastQuery) open();
      }
    }

    function onBlur() {
      setTimeout(function () {
        if (document.activeElement !== input) close();
      }, 0);
    }

    function onReflow() {
      if (!panel.hidden) place();
    }

    input.addEventListener('input', onInput);
    input.addEventListener('keydown', onKeydown);
    input.addEventListener('focus', onFocus);
    input.addEventListener('blur', onBlur);
    window.addEventListener('resize', onReflow);
    window.addEventListener('scroll', onReflow, true);

    return {
      destroy: function () {
        clearTimeout(timer);
        if (controller) controller.abort();
        input.removeEventListener('input', onInput);
        input.removeEventListener('keydown', onKeydown);
        input.removeEventListener('focus', onFocus);
        input.removeEventListener('blur', onBlur);
        window.removeEventListener('resize', onReflow);
        window.removeEventListener('scroll', onReflow, true);
        ['data-ssw', 'role', 'aria-autocomplete', 'aria-expanded', 'aria-controls', 'aria-activedescendant']
          .forEach(function (name) { input.removeAttribute(name); });
        panel.remove();
        live.remove();
      },
    };
  }

  window.SiteSearchWidget = { attach: attach, version: '1' };

  function autoAttach() {
    var selector = attr('data-input') || '#q';
    var inputs;
    try {
      inputs = document.querySelectorAll(selector);
    } catch (e) {
      inputs = [];
    }
    if (!inputs.length && window.console) console.warn('SiteSearchWidget: no input matches ' + selector);
    for (var i = 0; i < inputs.length; i++) attach(inputs[i]);
  }

  if (script && script.getAttribute('data-manual') === null) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', autoAttach);
    else autoAttach();
  }
})();
