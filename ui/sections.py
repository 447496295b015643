"""The dashboard's sections, top to bottom: each gets its texts resolved for the page's language.

What they show comes from ``geo/`` (markdown, tables, files); here it is only placed on the page. Files
for the downloads are made only when someone clicks (callables), and clicking does not rerun the page.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from geo.data.betreiber import read_operator
from geo.data.live import Signature
from geo.data.paths import MAPS_DIR, STATIC_UI, ogc_url
from geo.data.project import Project
from geo.data.prose import read_prose
from geo.data.sources import ATTRIBUTION
from geo.map.export import table_csv, table_geojson, table_geopackage
from geo.map.layers import view_data
from geo.map.overlays import basemap_attribution
from geo.view.cite import bibtex, citation, csl_json, dcat_jsonld
from geo.view.details import compare_markdown, details_markdown
from geo.view.escape import md_text
from geo.view.i18n import NOTE_2017, Texts, text
from geo.view.pages import page_links
from geo.view.search import Answer
from geo.view.state import Notice, ViewState, embed_snippet, share_url
from geo.view.table import export_table, partner_table, theme_matrix, undocumented_notes
from geo.view.timeline import timeline_html
from ui import loaders, mapview, widgets
from ui.loaders import Served
from ui.session import Session


def data_error(problems: list[str]) -> None:
    """The maintainers' page when the data never validated since the server started: nothing else to show."""
    if not problems:  # the files kept changing while the server read them for the first time
        st.info("Die Daten werden gerade aktualisiert – bitte die Seite in einigen Sekunden neu laden.")
        return
    st.error(
        text(
            "de",  # before the session: the data's maintainers read German
            "Die Daten können nicht angezeigt werden. Bitte die folgenden Stellen in den Dateien "
            "korrigieren und dann mit `python -m geo validate` prüfen:",
        )
    )
    st.code("\n".join(problems), language=None)


@st.fragment(run_every=loaders.DATA_CHECK_SECONDS)
def data_watch(t: Texts, drawn: Signature) -> None:
    """Every five minutes: say so when a new valid state of ``data/`` is served, with a button to redraw.

    A broken edit is not news for visitors (they keep the last good state; the maintainers see it on
    ``?seite=datenpruefung`` and in the log). The timed fragment also matters for several instances:
    Streamlit's page asks a server for a script run after its websocket reconnects only when the page has
    one. Without it, a page moved to another instance stays silent, and its next click lands in a blank
    session that draws the old view from the URL (deploy/README.md, tests/ops/test_deploy.py)."""
    if loaders.snapshot().signature != drawn:
        st.info(t("Die Daten wurden inzwischen aktualisiert. Neu laden, um den neuen Stand zu sehen."), icon="🔄")
        if st.button(t("Neu laden")):
            st.rerun(scope="app")


def header(t: Texts, notices: list[Notice]) -> None:
    st.html(STATIC_UI / "print.css")  # A4 landscape: title, map with legend, details, table; no sidebar or buttons
    st.title(t("Demographie und Daseinsvorsorge"))
    st.markdown(t("Leitprojekt der Metropolregion Hamburg, 2014 – 9/2016: zwölf Teilprojekte, ein Dachprojekt"))
    for notice in notices:
        st.info(md_text(t(notice.message, value=notice.value)), icon="ℹ️")


def map_and_details(t: Texts, served: Served, view: ViewState, answer: Answer) -> mapview.Frame | None:
    """The map (left) and the chosen partner's details (right); returns the map as drawn (for its listener)."""
    if view.basemap:
        st.warning(
            t(
                "Die Hintergrundkarte wird vom Server des BKG (sgx.geodatenzentrum.de) geladen; dabei "
                "erhält das BKG Ihre IP-Adresse. Kacheln: {attribution}, CC BY 4.0.",
                attribution=basemap_attribution(),
            ),
            icon="🌐",
        )
    found = answer.places[0] if answer.kind == "one" else None
    marker = {"name": found.name, "lat": found.lat, "lon": found.lon} if found else None
    left, right = st.columns([5, 2], gap="medium")
    frame: mapview.Frame | None = None
    with left:
        try:
            frame = mapview.Frame(
                loaders.map_src(served, view.basemap, view.lang),
                view_data(view, marker),
                t("Karte der Partnerregionen"),
            )
        except OSError as exc:  # e.g. a read-only installation: say where, keep the rest of the page
            st.error(
                t(
                    "Die Karte kann nicht angezeigt werden: Der Ordner {folder} ist nicht beschreibbar "
                    "({reason}). Bitte dem Dienst Schreibrechte dort geben; Tabelle, Details und Downloads "
                    "funktionieren weiter.",
                    folder=str(MAPS_DIR),
                    reason=exc.strerror or str(exc),
                )
            )
        else:
            mapview.show_map(frame)
        st.markdown(
            t(
                "**Karte:** Ein Gebiet anklicken (oder mit der Tabulatortaste hinfahren und Enter drücken) "
                "zeigt sein Teilprojekt. Die Legende steht in der Karte; Themenfelder, Kontakte, "
                "Einwohnerdichte, Vernetzung und die Metropolregion 2014–2016 lassen sich oben rechts "
                "unter „Ebenen und Themen“ ein- und ausschalten. {note}",
                note=t(NOTE_2017),
            )
        )
    with right:
        mapview.details_anchor()
        project = served.project
        st.markdown(
            details_markdown(project, view.partner, t.lang)
            if view.partner
            else t(
                "## Partner wählen\nEin Gebiet auf der Karte anklicken oder links einen Partner auswählen, "
                "um sein Teilprojekt, Themen, Ergebnisse und Kontakte zu sehen."
            )
        )
    return frame


