"""The partner areas as an OGC API – Features service (pygeoapi), for GIS desks (QGIS, ArcGIS, GDAL).

``python -m ogc config`` writes pygeoapi's configuration from ``data/``; ``python -m ogc serve`` runs it;
``python -m deploy up --ogc`` serves it behind the same nginx under ``/ogc/``. The features come from the
project's own data through :mod:`ogc.provider` (no second copy), read-only.
"""
