/* The layers filled when first shown (geo/map/overlays.py, Fill): the context (Metropolregion 2014–2016 and
 * Länder), the Einwohnerdichte with its legend, and the Vernetzung lines. Their data arrives as the layer's
 * data, or as the address of a JSON file beside the map document (the dashboard), fetched when the layer is
 * first shown. Every text is inserted with textContent, except the density legend, which geo/map/overlays.py
 * renders with every value escaped. */
(function (MRH) {
  "use strict";

  var el = MRH.dom.el;

  var DRAW = {
    /* Muted, non-clickable shapes in the lowest pane, and the names of places (Hamburg). The shapes are
       added a few per task (MRH.inTasks, steps.js), as the map's steps are: all of them in one task took
       ≈ 140 ms at 4× CPU, while the page's own start still runs. Resolves when all are drawn. */
    context: function (map, group, data) {
      var shapes = [];
      data.parts.forEach(function (part) {
        part.shapes.features.forEach(function (feature) { shapes.push({style: part.style, feature: feature}); });
      });
      return MRH.inTasks(shapes, function (shape) {
        L.geoJSON(shape.feature, {style: shape.style, interactive: false, pane: "mrhContext"}).addTo(group);
      }).then(function () {
        data.names.forEach(function (name) {
          L.marker(name.pt, {interactive: false, keyboard: false, icon: L.divIcon({
            className: "mrh-context-icon", iconSize: [60, 14], iconAnchor: [30, 7],
            html: el("div", "mrh-context-label", name.text)
          })}).addTo(group);
        });
      });
    },

    /* Copies of the partner shapes in their density class's colour, and the legend while the layer is on. */
    density: function (map, group, data, partners) {
      partners.eachLayer(function (layer) {
        var color = data.palette[data.classes[layer.feature.properties.rs]];
        L.geoJSON(layer.feature, {interactive: false, pane: "mrhDensity", style: {stroke: false,
          fillColor: color, fillOpacity: 0.85}}).addTo(group);
      });
      var legend = L.control({position: "bottomleft"});
      legend.onAdd = function () {
        var div = L.DomUtil.create("div", "mrh-density-legend");
        div.innerHTML = data.legend;  // escaped by its template (geo/map/overlays.py, DENSITY_LEGEND)
        return div;
      };
      function toggle(e) {
        if (e.layer !== group) { return; }
        if (e.type === "layeradd") { legend.addTo(map); } else { legend.remove(); }
      }
      map.on("layeradd layerremove", toggle);
      if (map.hasLayer(group)) { legend.addTo(map); }
    },

    /* A line per pair of partners sharing themes, computed in Python (geo/view/network.py). */
    network: function (map, group, data) {
      data.lines.forEach(function (line) {
        L.polyline(line.line, {color: "#CC3311", opacity: 0.8, weight: line.weight})
          .bindTooltip(el("span", "", line.tip)).addTo(group);
      });
    }
  };

  /* Fill ``group`` with layer ``kind`` when it is first on the map. ``source``: the data, or the address of
     its JSON file; ``failed``: the text shown in the group's place when that file cannot be had (the next
     time the layer is switched on tries again). */
  MRH.fill = function (map, group, kind, source, partners, failed) {
    var state = "empty";  // → "loading" → "filled"
    var notice = null;
    function draw(data) {
      state = "filled";
      Promise.resolve(DRAW[kind](map, group, data, partners)).then(function () {
        map.fire("mrh:filled", {layer: group, kind: kind});
      });
    }
    function load() {
      if (state !== "empty") { return; }
      if (typeof source !== "string") {
        draw(source);
        return;
      }
      state = "loading";
      fetch(source, {credentials: "same-origin"}).then(function (response) {
        if (!response.ok) { throw new Error(response.status + " " + source); }
        return response.json();
      }).then(draw, function () {
        state = "empty";
        if (!notice) {  // a live region, so that screen readers say it too
          notice = L.control({position: "topright"});
          notice.onAdd = function () {
            var node = el("div", "mrh-notice");
            node.setAttribute("role", "status");
            return node;
          };
        }
        notice.addTo(map);
        var node = notice.getContainer();
        // the text after the region is in the page: a region that arrives with its text is often not read
        requestAnimationFrame(function () { node.textContent = failed; });
        setTimeout(function () { notice.remove(); }, 6000);
      });
    }
    map.on("layeradd", function (e) { if (e.layer === group) { load(); } });
    if (map.hasLayer(group)) { load(); }
  };
})(window.MRH = window.MRH || {});