def comparison(t: Texts, project: Project, view: ViewState) -> None:
    if not view.compare:
        return
    st.subheader(t("Vergleich"))
    if len(view.compare) < 2:
        st.markdown(t("Für einen Vergleich mindestens zwei Partner wählen."))
        return
    for column, rs in zip(st.columns(len(view.compare)), view.compare, strict=True):
        column.markdown(compare_markdown(project, rs, view.compare, t.lang))


MATRIX_KEY = "offen_themen_uebersicht"
TIMELINE_KEY = "offen_zeitleiste"


def table_and_overview(t: Texts, project: Project, view: ViewState, session: Session, labels: dict[str, str]) -> None:
    """The partners the filter matches, the partners × themes overview and the timeline."""
    table = partner_table(project, view.themes, t.lang)
    themes_shown = ", ".join(labels[s] for s in view.themes) or t("alle Themen")
    st.subheader(
        t(
            "{n} von {total} Partnern – {themes}",
            n=len(table),
            total=len(session.choices.names),
            themes=md_text(themes_shown),
        )
    )
    widgets.partner_table(
        table,
        view.partner,
        t("Partner mit mindestens einem der gewählten Themen; Name wählen zeigt die Details.")
        if view.themes
        else t("Alle Partner; Name wählen zeigt die Details."),
        t("Diesen Partner wählen"),
        t("nicht dokumentiert"),
        session.select,
        german=(0, 1) if t.lang == "en" else (),  # names and Teilprojekt titles stay German
        notes=undocumented_notes(project, table.index, t.lang),
    )
    # Built when opened (a rerun; Streamlit's lazy expander): closed, they cost no bytes per click (the
    # timeline's HTML alone is ≈ 7 KB) and no elements in the page's first build (bench/results.md).
    overview = st.expander(t("Themen-Übersicht: wer hat woran gearbeitet?"), key=MATRIX_KEY, on_change="rerun")
    if overview.open:
        with overview:
            matrix = theme_matrix(project, t.lang, view.partner, view.themes)
            widgets.theme_matrix(matrix, session.select, lambda slug: session.set_themes([slug]))
    timeline = st.expander(t("Zeitleiste: wann liefen die Teilprojekte?"), key=TIMELINE_KEY, on_change="rerun")
    if timeline.open:
        with timeline:
            st.html(timeline_html(project, view.partner, t.lang))


def downloads(t: Texts, served: Served, view: ViewState) -> None:
    project, lang, stem = served.project, t.lang, "mrh-daseinsvorsorge-partner"
    # read during the run: the files are made on click, outside it, where st.context knows no address
    root, operator = page_root(), publisher()
    st.markdown(t("**Herunterladen:**"))
    csv_col, geojson_col, gpkg_col = st.columns(3)  # two rows of three: labels stay whole on a laptop
    html_col, png_col, pdf_col = st.columns(3)
    csv_col.download_button(
        t("Tabelle als CSV (Excel)"),
        lambda: table_csv(export_table(project, view.themes, lang)),
        f"{stem}.csv",
        "text/csv",
        on_click="ignore",
    )
    geojson_col.download_button(
        t("Tabelle als GeoJSON"),
        lambda: table_geojson(project, export_table(project, view.themes, lang), lang),
        f"{stem}.geojson",
        "application/geo+json",
        on_click="ignore",
    )
    gpkg_col.download_button(
        t("GeoPackage (GIS)"),
        lambda: table_geopackage(project, export_table(project, view.themes, lang), lang),
        f"{stem}.gpkg",
        "application/geopackage+sqlite3",
        on_click="ignore",
        help=t(
            "Partner der Tabelle, Kontakte und Kontext als drei Ebenen in ETRS89 / UTM 32N (EPSG:25832), z. B. für QGIS"
        ),
    )
    html_col.download_button(
        t("Karte als HTML (offline)"),
        lambda: loaders.offline_map(served, view),
        "mrh-daseinsvorsorge-karte.html",
        "text/html",
        on_click="ignore",
    )
    png_col.download_button(
        t("Karte als Bild (PNG)"),
        lambda: loaders.picture(served, view),
        "mrh-daseinsvorsorge-karte.png",
        "image/png",
        on_click="ignore",
    )
    pdf_col.download_button(
        t("Steckbrief (PDF)"),
        lambda: loaders.factsheet(served, view.partner or "", lang, None, root, operator),
        f"steckbrief-{view.partner or 'partner'}.pdf",
        "application/pdf",
        on_click="ignore",
        disabled=view.partner is None,
        help=None if view.partner else t("Erst einen Partner wählen (Karte, Tabelle oder Seitenleiste)."),
    )


