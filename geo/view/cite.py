"""Cite and reuse: a citation for the data set and for each partner (text, BibTeX, CSL-JSON), and the data
set's description in DCAT-AP.de (JSON-LD) with its distributions: CSV, GeoJSON, GeoPackage, OGC API.

Pure functions; the caller passes the addresses (the dashboard's page, the OGC service if one runs) and the
day the reader looked (``accessed``). Nothing here invents an author: the data set is the dashboard's, its
publisher the operator named in ``betreiber.toml``; while that is empty, the citation names the dashboard.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from geo.data.project import Project
from geo.view.formats import format_day
from geo.view.i18n import N_, text
from geo.view.record import partner_record

TITLE = N_(
    "Kartendashboard „Demographie und Daseinsvorsorge“: Daten zum Leitprojekt der Metropolregion Hamburg 2014–9/2016"
)
BKG_LICENCE_URI = "http://dcat-ap.de/def/licenses/dl-by-de/2.0"
FILE_TYPES = "http://publications.europa.eu/resource/authority/file-type/"
THEME_REGI = "http://publications.europa.eu/resource/authority/data-theme/REGI"
THEME_SOCI = "http://publications.europa.eu/resource/authority/data-theme/SOCI"
DCAT_CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "dcatde": "http://dcat-ap.de/def/dcatde/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


@dataclass(frozen=True)
class Citation:
    """One thing to cite: the sentence to copy, and the same as BibTeX and CSL-JSON."""

    key: str
    text: str
    bibtex: str
    csl: dict[str, object]


def data_stand(project: Project) -> str:
    """The day the data were last compiled (the latest ``erfasst`` of partners, contacts, events, outcomes)."""
    days = [*project.partners["erfasst"], *project.contacts["erfasst"], *project.events["erfasst"]]
    days += list(project.outcomes["erfasst"])
    return max(days)


def _bibtex(key: str, fields: dict[str, str]) -> str:
    def braced(value: str) -> str:
        return "{" + value.replace("\\", "").replace("{", "(").replace("}", ")") + "}"

    lines = [f"@misc{{{key},"] + [f"  {name} = {braced(value)}," for name, value in fields.items() if value]
    return "\n".join(lines) + "\n}\n"


def _csl_date(iso: str) -> dict[str, object]:
    return {"date-parts": [[int(part) for part in iso.split("-")]]}


def citation(
    project: Project, lang: str, page_url: str, accessed: date, publisher: str = "", rs: str | None = None
) -> Citation:
    """The citation of the data set, or with ``rs`` of one partner's entry in it (its link selects it)."""
    stand = data_stand(project)
    author = publisher or text(lang, "Kartendashboard Demographie und Daseinsvorsorge")
    url = page_url
    title = text(lang, TITLE)
    container = ""
    key = "mrh-daseinsvorsorge"
    if rs is not None:
        record = partner_record(project, rs, lang)
        project_title = record.get("project")
        named = project_title.value if project_title and project_title.value else text(lang, "Teilprojekt")
        container, title = title, f"{record.name}: {named}"
        url = f"{page_url}?{urlencode({'region': rs, **({'lang': lang} if lang != 'de' else {})})}"
        key = f"mrh-daseinsvorsorge-{rs}"
    elif lang != "de":
        url = f"{page_url}?lang={lang}"
    day, seen = format_day(stand, lang), format_day(accessed.isoformat(), lang)
    sentence = text(
        lang,
        "{author}: {title}. Datenstand {stand}. {url} (abgerufen am {accessed}).",
        author=author,
        title=f"{title}. {text(lang, 'In')}: {container}" if container else title,
        stand=day,
        url=url,
        accessed=seen,
    )
    bibtex = _bibtex(
        key,
        {
            "author": author,
            "title": title,
            "howpublished": container,
            "year": stand[:4],
            "url": url,
            "urldate": accessed.isoformat(),
            "note": text(lang, "Datenstand {stand}", stand=stand),
            "language": {"de": "german", "en": "english"}.get(lang, lang),
        },
    )
    csl: dict[str, object] = {
        "id": key,
        "type": "dataset",
        "title": title,
        "author": [{"literal": author}],
        "issued": _csl_date(stand),
        "accessed": _csl_date(accessed.isoformat()),
        "URL": url,
        "language": lang,
    }
    if container:
        csl["container-title"] = container
    return Citation(key, sentence, bibtex, csl)


def csl_json(citations: list[Citation]) -> bytes:
    return json.dumps([c.csl for c in citations], ensure_ascii=False, indent=2).encode("utf-8")


def bibtex(citations: list[Citation]) -> bytes:
    return "\n".join(c.bibtex for c in citations).encode("utf-8")


