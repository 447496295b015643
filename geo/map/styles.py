"""Leaflet path styles of the partner areas; the browser combines them per partner (``styleOf`` in layers.js)."""

from __future__ import annotations

BASE_STYLE = {"color": "#223355", "weight": 1.5, "fillColor": "#4477AA", "fillOpacity": 0.3}
LEAD_STYLE = {"weight": 3.5, "dashArray": "8 5"}
MUTED_STYLE = {"color": "#7799BB", "weight": 1, "fillColor": "#FFFFFF", "fillOpacity": 0.55}
# A filter match keeps its outline and a light ground; the themes' hatches on top carry the colours.
MATCH_STYLE = {"color": "#223355", "weight": 2, "fillColor": "#FFFFFF", "fillOpacity": 0.3}
SELECTED_STYLE = {"color": "#000000", "weight": 4}
