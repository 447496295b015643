"""The OGC API – Features service (ogc/, pygeoapi) as GIS desks use it: OWSLib and GDAL's OAPIF driver
through the nginx front, the theme filter as on the dashboard, EPSG:25832, and OGC errors for bad requests."""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from deploy.cluster import Cluster, down, free_ports, start_ogc, up, wait_ready
from geo.data.paths import DATA_DIR, ROOT
from geo.data.project import load_project
from geo.view.table import partner_table
from harness.browser import free_port
from ogc.config import CRS84, UTM32, configuration
from tests.german_text import german_ui_text

HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>"


def get(url: str) -> tuple[int, dict[str, str], bytes]:
    """Status, headers and body of a GET (4xx/5xx included)."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_the_configuration_is_made_from_the_data_with_licences_and_both_crs():
    config = configuration(load_project(), "https://example.org/ogc/")
    assert list(config["resources"]) == ["partner", "kontakte", "kontext"]
    assert config["server"]["admin"] is False and config["server"]["url"] == "https://example.org/ogc"
    for resource in config["resources"].values():
        (provider,) = resource["providers"]
        assert provider["name"] == "ogc.provider.ProjectProvider" and provider["crs"] == [CRS84, UTM32]
        assert "© GeoBasis-DE / BKG 2016 (Daten verändert)" in resource["description"]["de"]
        assert any(link["rel"] == "license" and "dl-de/by-2-0" in link["href"] for link in resource["links"])
        assert resource["limits"]["on_exceed"] == "error"
    west, south, east, north = config["resources"]["partner"]["extents"]["spatial"]["bbox"]
    assert 7 < west < east < 12.5 and 52.5 < south < north < 55


def test_config_command_refuses_invalid_data_and_says_where(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    partners = data / "partners.csv"
    partners.write_text(partners.read_text(encoding="utf-8").replace(";Kreis;", ";Kries;", 1), encoding="utf-8")
    out = tmp_path / "ogc"
    result = subprocess.run(
        [sys.executable, "-m", "ogc", "config", "--url", "http://x/ogc/", "--out", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "MRH_DATA_DIR": str(data)},
        check=False,
    )
    assert result.returncode == 1 and "partners.csv:" in result.stderr and "Kries" in result.stderr
    assert "Traceback" not in result.stderr and not out.exists()


@pytest.fixture
def hostile_service(tmp_path, monkeypatch) -> Iterator[str]:
    """The service alone (as a GIS desk's own server would run it) over data with markup in a title."""
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    partners = data / "partners.csv"
    with partners.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter=";")
        fields, rows = list(reader.fieldnames or []), list(reader)
    for row in rows:
        if row["rs"] == "01060":
            row["teilprojekt"] = HOSTILE
    with partners.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fields, delimiter=";", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    with service_over(data, tmp_path, monkeypatch) as url:
        yield url


