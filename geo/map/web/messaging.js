/* The map's conversation with the page around it (ui/mapview.py, static/ui/mapframe.js).
 *   to the page:   {type: "mrh:ready"}, {type: "mrh:select", rs, via}, {type: "mrh:themes", themes}
 *   from the page: the view in the address's fragment (#view=<JSON>, "hashchange"), and {type: "mrh:hello"}
 *                  when the page's component has loaded (it may come after the map); a choice the page has
 *                  not confirmed with a view yet is then sent again.
 * Messages go only to and come only from the parent window on this origin. */
(function (MRH) {
  "use strict";

  /* ctx is the map's shared state (map.js); apply(view) draws a view. */
  function messaging(ctx, apply) {
    var parentWin = window.parent !== window ? window.parent : null;
    var unconfirmed = null;  // the last choice sent, until a view from the page arrives

    function post(message) {
      if (parentWin) { parentWin.postMessage(message, window.location.origin); }
    }

    /* Clicks and ticks apply at once; inside the dashboard the page then confirms with its view. */
    function select(rs, via) {
      unconfirmed = {type: "mrh:select", rs: rs, via: via};
      post(unconfirmed);
      apply({partner: rs, themes: ctx.view.themes, place: ctx.view.place});
    }

    function setThemes(themes) {
      unconfirmed = {type: "mrh:themes", themes: themes};
      post(unconfirmed);
      apply({partner: ctx.view.partner, themes: themes, place: ctx.view.place});
    }

    /* The view in the fragment: #view=<JSON>; anything else there is ignored (null). */
    function viewFromAddress() {
      var match = /^#view=(.*)$/.exec(window.location.hash);
      if (!match) { return null; }
      var data;
      try { data = JSON.parse(decodeURIComponent(match[1])); } catch (err) { return null; }
      if (!data || typeof data !== "object" || !Array.isArray(data.themes)) { return null; }
      return {
        partner: typeof data.partner === "string" ? data.partner : null,
        themes: data.themes.filter(function (s) { return ctx.cfg.themeBySlug[s] !== undefined; }),
        place: data.place && typeof data.place === "object" ? data.place : null
      };
    }

    window.addEventListener("hashchange", function () {
      var next = viewFromAddress();
      if (next) {
        unconfirmed = null;
        window.mrhFromPage = true;
        apply(next);
      }
    });

    window.addEventListener("message", function (e) {
      if (!parentWin || e.source !== parentWin || e.origin !== window.location.origin) { return; }
      if ((e.data || {}).type === "mrh:hello") {
        post({type: "mrh:ready"});
        if (unconfirmed) { post(unconfirmed); }
      }
    });

    /* The map stands: tell the page, and mark the moment on the page's clock (bench/lighthouse.py); opened
       on its own, on the document's. */
    function ready() {
      post({type: "mrh:ready"});
      try { (parentWin || window).performance.mark("mrh-karte-gezeichnet"); } catch (err) { /* other origin */ }
    }

    return {select: select, setThemes: setThemes, viewFromAddress: viewFromAddress, ready: ready};
  }

  MRH.messaging = messaging;
})(window.MRH = window.MRH || {});
