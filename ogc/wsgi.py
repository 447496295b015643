"""The service as a WSGI app: pygeoapi, plus the GeoPackage its collections link to.

Import it after ``python -m ogc config`` with ``PYGEOAPI_CONFIG`` and ``PYGEOAPI_OPENAPI`` set (the command
prints them); the GeoPackage lies beside the configuration. ``python -m ogc serve`` runs it with Werkzeug;
for more load: ``gunicorn ogc.wsgi:app``.
"""

from __future__ import annotations

import os
from pathlib import Path

from pygeoapi.flask_app import APP
from werkzeug.middleware.shared_data import SharedDataMiddleware

from ogc.config import GEOPACKAGE

app = SharedDataMiddleware(APP, {f"/{GEOPACKAGE}": str(Path(os.environ["PYGEOAPI_CONFIG"]).parent / GEOPACKAGE)})
