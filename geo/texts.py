"""Fixed German interface text: the Dachprojekt's facts, attribution, help."""

from __future__ import annotations

from geo.vg250 import ATTRIBUTION

TITLE = "Demographie und Daseinsvorsorge"
SUBTITLE = "Leitprojekt der Metropolregion Hamburg, 2014 – 9/2016: zwölf Teilprojekte, ein Dachprojekt"
DACHPROJEKT_URL = "https://metropolregion.hamburg.de/demographie-und-daseinsvorsorge/nofl/4357490/dachprojekt/"

# Facts of the MRH page on the Dachprojekt (shared/research/dachprojekt-page.txt), in our words.
DACHPROJEKT = f"""
**Dachprojekt „Regionalmanagement“**

- **Ziel:** die Teilprojekte unterstützen und vernetzen, Erfahrungen zwischen ihnen und aus bundesweiten
  Vergleichsprojekten übertragen und daraus Empfehlungen für eine Gesamtstrategie Daseinsvorsorge in der
  Metropolregion Hamburg erarbeiten.
- **Antragsteller und Federführung:** Landkreis Ludwigslust-Parchim
- **Laufzeit:** Anfang 2014 – 9/2016
- **Regionalmanagement:** Arbeitsgemeinschaft proloco (Göttingen) und Planungsgruppe Plewa (Flensburg)
- **Partner:** 12 Kreise, Landkreise, Samtgemeinden und Städte – auf der Karte blau, der federführende
  Landkreis gestrichelt umrandet.

Quelle: [Metropolregion Hamburg – Dachprojekt „Regionalmanagement“]({DACHPROJEKT_URL})
"""

LEGEND = (
    "**Karte:** Klick auf ein Gebiet zeigt sein Teilprojekt. Gestrichelter Rand = Federführung, "
    "schwarzer Rand = Auswahl, farbige Flächen = Treffer des Themenfilters, grau = andere Partner. "
    "Kreise: Kontakte (orange = Dachprojekt, türkis = Teilprojekt). Ebenen oben rechts ein- und ausschalten."
)

SOURCES = f"""
**Quellen und Lizenzen**

- Verwaltungsgrenzen: {ATTRIBUTION} – VG250, Stand 01.01.2016, Datenlizenz Deutschland – Namensnennung 2.0;
  vereinfacht (≤ 100 m Abweichung).
- Projektdaten: Metropolregion Hamburg (metropolregion.hamburg.de), Websites der Kreise und Gemeinden,
  Regionalpresse – die Quellen stehen bei jedem Partner; Zusammenfassungen in eigenen Worten.
  Was nicht belegt ist, steht als „nicht dokumentiert“ da.
- Karte ohne Hintergrundkacheln: Diese Seite lädt nichts von fremden Servern.
"""

DATA_ERROR = (
    "Die Daten können nicht angezeigt werden. Bitte die folgenden Stellen in den Dateien korrigieren "
    "und dann mit `python -m geo validate` prüfen:"
)
