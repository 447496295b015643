/* The partners' names on the map: as many as fit, the selected partner first, then by area; never two
 * overlapping, never on a map control, and never on a contact point or the selection outline.
 *
 * A name sits on its partner's point if it fits there. If not, it moves out into free space, joined to the
 * point by a thin line (a leader): at 390 px the partners around Hamburg are smaller than their names, and
 * the land above and below the region is empty. On narrow maps the names take their short forms
 * (``narrow``, rules in geo/view/record.py, narrow_name). */
(function (MRH) {
  "use strict";

  var el = MRH.dom.el;
  var SVG = "http://www.w3.org/2000/svg";
  // A name that does not fit at its point tries just above or below it.
  var NEAR = [[0, 0], [0, -15], [0, 15]];
  // Then out on a leader: directions (every 22,5°, the one pointing away from the region's middle first) and
  // the leader's length in px, shortest first.
  var ANGLES = 16;
  var REACH = [18, 30, 44, 58, 74, 92, 112, 134];
  var LEADERS_UP_TO = 60;  // names; more regions than this keep to their points (a few hundred stay quick)

  function overlaps(a, b) {
    var m = 3;
    return !(a.right + m < b.left || b.right + m < a.left || a.bottom + m < b.top || b.bottom + m < a.top);
  }

  /* Does segment s ([x1, y1, x2, y2]) pass through rectangle r (grown by 1 px)? Liang–Barsky clipping: exact,
     and a few comparisons per pair, so that many candidates against many leaders stay cheap. */
  function segmentHits(s, r) {
    var dx = s[2] - s[0];
    var dy = s[3] - s[1];
    var p = [-dx, dx, -dy, dy];
    var q = [s[0] - (r.left - 1), (r.right + 1) - s[0], s[1] - (r.top - 1), (r.bottom + 1) - s[1]];
    var t0 = 0;
    var t1 = 1;
    for (var i = 0; i < 4; i++) {
      if (p[i] === 0) {
        if (q[i] < 0) { return false; }  // parallel to this edge and outside it
      } else {
        var t = q[i] / p[i];
        if (p[i] < 0) { t0 = Math.max(t0, t); } else { t1 = Math.min(t1, t); }
        if (t0 > t1) { return false; }
      }
    }
    return true;
  }

  /* The selected partner's outline as screen segments ([x1, y1, x2, y2], page px of this document): its
     rings projected once per layout (Leaflet's public getLatLngs and latLngToContainerPoint). */
  function outlineOf(map, layer, box) {
    var segments = [];
    (function walk(item) {
      if (!item.length) { return; }
      if (!(item[0] instanceof L.LatLng)) { item.forEach(walk); return; }
      var prev = null;
      item.concat([item[0]]).forEach(function (latlng) {
        var p = map.latLngToContainerPoint(latlng);
        var x = box.left + p.x;
        var y = box.top + p.y;
        if (prev) { segments.push([prev[0], prev[1], x, y]); }
        prev = [x, y];
      });
    })(layer.getLatLngs());
    return segments;
  }

  /* Does rectangle r touch the outline (its stroke is 3,5 px wide, the white halo 7: 4 px around r)? */
  function crossesOutline(segments, r) {
    var grown = {left: r.left - 3, top: r.top - 3, right: r.right + 3, bottom: r.bottom + 3};
    for (var i = 0; i < segments.length; i++) { if (segmentHits(segments[i], grown)) { return true; } }
    return false;
  }

  /* The point of rectangle r nearest to (x, y). */
  function nearest(r, x, y) {
    return [Math.min(Math.max(x, r.left), r.right), Math.min(Math.max(y, r.top), r.bottom)];
  }

  /* The names of one map; ctx is its shared state (map.js). Returns {layout}. */
  function labels(ctx) {
    var map = ctx.map;
    var cfg = ctx.cfg;
    var group = L.layerGroup().addTo(map);
    var names = [];
    var narrow = null;  // which forms the spans show (set by layout)
    cfg.partners.eachLayer(function (layer) {
      var p = layer.feature.properties;
      var node = el("div", "mrh-label-node");
      var leader = document.createElementNS(SVG, "svg");
      leader.setAttribute("class", "mrh-leader");
      leader.setAttribute("aria-hidden", "true");
      ["halo", "line"].forEach(function (kind) {
        var line = document.createElementNS(SVG, "line");
        line.setAttribute("class", kind);
        leader.appendChild(line);
      });
      var span = el("span", "", p.short);
      node.appendChild(leader);
      node.appendChild(span);
      var marker = L.marker(p.pt, {
        icon: L.divIcon({className: "mrh-label", html: node, iconSize: null}),
        interactive: false, keyboard: false, pane: "mrhLabels"
      }).addTo(group);
      names.push({rs: p.rs, area: p.area, short: p.short, narrow: p.narrow || p.short, span: span,
        leader: leader, marker: marker});
    });

    /* One read pass, then arithmetic, then one write pass: no layout per label and candidate, so a map
       with hundreds of regions stays quick. */
    function layout() {
      if (!ctx.laidOut) { return; }  // before the first layout, reading sizes would force one (map.js)
      var selected = ctx.view.partner;
      var container = map.getContainer();
      var box = container.getBoundingClientRect();
      var isNarrow = MRH.narrow(map);
      var points = [];  // contact points: names avoid them where they can
      if (cfg.contacts && map.hasLayer(cfg.contacts)) {
        cfg.contacts.eachLayer(function (marker) {
          var path = marker.getElement && marker.getElement();
          if (path) { points.push(path.getBoundingClientRect()); }
        });
      }
      // writes
      names.forEach(function (label) {
        label.span.classList.toggle("mrh-label-selected", label.rs === selected);
        if (isNarrow !== narrow) { label.span.textContent = isNarrow ? label.narrow : label.short; }
      });
      narrow = isNarrow;
      // reads: one layout for all
      var controls = [];  // zoom, home, panel, legend, scale, attribution: names never go under them
      Array.prototype.forEach.call(container.querySelectorAll(".leaflet-control"), function (node) {
        var r = node.getBoundingClientRect();
        if (r.width && r.height) { controls.push(r); }
      });
      names.forEach(function (label) {
        label.w = label.span.offsetWidth;
        label.h = label.span.offsetHeight;
      });
      // the selection's outline, and its box: only a name inside the box can touch the outline
      var chosen = ctx.byRs[selected];
      var outline = chosen && map.hasLayer(chosen) ? outlineOf(map, chosen, box) : [];
      var outlineBox = null;
      if (outline.length) {
        var o = chosen.getBounds();
        var nw = map.latLngToContainerPoint(o.getNorthWest());
        var se = map.latLngToContainerPoint(o.getSouthEast());
        outlineBox = {left: box.left + nw.x - 4, top: box.top + nw.y - 4, right: box.left + se.x + 4,
          bottom: box.top + se.y + 4};
      }
      var placed = [];
      var segments = [];
      var order = names.slice().sort(function (a, b) {
        if (a.rs === selected) { return -1; }
        if (b.rs === selected) { return 1; }
        return b.area - a.area;
      });
      var middle = [0, 0];  // the partners' middle on screen: leaders point away from it
      names.forEach(function (label) {
        label.at = map.latLngToContainerPoint(label.marker.getLatLng());
        middle[0] += label.at.x / names.length;
        middle[1] += label.at.y / names.length;
      });
      function rectAround(label, dx, dy) {
        var left = box.left + label.at.x - label.w / 2 + dx;
        var top = box.top + label.at.y - label.h / 2 + dy;
        return {left: left, top: top, right: left + label.w, bottom: top + label.h};
      }
      /* Where a name may go: first on its point, then out on leaders, nearest and most outward first. */
      function candidates(label) {
        var list = NEAR.map(function (o) { return {dx: o[0], dy: o[1], cost: 0}; });
        if (names.length > LEADERS_UP_TO) { return list; }
        var out = Math.atan2(label.at.y - middle[1], label.at.x - middle[0]);
        var far = [];
        for (var i = 0; i < ANGLES; i++) {
          var angle = i * 2 * Math.PI / ANGLES;
          var turn = Math.abs(Math.atan2(Math.sin(angle - out), Math.cos(angle - out)));
          REACH.forEach(function (reach) {
            var c = Math.cos(angle);
            var s = Math.sin(angle);
            far.push({dx: c * (reach + label.w / 2), dy: s * (reach + label.h / 2), leader: true,
              cost: reach * (1 + turn / Math.PI)});
          });
        }
        far.sort(function (a, b) { return a.cost - b.cost; });
        return list.concat(far);
      }
      /* Every partner's point: a name that covers another partner's point takes that partner's best place. */
      var anchors = names.map(function (label) {
        var x = box.left + label.at.x;
        var y = box.top + label.at.y;
        return {left: x - 4, top: y - 4, right: x + 4, bottom: y + 4, owner: label};
      });
      function hitsAny(r, list, skip) {
        for (var i = 0; i < list.length; i++) {
          if ((!skip || list[i].owner !== skip) && overlaps(r, list[i])) { return true; }
        }
        return false;
      }
      function segmentsHit(r) {
        for (var i = 0; i < segments.length; i++) { if (segmentHits(segments[i], r)) { return true; } }
        return false;
      }
      /* Is candidate c free for label? strict: 2 avoids contact points and other partners' points too, 1
         contact points, 0 only names, leaders and controls. The cheap tests come first. */
      function free(label, c, strict) {
        var r = rectAround(label, c.dx, c.dy);
        if (r.left < box.left || r.right > box.right || r.top < box.top || r.bottom > box.bottom) { return null; }
        if (hitsAny(r, placed) || hitsAny(r, controls) || (strict > 0 && hitsAny(r, points)) ||
            (strict > 1 && hitsAny(r, anchors, label)) || segmentsHit(r)) { return null; }
        var segment = null;
        if (c.leader) {
          var x = box.left + label.at.x;
          var y = box.top + label.at.y;
          var end = nearest(r, x, y);
          segment = [x, y, end[0], end[1]];
          for (var i = 0; i < placed.length; i++) { if (segmentHits(segment, placed[i])) { return null; } }
        }
        if (outlineBox && overlaps(r, outlineBox) && crossesOutline(outline, r)) { return null; }
        return {rect: r, segment: segment};
      }
      function place(label, list, strict) {
        for (var i = 0; i < list.length; i++) {
          var spot = free(label, list[i], strict);
          if (spot) {
            label.offset = [list[i].dx, list[i].dy];
            return spot;
          }
        }
        return null;
      }
      order.forEach(function (label) {  // the more it must avoid, the better; then less (never controls)
        var list = candidates(label);
        var spot = place(label, list, 2) || place(label, list, 1) || place(label, list, 0);
        if (!spot && label.rs === selected) {  // the selected partner always keeps its name
          label.offset = NEAR[0];
          spot = {rect: rectAround(label, 0, 0), segment: null};
        }
        label.shown = Boolean(spot);
        label.segment = spot && spot.segment;
        if (spot) {
          placed.push(spot.rect);
          if (spot.segment) { segments.push(spot.segment); }
        }
      });
      // writes
      names.forEach(function (label) {
        var span = label.span;
        if (label.shown) {  // (a margin does not move an inline block up: the line box grows instead)
          span.style.transform = "translate(-50%, -50%) translate(" + Math.round(label.offset[0]) + "px, " +
            Math.round(label.offset[1]) + "px)";
        }
        span.style.visibility = label.shown ? "visible" : "hidden";
        span.setAttribute("aria-hidden", label.shown ? "false" : "true");
        var s = label.shown && label.segment;
        label.leader.style.display = s ? "" : "none";
        if (s) {
          Array.prototype.forEach.call(label.leader.childNodes, function (line) {
            line.setAttribute("x1", "0");
            line.setAttribute("y1", "0");
            line.setAttribute("x2", String(Math.round(s[2] - s[0])));
            line.setAttribute("y2", String(Math.round(s[3] - s[1])));
          });
        }
      });
      // context names (Hamburg) only where no partner name or leader is
      Array.prototype.forEach.call(document.querySelectorAll(".mrh-context-label"), function (node) {
        node.style.visibility = "visible";
        var r = node.getBoundingClientRect();
        var taken = placed.some(function (q) { return overlaps(r, q); }) ||
          segments.some(function (s) { return segmentHits(s, r); });
        node.style.visibility = taken ? "hidden" : "visible";
      });
    }
    map.on("zoomend moveend viewreset", layout);
    map.on("mrh:filled", function (e) { if (e.kind === "context") { layout(); } });  // Hamburg's name came

    return {layout: layout};
  }

  MRH.labels = labels;
})(window.MRH = window.MRH || {});
