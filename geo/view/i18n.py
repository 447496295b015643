"""Interface text in German (default) and English (``?lang=en``). Data stays as it is."""

from __future__ import annotations

from dataclasses import dataclass

from geo.data.sources import ATTRIBUTION

DACHPROJEKT_URL = "https://metropolregion.hamburg.de/demographie-und-daseinsvorsorge/nofl/4357490/dachprojekt/"

DE = {
    "title": "Demographie und Daseinsvorsorge",
    "subtitle": "Leitprojekt der Metropolregion Hamburg, 2014 – 9/2016: zwölf Teilprojekte, ein Dachprojekt",
    "themes": "Themenfeld",
    "themes_all": "alle Themen",
    "themes_help": "Zeigt Partner mit mindestens einem der gewählten Themen.",
    "themes_rule": "Gezeigt werden Partner mit **mindestens einem** der gewählten Themen.",
    "partner": "Partner",
    "partner_none": "– keiner gewählt –",
    "partner_help": "Dasselbe wie ein Klick auf die Karte.",
    "basemap": "Hintergrundkarte basemap.de (grau)",
    "basemap_help": "Lädt Kartenkacheln vom Server des Bundesamts für Kartographie und Geodäsie.",
    "basemap_on": "Die Hintergrundkarte wird vom Server des BKG (sgx.geodatenzentrum.de) geladen; dabei "
    "erhält das BKG Ihre IP-Adresse. Kacheln: {attribution}, CC BY 4.0.",
    "choose": "## Partner wählen\nEin Gebiet auf der Karte anklicken oder links einen Partner auswählen, "
    "um sein Teilprojekt, Themen, Ergebnisse und Kontakte zu sehen.",
    "table": "{n} von {total} Partnern – {themes}",
    "gis_title": "In GIS laden",
    "gis_service": (
        "Die Partnergebiete, Kontakte und der Kontext gibt es auch als Dienst (OGC API – Features), "
        "immer mit dem Stand dieses Dashboards. **QGIS:** Layer → Layer hinzufügen → WFS / OGC API – Features "
        "hinzufügen, „Neu“, die Adresse unten einfügen, „Verbinden“, dann eine Sammlung wählen "
        "(z. B. *partner*). Gefiltert nach Thema: `…/collections/partner/items?themen=wohnen`; in ETRS89 / "
        "UTM 32N mit `crs=http://www.opengis.net/def/crs/EPSG/0/25832`."
    ),
    "gis_no_service": (
        "Für GIS-Programme (QGIS, ArcGIS) gibt es oben das **GeoPackage** (EPSG:25832, drei Ebenen). Ein "
        "Dienst (OGC API – Features) ist auf diesem Server nicht eingerichtet."
    ),
    "gis_url": "Adresse des Dienstes",
    "copy_url": "Adresse kopieren",
    "share_title": "Link zu dieser Ansicht",
    "share": "Adresse mit Auswahl, Filter und Sprache – zum Weitergeben kopieren",
    "copy": "Kopieren",
    "copy_link": "Link kopieren",
    "copy_code": "Code kopieren",
    "copied": "In die Zwischenablage kopiert.",
    "copy_select": "Kopieren nicht erlaubt – Text ist markiert, mit Strg+C kopieren.",
    "table_caption": "Partner mit mindestens einem der gewählten Themen; Name wählen zeigt die Details.",
    "table_caption_all": "Alle Partner; Name wählen zeigt die Details.",
    "table_choose": "Diesen Partner wählen",
    "matrix_title": "Themen-Übersicht: wer hat woran gearbeitet?",
    "tl_title": "Zeitleiste der Laufzeiten",
    "tl_expander": "Zeitleiste: wann liefen die Teilprojekte?",
    "tl_legend": "Balken = Laufzeit laut Quelle; gestrichelte Kante = ungefähr (ca., Jahreszeit), "
    "auslaufender Balken = Beginn oder Ende nicht dokumentiert; ◆ = Termin (Liste unter der Zeitleiste). "
    "Orange: Dachprojekt.",
    "tl_dach": "Dachprojekt „Regionalmanagement“",
    "tl_dach_when": "Anfang 2014 – 9/2016",
    "tl_open": "weitere Phasen nicht dokumentiert",
    "tl_no_start": "Beginn nicht dokumentiert",
    "tl_unknown": "Laufzeit nicht dokumentiert",
    "matrix_caption": "Partner und ihre Themenfelder. Name wählen zeigt den Partner, Thema wählen filtert danach.",
    "matrix_total": "Summe",
    "matrix_yes": "ja",
    "matrix_filter": "Nach diesem Thema filtern:",
    "downloads": "**Herunterladen:**",
    "csv": "Tabelle als CSV (Excel)",
    "geojson": "Tabelle als GeoJSON",
    "gpkg": "GeoPackage (GIS)",
    "gpkg_help": "Partner der Tabelle, Kontakte und Kontext als drei Ebenen in ETRS89 / UTM 32N (EPSG:25832), "
    "z. B. für QGIS",
    "html": "Karte als HTML (offline)",
    "data_error": "Die Daten können nicht angezeigt werden. Bitte die folgenden Stellen in den Dateien "
    "korrigieren und dann mit `python -m geo validate` prüfen:",
    "dachprojekt": """
**Dachprojekt „Regionalmanagement“**

- **Ziel:** die Teilprojekte unterstützen und vernetzen, Erfahrungen zwischen ihnen und aus bundesweiten
  Vergleichsprojekten übertragen und daraus Empfehlungen für eine Gesamtstrategie Daseinsvorsorge in der
  Metropolregion Hamburg erarbeiten.
- **Antragsteller und Federführung:** Landkreis Ludwigslust-Parchim
- **Laufzeit:** Anfang 2014 – 9/2016
- **Regionalmanagement:** Arbeitsgemeinschaft proloco (Göttingen) und Planungsgruppe Plewa (Flensburg)
- **Partner:** 12 Kreise, Landkreise, Samtgemeinden und Städte.
""",
    "dach_source": f"Quelle: [Metropolregion Hamburg – Dachprojekt „Regionalmanagement“]({DACHPROJEKT_URL})",
    "dach_end": "Abschluss",
    "dach_funding": "Förderung: ein „Gesamtvolumen von etwa 1,2 Millionen Euro“, die Teilprojekte „jeweils zu "
    "80 Prozent“ von der Metropolregion gefördert ({first}); die Abschlussmeldung nennt 1,2 Millionen Euro "
    "Förderung durch die Metropolregion ({last}).",
    "dach_strategy": "Ziel waren Empfehlungen für eine Gesamtstrategie Daseinsvorsorge; ein veröffentlichtes "
    "Strategiedokument wurde nicht gefunden (Stand 12/2026).",
    "dach_release": "MRH-Pressemitteilung",
    "legend": "**Karte:** Ein Gebiet anklicken (oder mit der Tabulatortaste hinfahren und Enter drücken) zeigt "
    "sein Teilprojekt. Die Legende steht in der Karte; Themenfelder, Kontakte, Einwohnerdichte, "
    "Vernetzung und die Metropolregion 2014–2016 lassen sich oben rechts unter „Ebenen und Themen“ "
    "ein- und ausschalten. {note}",
    "sources": f"""
**Quellen und Lizenzen**

- Verwaltungsgrenzen: {ATTRIBUTION} – VG250, Stand 01.01.2016, Datenlizenz Deutschland – Namensnennung 2.0;
  vereinfacht (≤ 100 m Abweichung).
- Einwohner und Fläche der Kreise: Statistisches Bundesamt (Destatis), Gemeindeverzeichnis, Stand 31.12.2018 –
  „Vervielfältigung und Verbreitung, auch auszugsweise, mit Quellenangabe gestattet“; bezogen über das
  npm-Paket landkreise-deutschland (CC BY 4.0). Für Ludwigslust-Parchim gilt die Zahl für den ganzen Landkreis,
  zur Metropolregion gehörte 2014–2016 nur der Altkreis Ludwigslust.
- Projektdaten: Metropolregion Hamburg (metropolregion.hamburg.de), Websites der Kreise und Gemeinden,
  Regionalpresse – die Quellen stehen bei jedem Partner; Zusammenfassungen in eigenen Worten.
  Was nicht belegt ist, steht als „nicht dokumentiert“ da.
- Ohne Hintergrundkarte lädt diese Seite nichts von fremden Servern.
""",
    "not_documented": "nicht dokumentiert",
    "f_searched": "Gesucht",
    "undocumented_row": "nicht dokumentiert – gesucht: {searched}",
    "mirror": "Kopie; Original nicht gefunden",
    "tl_events": "Termine",
    "tl_dach_short": "Dachprojekt",
    "not_available": "nicht verfügbar",
    "f_project": "Teilprojekt",
    "f_period": "Laufzeit",
    "f_themes": "Themen",
    "f_summary": "Kurzbeschreibung",
    "f_results": "Ergebnisse",
    "f_office": "Zuständig",
    "f_contact": "Kontakt",
    "f_note": "Anmerkung",
    "f_sources": "Quellen",
    "f_stand": "Stand der Quellen",
    "f_compiled": "erfasst am",
    "f_licence": "Lizenz",
    "altkreis": "Zur Metropolregion gehörte 2014–2016 nur der Altkreis Ludwigslust; die Zahlen gelten für den "
    "ganzen Landkreis Ludwigslust-Parchim (Gebietsstand 31.12.2018).",
    "f_area": "Fläche",
    "f_population": "Einwohner",
    "f_density": "Dichte",
    "per_km2": "Einw./km²",
    "destatis": "Destatis, Stand {date}",
    "network": "Vernetzung – gemeinsame Themen mit",
    "network_none": "keine gemeinsamen Themen dokumentiert",
    "c_name": "Name",
    "c_type": "Typ",
    "c_land": "Land",
    "c_role": "Rolle",
    "c_project": "Teilprojekt",
    "c_themes": "Themen",
    "c_period": "Laufzeit",
    "c_summary": "Kurzbeschreibung",
    "c_results": "Ergebnisse",
    "c_office": "Zuständig und Kontakt",
    "c_population": "Einwohner (31.12.2018)",
    "c_area": "Fläche (km²)",
    "c_sources": "Quellen",
    "c_stand": "Stand der Quellen",
    "c_compiled": "Erfasst am",
    "c_note": "Anmerkung",
    "c_searched": "Gesucht",
    "n_region": "Unbekannte Region „{value}“ in der URL ignoriert.",
    "n_regions": "Mehrere Regionen in der URL – angezeigt wird nur die erste gültige.",
    "n_theme": "Unbekanntes Thema „{value}“ in der URL ignoriert.",
    "n_theme_empty": "Thema „{value}“ aus der URL ignoriert: kein Partner hat dieses Thema.",
    "n_map": "Unbekannte Karte „{value}“ in der URL ignoriert (erlaubt: karte=basemap).",
    "n_lang": "Unbekannte Sprache „{value}“ in der URL ignoriert (erlaubt: de, en).",
    "n_key": "Unbekannter URL-Parameter „{value}“ ignoriert.",
    "n_compare": "Unbekannter Partner „{value}“ im Vergleich ignoriert.",
    "n_compare_twice": "Partner „{value}“ steht doppelt im Vergleich – einmal genügt.",
    "n_compare_many": "Höchstens vier Partner lassen sich vergleichen; weitere ignoriert.",
    "n_place": "Suchtext „{value}“ ist zu lang (höchstens 100 Zeichen) und wurde nicht gesucht.",
    "search": "Ort suchen",
    "search_placeholder": "z. B. Bad Oldesloe, Mölln",
    "search_help": "Gemeinde oder Stadt in Deutschland (Stand 2016). Groß- und Kleinschreibung egal, "
    "ae/oe/ue/ss statt ä/ö/ü/ß gehen, der Anfang des Namens genügt.",
    "search_in": "**{name}** ({kreis}, {land}) liegt im Gebiet von **{partner}** – auf der Karte markiert.",
    "search_out": "**{name}** ({kreis}, {land}) liegt in keinem Partnergebiet – auf der Karte markiert.",
    "search_several": "{n} Orte passen – bitte wählen (Partnergebiete zuerst):",
    "search_several_one": "{n} Orte passen, alle im Gebiet von **{partner}** – der Partner ist gewählt. "
    "Einen Ort wählen markiert ihn auf der Karte:",
    "search_more": "… und {n} weitere: genauer eingeben.",
    "search_pick": "Ort wählen",
    "search_partner": "Partner",
    "search_none": "Kein Ort „{query}“ gefunden.",
    "search_close": "Ähnliche Namen: {names}",
    "search_long": "Der Suchtext ist zu lang (höchstens 100 Zeichen).",
    "search_missing": "Das Ortsverzeichnis (data/orte.csv) fehlt – neu erzeugen mit: python -m geo build-boundaries",
    "compare": "Vergleichen (2 bis 4 Partner)",
    "compare_help": "Zeigt die gewählten Partner nebeneinander; steht auch im Link zu dieser Ansicht.",
    "compare_title": "Vergleich",
    "compare_none": "– keine gewählt –",
    "compare_more": "Für einen Vergleich mindestens zwei Partner wählen.",
    "compare_shared": "gemeinsam",
    "n_page": "Unbekannte Seite „{value}“ in der URL ignoriert "
    "(erlaubt: seite=barrierefreiheit, seite=leichte-sprache).",
    "embed": "In eine Website einbetten (HTML-Code für einen iframe mit dieser Ansicht, ohne Seitenleiste)",
    "embed_title": "Karte: Demographie und Daseinsvorsorge in der Metropolregion Hamburg",
    "back": "← Zur Karte",
    "operator_missing": "Der Betreiber hat seine Kontaktstelle noch nicht eingetragen (Datei betreiber.toml).",
    "l_partners": "Partnerregionen",
    "l_theme": "Themenfeld: {label} ({n})",
    "l_contacts": "Kontakte",
    "l_context": "Metropolregion Hamburg 2014–2016 und Ländergrenzen",
    "l_density": "Einwohnerdichte",
    "l_network": "Vernetzung (gemeinsame Themen)",
    "l_lead": "Federführung",
    "p_dach": "Dachprojekt „Regionalmanagement“",
    "p_source": "Quelle",
    "p_address": "Markierung an der veröffentlichten Adresse",
    "p_approx": "Markierung ungefähr: irgendwo in {level} {place} (Adresse nicht verortet)",
    "lvl_gemeinde": "Gemeinde",
    "lvl_kreis": "Kreis",
    "d_title": "Einwohner je km²",
    "d_none": "nicht verfügbar",
    "d_from": "ab {low}",
    "d_range": "{low} bis unter {high}",
    "l_basemap": "Hintergrundkarte basemap.de",
    "m_region": "Karte der Partnerregionen",
    "m_lead_short": "Federführung",
    "m_home": "Gesamtansicht",
    "m_lead": "Federführung (gestrichelt)",
    "m_legend": "Legende",
    "m_filter_rule": "Partner mit mindestens einem der gewählten Themen",
    "m_no_match": "ohne gewähltes Thema",
    "m_partner": "Partnerregion",
    "m_selection": "Auswahl",
    "m_contact": "Kontakt",
    "m_contact_dach": "Dachprojekt",
    "m_contact_teil": "Teilprojekt",
    "m_context": "Metropolregion 2014–2016",
    "m_layers": "Ebenen und Themen",
    "m_themes": "Themenfelder (Filter)",
    "m_more_layers": "Weitere Ebenen",
    "m_two_fingers": "Karte mit zwei Fingern verschieben und zoomen",
    "m_selected": "ausgewählt – Details neben oder unter der Karte.",
    "map_title": "Karte der Partnerregionen",
    "map_unwritable": "Die Karte kann nicht angezeigt werden: Der Ordner {folder} ist nicht beschreibbar "
    "({reason}). Bitte dem Dienst Schreibrechte dort geben; Tabelle, Details und Downloads funktionieren weiter.",
    "data_changed": "Die Daten wurden inzwischen aktualisiert. Neu laden, um den neuen Stand zu sehen.",
    "data_reload": "Neu laden",
    "export_view": "Ansicht",
    "pdf_subtitle": "Steckbrief des Teilprojekts",
    "pdf_figures": "Einwohner und Fläche",
    "png": "Karte als Bild (PNG)",
    "pdf": "Steckbrief (PDF)",
    "pdf_choose": "Erst einen Partner wählen (Karte, Tabelle oder Seitenleiste).",
    "export_all": "alle Partner, kein Themenfilter",
    "export_made": "Erstellt am {date} mit dem Dashboard",
    "export_sources": "Projektdaten: Metropolregion Hamburg und weitere Quellen je Partner (Klick auf ein Gebiet)",
}

