"""The two extra pages, reachable from every view: Erklärung zur Barrierefreiheit and Leichte Sprache.

Both are Streamlit markdown; operator values are escaped with :func:`md_text`. The statement says what
was checked and how (a self-assessment with automated tests, not an external audit) – nothing more.
"""

from __future__ import annotations

from geo.data.betreiber import Operator
from geo.view.escape import md_link, md_text
from geo.view.formats import format_day
from geo.view.state import PAGE, PAGE_NAMES

ACCESSIBILITY, EASY, DATA_CHECK = PAGE_NAMES  # the data check is for maintainers: linked nowhere
UNSET = "_noch nicht festgelegt_"


def page_links(lang: str) -> str:
    """The two links, for the sidebar and the footer (relative: they keep the host and path)."""
    if lang == "en":
        return f"[Accessibility statement](?{PAGE}={ACCESSIBILITY}) · [Leichte Sprache (easy German)](?{PAGE}={EASY})"
    return f"[Erklärung zur Barrierefreiheit](?{PAGE}={ACCESSIBILITY}) · [Leichte Sprache](?{PAGE}={EASY})"


def data_check_markdown(problems: list[str], served: str | None) -> str:
    """The maintainers' page: what is wrong in ``data/`` now and which state visitors see meanwhile."""
    if not problems:
        return f"## Datenprüfung\n\nAlle Dateien in `data/` sind gültig. Ausgeliefert wird der Stand vom {served}."
    still = (
        f"Besucher sehen weiter den letzten gültigen Stand (Dateien vom {served})."
        if served
        else "Seit dem Start des Servers war kein Stand gültig: Besucher sehen die Fehlerseite."
    )
    return (
        f"## Datenprüfung\n\n**{len(problems)} Problem(e)** in den Dateien in `data/`. {still} "
        "Nach dem Korrigieren prüfen mit `python -m geo validate`; ein gültiger Stand wird ohne Neustart "
        "ausgeliefert."
    )


def _value(value: str) -> str:
    return md_text(value) if value else UNSET


def accessibility_markdown(operator: Operator) -> str:
    """The accessibility statement (German; BITV 2.0 asks for it in German)."""
    contact = [f"- Stelle: {_value(operator.name)}", f"- E-Mail: {_value(operator.email)}"]
    if operator.phone:
        contact.append(f"- Telefon: {md_text(operator.phone)}")
    if operator.address:
        contact.append(f"- Anschrift: {md_text(operator.address)}")
    body = (
        md_link(operator.conciliation, operator.conciliation_url)
        if operator.conciliation_url
        else _value(operator.conciliation)
    )
    date = format_day(operator.date, "de") if operator.date else UNSET
    return "\n".join(
        [
            "# Erklärung zur Barrierefreiheit",
            "",
            "Diese Erklärung gilt für das Kartendashboard zum MRH-Leitprojekt „Demographie und Daseinsvorsorge“. "
            "Maßstab sind die Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) und die Web Content "
            "Accessibility Guidelines (WCAG) 2.1, Stufe AA.",
            "",
            "## Stand der Vereinbarkeit",
            "",
            "Das Dashboard ist **teilweise barrierefrei**. Die eigenen Teile – Karte, Legende, Ebenen, Tabelle, "
            "Link-Feld – erfüllen nach unserer Prüfung die Anforderungen; Streamlits eigene Bedienelemente "
            "(Seitenleiste, Auswahllisten, Schalter) haben wir nicht vollständig geprüft.",
            "",
            "**Was erfüllt ist:**",
            "",
            "- Jedes Partnergebiet auf der Karte ist mit der Tabulatortaste erreichbar, hat seinen Namen als "
            "zugänglichen Namen und wird mit Enter oder Leertaste gewählt; der Fokus ist sichtbar.",
            "- Die Auswahl wird für Screenreader angesagt; der Kartenbereich heißt „Karte der Partnerregionen“.",
            "- Themen auf der Karte sind nie nur an der Farbe zu erkennen: jedes gewählte Thema hat eine eigene "
            "Schraffur-Richtung, die Legende nennt Thema und Anzahl.",
            "- Die Seite darf vergrößert werden; Texte der eigenen Elemente haben mindestens 4,5:1 Kontrast.",
            "- Die Tabelle ist eine echte Tabelle mit Beschriftung, Spalten- und Zeilenköpfen.",
            "- Auf dem Telefon scrollt ein Finger die Seite, zwei Finger bewegen die Karte.",
            "",
            "## Bekannte Einschränkungen und Alternativen",
            "",
            "- **Die Karte selbst** ist eine Grafik. Alles, was sie zeigt, steht auch als Text da: in der Tabelle "
            "unter der Karte, in der Auswahlliste „Partner“ und im Detailbereich.",
            "- **Gebietsgrenzen und Schraffuren** lassen sich nicht in Worten wiedergeben; die Zugehörigkeit zu "
            "Themen steht in der Tabelle (Spalte „Themen“).",
            "- **Streamlits Bedienelemente** (Seitenleiste, Mehrfachauswahl) stammen aus einer fremden Bibliothek "
            "und wurden nicht vollständig geprüft. Der Themenfilter ist auch über „Ebenen und Themen“ in der Karte "
            "mit normalen Kontrollkästchen bedienbar.",
            "- **Quellen Dritter** (verlinkte Seiten der Metropolregion und der Kreise) liegen außerhalb dieses "
            "Angebots.",
            "",
            "## Barrieren melden",
            "",
            "Wenn Ihnen Barrieren auffallen oder Sie Inhalte in anderer Form brauchen, schreiben Sie uns:",
            "",
            *contact,
            "",
            "## Schlichtungsverfahren",
            "",
            "Wenn Sie auf Ihre Meldung keine zufriedenstellende Antwort bekommen, können Sie sich an die "
            f"Schlichtungsstelle wenden: {body}. Das Verfahren ist kostenlos; Sie brauchen keinen Rechtsbeistand.",
            "",
            "## Erstellung dieser Erklärung",
            "",
            f"Diese Erklärung wurde am {date} erstellt. Methode: {_value(operator.method)}",
        ]
    )


