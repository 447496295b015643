"""Einwohner je km² in classes: breaks, colours, figures per partner."""

from __future__ import annotations

from geo.data.demography import figures_of
from geo.data.project import Project

# Einwohner je km²: class breaks and a sequential, colour-blind-safe ramp (ColorBrewer YlGnBu).
DENSITY_CLASSES = ((0, 75, "#ffffcc"), (75, 150, "#a1dab4"), (150, 300, "#41b6c4"), (300, None, "#225ea8"))
NO_DATA_COLOR = "#dddddd"


def density_color(density: float | None) -> str:
    """Fill colour of the class a density falls into (grey when unknown)."""
    if density is None:
        return NO_DATA_COLOR
    for low, high, color in DENSITY_CLASSES:
        if density >= low and (high is None or density < high):
            return color
    return NO_DATA_COLOR


def density_by_partner(project: Project) -> dict[str, float | None]:
    """Einwohner je km² per partner (None where the source has no figure)."""
    found = {str(rs): figures_of(project.demography, str(rs)) for rs in project.partners.index}
    return {rs: figures.einwohner_je_km2 if figures else None for rs, figures in found.items()}
