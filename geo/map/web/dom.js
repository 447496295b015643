/* Small builders the map's parts share: elements, SVG swatches and hatch patterns, the offline popup.
 * Every text is inserted with textContent, never as HTML. */
(function (MRH) {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  // Hatch directions by position in the current filter, so 2–4 chosen themes always differ in greyscale.
  var ANGLES = [45, -45, 0, 90, 22.5, -67.5, 67.5, -22.5];

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
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

  MRH.dom = {el: el, hatch: hatch, swatch: swatch, dot: dot, plainText: plainText, detailsPopup: detailsPopup};
})(window.MRH = window.MRH || {});
