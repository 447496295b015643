"""The folium map, its scripts, the self-contained map document and the downloads. Imports the layers below."""
