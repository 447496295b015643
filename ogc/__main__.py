"""python -m ogc: the OGC API – Features service of the partner areas (pygeoapi).

    python -m ogc config --url https://example.org/ogc/ --out build/ogc   # write pygeoapi.yml, openapi.json
    python -m ogc serve --port 5000 --url http://127.0.0.1:5000/          # write them, then serve

Both write the GeoPackage of all partners beside them, which the collections link to (``rel=enclosure``).
``--url`` is the address GIS desks use (behind nginx: the front's ``…/ogc/``); pygeoapi writes it into
every link. ``serve`` uses Werkzeug's threaded server, which is enough behind nginx for a handful of GIS
desks; for more, run ``gunicorn ogc.wsgi:app`` with the two environment variables it prints.
The data folder is ``$MRH_DATA_DIR`` or ``data/``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

import yaml

from geo.data.errors import DataError
from geo.data.paths import configured_data_dir
from geo.data.project import load_project
from geo.map.export import table_geopackage
from geo.view.cite import dcat_jsonld
from geo.view.table import export_table
from ogc.config import DCAT, GEOPACKAGE, configuration


def _replace(path: Path, text: str) -> None:
    """Write atomically: a temporary file in the same folder, then a rename."""
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False, suffix=".tmp") as f:
        f.write(text)
    os.replace(f.name, path)


def write(out: Path, url: str) -> tuple[Path, Path]:
    """pygeoapi's configuration and OpenAPI document for the data as it is now, and the GeoPackage of all
    partners the collections link to; returns the configuration's and the document's paths."""
    from pygeoapi.openapi import get_oas

    project = load_project(configured_data_dir())
    config = configuration(project, url if url.endswith("/") else url + "/")
    out.mkdir(parents=True, exist_ok=True)
    geopackage = out / GEOPACKAGE
    temporary = geopackage.with_name(f".{GEOPACKAGE}.tmp")
    temporary.write_bytes(table_geopackage(project, export_table(project, (), "de"), "de"))
    os.replace(temporary, geopackage)
    dashboard = url.rsplit("ogc/", 1)[0] if url.rstrip("/").endswith("/ogc") else url  # behind the same front
    _replace(out / DCAT, dcat_jsonld(project, dashboard, url).decode("utf-8"))
    config_path, openapi_path = out / "pygeoapi.yml", out / "openapi.json"
    _replace(config_path, yaml.safe_dump(config, allow_unicode=True, sort_keys=False))
    _replace(openapi_path, json.dumps(get_oas(config), ensure_ascii=False))
    return config_path, openapi_path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ogc")
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("config", "serve"):
        command = commands.add_parser(name)
        command.add_argument("--url", required=True, help="Adresse des Dienstes, wie GIS-Arbeitsplätze sie nutzen")
        command.add_argument("--out", type=Path, default=Path("build/ogc"), help="Ordner für die Konfiguration")
        if name == "serve":
            command.add_argument("--port", type=int, default=5000)
            command.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args(argv)
    try:
        config_path, openapi_path = write(args.out, args.url)
    except DataError as exc:
        print("Die Daten sind nicht gültig – nichts geschrieben:", file=sys.stderr)
        print("\n".join(str(p) for p in exc.problems), file=sys.stderr)
        return 1
    print(f"PYGEOAPI_CONFIG={config_path}\nPYGEOAPI_OPENAPI={openapi_path}", flush=True)
    if args.command == "serve":
        os.environ["PYGEOAPI_CONFIG"], os.environ["PYGEOAPI_OPENAPI"] = str(config_path), str(openapi_path)
        from werkzeug.serving import run_simple

        from ogc.wsgi import app

        run_simple(args.host, args.port, app, threaded=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
