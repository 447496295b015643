/* The map's controls: the home button, the grouped layer panel (themes as the filter, further layers) and
 * the legend. */
(function (MRH) {
  "use strict";

  var el = MRH.dom.el;
  var swatch = MRH.dom.swatch;
  var dot = MRH.dom.dot;
  var hatch = MRH.dom.hatch;

  function themeCounts(cfg) {
    var n = {};
    cfg.partners.eachLayer(function (layer) {
      (layer.feature.properties.themen || []).forEach(function (s) { n[s] = (n[s] || 0) + 1; });
    });
    return n;
  }

  /* The controls of one map; ctx is its shared state (map.js). Returns {drawLegend, sync}. */
  function panel(ctx) {
    var map = ctx.map;
    var cfg = ctx.cfg;
    var T = ctx.T;
    var counts = themeCounts(cfg);

    var Home = L.Control.extend({
      options: {position: "topleft"},
      onAdd: function () {
        var bar = el("div", "leaflet-bar mrh-home");
        var button = el("button", "", "⌂");
        button.type = "button";
        button.title = T.home;
        button.setAttribute("aria-label", T.home);
        L.DomEvent.disableClickPropagation(bar);
        button.addEventListener("click", function () { ctx.userMoved = false; ctx.fit(); });
        bar.appendChild(button);
        return bar;
      }
    });

    var themeBoxes = {};
    var layerBoxes = [];
    function checkbox(label, onChange) {
      var row = el("label");
      var box = el("input");
      box.type = "checkbox";
      box.addEventListener("change", onChange);
      row.appendChild(box);
      row.appendChild(el("span", "", label));
      return {row: row, box: box};
    }

    var Panel = L.Control.extend({
      options: {position: "topright"},
      onAdd: function () {
        var details = el("details", "mrh-panel");
        details.appendChild(el("summary", "", T.layers));
        var themes = el("fieldset");
        themes.appendChild(el("legend", "", T.themes));
        themes.appendChild(el("p", "mrh-panel-note", T.filter_rule));
        cfg.themes.forEach(function (theme) {
          if (!counts[theme.slug]) { return; }  // a theme no partner has cannot match
          var entry = checkbox(theme.label + " (" + counts[theme.slug] + ")", function () {
            ctx.setThemes(cfg.themes.map(function (t) { return t.slug; }).filter(function (s) {
              return themeBoxes[s] && themeBoxes[s].checked;
            }));
          });
          themeBoxes[theme.slug] = entry.box;
          themes.appendChild(entry.row);
        });
        var layers = el("fieldset");
        layers.appendChild(el("legend", "", T.more_layers));
        cfg.layers.forEach(function (layer) {
          var entry = checkbox(layer.label, function () {
            if (entry.box.checked) { map.addLayer(layer.layer); } else { map.removeLayer(layer.layer); }
          });
          layerBoxes.push({box: entry.box, layer: layer.layer});
          layers.appendChild(entry.row);
        });
        details.appendChild(themes);
        details.appendChild(layers);
        L.DomEvent.disableClickPropagation(details);
        L.DomEvent.disableScrollPropagation(details);
        return details;
      }
    });

    var legendBody;
    var legendSummary;
    var Legend = L.Control.extend({
      options: {position: "bottomleft"},
      onAdd: function () {
        var details = el("details", "mrh-legend");
        // folded on narrow maps: a line of its own would cover up to a fifth of a phone's map
        details.open = !MRH.narrow(map);
        legendSummary = el("summary", "", T.legend);
        details.appendChild(legendSummary);
        details.addEventListener("toggle", function () { ctx.legendToggled(details.open); });
        legendBody = el("div", "mrh-legend-body");
        details.appendChild(legendBody);
        L.DomEvent.disableClickPropagation(details);
        L.DomEvent.disableScrollPropagation(details);
        return details;
      }
    });

    function legendRow(symbol, text) {
      var row = el("span", "mrh-legend-item");
      row.appendChild(symbol);
      row.appendChild(el("span", "", text));
      legendBody.appendChild(row);
    }

    function drawLegend() {
      if (!legendBody) { return; }  // not added yet (addLegend)
      var view = ctx.view;
      legendBody.textContent = "";
      // folded, the summary says that a filter is on (details/summary: its state is announced natively)
      var n = view.themes.length;
      legendSummary.textContent = n ? T.legend + " · " + (n === 1 ? T.filter_one : T.filter_count.replace(
        "{n}", String(n))) : T.legend;
      if (view.themes.length) {
        legendBody.appendChild(el("span", "mrh-legend-note", T.filter_rule + ":"));
        view.themes.forEach(function (slug, slot) {
          var theme = cfg.themeBySlug[slug];
          legendRow(swatch(hatch(slot, theme.color), "#223355", null, 1),
            theme.label + " (" + (counts[slug] || 0) + ")");
        });
        legendRow(swatch("#ffffff", "#7799BB"), T.no_match);
      } else {
        legendRow(swatch("rgba(68,119,170,0.35)", "#223355"), T.partner);
      }
      legendRow(swatch("none", "#223355", "5 3", 2.5), T.lead);
      legendRow(swatch("none", "#000000", null, 3), T.selection);
      if (cfg.contacts && map.hasLayer(cfg.contacts)) {
        var row = el("span", "mrh-legend-item");
        row.appendChild(el("span", "", T.contact + ":"));
        row.appendChild(dot(cfg.contactColors.dach));
        row.appendChild(el("span", "", T.contact_dach));
        row.appendChild(dot(cfg.contactColors.teil));
        row.appendChild(el("span", "", T.contact_teil));
        legendBody.appendChild(row);
      }
    }

    /* The ticks follow the view and the layers actually shown. */
    function sync() {
      Object.keys(themeBoxes).forEach(function (slug) {
        themeBoxes[slug].checked = ctx.view.themes.indexOf(slug) >= 0;
      });
      layerBoxes.forEach(function (entry) { entry.box.checked = map.hasLayer(entry.layer); });
    }

    /* The legend is added on its own, so that its layout can get a frame of its own (map.js). */
    function addLegend() {
      new Legend().addTo(map);
      drawLegend();
    }

    new Home().addTo(map);
    new Panel().addTo(map);
    return {addLegend: addLegend, drawLegend: drawLegend, sync: sync};
  }

  MRH.panel = panel;
})(window.MRH = window.MRH || {});
