"""Build geodata from the sources (VG250, Destatis via npm), vendored web assets, the command line.

Imports geo.data only.
"""
