"""Benchmark of the dashboard (``python -m bench``); a script, not a test."""
