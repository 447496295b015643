"""Cite and reuse: the citations (text, BibTeX, CSL-JSON) and the DCAT-AP.de description, validated.

The description is parsed as RDF (rdflib) and validated with pySHACL against the DCAT-AP 2.1 / DCAT-AP.de 2.0
rules this project relies on (tests/shapes/dcat-ap-de-kern.ttl); a description with a rule broken must fail.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from pyshacl import validate
from rdflib import Graph, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF

from geo.data.paths import ROOT
from geo.data.project import load_project
from geo.view.cite import bibtex, citation, csl_json, dcat_document, dcat_jsonld

PROJECT = load_project()
PAGE, OGC = "https://example.org/mrh/", "https://example.org/mrh/ogc/"
SHAPES = Graph().parse(ROOT / "tests" / "shapes" / "dcat-ap-de-kern.ttl")


def conforms(document: bytes | str) -> tuple[bool, str]:
    ok, _, report = validate(Graph().parse(data=document, format="json-ld"), shacl_graph=SHAPES, advanced=True)
    return ok, report


def test_the_description_validates_and_names_its_four_distributions():
    document = dcat_jsonld(PROJECT, PAGE, OGC)
    ok, report = conforms(document)
    assert ok, report
    graph = Graph().parse(data=document, format="json-ld")
    formats = {str(o).rsplit("/", 1)[1] for o in graph.objects(None, DCTERMS.format)}
    assert formats == {"CSV", "GEOJSON", "GPKG", "JSON"}
    assert (URIRef(OGC + "mrh-daseinsvorsorge.gpkg")) in set(graph.objects(None, DCAT.downloadURL))
    (dataset,) = graph.subjects(RDF.type, DCAT.Dataset)
    titles = {getattr(t, "language", None): str(t) for t in graph.objects(dataset, DCTERMS.title)}
    assert set(titles) == {"de", "en"} and "Demographie und Daseinsvorsorge" in titles["de"]


@pytest.mark.parametrize(
    ("break_it", "message"),
    [
        (lambda d: d["dcat:distribution"][0].pop("dct:license"), "dct:license"),
        (lambda d: d["dcat:distribution"][1].pop("dcatde:licenseAttributionByText"), "Namensnennung"),
        (lambda d: d.pop("dct:title"), "dct:title"),
        (lambda d: d["dcat:distribution"][0].update({"dct:format": {"@id": "https://example.org/csv"}}), "pattern"),
    ],
)
def test_the_check_fails_a_description_with_a_rule_broken(break_it, message):
    document: dict = dcat_document(PROJECT, PAGE, OGC)
    break_it(document["@graph"][0])
    ok, report = conforms(json.dumps(document))
    assert not ok and message in report


def test_without_an_ogc_service_the_page_is_the_access_to_csv_and_geojson():
    graph = Graph().parse(data=dcat_jsonld(PROJECT, PAGE), format="json-ld")
    assert {str(o) for o in graph.objects(None, DCAT.accessURL)} == {PAGE}
    assert conforms(dcat_jsonld(PROJECT, PAGE))[0]


def test_citations_of_the_data_set_and_of_a_partner():
    day = date(2026, 12, 7)
    whole = citation(PROJECT, "de", PAGE, day)
    assert whole.text.startswith("Kartendashboard Demographie und Daseinsvorsorge: Kartendashboard „Demographie")
    assert f"Datenstand 07.12.2026. {PAGE} (abgerufen am 07.12.2026)." in whole.text
    segeberg = citation(PROJECT, "en", PAGE, day, publisher="Kreis X", rs="01060")
    assert segeberg.text.startswith("Kreis X: Kreis Segeberg: „Kreis Segeberg 2030“ (Segeberg district 2030). In: Map")
    assert f"{PAGE}?region=01060&lang=en (accessed 7 Dec 2026)" in segeberg.text
    entries = bibtex([whole, segeberg]).decode()
    assert entries.count("@misc{") == 2 and "@misc{mrh-daseinsvorsorge-01060," in entries
    assert "urldate = {2026-12-07}" in entries and "author = {Kreis X}" in entries
    (one, two) = json.loads(csl_json([whole, segeberg]))
    assert one["type"] == "dataset" and one["issued"] == {"date-parts": [[2026, 12, 7]]}
    assert two["container-title"].startswith("Map dashboard") and two["URL"].endswith("region=01060&lang=en")