def gis(t: Texts) -> None:
    """How a GIS desk gets the data: the service's address to copy (where the server runs one), else the
    GeoPackage. The address comes from ``$MRH_OGC_URL`` (``python -m deploy up --ogc`` sets it)."""
    with st.expander(t("In GIS laden")):
        url = ogc_url()
        if not url:
            st.markdown(
                t(
                    "Für GIS-Programme (QGIS, ArcGIS) gibt es oben das **GeoPackage** (EPSG:25832, drei "
                    "Ebenen). Ein Dienst (OGC API – Features) ist auf diesem Server nicht eingerichtet."
                )
            )
            return
        st.markdown(
            t(
                "Die Partnergebiete, Kontakte und der Kontext gibt es auch als Dienst (OGC API – "
                "Features), immer mit dem Stand dieses Dashboards. **QGIS:** Layer → Layer hinzufügen → "
                "WFS / OGC API – Features hinzufügen, „Neu“, die Adresse unten einfügen, „Verbinden“, dann "
                "eine Sammlung wählen (z. B. *partner*). Gefiltert nach Thema: "
                "`…/collections/partner/items?themen=wohnen`; in ETRS89 / UTM 32N mit "
                "`crs=http://www.opengis.net/def/crs/EPSG/0/25832`."
            )
        )
        widgets.share_fields(
            [{"label": t("Adresse des Dienstes"), "value": url, "copy": t("Adresse kopieren")}],
            t("Kopieren"),
            t("In die Zwischenablage kopiert."),
            t("Kopieren nicht erlaubt – Text ist markiert, mit Strg+C kopieren."),
            key="gis",
        )


def share(t: Texts, view: ViewState) -> None:
    st.subheader(t("Link zu dieser Ansicht"))
    page = st.context.url
    widgets.share_fields(
        [
            {
                "label": t("Adresse mit Auswahl, Filter und Sprache – zum Weitergeben kopieren"),
                "value": share_url(page, view),
                "copy": t("Link kopieren"),
            },
            {
                "label": t(
                    "In eine Website einbetten (HTML-Code für einen iframe mit dieser Ansicht, ohne Seitenleiste)"
                ),
                "value": embed_snippet(
                    page, view, t("Karte: Demographie und Daseinsvorsorge in der Metropolregion Hamburg")
                ),
                "multiline": True,
                "copy": t("Code kopieren"),
            },
        ],
        t("Kopieren"),
        t("In die Zwischenablage kopiert."),
        t("Kopieren nicht erlaubt – Text ist markiert, mit Strg+C kopieren."),
    )


def page_root() -> str:
    """The dashboard's address without a view (what a citation links to); "" when Streamlit does not know it."""
    root = share_url(st.context.url, ViewState())
    return "" if root == "?" else root


def publisher() -> str:
    """The operator's name from betreiber.toml ("" while it is not filled in)."""
    return read_operator()[0].name


def cite(t: Texts, project: Project, view: ViewState) -> None:
    """Cite and reuse: a citation of the data set (and of the selected partner) to copy, as BibTeX and
    CSL-JSON, and the data set's description in DCAT-AP.de for open-data portals."""
    root, operator = page_root(), publisher()
    wanted = [citation(project, t.lang, root, date.today(), operator)]
    if view.partner:
        wanted.append(citation(project, t.lang, root, date.today(), operator, rs=view.partner))
    with st.expander(t("Zitieren und weiterverwenden")):
        for entry in wanted:
            st.markdown(md_text(entry.text))
        bib, csl, meta = st.columns(3)
        bib.download_button(
            t("Zitat als BibTeX"), bibtex(wanted), "mrh-daseinsvorsorge.bib", "application/x-bibtex", on_click="ignore"
        )
        csl.download_button(
            t("Zitat als CSL-JSON"),
            csl_json(wanted),
            "mrh-daseinsvorsorge.csl.json",
            "application/vnd.citationstyles.csl+json",
            on_click="ignore",
        )
        meta.download_button(
            t("Metadaten (DCAT-AP.de)"),
            lambda: dcat_jsonld(project, root, ogc_url(), operator),
            "mrh-daseinsvorsorge.dcat.jsonld",
            "application/ld+json",
            on_click="ignore",
            help=t("Beschreibung des Datensatzes und seiner Formate für Datenportale wie GovData (JSON-LD)"),
        )
        st.caption(
            t(
                "Die Daten dürfen mit Namensnennung weiterverwendet werden: Verwaltungsgrenzen nach der "
                "Datenlizenz Deutschland – Namensnennung 2.0, Einwohner und Fläche mit Quellenangabe Destatis, "
                "Projektdaten mit den genannten Quellen."
            )
        )


def footer(t: Texts) -> None:
    st.markdown(read_prose("quellen", t.lang).format(attribution=ATTRIBUTION))
    st.markdown(page_links(t.lang))