def dcat_document(project: Project, page_url: str, ogc_url: str = "", publisher: str = "") -> dict[str, object]:
    """The data set and its distributions in DCAT-AP.de 2.0, as JSON-LD (titles and descriptions in German and
    English). CSV and GeoJSON are made on the page (the landing page is their access URL); the GeoPackage
    and the OGC API have their own addresses when the OGC service runs (``ogc_url``)."""

    def both(message: str) -> list[dict[str, str]]:
        return [{"@language": lang, "@value": text(lang, message)} for lang in ("de", "en")]

    attribution = text("de", "© GeoBasis-DE / BKG 2016 (Daten verändert); Projektdaten: Metropolregion Hamburg u. a.")
    licence = {"@id": BKG_LICENCE_URI}

    def distribution(ident: str, title: str, file_type: str, access: str, download: str = "") -> dict[str, object]:
        found: dict[str, object] = {
            "@id": f"{page_url}#distribution-{ident}",
            "@type": "dcat:Distribution",
            "dct:title": both(title),
            "dcat:accessURL": {"@id": access},
            "dct:format": {"@id": FILE_TYPES + file_type},
            "dct:license": licence,
            "dcatde:licenseAttributionByText": attribution,
        }
        if download:
            found["dcat:downloadURL"] = {"@id": download}
        return found

    distributions = [
        distribution("csv", N_("Tabelle der Partner als CSV (Excel)"), "CSV", page_url),
        distribution("geojson", N_("Partner mit Grenzen als GeoJSON"), "GEOJSON", page_url),
    ]
    if ogc_url:
        distributions += [
            distribution(
                "gpkg",
                N_("GeoPackage: Partner, Kontakte, Kontext (EPSG:25832)"),
                "GPKG",
                ogc_url,
                ogc_url + "mrh-daseinsvorsorge.gpkg",
            ),
            distribution("ogc", N_("OGC API – Features: Partner, Kontakte, Kontext"), "JSON", ogc_url),
        ]
    stand = data_stand(project)
    dataset: dict[str, object] = {
        "@id": f"{page_url}#dataset",
        "@type": "dcat:Dataset",
        "dct:title": both(TITLE),
        "dct:description": both(
            N_(
                "Die zwölf Partner des Leitprojekts „Demographie und Daseinsvorsorge“ der Metropolregion Hamburg "
                "(2014–9/2016) mit ihren Grenzen (BKG VG250), Teilprojekten, Themen, Ergebnissen, Kontakten, dem, "
                "was daraus wurde, und den Quellen jeder Angabe."
            )
        ),
        "dct:publisher": {
            "@type": "foaf:Agent",
            "foaf:name": publisher or text("de", "Kartendashboard Demographie und Daseinsvorsorge"),
        },
        "dcat:contactPoint": {
            "@type": ["vcard:Kind", "vcard:Organization"],
            "vcard:fn": publisher or text("de", "Kartendashboard Demographie und Daseinsvorsorge"),
            "vcard:hasURL": {"@id": page_url},
        },
        "dcat:landingPage": {"@id": page_url},
        "dcat:theme": [{"@id": THEME_REGI}, {"@id": THEME_SOCI}],
        "dcat:keyword": [*both(N_("Daseinsvorsorge")), *both(N_("Demographie")), *both(N_("Metropolregion Hamburg"))],
        "dct:language": [
            {"@id": "http://publications.europa.eu/resource/authority/language/DEU"},
            {"@id": "http://publications.europa.eu/resource/authority/language/ENG"},
        ],
        "dct:temporal": {
            "@type": "dct:PeriodOfTime",
            "dcat:startDate": {"@value": "2013-05-01", "@type": "xsd:date"},
            "dcat:endDate": {"@value": "2016-09-30", "@type": "xsd:date"},
        },
        "dct:modified": {"@value": stand, "@type": "xsd:date"},
        "dcatde:politicalGeocodingURI": [
            {"@id": f"http://dcat-ap.de/def/politicalGeocoding/districtKey/{rs}"}
            for rs in project.partners.index
            if len(str(rs)) == 5
        ],
        "dcatde:politicalGeocodingLevelURI": {"@id": "http://dcat-ap.de/def/politicalGeocoding/Level/district"},
        "dcat:distribution": distributions,
    }
    return {"@context": DCAT_CONTEXT, "@graph": [dataset]}


def dcat_jsonld(project: Project, page_url: str, ogc_url: str = "", publisher: str = "") -> bytes:
    return json.dumps(dcat_document(project, page_url, ogc_url, publisher), ensure_ascii=False, indent=2).encode()
