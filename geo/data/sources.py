"""Facts about the sources that the readers, texts and builders share: attribution, Länder, bounds."""

from __future__ import annotations

from urllib.parse import urlsplit

# BKG VG250, Stand 01.01.2016, as the licence (dl-de/by-2-0) asks to name it.
ATTRIBUTION = "© GeoBasis-DE / BKG 2016 (Daten verändert)"

LAENDER = {
    "01": "Schleswig-Holstein",
    "02": "Hamburg",
    "03": "Niedersachsen",
    "04": "Bremen",
    "05": "Nordrhein-Westfalen",
    "06": "Hessen",
    "07": "Rheinland-Pfalz",
    "08": "Baden-Württemberg",
    "09": "Bayern",
    "10": "Saarland",
    "11": "Berlin",
    "12": "Brandenburg",
    "13": "Mecklenburg-Vorpommern",
    "14": "Sachsen",
    "15": "Sachsen-Anhalt",
    "16": "Thüringen",
}

# West, south, east, north in WGS84: all of Germany with a margin (Helgoland, Sylt, Zugspitze).
GERMANY_BOUNDS = (5.0, 47.0, 16.0, 55.5)

# Document-copy sites: a statement found only there is shown with „Kopie; Original nicht gefunden“.
MIRROR_HOSTS = ("fdocuments.net", "fdokument.com", "docslib.org", "docplayer.org", "expydoc.com", "yumpu.com")


def is_mirror(url: str) -> bool:
    """``True`` for an address on a document-copy site (any subdomain of :data:`MIRROR_HOSTS`)."""
    host = (urlsplit(url).hostname or "").lower()
    return any(host == m or host.endswith("." + m) for m in MIRROR_HOSTS)
