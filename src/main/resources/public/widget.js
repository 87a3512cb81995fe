/*
 * sitesearch drop-in box. On any page of the site:
 *
 *   <input id="q" type="search" aria-label="Search this site">
 *   <script src="https://search.example.org/widget.js" data-endpoint="https://search.example.org" data-input="#q"></script>
 *
 * turns the input into a search-as-you-type box with a dropdown of results (title, snippet) linking to the pages.
 * data-endpoint defaults to where this script came from; data-input to "#q"; data-size (1-10) to 6 results;
 * data-lang to the page's <html lang> (the language searched on a multilingual site; data-lang="" for all);
 * data-manual leaves attaching to the page: SiteSearchWidget.attach(input, {endpoint, size, lang}).
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
    var box = null;
    var destroyed = false;
    input.setAttribute('data-ssw', 'loading'); // taken: a second attach answers null
    var ready = load(endpoint).then(function (module) {
      if (!destroyed) box = module.attach(input, { endpoint: endpoint, size: size, nonce: script ? script.nonce : '', lang: lang });
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

  window.SiteSearchWidget = { attach: attach, version: '2' };

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
