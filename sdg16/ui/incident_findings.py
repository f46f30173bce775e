"""The incident page's "Key findings" tab: written findings with their numbers, the hotspot map
(legend and what it means) and the monthly timeline with its expected range."""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from sdg16.charts import findings as charts
from sdg16.core.disclosure import SMALL_COUNT
from sdg16.core.filters import Filter
from sdg16.services import incidents, privacy
from sdg16.services.analytics import findings
from sdg16.state.roles import Role
from sdg16.ui import cache, present, screen
from sdg16.ui.i18n import _, current_lang

# Enough to keep data inert: emphasis, links/images, HTML, headings, tables, maths, colour and
# emoji directives (``:red[...]``, ``:smile:``).
_MARKDOWN = re.compile(r"([\\`*_\[\]<>#|~$:])")
HOTSPOT_PX, MIN_HOTSPOT_PX = 520, 300  # the hotspot map's height, at most and least
_NUMBERS = "sdg16-finding-numbers"  # the numbers table's container (its presenter font)


def _plain(text: str) -> str:
    """Data (area names) inside a sentence must never act as Markdown."""
    return _MARKDOWN.sub(r"\\\1", text)


def _findings_block(stats: findings.Stats, lang: str) -> None:
    st.subheader(_("Key findings"))
    found = findings.write(stats, lang)
    st.markdown("\n".join("- " + _plain(item.text) for item in found))
    with st.expander(_("The numbers behind each finding")):
        # A static table (HTML), not st.dataframe: its canvas grid cut each sentence at the
        # column's edge and keeps its small font in presenter mode. Its cells are Markdown.
        table = pd.DataFrame(
            {
                _("Finding"): [_plain(item.text) for item in found],
                _("Numbers"): [_plain(findings.numbers_text(item.numbers)) for item in found],
            }
        )
        # Streamlit caps a cell's width (a sentence wrapped at a third of a wide screen).
        size = "font-size: 1.15rem;" if present.is_presenting() else ""
        st.html(
            f"<style>.st-key-{_NUMBERS} table {{ {size} }}"
            f" .st-key-{_NUMBERS} :is(td, th), .st-key-{_NUMBERS} :is(td, th) > div"
            " { max-width: none !important; }</style>"
        )
        with st.container(key=_NUMBERS):
            st.table(table, hide_index=True)


def _hotspot_map(stats: findings.Stats, f: Filter, role: Role, lang: str) -> None:
    h = stats.hotspots
    st.subheader(_("Hotspots (Getis-Ord Gi*)"))
    # Framed for the column's width (a phone's 358 px cut the east of a 450 px view), and only
    # as tall as the cells need: no basemap, so the rest is a blank band.
    room = screen.room("hotspots", height=False)
    cells = h.cells.rename(columns={"cell": "hex"})
    view = incidents.view_of(cells, fit_px=(room[0] if room else 450, HOTSPOT_PX))
    height = incidents.snug_height(cells, view, most=HOTSPOT_PX, least=MIN_HOTSPOT_PX)
    deck = charts.hotspot_deck(h.cells, incidents.borders(f.geo[0]), view, lang)
    st.pydeck_chart(deck, height=height)
    st.html(charts.legend_html(lang))
    note = _(
        "What this shows: H3 cells (resolution {resolution}) whose reports, together with their "
        "neighbours', are more (hot) or fewer (cold) than the study area's average beyond what "
        "chance explains, after a false-discovery-rate correction over all {cells} cells. The "
        "study area is every cell with at least one report for this place. What it does not "
        "show: where harassment happens most. Reports follow who knows the platform and has a "
        "phone, and busy places have more people to report."
    ).format(resolution=h.resolution, cells=h.study_cells)
    if not privacy.sees_points(role):
        note += " " + _(
            "Public view: cells with fewer than {n} reports are not shown ({hidden} cells), "
            "so most cold spots are hidden; exact statistics are for analysts."
        ).format(n=SMALL_COUNT, hidden=h.hidden)
    st.caption(note)


def _timeline(stats: findings.Stats, lang: str) -> None:
    st.subheader(_("Unusual months"))
    if stats.months.empty:
        st.info(_("No whole month in this selection."))
        return
    st.plotly_chart(charts.spike_figure(stats.months, lang), width="stretch", theme=None)
    st.caption(
        _(
            "Each month's expected range (95 %) comes from a quasi-Poisson model of the 36 "
            "months before it (trend and season), with past spikes down-weighted; months "
            "above or below it are marked. Months with less history have no range."
        )
    )


def render(role: Role, f: Filter) -> None:
    """The tab's content for ``f`` as ``role`` may see it."""
    lang = current_lang()
    with st.spinner(_("Computing hotspots and expected ranges…")):
        stats = cache.incident_stats(role, f)
    _findings_block(stats, lang)
    if stats.reports is None:
        return
    _hotspot_map(stats, f, role, lang)
    _timeline(stats, lang)