@contextmanager
def service_over(data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The service alone over the data folder ``data``, answering; yields its URL."""
    monkeypatch.setenv("MRH_DATA_DIR", str(data))
    (port,) = free_ports(1, set())
    url = f"http://127.0.0.1:{port}/"
    service = start_ogc(port, tmp_path, url)
    try:
        wait_ready(url + "conformance?f=json", "OGC-Dienst", service.pid, Path(service.log), body=None)
        yield url
    finally:
        service.stop()


def test_data_broken_before_the_first_query_are_a_503_and_the_fix_is_served_without_restart(tmp_path, monkeypatch):
    """The service started on valid data; they broke before anybody asked: no last good state to serve. That is
    the service's temporary fault (503, say so), not the client's query (400); the fixed file is served."""
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    with service_over(data, tmp_path, monkeypatch) as url:
        partners = data / "partners.csv"
        good = partners.read_text(encoding="utf-8")
        partners.write_text(good.replace(";Kreis;", ";Kries;", 1), encoding="utf-8")
        status, _, body = get(url + "collections/partner/items?f=json")
        assert status == 503, body
        assert "nicht gültig" in json.loads(body)["description"]
        partners.write_text(good, encoding="utf-8")
        status, _, body = get(url + "collections/partner/items?f=json")
        assert status == 200 and len(json.loads(body)["features"]) == 12


PAGES = (
    "?f=html",
    "collections?f=html",
    "collections/partner?f=html",
    "collections/partner/queryables?f=html",
    "collections/partner/items?f=html",
    "collections/partner/items/01060?f=html",
    "openapi?f=html",
    "openapi?f=html&ui=redoc",
    "conformance?f=html",
)


@pytest.mark.server  # the service as its own process (hostile_service)
def test_the_html_pages_load_nothing_from_other_hosts_and_run_no_script(hostile_service):
    """pygeoapi's own templates load Bootstrap, Leaflet, tiles and Swagger UI from CDNs; ours do not."""
    for page in PAGES:
        status, headers, body = get(hostile_service + page)
        assert status == 200 and headers["Content-Type"].startswith("text/html"), page
        text = body.decode("utf-8")
        assert "<script" not in text, page
        # what a browser fetches by itself: images, frames, stylesheets, icons (not <a href> or a <link> that
        # only names a licence or a related page)
        tags = re.findall(r"<(?:img|iframe|link)\b[^>]*>", text)
        fetching = [t for t in tags if not t.startswith("<link") or re.search(r"rel=.(?:stylesheet|\w* ?icon|pre)", t)]
        loads = [u for t in fetching for u in re.findall(r"""(?:src|href)=["'](https?://[^"']+)""", t)]
        assert all(u.startswith(hostile_service.rstrip("/")) for u in loads), (page, loads)


@pytest.mark.server  # the service as its own process (hostile_service)
def test_hostile_text_from_the_data_is_inert_in_the_html_pages(hostile_service):
    status, _, body = get(hostile_service + "collections/partner/items/01060?f=json")
    assert status == 200 and json.loads(body)["properties"]["teilprojekt"] == HOSTILE  # data stays data
    for page in ("collections/partner/items/01060?f=html", "collections/partner/items?f=html"):
        status, headers, body = get(hostile_service + page)
        assert status == 200 and headers["Content-Type"].startswith("text/html"), page
        text = body.decode("utf-8")
        assert "<script>alert(1)" not in text and "<img src=x" not in text, page
        assert "&lt;script&gt;alert(1)" in text, page


@pytest.fixture(scope="module")
def front() -> Iterator[Cluster]:
    port = free_port()
    cluster = up(instances=1, port=port, ogc=True)
    yield cluster
    down(port)


@pytest.mark.nginx
def test_owslib_reads_the_partner_areas_through_the_front_and_filters_as_the_dashboard(front):
    from owslib.ogcapi.features import Features

    service = Features(front.url + "ogc/")
    assert [c["id"] for c in service.collections()["collections"]] == ["partner", "kontakte", "kontext"]
    items = service.collection_items("partner", limit=100)
    project = load_project()
    assert sorted(f["id"] for f in items["features"]) == sorted(project.partners.index)
    lup = next(f for f in items["features"] if f["id"] == "13076")
    assert lup["properties"]["teilprojekt"] == project.partners.loc["13076", "teilprojekt"]
    assert lup["properties"]["themen"] == list(project.partners.loc["13076", "themen"])
    assert lup["properties"]["name"] == project.partners.loc["13076", "display_name"]
    for slug in ("wohnen", "mobilitaet"):
        found = service.collection_items("partner", themen=slug)["features"]
        assert sorted(f["id"] for f in found) == sorted(partner_table(project, (slug,), "de").index), slug


@pytest.mark.nginx
def test_gdal_opens_the_service_with_its_oapif_driver(front):
    import pyogrio

    if "OAPIF" not in pyogrio.list_drivers():
        pytest.skip("this GDAL (pyogrio's wheel) has no OAPIF driver: pip install another pyogrio build")
    layer = pyogrio.read_dataframe(f"OAPIF:{front.url}ogc/", layer="partner")
    assert len(layer) == 12 and "teilprojekt" in layer.columns


@pytest.mark.nginx
def test_utm_32_on_request_and_compressed_with_the_fronts_headers(front):
    status, headers, body = get(front.url + f"ogc/collections/partner/items/01060?f=json&crs={UTM32}")
    assert status == 200 and headers["Content-Crs"] == f"<{UTM32}>"
    geometry = json.loads(body)["geometry"]
    ring = geometry["coordinates"][0][0] if geometry["type"] == "MultiPolygon" else geometry["coordinates"][0]
    x, y = ring[0]
    assert 500_000 < x < 700_000 and 5_900_000 < y < 6_100_000  # metres in zone 32N, around Bad Segeberg
    request = urllib.request.Request(front.url + "ogc/collections?f=json", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.headers["Content-Encoding"] == "gzip"
        assert "script-src 'none'" in response.headers["Content-Security-Policy"]
        assert response.headers["Cache-Control"] == "public, max-age=60"
        assert response.headers["X-Content-Type-Options"] == "nosniff"


BAD = [
    ("ogc/collections/gibtsnicht/items?f=json", 404, "NotFound"),
    ("ogc/collections/partner/items?f=json&bbox=1,2,drei", 400, "InvalidParameterValue"),
    ("ogc/collections/partner/items?f=json&limit=100000", 400, "InvalidParameterValue"),
    ("ogc/collections/partner/items?f=json&farbe=rot", 400, "InvalidQuery"),
    ("ogc/collections/partner/items?f=json&crs=EPSG:4", 400, "InvalidParameterValue"),
    ("ogc/collections/partner/items/99999?f=json", 404, "NotFound"),
    ("ogc/collections/partner/items?f=json&offset=-1", 400, "InvalidParameterValue"),
]


@pytest.mark.nginx
@pytest.mark.parametrize(("path", "status", "code"), BAD, ids=[b[0].split("?")[-1] for b in BAD])
def test_bad_requests_get_an_ogc_error_with_a_4xx(front, path, status, code):
    got, _, body = get(front.url + path)
    assert got == status and json.loads(body)["code"] == code
    assert b"Traceback" not in body


@pytest.mark.nginx
def test_the_service_is_read_only_and_refuses_a_huge_query(front):
    request = urllib.request.Request(front.url + "ogc/collections/partner/items", data=b"{}", method="POST")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=30)
    assert refused.value.code == 403
    assert get(front.url + "ogc/collections?f=json&x=" + "a" * 20_000)[0] == 414
    assert get(front.url + "ogc/admin/config")[0] == 404


@pytest.mark.nginx
def test_the_collections_link_the_geopackage_and_it_opens_in_utm_32(front, tmp_path):
    import geopandas as gpd

    status, _, body = get(front.url + "ogc/collections/partner?f=json")
    (link,) = [x for x in json.loads(body)["links"] if x["type"] == "application/geopackage+sqlite3"]
    assert status == 200 and link["rel"] == "enclosure" and link["href"].startswith(front.url + "ogc/")
    status, _, data = get(link["href"])
    assert status == 200 and data.startswith(b"SQLite format 3\x00")
    path = tmp_path / "mrh.gpkg"
    path.write_bytes(data)
    partners = gpd.read_file(path, layer="partner")
    assert len(partners) == 12 and partners.crs.to_epsg() == 25832


def test_the_html_pages_speak_english_on_request(tmp_path, monkeypatch):
    """?lang=en: titles, descriptions, keywords and link titles from the English catalog; the data stay German."""
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    with service_over(data, tmp_path, monkeypatch) as url:
        for page in PAGES[:6]:
            pages = {}
            for lang in ("de", "en"):
                status, _, body = get(url + page + f"&lang={lang}")
                assert status == 200, (page, lang)
                pages[lang] = body.decode("utf-8")
            assert german_ui_text(pages["en"]) == [], page
            assert '<html lang="en"' in pages["en"] and '<html lang="de"' in pages["de"], page
        status, _, body = get(url + "?f=html&lang=de")
        assert german_ui_text(body.decode("utf-8")), "the German landing page shows no German text: the check is blind"


def test_the_partner_collection_carries_what_became_of_it_and_the_model_programmes():
    from ogc.provider import collection_features

    by_id = {f["id"]: f["properties"] for f in collection_features(load_project(), "partner")}
    assert any("rad+bus.STATION" in line and "2018-06-03" in line for line in by_id["03352"]["verbleib"])
    assert by_id["03352"]["verbleib_gesucht"] == "" and by_id["01053"]["verbleib"] == []
    assert by_id["01053"]["verbleib_gesucht"].startswith("Fortführung nach 9/2016")
    assert any("Westmecklenburg" in line for line in by_id["13074"]["modellvorhaben"])
    assert by_id["01056"]["modellvorhaben"] == []


def test_the_landing_page_links_the_dcat_description_and_it_is_served(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    with service_over(data, tmp_path, monkeypatch) as url:
        status, _, body = get(url + "?f=html")
        assert status == 200 and f'href="{url}mrh-daseinsvorsorge.dcat.jsonld"' in body.decode("utf-8")
        status, _, body = get(url + "mrh-daseinsvorsorge.dcat.jsonld")
        assert status == 200
        (dataset,) = json.loads(body)["@graph"]
        downloads = [d.get("dcat:downloadURL", {}).get("@id") for d in dataset["dcat:distribution"]]
        assert url + "mrh-daseinsvorsorge.gpkg" in downloads
