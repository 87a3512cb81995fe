/*
 * sitesearch drop-in box. On any page of the site:
 *
 *   <input id="q" type="search" aria-label="Search this site">
 *   <script src="https://search.example.org/widget.js" data-endpoint="https://search.example.org" data-input="#q"></script>
 *
 * turns the input into a search-as-you-type box with a dropdown of results (title, snippet) linking to the pages.
 * data-endpoint defaults to where this script came from; data-input to "#q"; data-size (1-10) to 6 results;
 * data-lang to the page's <html lang> (the language searched on a multilingual site; data-lang="" for all);
 * data-filter-<facet>="value" (commas between several values) keeps every search of the box to those values, as
 * f.<facet> does: data-filter-section="docs" on a docs page searches only the docs.
 * data-manual leaves attaching to the page: SiteSearchWidget.attach(input, {endpoint, size, lang, filters}).
 *
 * Related pages: any element with data-sitesearch-related gets a list of links to the pages like the page it names
 * ("" or no value: this page; "/docs/intro/", Hugo's .RelPermalink; or a page id), with its own data-size (1-20,
 * default 5), data-filter-<facet> and data-label (the list's name when the element holds no heading):
 *   <aside data-sitesearch-related="{{ .RelPermalink }}"><h2>Related pages</h2></aside>
 * SiteSearchWidget.related(element, {endpoint, size, filters, label}) fills one by hand.
 * The server's `server.cors` setting must list the site's origin.
 *
 * This classic script only reads its tag's settings (document.currentScript is gone once it has run) and defines
 * the one global, window.SiteSearchWidget ({attach(input, options)}). The box itself is the module widget-box.js,
 * imported from beside this file with the page's own safe-text modules (dom.js, highlight.js, safe-url.js): API
 * text is only ever set as text, except the <mark> highlights of title and snippet, rebuilt from text and marks only.
 * Only http(s) and relative URLs become links. The server names the module with a content hash, so this script and
 * the modules it loads always come from the same deploy.
 */
(function () {
  'use strict';
  if (window.SiteSearchWidget) return; // loaded twice: the first copy does the work

  var script = document.currentScript;
  var MODULE = './widget-box.js'; // the server adds "?v=<content hash>"
  var loading = null;

  function attr(name) {
    return script ? script.getAttribute(name) : null;
  }

  /** An element's data-filter-<facet> attributes as {facet: "value"} (the module splits and names them). */
  function filterAttributes(el) {
    var raw = {};
    if (!el) return raw;
    for (var i = 0; i < el.attributes.length; i++) {
      var name = el.attributes[i].name;
      if (name.indexOf('data-filter-') === 0) raw[name.slice(12)] = el.attributes[i].value;
    }
    return raw;
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

  /** The box's module, imported once from where this script came from (else from the endpoint). */
  function load(endpoint) {
    if (!loading) {
      loading = import(new URL(MODULE, script && script.src ? script.src : endpoint + '/').href)
        .catch(function (e) {
          loading = null; // the next attach tries again
          throw e;
        });
    }
    return loading;
  }

  /** Turns one input into a search-as-you-type box (once the module has loaded). Returns {destroy(), ready}. */
  function attach(input, options) {
    if (!input || input.tagName !== 'INPUT') throw new Error('SiteSearchWidget: attach needs an <input>');
    if (input.getAttribute('data-ssw')) return null;
    options = options || {};
    var endpoint = String(options.endpoint || defaultEndpoint()).replace(/\/+$/, '');
    var size = Math.min(10, Math.max(1, parseInt(options.size || attr('data-size'), 10) || 6));
    // The host page's language: a multilingual site's visitors search their language's pages.
    var lang = options.lang !== undefined ? String(options.lang)
      : attr('data-lang') !== null ? attr('data-lang') : document.documentElement.lang || '';
    // Fixed filters: a docs page's box searches only the docs.
    var filters = options.filters !== undefined ? options.filters : filterAttributes(script);
    var box = null;
    var destroyed = false;
    input.setAttribute('data-ssw', 'loading'); // taken: a second attach answers null
    var ready = load(endpoint).then(function (module) {
      if (!destroyed) {
        box = module.attach(input, {
          endpoint: endpoint, size: size, nonce: script ? script.nonce : '', lang: lang, filters: filters,
        });
      }
    }, function (e) {
      if (!destroyed) input.removeAttribute('data-ssw');
      if (window.console) console.error('SiteSearchWidget: the search box could not be loaded', e);
    });
    return {
      ready: ready,
      destroy: function () {
        destroyed = true;
        if (box) box.destroy();
        else input.removeAttribute('data-ssw');
      },
    };
  }

  /**
   * Fills an element with the pages related to the one its data-sitesearch-related names (this page when empty).
   * options: {endpoint, size (1-20), filters ({facet: "a,b"}), label}; each defaults to the element's data-* attribute.
   * Returns a promise of the list's being shown (or the element's being hidden when there is nothing to show).
   */
  function related(el, options) {
    if (!el || !el.getAttribute) throw new Error('SiteSearchWidget: related needs an element');
    options = options || {};
    var endpoint = String(options.endpoint || defaultEndpoint()).replace(/\/+$/, '');
    return load(endpoint).then(function (module) {
      return module.related(el, {
        endpoint: endpoint,
        size: options.size || el.getAttribute('data-size'), // 1-20, else 5
        filters: options.filters !== undefined ? options.filters : filterAttributes(el),
        label: options.label || el.getAttribute('data-label') || 'Related pages',
        nonce: script ? script.nonce : '',
      });
    }, function (e) {
      el.hidden = true;
      if (window.console) console.error('SiteSearchWidget: related pages could not be loaded', e);
    });
  }

  window.SiteSearchWidget = { attach: attach, related: related, version: '3' };

  function autoAttach() {
    var selector = attr('data-input') || '#q';
    var inputs;
    try {
      inputs = document.querySelectorAll(selector);
    } catch (e) {
      inputs = [];
    }
    var lists = document.querySelectorAll('[data-sitesearch-related]');
    if (!inputs.length && !lists.length && window.console) console.warn('SiteSearchWidget: no input matches ' + selector);
    for (var i = 0; i < inputs.length; i++) attach(inputs[i]);
    for (var j = 0; j < lists.length; j++) related(lists[j]);
  }

  if (script && script.getAttribute('data-manual') === null) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', autoAttach);
    else autoAttach();
  }
})();