def easy_markdown() -> str:
    """A short explanation in Leichte Sprache: short sentences, active voice, terms explained."""
    return "\n".join(
        [
            "# Leichte Sprache",
            "",
            "## Was ist das hier?",
            "",
            "Das ist eine Karte im Internet.",
            "Die Karte zeigt ein Projekt.",
            "Das Projekt heißt: Demographie und Daseinsvorsorge.",
            "",
            "**Demographie** heißt: Wie viele Menschen leben in einer Gegend?",
            "Wie alt sind die Menschen?",
            "",
            "**Daseinsvorsorge** heißt: Dinge, die alle Menschen zum Leben brauchen.",
            "Zum Beispiel: Ärztinnen und Ärzte. Busse. Schulen. Wohnungen. Hilfe für alte Menschen.",
            "",
            "## Wer hat mitgemacht?",
            "",
            "12 Kreise und Gemeinden rund um Hamburg haben mitgemacht.",
            "Das war von 2014 bis 2016.",
            "Jeder Kreis hat ein eigenes Projekt gemacht.",
            "Die Kreise haben sich gegenseitig geholfen.",
            "Sie haben voneinander gelernt.",
            "",
            "## Wie benutze ich die Karte?",
            "",
            "- Sie sehen die Karte. Auf der Karte stehen die Namen der Kreise.",
            "- Sie klicken auf einen Kreis. Dann sehen Sie: Was hat dieser Kreis gemacht?",
            "- Sie können auch ein Thema wählen. Zum Beispiel: Wohnen. Dann sehen Sie alle Kreise mit diesem Thema.",
            "- Unter der Karte steht eine Liste. Die Liste zeigt dasselbe wie die Karte.",
            "",
            "## Ich kann die Karte nicht gut sehen. Was kann ich tun?",
            "",
            "Sie können die Liste unter der Karte benutzen.",
            "Sie können auch die Tastatur benutzen.",
            "Drücken Sie die Taste Tab. Dann kommen Sie zum nächsten Kreis.",
            "Drücken Sie die Taste Enter. Dann sehen Sie mehr über den Kreis.",
            "",
            "## Ich habe ein Problem mit der Seite.",
            "",
            "Dann schreiben Sie uns.",
            f"Die Adresse steht in der [Erklärung zur Barrierefreiheit](?{PAGE}={ACCESSIBILITY}).",
        ]
    )
