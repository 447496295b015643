/* What is drawn on the areas: the panes, the partners' styles, the theme fields, the selection outline and
 * the place found by „Ort suchen“. */
(function (MRH) {
  "use strict";

  var el = MRH.dom.el;
  var hatch = MRH.dom.hatch;

  // Pane order, bottom to top. Only paths marked interactive receive pointer events. The names lie above the
  // selection outline, so that it never crosses the selected partner's name (labels.js).
  var PANES = [
    ["mrhContext", 350], ["mrhPartners", 380], ["mrhDensity", 385], ["mrhThemes", 390],
    ["mrhSelection", 620], ["mrhLabels", 630]
  ];

  function createPanes(map) {
    PANES.forEach(function (p) {
      var pane = map.createPane(p[0]);
      pane.style.zIndex = String(p[1]);
      pane.style.pointerEvents = "none";
    });
    map.getPane("overlayPane").style.pointerEvents = "none";
  }

  /* The partners' style while their batches arrive, before the first view is drawn: start.base, with
     start.lead for the lead partner (geo/map/steps.py, Shapes). */
  function startStyle(start) {
    return function (feature) {
      return feature.properties.lead ? Object.assign({}, start.base, start.lead) : start.base;
    };
  }

  /* The drawing of one map; ctx is its shared state (map.js). */
  function layers(ctx) {
    var map = ctx.map;
    var cfg = ctx.cfg;

    /* Path style of one partner: base, lead dashed, filter match or muted, selection (cfg.styles). */
    function styleOf(p) {
      var s = cfg.styles;
      var view = ctx.view;
      var style = L.extend({}, s.base, p.lead ? s.lead : {});
      if (view.themes.length) {
        var hit = (p.themen || []).some(function (slug) { return view.themes.indexOf(slug) >= 0; });
        L.extend(style, hit ? s.match : s.muted);
      }
      if (p.rs === view.partner) { L.extend(style, s.selected); }
      if (ctx.densityOn) { style.fillOpacity = 0; }
      return style;
    }

    function restyle() {
      cfg.partners.eachLayer(function (layer) {
        var p = layer.feature.properties;
        layer.setStyle(styleOf(p));
        var path = layer.getElement();
        if (path) { path.setAttribute("aria-pressed", p.rs === ctx.view.partner ? "true" : "false"); }
      });
    }

    map.on("layeradd layerremove", function (e) {
      if (cfg.density && e.layer === cfg.density) {
        ctx.densityOn = e.type === "layeradd";
        restyle();
      }
    });

    /* The selection outline: its own pane above everything drawn on the areas. */
    var selection = L.layerGroup().addTo(map);
    function drawSelection() {
      selection.clearLayers();
      var layer = ctx.byRs[ctx.view.partner];
      if (!layer) { return; }
      var options = {pane: "mrhSelection", interactive: false};
      L.geoJSON(layer.feature, L.extend({style: {color: "#ffffff", weight: 7, opacity: 0.9, fill: false}},
        options)).addTo(selection);
      L.geoJSON(layer.feature, L.extend({style: {color: "#000000", weight: 3.5, fill: false}}, options))
        .addTo(selection);
    }

    /* Theme fields: one folium layer per theme; their visibility is the filter. A theme's layer gets its
       copies of the partner shapes when it is first shown (geometry is sent once). */
    function fillTheme(theme) {
      if (theme.filled) { return; }
      theme.filled = true;
      cfg.partners.eachLayer(function (layer) {
        if ((layer.feature.properties.themen || []).indexOf(theme.slug) >= 0) {
          L.geoJSON(layer.feature, {interactive: false, pane: "mrhThemes"}).addTo(theme.group);
        }
      });
    }

    function showThemes() {
      cfg.themes.forEach(function (theme) {
        var slot = ctx.view.themes.indexOf(theme.slug);
        if (slot < 0) {
          map.removeLayer(theme.group);
          return;
        }
        fillTheme(theme);
        theme.group.eachLayer(function (layer) {
          layer.setStyle({stroke: false, fill: true, fillColor: hatch(slot, theme.color), fillOpacity: 1});
        });
        map.addLayer(theme.group);
      });
    }

    /* The place found by „Ort suchen“: a marker with its name (text, never markup). */
    var placeMarker = null;
    function showPlace() {
      if (placeMarker) { map.removeLayer(placeMarker); placeMarker = null; }
      var p = ctx.view.place;
      if (!p || typeof p.lat !== "number" || typeof p.lon !== "number") { return; }
      placeMarker = L.circleMarker([p.lat, p.lon], {
        radius: 7, color: "#000000", weight: 2, fillColor: "#ffd400", fillOpacity: 1, className: "mrh-place"
      });
      placeMarker.bindTooltip(el("span", "", String(p.name)), {
        permanent: true, direction: "right", offset: [8, 0], className: "mrh-place-label"
      });
      placeMarker.addTo(map);
    }

    return {restyle: restyle, drawSelection: drawSelection, showThemes: showThemes, showPlace: showPlace};
  }

  MRH.createPanes = createPanes;
  MRH.startStyle = startStyle;
  MRH.layers = layers;
})(window.MRH = window.MRH || {});
