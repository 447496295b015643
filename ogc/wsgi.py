"""The service as a WSGI app: pygeoapi, plus the GeoPackage and the DCAT-AP.de description it links to.

Import it after ``python -m ogc config`` with ``PYGEOAPI_CONFIG`` and ``PYGEOAPI_OPENAPI`` set (the command
prints them); the GeoPackage lies beside the configuration. ``python -m ogc serve`` runs it with Werkzeug;
for more load: ``gunicorn ogc.wsgi:app``.
"""

from __future__ import annotations

import os
from pathlib import Path

from pygeoapi.flask_app import APP
from werkzeug.middleware.shared_data import SharedDataMiddleware

from ogc.config import DCAT, GEOPACKAGE

FOLDER = Path(os.environ["PYGEOAPI_CONFIG"]).parent
app = SharedDataMiddleware(APP, {f"/{name}": str(FOLDER / name) for name in (GEOPACKAGE, DCAT)})
