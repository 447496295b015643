"""Tests: unit, AppTest and real-browser (Debian Chromium)."""
