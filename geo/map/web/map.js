/* Behaviour of the map document: labels, legend, grouped layer panel, selection, keyboard, touch.
 *
 * folium builds the map and its layers; this file adds what folium has no element for. It is inlined into
 * the map document (geo/map/mapdoc.py). In the dashboard the view comes in the address's fragment
 * (#view=<JSON>, see ui/mapview.py): the page changes only the fragment, so the document stays and hears
 * "hashchange". Choices go out with window.postMessage to the page, where a small component passes them on:
 *   to the page:   {type: "mrh:ready"}, {type: "mrh:select", rs, via}, {type: "mrh:themes", themes}
 *   from the page: {type: "mrh:hello"} – that component has loaded (it may come after the map); a choice
 *                  the page has not confirmed yet is sent again.
 * Every text arrives as data and is inserted with textContent, never as HTML.
 */
(function () {
  "use strict";

  // Pane order, bottom to top. Only paths marked interactive receive pointer events.
  var PANES = [
    ["mrhContext", 350], ["mrhPartners", 380], ["mrhDensity", 385], ["mrhThemes", 390],
    ["mrhLabels", 450], ["mrhSelection", 620]
  ];
  // Hatch directions by position in the current filter, so 2–4 chosen themes always differ in greyscale.
  var ANGLES = [45, -45, 0, 90, 22.5, -67.5, 67.5, -22.5];
  var SVG = "http://www.w3.org/2000/svg";

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function createPanes(map) {
    PANES.forEach(function (p) {
      var pane = map.createPane(p[0]);
      pane.style.zIndex = String(p[1]);
      pane.style.pointerEvents = "none";
    });
    map.getPane("overlayPane").style.pointerEvents = "none";
  }

  function patternDefs() {
    var svg = document.getElementById("mrh-patterns");
    if (!svg) {
      svg = document.createElementNS(SVG, "svg");
      svg.setAttribute("id", "mrh-patterns");
      svg.setAttribute("width", "0");
      svg.setAttribute("height", "0");
      svg.setAttribute("aria-hidden", "true");
      svg.style.position = "absolute";
      svg.appendChild(document.createElementNS(SVG, "defs"));
      document.body.appendChild(svg);
    }
    return svg.firstChild;
  }

  /* An SVG pattern of stripes in the theme's colour; returns "url(#id)". */
  function hatch(slot, color) {
    var id = "mrh-hatch-" + slot + "-" + color.replace(/[^0-9a-zA-Z]/g, "");
    if (!document.getElementById(id)) {
      var pattern = document.createElementNS(SVG, "pattern");
      pattern.setAttribute("id", id);
      pattern.setAttribute("patternUnits", "userSpaceOnUse");
      pattern.setAttribute("width", "9");
      pattern.setAttribute("height", "9");
      pattern.setAttribute("patternTransform", "rotate(" + ANGLES[slot % ANGLES.length] + ")");
      var stripe = document.createElementNS(SVG, "rect");
      stripe.setAttribute("width", slot >= ANGLES.length ? "2" : "4");
      stripe.setAttribute("height", "9");
      stripe.setAttribute("fill", color);
      pattern.appendChild(stripe);
      patternDefs().appendChild(pattern);
    }
    return "url(#" + id + ")";
  }

  function swatch(fill, stroke, dash, width) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "22");
    svg.setAttribute("height", "14");
    svg.setAttribute("aria-hidden", "true");
    var rect = document.createElementNS(SVG, "rect");
    rect.setAttribute("x", "1.5"); rect.setAttribute("y", "1.5");
    rect.setAttribute("width", "19"); rect.setAttribute("height", "11");
    rect.setAttribute("fill", fill || "none");
    rect.setAttribute("stroke", stroke || "none");
    rect.setAttribute("stroke-width", String(width || 1));
    if (dash) { rect.setAttribute("stroke-dasharray", dash); }
    svg.appendChild(rect);
    return svg;
  }

  function dot(color) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "22"); svg.setAttribute("height", "14"); svg.setAttribute("aria-hidden", "true");
    var c = document.createElementNS(SVG, "circle");
    c.setAttribute("cx", "11"); c.setAttribute("cy", "7"); c.setAttribute("r", "5");
    c.setAttribute("fill", color); c.setAttribute("stroke", "#333"); c.setAttribute("stroke-width", "1");
    svg.appendChild(c);
    return svg;
  }

  function plainText(html) {  // tooltips hold escaped HTML; a parsed document runs nothing
    return new DOMParser().parseFromString("<p>" + html + "</p>", "text/html").body.textContent || "";
  }

  /* The offline map's popup for a partner: built from text, links only from checked http(s) URLs. */
  function detailsPopup(p, details) {
    var box = el("div", "mrh-popup");
    box.appendChild(el("strong", "", p.name));
    details.fields.forEach(function (field) {
      var line = el("div");
      line.appendChild(el("b", "", field[0] + ": "));
      line.appendChild(document.createTextNode(field[1]));
      box.appendChild(line);
    });
    if (details.sources.length) {
      var line = el("div");
      line.appendChild(el("b", "", details.sourcesLabel + ": "));
      details.sources.forEach(function (url, i) {
        var a = el("a", "", new URL(url).hostname);
        a.href = url;
        a.target = "_blank";
        a.rel = "noopener noreferrer";
        if (i) { line.appendChild(document.createTextNode(", ")); }
        line.appendChild(a);
      });
      box.appendChild(line);
    }
    return box;
  }

  function init(map, cfg) {
    var T = cfg.texts;
    var parentWin = window.parent !== window ? window.parent : null;
    var view = cfg.view;
    var byRs = {};
    var userMoved = false;
    var densityOn = false;
    cfg.themeBySlug = {};
    cfg.themes.forEach(function (theme) { cfg.themeBySlug[theme.slug] = theme; });

    window.map = map;
    map.getContainer().setAttribute("role", "region");
    map.getContainer().setAttribute("aria-label", T.region);

    function post(message) {
      if (parentWin) { parentWin.postMessage(message, window.location.origin); }
    }

    /* ---- framing: the 12 partners with a small margin, again when the frame is resized ---- */
    /* Fit the partners; the legend strip at the bottom gets its own room (the region is wider than the frame). */
    function frame() {
      var legend = map.getContainer().querySelector(".mrh-legend");
      var below = legend ? legend.getBoundingClientRect().height + 40 : 40;
      var bounds = L.latLngBounds(cfg.bounds);
      if (view.place) { bounds.extend([view.place.lat, view.place.lon]); }  // a place searched far away
      map.fitBounds(bounds, {paddingTopLeft: [12, 12], paddingBottomRight: [12, below]});
    }
    new ResizeObserver(function () {
      map.invalidateSize();
      if (!userMoved) { frame(); }
      layoutLabels();
    }).observe(map.getContainer());
    ["mousedown", "wheel", "touchstart", "keydown"].forEach(function (type) {
      map.getContainer().addEventListener(type, function () { userMoved = true; }, {passive: true});
    });

    var Home = L.Control.extend({
      options: {position: "topleft"},
      onAdd: function () {
        var bar = el("div", "leaflet-bar mrh-home");
        var button = el("button", "", "⌂");
        button.type = "button";
        button.title = T.home;
        button.setAttribute("aria-label", T.home);
        L.DomEvent.disableClickPropagation(bar);
        button.addEventListener("click", function () { userMoved = false; frame(); });
        bar.appendChild(button);
        return bar;
      }
    });
    new Home().addTo(map);

    /* ---- partners: names, keyboard, accessible names ---- */
    var labelsLayer = L.layerGroup().addTo(map);
    var labels = [];
    cfg.partners.eachLayer(function (layer) {
      var p = layer.feature.properties;
      byRs[p.rs] = layer;
      var path = layer.getElement();
      if (path) {
        path.setAttribute("tabindex", "0");
        path.setAttribute("role", "button");
        path.setAttribute("aria-label", p.name + (p.lead ? ", " + T.lead : ""));
        path.classList.add("mrh-partner");
        path.addEventListener("keydown", function (e) {
          if (e.key === "Enter" || e.key === " " || e.key === "Spacebar") {
            e.preventDefault();
            select(p.rs, "keyboard");
          }
        });
      }
      var tip = el("span", "", p.name + (p.lead ? " – " + T.lead_short : ""));
      layer.bindTooltip(tip, {sticky: true});
      if (cfg.details && cfg.details[p.rs]) { layer.bindPopup(detailsPopup(p, cfg.details[p.rs]), {maxWidth: 320}); }
      layer.on("click", function (e) {
        var touch = e.originalEvent && e.originalEvent.pointerType === "touch";
        select(p.rs, touch ? "touch" : "pointer");
      });
      var span = el("span", "", p.short);
      var marker = L.marker(p.pt, {
        icon: L.divIcon({className: "mrh-label", html: span, iconSize: null}),
        interactive: false, keyboard: false, pane: "mrhLabels"
      }).addTo(labelsLayer);
      labels.push({rs: p.rs, area: p.area, span: span, marker: marker});
    });

    function overlaps(a, b) {
      var m = 3;
      return !(a.right + m < b.left || b.right + m < a.left || a.bottom + m < b.top || b.bottom + m < a.top);
    }

    /* Show as many names as fit: the selected partner first, then by area; never two overlapping, and
       never on a contact point. A name that does not fit at its point tries just above or below it. */
    var OFFSETS = [[0, 0], [0, -15], [0, 15]];

    /* Does a screen rectangle touch the drawn selection outline? (sampled every 4 px) */
    function crossesSelection(r) {
      if (!selectionPath || !selectionPath.isPointInStroke) { return false; }
      var matrix = selectionPath.getScreenCTM();
      if (!matrix) { return false; }
      matrix = matrix.inverse();
      var point = selectionPath.ownerSVGElement.createSVGPoint();
      for (var x = r.left - 2; x <= r.right + 2; x += 4) {
        for (var y = r.top - 2; y <= r.bottom + 2; y += 4) {
          point.x = x;
          point.y = y;
          if (selectionPath.isPointInStroke(point.matrixTransform(matrix))) { return true; }
        }
      }
      return false;
    }
    /* One read pass, then arithmetic, then one write pass: no layout per label and candidate, so a map
       with hundreds of regions stays quick. */
    function layoutLabels() {
      var box = map.getContainer().getBoundingClientRect();
      var points = [];  // contact points: names avoid them where they can
      if (cfg.contacts && map.hasLayer(cfg.contacts)) {
        cfg.contacts.eachLayer(function (marker) {
          var path = marker.getElement && marker.getElement();
          if (path) { points.push(path.getBoundingClientRect()); }
        });
      }
      labels.forEach(function (label) {  // writes
        label.span.classList.toggle("mrh-label-selected", label.rs === view.selected);
      });
      labels.forEach(function (label) {  // reads: one layout for all
        label.w = label.span.offsetWidth;
        label.h = label.span.offsetHeight;
      });
      var placed = [];
      var order = labels.slice().sort(function (a, b) {
        if (a.rs === view.selected) { return -1; }
        if (b.rs === view.selected) { return 1; }
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
          if (inside && !obstacles.some(function (q) { return overlaps(r, q); }) && !crossesSelection(r)) {
            label.offset = OFFSETS[i];
            return r;
          }
        }
        return null;
      }
      order.forEach(function (label) {
        var r = tryPlace(label, placed.concat(points)) || tryPlace(label, placed);
        if (!r && label.rs === view.selected) {  // the selected partner always keeps its name
          label.offset = OFFSETS[0];
          r = rectAt(label, OFFSETS[0]);
        }
        label.shown = Boolean(r);
        if (r) { placed.push(r); }
      });
      labels.forEach(function (label) {  // writes
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
    map.on("zoomend moveend viewreset", layoutLabels);

    /* ---- contacts: keyboard opens the popup ---- */
    if (cfg.contacts) {
      cfg.contacts.eachLayer(function (marker) {
        var path = marker.getElement && marker.getElement();
        if (!path) { return; }
        var tip = marker.getTooltip && marker.getTooltip();
        path.setAttribute("tabindex", "0");
        path.setAttribute("role", "button");
        path.setAttribute("aria-label", T.contact + ": " + (tip ? plainText(tip.getContent()) : ""));
        path.addEventListener("keydown", function (e) {
          if (e.key === "Enter" || e.key === " ") { e.preventDefault(); marker.openPopup(); }
        });
      });
    }

    /* ---- selection outline: its own pane above everything drawn on the areas ---- */
    var selection = L.layerGroup().addTo(map);
    var selectionPath = null;
    function drawSelection() {
      selection.clearLayers();
      selectionPath = null;
      var layer = byRs[view.selected];
      if (!layer) { return; }
      var options = {pane: "mrhSelection", interactive: false};
      L.geoJSON(layer.feature, L.extend({style: {color: "#ffffff", weight: 7, opacity: 0.9, fill: false}},
        options)).addTo(selection);
      L.geoJSON(layer.feature, L.extend({style: {color: "#000000", weight: 3.5, fill: false}}, options))
        .addTo(selection).eachLayer(function (line) { selectionPath = line.getElement(); });
    }

    /* ---- legend inside the map ---- */
    var legendBody;
    var Legend = L.Control.extend({
      options: {position: "bottomleft"},
      onAdd: function () {
        var details = el("details", "mrh-legend");
        details.open = true;
        details.appendChild(el("summary", "", T.legend));
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

    function counts() {
      var n = {};
      cfg.partners.eachLayer(function (layer) {
        (layer.feature.properties.themen || []).forEach(function (s) { n[s] = (n[s] || 0) + 1; });
      });
      return n;
    }
    var themeCounts = counts();

    function drawLegend() {
      legendBody.textContent = "";
      if (view.themes.length) {
        legendBody.appendChild(el("span", "mrh-legend-note", T.filter_rule + ":"));
        view.themes.forEach(function (slug, slot) {
          var theme = cfg.themeBySlug[slug];
          legendRow(swatch(hatch(slot, theme.color), "#223355", null, 1),
            theme.label + " (" + (themeCounts[slug] || 0) + ")");
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

    /* ---- theme fields: one folium layer per theme; their visibility is the filter ---- */
    /* A theme's layer gets its copies of the partner shapes when it is first shown (geometry is sent once). */
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
        var slot = view.themes.indexOf(theme.slug);
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

    /* Path style of one partner: base, lead dashed, filter match or muted, selection (cfg.styles). */
    function styleOf(p) {
      var s = cfg.styles;
      var style = L.extend({}, s.base, p.lead ? s.lead : {});
      if (view.themes.length) {
        var hit = (p.themen || []).some(function (slug) { return view.themes.indexOf(slug) >= 0; });
        L.extend(style, hit ? s.match : s.muted);
      }
      if (p.rs === view.selected) { L.extend(style, s.selected); }
      if (densityOn) { style.fillOpacity = 0; }
      return style;
    }

    function restyle() {
      cfg.partners.eachLayer(function (layer) {
        var p = layer.feature.properties;
        layer.setStyle(styleOf(p));
        var path = layer.getElement();
        if (path) { path.setAttribute("aria-pressed", p.rs === view.selected ? "true" : "false"); }
      });
    }

    /* ---- the grouped layer panel ---- */
    var themeBoxes = {};
    var layerBoxes = [];
    var Panel = L.Control.extend({
      options: {position: "topright"},
      onAdd: function () {
        var details = el("details", "mrh-panel");
        details.appendChild(el("summary", "", T.layers));
        var themes = el("fieldset");
        themes.appendChild(el("legend", "", T.themes));
        themes.appendChild(el("p", "mrh-panel-note", T.filter_rule));
        cfg.themes.forEach(function (theme) {
          if (!themeCounts[theme.slug]) { return; }  // a theme no partner has cannot match
          var label = el("label");
          var box = el("input");
          box.type = "checkbox";
          box.addEventListener("change", function () {
            var next = cfg.themes.map(function (t) { return t.slug; }).filter(function (s) {
              return themeBoxes[s] && themeBoxes[s].checked;
            });
            setThemes(next);
          });
          themeBoxes[theme.slug] = box;
          label.appendChild(box);
          label.appendChild(el("span", "", theme.label + " (" + themeCounts[theme.slug] + ")"));
          themes.appendChild(label);
        });
        var layers = el("fieldset");
        layers.appendChild(el("legend", "", T.more_layers));
        cfg.layers.forEach(function (entry) {
          var label = el("label");
          var box = el("input");
          box.type = "checkbox";
          box.addEventListener("change", function () {
            if (box.checked) { map.addLayer(entry.layer); } else { map.removeLayer(entry.layer); }
          });
          layerBoxes.push({box: box, layer: entry.layer});
          label.appendChild(box);
          label.appendChild(el("span", "", entry.label));
          layers.appendChild(label);
        });
        details.appendChild(themes);
        details.appendChild(layers);
        L.DomEvent.disableClickPropagation(details);
        L.DomEvent.disableScrollPropagation(details);
        return details;
      }
    });
    new Panel().addTo(map);
    new Legend().addTo(map);

    function syncPanel() {
      Object.keys(themeBoxes).forEach(function (slug) { themeBoxes[slug].checked = view.themes.indexOf(slug) >= 0; });
      layerBoxes.forEach(function (entry) { entry.box.checked = map.hasLayer(entry.layer); });
    }

    map.on("layeradd layerremove", function (e) {
      if (cfg.density && e.layer === cfg.density) {
        densityOn = e.type === "layeradd";
        restyle();
      }
      if (cfg.contacts && e.layer === cfg.contacts) { drawLegend(); layoutLabels(); }
    });

    /* ---- live region: what a screen reader hears after a selection ---- */
    var live = el("div", "mrh-sr-only");
    live.setAttribute("aria-live", "polite");
    document.body.appendChild(live);

    /* ---- touch: one finger scrolls the page, two fingers move and zoom the map ---- */
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

    /* ---- the place found by „Ort suchen“: a marker with its name (text, never markup) ---- */
    var placeMarker = null;
    function showPlace() {
      if (placeMarker) { map.removeLayer(placeMarker); placeMarker = null; }
      var p = view.place;
      if (!p || typeof p.lat !== "number" || typeof p.lon !== "number") { return; }
      placeMarker = L.circleMarker([p.lat, p.lon], {
        radius: 7, color: "#000000", weight: 2, fillColor: "#ffd400", fillOpacity: 1, className: "mrh-place"
      });
      placeMarker.bindTooltip(el("span", "", String(p.name)), {
        permanent: true, direction: "right", offset: [8, 0], className: "mrh-place-label"
      });
      placeMarker.addTo(map);
    }

    /* ---- state ---- */
    function apply(next) {
      var changed = next.selected !== view.selected;
      var moved = JSON.stringify(next.place || null) !== JSON.stringify(view.place || null);
      view = next;
      window.mrhView = view;  // read by the tests and by anyone debugging the page
      if (moved) { showPlace(); }
      restyle();
      drawSelection();
      showThemes();
      drawLegend();
      syncPanel();
      if (!userMoved) { frame(); }
      layoutLabels();
      var layer = byRs[view.selected];
      if (changed && layer) {
        live.textContent = layer.feature.properties.name + " " + T.selected;
      }
    }

    /* Clicks and ticks apply at once; inside the dashboard the page then confirms with its view. */
    var unconfirmed = null;  // the last choice sent, until a view from the page arrives
    function select(rs, via) {
      unconfirmed = {type: "mrh:select", rs: rs, via: via};
      post(unconfirmed);
      apply({selected: rs, themes: view.themes, place: view.place});
    }

    function setThemes(themes) {
      unconfirmed = {type: "mrh:themes", themes: themes};
      post(unconfirmed);
      apply({selected: view.selected, themes: themes, place: view.place});
    }

    /* The view in the fragment: #view=<JSON>; anything else there is ignored (null). */
    function viewFromAddress() {
      var match = /^#view=(.*)$/.exec(window.location.hash);
      if (!match) { return null; }
      var data;
      try { data = JSON.parse(decodeURIComponent(match[1])); } catch (err) { return null; }
      if (!data || typeof data !== "object" || !Array.isArray(data.themes)) { return null; }
      return {
        selected: typeof data.selected === "string" ? data.selected : null,
        themes: data.themes.filter(function (s) { return cfg.themeBySlug[s] !== undefined; }),
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

    var start = viewFromAddress();
    window.mrhFromPage = start !== null;
    start = start || view;
    view = {selected: start.selected, themes: start.themes, place: null};  // so that the start place is drawn
    apply(start);
    window.mrhApplyView = apply;
    post({type: "mrh:ready"});
    // When the map first stands, on the page's clock (bench/lighthouse.py compares it with an empty page).
    try { if (parentWin) { parentWin.performance.mark("mrh-karte-gezeichnet"); } } catch (err) { /* other origin */ }
  }

  window.MRH = {createPanes: createPanes, init: init};
})();
