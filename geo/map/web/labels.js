/* The partners' names on the map: as many as fit, the selected partner first, then by area; never two
 * overlapping, and never on a contact point or the selection outline. */
(function (MRH) {
  "use strict";

  var el = MRH.dom.el;
  // A name that does not fit at its point tries just above or below it.
  var OFFSETS = [[0, 0], [0, -15], [0, 15]];

  function overlaps(a, b) {
    var m = 3;
    return !(a.right + m < b.left || b.right + m < a.left || a.bottom + m < b.top || b.bottom + m < a.top);
  }

  /* Does a screen rectangle touch the drawn selection outline? (sampled every 4 px) */
  function crossesSelection(path, r) {
    if (!path || !path.isPointInStroke) { return false; }
    var matrix = path.getScreenCTM();
    if (!matrix) { return false; }
    matrix = matrix.inverse();
    var point = path.ownerSVGElement.createSVGPoint();
    for (var x = r.left - 2; x <= r.right + 2; x += 4) {
      for (var y = r.top - 2; y <= r.bottom + 2; y += 4) {
        point.x = x;
        point.y = y;
        if (path.isPointInStroke(point.matrixTransform(matrix))) { return true; }
      }
    }
    return false;
  }

  /* The names of one map; ctx is its shared state (map.js). Returns {layout}. */
  function labels(ctx) {
    var map = ctx.map;
    var cfg = ctx.cfg;
    var group = L.layerGroup().addTo(map);
    var names = [];
    cfg.partners.eachLayer(function (layer) {
      var p = layer.feature.properties;
      var span = el("span", "", p.short);
      var marker = L.marker(p.pt, {
        icon: L.divIcon({className: "mrh-label", html: span, iconSize: null}),
        interactive: false, keyboard: false, pane: "mrhLabels"
      }).addTo(group);
      names.push({rs: p.rs, area: p.area, span: span, marker: marker});
    });

    /* One read pass, then arithmetic, then one write pass: no layout per label and candidate, so a map
       with hundreds of regions stays quick. */
    function layout() {
      if (!ctx.laidOut) { return; }  // before the first layout, reading sizes would force one (map.js)
      var selected = ctx.view.partner;
      var box = map.getContainer().getBoundingClientRect();
      var points = [];  // contact points: names avoid them where they can
      if (cfg.contacts && map.hasLayer(cfg.contacts)) {
        cfg.contacts.eachLayer(function (marker) {
          var path = marker.getElement && marker.getElement();
          if (path) { points.push(path.getBoundingClientRect()); }
        });
      }
      names.forEach(function (label) {  // writes
        label.span.classList.toggle("mrh-label-selected", label.rs === selected);
      });
      names.forEach(function (label) {  // reads: one layout for all
        label.w = label.span.offsetWidth;
        label.h = label.span.offsetHeight;
      });
      var placed = [];
      var order = names.slice().sort(function (a, b) {
        if (a.rs === selected) { return -1; }
        if (b.rs === selected) { return 1; }
        return b.area - a.area;
      });
      function rectAt(label, offset) {
        var p = map.latLngToContainerPoint(label.marker.getLatLng());
        var left = box.left + p.x - label.w / 2 + offset[0];
        var top = box.top + p.y - label.h / 2 + offset[1];
        return {left: left, top: top, right: left + label.w, bottom: top + label.h};
      }
      function tryPlace(label, obstacles) {
        for (var i = 0; i < OFFSETS.length; i++) {
          var r = rectAt(label, OFFSETS[i]);
          var inside = r.left >= box.left && r.right <= box.right && r.top >= box.top && r.bottom <= box.bottom;
          if (inside && !obstacles.some(function (q) { return overlaps(r, q); }) &&
              !crossesSelection(ctx.selectionPath, r)) {
            label.offset = OFFSETS[i];
            return r;
          }
        }
        return null;
      }
      order.forEach(function (label) {
        var r = tryPlace(label, placed.concat(points)) || tryPlace(label, placed);
        if (!r && label.rs === selected) {  // the selected partner always keeps its name
          label.offset = OFFSETS[0];
          r = rectAt(label, OFFSETS[0]);
        }
        label.shown = Boolean(r);
        if (r) { placed.push(r); }
      });
      names.forEach(function (label) {  // writes
        var span = label.span;
        if (label.shown) {
          span.style.marginLeft = label.offset[0] + "px";
          span.style.marginTop = label.offset[1] + "px";
        }
        span.style.visibility = label.shown ? "visible" : "hidden";
        span.setAttribute("aria-hidden", label.shown ? "false" : "true");
      });
      // context names (Hamburg) only where no partner name is
      Array.prototype.forEach.call(document.querySelectorAll(".mrh-context-label"), function (node) {
        node.style.visibility = "visible";
        var r = node.getBoundingClientRect();
        var free = !placed.some(function (q) { return overlaps(r, q); });
        node.style.visibility = free ? "visible" : "hidden";
      });
    }
    map.on("zoomend moveend viewreset", layout);

    return {layout: layout};
  }

  MRH.labels = labels;
})(window.MRH = window.MRH || {});