EN = {
    "title": "Demography and public services",
    "subtitle": "Lead project of the Hamburg Metropolitan Region, 2014 – 9/2016: twelve sub-projects, "
    "one umbrella project",
    "themes": "Field of public services",
    "themes_all": "all fields",
    "themes_help": "Shows partners with at least one of the selected fields.",
    "themes_rule": "Shown: partners with **at least one** of the selected fields.",
    "partner": "Partner",
    "partner_none": "– none selected –",
    "partner_help": "The same as clicking the map.",
    "basemap": "Background map basemap.de (grey)",
    "basemap_help": "Loads map tiles from the server of the Federal Agency for Cartography and Geodesy (BKG).",
    "basemap_on": "The background map is loaded from the BKG's server (sgx.geodatenzentrum.de), which receives "
    "your IP address. Tiles: {attribution}, CC BY 4.0.",
    "choose": "## Choose a partner\nClick an area on the map or pick a partner on the left to see its "
    "sub-project, fields, results and contacts.",
    "table": "{n} of {total} partners – {themes}",
    "gis_title": "Load into GIS",
    "gis_service": (
        "The partner areas, contacts and context are also offered as a service (OGC API – Features), always "
        "with the data of this dashboard. **QGIS:** Layer → Add Layer → Add WFS / OGC API – Features Layer, "
        "“New”, paste the address below, “Connect”, then choose a collection (e.g. *partner*). Filtered by "
        "theme: `…/collections/partner/items?themen=wohnen`; in ETRS89 / UTM 32N with "
        "`crs=http://www.opengis.net/def/crs/EPSG/0/25832`."
    ),
    "gis_no_service": (
        "For GIS software (QGIS, ArcGIS) there is the **GeoPackage** above (EPSG:25832, three layers). This "
        "server offers no OGC API – Features service."
    ),
    "gis_url": "Address of the service",
    "copy_url": "Copy address",
    "share_title": "Link to this view",
    "share": "Address with selection, filter and language – copy to share",
    "copy": "Copy",
    "copy_link": "Copy link",
    "copy_code": "Copy code",
    "copied": "Copied to the clipboard.",
    "copy_select": "Copying not allowed – the text is selected, press Ctrl+C.",
    "table_caption": "Partners with at least one of the selected fields; choose a name for the details.",
    "table_caption_all": "All partners; choose a name for the details.",
    "table_choose": "Choose this partner",
    "matrix_title": "Fields overview: who worked on what?",
    "tl_title": "Timeline of the durations",
    "tl_expander": "Timeline: when did the sub-projects run?",
    "tl_legend": "Bar = duration as given by the source; dashed edge = approximate (ca., season), fading bar = "
    "start or end not documented; ◆ = event (listed below the timeline). Orange: umbrella project.",
    "tl_dach": "Umbrella project „Regionalmanagement“",
    "tl_dach_when": "early 2014 – 9/2016",
    "tl_open": "later phases not documented",
    "tl_no_start": "start not documented",
    "tl_unknown": "Duration not documented",
    "matrix_caption": "Partners and their fields. Choose a name to see the partner, a field to filter by it.",
    "matrix_total": "Total",
    "matrix_yes": "yes",
    "matrix_filter": "Filter by this field:",
    "downloads": "**Download:**",
    "csv": "Table as CSV (Excel)",
    "geojson": "Table as GeoJSON",
    "gpkg": "GeoPackage (GIS)",
    "gpkg_help": "The table's partners, contacts and context as three layers in ETRS89 / UTM 32N (EPSG:25832), "
    "e.g. for QGIS",
    "html": "Map as HTML (offline)",
    "data_error": "The data cannot be shown. Please fix these places in the files and check them with "
    "`python -m geo validate`:",
    "dachprojekt": """
**Umbrella project "Regionalmanagement"**

- **Aim:** support and connect the sub-projects, transfer experience between them and from nationwide
  comparable projects, and derive recommendations for an overall public-services strategy for the
  Hamburg Metropolitan Region.
- **Applicant and lead:** Landkreis Ludwigslust-Parchim
- **Duration:** early 2014 – 9/2016
- **Regional management:** proloco (Göttingen) and Planungsgruppe Plewa (Flensburg)
- **Partners:** 12 districts, joint municipalities and towns.
""",
    "dach_source": f"Source: [Metropolregion Hamburg – Dachprojekt „Regionalmanagement“]({DACHPROJEKT_URL}) (German)",
    "dach_end": "Conclusion",
    "dach_funding": "Funding: a total volume of “about 1.2 million euros”, the sub-projects funded “80 per cent each” "
    "by the Metropolitan Region ({first}); the closing release names 1.2 million euros of funding by the "
    "Metropolitan Region ({last}).",
    "dach_strategy": "The aim was recommendations for an overall public-services strategy; no published strategy "
    "document was found (as of 12/2026).",
    "dach_release": "MRH press release",
    "legend": "**Map:** click an area (or tab to it and press Enter) to see its sub-project. The legend is "
    "inside the map; fields, contacts, population density, network and the Metropolitan Region "
    "2014–2016 can be switched on and off at the top right under “Layers and fields”. {note}",
    "sources": f"""
**Sources and licences**

- Administrative boundaries: {ATTRIBUTION} – VG250, as of 1 Jan 2016, Data licence Germany – attribution 2.0;
  simplified (≤ 100 m deviation).
- Population and area of the districts: Federal Statistical Office (Destatis), as of 31 Dec 2018 – reproduction
  and distribution, also in part, permitted with source attribution; obtained via the npm package
  landkreise-deutschland (CC BY 4.0). For Ludwigslust-Parchim the figure covers the whole district; only the
  former district of Ludwigslust belonged to the region in 2014–2016.
- Project data: Hamburg Metropolitan Region (metropolregion.hamburg.de), district and municipal websites,
  regional press – sources are listed for every partner. Facts not documented are marked as such.
- Without the background map this page loads nothing from other servers.
""",
    "not_documented": "not documented",
    "f_searched": "Searched for",
    "undocumented_row": "not documented – searched for (German): {searched}",
    "mirror": "copy; original not found",
    "tl_events": "Events",
    "tl_dach_short": "umbrella project",
    "not_available": "not available",
    "f_project": "Sub-project",
    "f_period": "Duration",
    "f_themes": "Fields",
    "f_summary": "Summary",
    "f_results": "Results",
    "f_office": "Responsible office",
    "f_contact": "Contact",
    "f_note": "Note",
    "f_sources": "Sources",
    "f_stand": "Sources as of",
    "f_compiled": "compiled on",
    "f_licence": "Licence",
    "altkreis": "In 2014–2016 only the former district of Ludwigslust belonged to the Metropolitan Region; the "
    "figures are for the whole district of Ludwigslust-Parchim (boundaries as of 31 Dec 2018).",
    "f_area": "Area",
    "f_population": "Population",
    "f_density": "Density",
    "per_km2": "inh./km²",
    "destatis": "Destatis, as of {date}",
    "network": "Network – fields shared with",
    "network_none": "no shared fields documented",
    "c_name": "Name",
    "c_type": "Type",
    "c_land": "State",
    "c_role": "Role",
    "c_project": "Sub-project",
    "c_themes": "Fields",
    "c_period": "Duration",
    "c_summary": "Summary",
    "c_results": "Results",
    "c_office": "Responsible office and contact",
    "c_population": "Population (31 Dec 2018)",
    "c_area": "Area (km²)",
    "c_sources": "Sources",
    "c_stand": "Sources as of",
    "c_compiled": "Compiled on",
    "c_note": "Note",
    "c_searched": "Searched for",
    "n_region": "Unknown region „{value}“ in the URL ignored.",
    "n_regions": "Several regions in the URL – only the first valid one is shown.",
    "n_theme": "Unknown field „{value}“ in the URL ignored.",
    "n_theme_empty": "Field „{value}“ in the URL ignored: no partner has this field.",
    "n_map": "Unknown map „{value}“ in the URL ignored (allowed: karte=basemap).",
    "n_lang": "Unknown language „{value}“ in the URL ignored (allowed: de, en).",
    "n_key": "Unknown URL parameter „{value}“ ignored.",
    "n_compare": "Unknown partner „{value}“ in the comparison ignored.",
    "n_compare_twice": "Partner „{value}“ is twice in the comparison – once is enough.",
    "n_compare_many": "At most four partners can be compared; the others are ignored.",
    "n_place": "Search text „{value}“ is too long (at most 100 characters) and was not searched.",
    "search": "Find a place",
    "search_placeholder": "e.g. Bad Oldesloe, Mölln",
    "search_help": "Municipality or town in Germany (as of 2016). Case does not matter, ae/oe/ue/ss work "
    "for ä/ö/ü/ß, the beginning of the name is enough.",
    "search_in": "**{name}** ({kreis}, {land}) lies in the area of **{partner}** – marked on the map.",
    "search_out": "**{name}** ({kreis}, {land}) lies in no partner's area – marked on the map.",
    "search_several": "{n} places match – please choose (partner areas first):",
    "search_several_one": "{n} places match, all in the area of **{partner}** – that partner is selected. "
    "Choose a place to mark it on the map:",
    "search_more": "… and {n} more: type more of the name.",
    "search_pick": "Choose a place",
    "search_partner": "partner",
    "search_none": "No place „{query}“ found.",
    "search_close": "Similar names: {names}",
    "search_long": "The search text is too long (at most 100 characters).",
    "search_missing": "The list of places (data/orte.csv) is missing – rebuild with: python -m geo build-boundaries",
    "compare": "Compare (2 to 4 partners)",
    "compare_help": "Shows the chosen partners side by side; part of the link to this view.",
    "compare_title": "Comparison",
    "compare_none": "– none selected –",
    "compare_more": "Choose at least two partners to compare.",
    "compare_shared": "shared",
    "n_page": "Unknown page „{value}“ in the URL ignored (allowed: seite=barrierefreiheit, seite=leichte-sprache).",
    "embed": "Embed in a website (HTML code for an iframe with this view, without the sidebar)",
    "embed_title": "Map: demography and public services in the Hamburg Metropolitan Region",
    "back": "← Back to the map",
    "operator_missing": "The operator has not entered a contact yet (file betreiber.toml).",
    "l_partners": "Partner areas",
    "l_theme": "Field: {label} ({n})",
    "l_contacts": "Contacts",
    "l_context": "Hamburg Metropolitan Region 2014–2016 and state borders",
    "l_density": "Population density",
    "l_network": "Network (shared fields)",
    "l_lead": "lead partner",
    "p_dach": "Umbrella project „Regionalmanagement“",
    "p_source": "Source",
    "p_address": "Marker at the published address",
    "p_approx": "Approximate marker: somewhere in {level} {place} (address not geocoded)",
    "lvl_gemeinde": "the municipality",
    "lvl_kreis": "the district",
    "d_title": "Inhabitants per km²",
    "d_none": "not available",
    "d_from": "{low} or more",
    "d_range": "{low} to under {high}",
    "l_basemap": "Background map basemap.de",
    "m_region": "Map of the partner areas",
    "m_lead_short": "lead partner",
    "m_home": "Whole region",
    "m_lead": "Lead partner (dashed)",
    "m_legend": "Legend",
    "m_filter_rule": "Partners with at least one of the selected fields",
    "m_no_match": "no selected field",
    "m_partner": "Partner area",
    "m_selection": "Selection",
    "m_contact": "Contact",
    "m_contact_dach": "umbrella project",
    "m_contact_teil": "sub-project",
    "m_context": "Metropolitan Region 2014–2016",
    "m_layers": "Layers and fields",
    "m_themes": "Fields (filter)",
    "m_more_layers": "More layers",
    "m_two_fingers": "Use two fingers to move and zoom the map",
    "m_selected": "selected – details next to or below the map.",
    "map_title": "Map of the partner areas",
    "map_unwritable": "The map cannot be shown: the folder {folder} is not writable ({reason}). Please give "
    "the service write access there; table, details and downloads still work.",
    "data_changed": "The data has been updated since this page was drawn. Reload to see the new state.",
    "data_reload": "Reload",
    "export_view": "View",
    "pdf_subtitle": "fact sheet of the sub-project",
    "pdf_figures": "Population and area",
    "png": "Map as image (PNG)",
    "pdf": "Fact sheet (PDF)",
    "pdf_choose": "Choose a partner first (map, table or sidebar).",
    "export_all": "all partners, no field filter",
    "export_made": "Made on {date} with the dashboard",
    "export_sources": "Project data: Hamburg Metropolitan Region and further sources per partner (click an area)",
}

