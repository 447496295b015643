"""Streamlit adapters: the pieces of the page that need Streamlit itself (the map component)."""
