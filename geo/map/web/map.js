/* Behaviour of the map document: folium builds the map and its layers; these parts add what folium has no
 * element for. They go into the map document in this order, as one file beside it or inline (geo/map/mapdoc.py,
 * MAP_SCRIPTS):
 *   dom.js        small builders: elements, swatches, hatch patterns, the offline popup
 *   layers.js     panes, partner styles, theme fields, selection outline, the searched place
 *   labels.js     the partners' names, placed so that none overlap
 *   panel.js      home button, grouped layer panel, legend
 *   keyboard.js   pointer, keyboard, touch, screen reader
 *   messaging.js  the view from the page (#view=…), choices to the page (postMessage)
 *   steps.js      runs the map's elements' code in steps (geo/map/steps.py)
 *   overlays.js   the layers filled when first shown: context, density, network
 *   map.js        this file: one map's shared state, and the drawing of a view
 * Every text arrives as data and is inserted with textContent, never as HTML.
 */
(function (MRH) {
  "use strict";

  function init(map, cfg) {
    cfg.themeBySlug = {};
    cfg.themes.forEach(function (theme) { cfg.themeBySlug[theme.slug] = theme; });
    // The state the parts share: read ctx.view when needed, it is replaced by every view drawn.
    var ctx = {
      map: map, cfg: cfg, T: cfg.texts, view: cfg.view, byRs: {},
      userMoved: false, densityOn: false, laidOut: false
    };
    cfg.partners.eachLayer(function (layer) { ctx.byRs[layer.feature.properties.rs] = layer; });

    window.map = map;
    map.getContainer().setAttribute("role", "region");
    map.getContainer().setAttribute("aria-label", ctx.T.region);

    var talk = MRH.messaging(ctx, apply);
    ctx.select = talk.select;
    ctx.setThemes = talk.setThemes;
    ctx.fit = function () { fit(true); };
    /* The legend opened or closed: the names make room; opened, it never hides the selected partner. */
    ctx.legendToggled = function (open) {
      if (names) { names.layout(); }
      var layer = ctx.byRs[ctx.view.partner];
      var legend = map.getContainer().querySelector(".mrh-legend");
      if (!open || !layer || !legend) { return; }
      var top = legend.getBoundingClientRect().top - map.getContainer().getBoundingClientRect().top;
      var bottom = map.latLngToContainerPoint(layer.getBounds().getSouthWest()).y;
      var up = Math.min(bottom - top + 8, map.latLngToContainerPoint(layer.getBounds().getNorthEast()).y - 8);
      if (bottom > top && up > 0) { map.panBy([0, up], {animate: false}); }
    };
    var drawn = MRH.layers(ctx);
    var names = null;  // the panel, the input and the names come after the first view (below)
    var controls = null;
    var input = null;

    /* Fit the 12 partners with a small margin; the legend at the bottom gets its own room (the region is
       wider than the frame; MRH.frame, geo/map/layers.py). Again when the frame is resized, until the
       visitor moves the map. The start does not measure the legend (that would force a layout of the whole
       document): it keeps the estimate the first view used (MRH.startView); the ResizeObserver's first call,
       after the browser's own layout and before the paint, corrects it if the legend is much taller or
       shorter. */
    var framedFor = null;  // the frame's size when it was framed last
    var legendRoom = legendEstimate(map, MRH.frame);
    function fit(measure) {
      framedFor = map.getSize();
      if (!measure && !ctx.view.place) { return; }  // the start: the first view is this one
      var legend = measure && map.getContainer().querySelector(".mrh-legend");
      if (legend) { legendRoom = legend.getBoundingClientRect().height; }
      frame(map, MRH.frame, legendRoom, ctx.view.place);
    }
    ["mousedown", "wheel", "touchstart", "keydown"].forEach(function (type) {
      map.getContainer().addEventListener(type, function () { ctx.userMoved = true; }, {passive: true});
    });

    function apply(next) {
      var changed = next.partner !== ctx.view.partner;
      var moved = JSON.stringify(next.place || null) !== JSON.stringify(ctx.view.place || null);
      ctx.view = next;
      window.mrhView = next;  // read by the tests and by anyone debugging the page
      if (moved) { drawn.showPlace(); }
      drawn.restyle();
      drawn.drawSelection();
      drawn.showThemes();
      if (controls) {
        controls.drawLegend();
        controls.sync();
      }
      if (!ctx.userMoved) { fit(ctx.laidOut); }
      if (names) { names.layout(); }
      var layer = ctx.byRs[next.partner];
      if (changed && layer && input) { input.announce(layer.feature.properties.name + " " + ctx.T.selected); }
    }

    var start = talk.viewFromAddress();
    window.mrhFromPage = start !== null;
    start = start || ctx.view;
    ctx.view = {selected: start.selected, themes: start.themes, place: null};  // so that the start place is drawn
    apply(start);  // first the areas in the view's style, the selection, the theme fields
    window.mrhApplyView = apply;

    /* Then, each after the browser has drawn what came before, so that the style, layout and paint of each
       get a frame of their own (bench/trace.md): the panel and the input, the legend, the names. */
    MRH.afterFrame().then(function () {
      controls = MRH.panel(ctx);
      input = MRH.keyboard(ctx);
      controls.sync();
      return MRH.afterFrame();
    }).then(function () {
      controls.addLegend();
      return MRH.afterFrame();
    }).then(function () {
      names = MRH.labels(ctx);
      // Its first call comes after the browser's first layout, before the paint: reading sizes is cheap now.
      new ResizeObserver(function () {
        map.invalidateSize();
        var size = map.getSize();
        var first = !ctx.laidOut;
        ctx.laidOut = true;  // from now on the names are placed at once (labels.js)
        var legend = map.getContainer().querySelector(".mrh-legend");
        var off = first && legend && Math.abs(legend.getBoundingClientRect().height - legendRoom) > 8;
        if (!first && size.equals(framedFor)) { return; }
        var refit = (off || !size.equals(framedFor)) && !ctx.userMoved;
        framedFor = size;
        names.layout();
        if (refit) {  // fitting again moves every path: a task and a frame of its own (bench/trace.md)
          MRH.pause().then(function () {
            if (!ctx.userMoved) { fit(true); }  // its moveend places the names again (labels.js)
          });
        }
      }).observe(map.getContainer());
      map.on("layeradd layerremove", function (e) {
        if (cfg.contacts && e.layer === cfg.contacts) { controls.drawLegend(); names.layout(); }
      });
      talk.ready();
    });
  }

  /* The partners' frame: on narrow maps without their outlying parts (frame.core). */
  function frame(map, f, legendRoom, place) {
    var bounds = L.latLngBounds(map.getSize().x < f.narrow ? f.core : f.bounds);
    if (place) { bounds.extend([place.lat, place.lon]); }  // a place far away
    var margin = f.padding.margin;
    map.fitBounds(bounds, {paddingTopLeft: [margin, margin], paddingBottomRight: [margin, legendRoom + f.padding.below]});
  }

  /* The legend's height before it is drawn: narrow maps fold it (panel.js). */
  function legendEstimate(map, f) {
    return map.getSize().x < f.narrow ? f.padding.legend_closed : f.padding.legend;
  }

  /* The first view, set before any layer is added (geo/map/layers.py, StartView): the layers are projected
     once, for the view that stays. */
  MRH.startView = function (map, f) {
    MRH.frame = f;
    frame(map, f, legendEstimate(map, f), null);
  };

  MRH.narrow = function (map) { return map.getSize().x < MRH.frame.narrow; };

  /* The start is a task of its own after folium's last step (steps.js), and comes in parts (init). */
  MRH.init = function (map, cfg) {
    MRH.pause().then(function () { init(map, cfg); });
  };
})(window.MRH = window.MRH || {});