TEXTS = {"de": DE, "en": EN}
NOTE_2017 = {
    "de": "Bis 2016 gehörte vom Landkreis Ludwigslust-Parchim nur der Altkreis Ludwigslust zur Metropolregion; "
    "am 1. Januar 2017 kamen Schwerin und der Altkreis Parchim hinzu.",
    "en": "Until 2016 only the former district of Ludwigslust belonged to the region; Schwerin and the former "
    "district of Parchim joined on 1 January 2017.",
}


def text(lang: str, key: str, **values: object) -> str:
    """Interface text for ``key`` in ``lang`` (German when unknown), formatted with ``values``."""
    template = TEXTS.get(lang, DE)[key]
    return template.format(**values) if values else template


@dataclass(frozen=True)
class Texts:
    """The interface texts of one language: ``t("key", value=…)``; what a page section is handed."""

    lang: str

    def __call__(self, key: str, **values: object) -> str:
        return text(self.lang, key, **values)


# Roles and types of partners in English (German pages show the values from partners.csv as they are).
ROLES_EN = {"Federführung": "lead partner", "Kooperationspartner": "cooperation partner"}
TYPES_EN = {
    "Kreis": "district (Kreis)",
    "Landkreis": "district (Landkreis)",
    "Kreisfreie Stadt": "district-free city",
    "Stadtkreis": "urban district",
    "Regionalverband": "regional association",
    "Städteregion": "city region",
    "Samtgemeinde": "joint municipality (Samtgemeinde)",
    "Amt": "joint administration (Amt)",
    "Verbandsgemeinde": "joint municipality (Verbandsgemeinde)",
    "Verwaltungsgemeinschaft": "administrative association",
    "Stadt": "town",
    "Gemeinde": "municipality",
}


def role_label(value: str, lang: str) -> str:
    return ROLES_EN.get(value, value) if lang == "en" else value


def type_label(value: str, lang: str) -> str:
    return TYPES_EN.get(value, value) if lang == "en" else value
