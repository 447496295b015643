/* How people reach the partners and contacts: pointer, keyboard (Tab, Enter), touch (one finger scrolls the
 * page, two move the map) and the screen reader's live region. */
(function (MRH) {
  "use strict";

  var el = MRH.dom.el;

  function pressed(e) { return e.key === "Enter" || e.key === " " || e.key === "Spacebar"; }

  /* The input of one map; ctx is its shared state (map.js). Returns {announce}. */
  function keyboard(ctx) {
    var map = ctx.map;
    var cfg = ctx.cfg;
    var T = ctx.T;

    cfg.partners.eachLayer(function (layer) {
      var p = layer.feature.properties;
      var path = layer.getElement();
      if (path) {
        path.setAttribute("tabindex", "0");
        path.setAttribute("role", "button");
        path.setAttribute("aria-label", p.name + (p.lead ? ", " + T.lead : ""));
        path.classList.add("mrh-partner");
        path.addEventListener("keydown", function (e) {
          if (pressed(e)) {
            e.preventDefault();
            ctx.select(p.rs, "keyboard");
          }
        });
      }
      layer.bindTooltip(el("span", "", p.name + (p.lead ? " – " + T.lead_short : "")), {sticky: true});
      if (cfg.details && cfg.details[p.rs]) {
        layer.bindPopup(MRH.dom.detailsPopup(p, cfg.details[p.rs]), {maxWidth: 320});
      }
      layer.on("click", function (e) {
        var touch = e.originalEvent && e.originalEvent.pointerType === "touch";
        ctx.select(p.rs, touch ? "touch" : "pointer");
      });
    });

    if (cfg.contacts) {  // Enter opens a contact's popup
      cfg.contacts.eachLayer(function (marker) {
        var path = marker.getElement && marker.getElement();
        if (!path) { return; }
        var tip = marker.getTooltip && marker.getTooltip();
        path.setAttribute("tabindex", "0");
        path.setAttribute("role", "button");
        path.setAttribute("aria-label", T.contact + ": " + (tip ? MRH.dom.plainText(tip.getContent()) : ""));
        path.addEventListener("keydown", function (e) {
          if (e.key === "Enter" || e.key === " ") { e.preventDefault(); marker.openPopup(); }
        });
      });
    }

    var touch = window.matchMedia && window.matchMedia("(pointer: coarse)").matches;
    if (touch) {
      map.dragging.disable();
      var hint = el("div", "mrh-hint", T.two_fingers);
      hint.setAttribute("aria-hidden", "true");
      map.getContainer().appendChild(hint);
      var timer = null;
      map.getContainer().addEventListener("touchmove", function (e) {
        if (e.touches.length !== 1) { hint.classList.remove("mrh-hint-on"); return; }
        hint.classList.add("mrh-hint-on");
        clearTimeout(timer);
        timer = setTimeout(function () { hint.classList.remove("mrh-hint-on"); }, 1500);
      }, {passive: true});
    }

    var live = el("div", "mrh-sr-only");  // what a screen reader hears after a selection
    live.setAttribute("aria-live", "polite");
    document.body.appendChild(live);

    return {announce: function (text) { live.textContent = text; }};
  }

  MRH.keyboard = keyboard;
})(window.MRH = window.MRH || {});
