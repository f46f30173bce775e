"""Incident reports: density map, timeline and breakdowns, aggregates only below analyst."""

from __future__ import annotations

import h3
import streamlit as st

from sdg16.charts import incidents as charts
from sdg16.charts import map_labels
from sdg16.core import spreadsheet
from sdg16.core.cities import main_cities
from sdg16.core.disclosure import SMALL_COUNT
from sdg16.core.i18n import N_
from sdg16.services import privacy
from sdg16.services.incidents import area_names, borders, data_bbox, snug_height, view_of
from sdg16.state.roles import Role
from sdg16.ui import (
    cache,
    controls,
    guard,
    incident_findings,
    page,
    present,
    report_maker,
    screen,
    state,
)
from sdg16.ui.i18n import _, num
from sdg16.ui.incident_filters import (
    country_names,
    filter_bar,
    fmt_count,
    fmt_date,
    translated_keys,
)
from sdg16.ui.session import current_role

MAP_PX, MIN_MAP_PX = 560, 300  # the map's height outside presenter mode, at most and least
# Presenter mode: the map takes the first screen's height left below it, less a margin.
ROOM_MARGIN_PX, MIN_PRESENT_PX, MAX_PRESENT_PX = 16, 240, 900
PRESENT_LABEL_PX = 18  # city names, read from across a room

page.setup("incidents")
role = present.audience(current_role())  # the public view on a shared screen
header = st.container()  # title and takeaway on top, once the counts are known
f = filter_bar(state.current_filter())
if f is None:
    with header:
        present.presenter_header(_("Incident reports"))
    st.stop()

summary = cache.incident_summary(role, f)
where = country_names().get(f.geo[0], f.geo[0])
if f.admin1:
    where += f" · {area_names(f.geo[0]).get(f.admin1, f.admin1)}"
top_types = cache.incident_breakdown(role, f, "type")
named = top_types[top_types["key"] != privacy.SMALL_LABEL]
with header:
    present.presenter_header(
        _("Incident reports: {place}").format(place=where),
        _("{reports} reports from {first} to {last}; most reported: {top}.").format(
            reports=fmt_count(summary["reports"]),
            first=fmt_date(summary["first"]),
            last=fmt_date(summary["last"]),
            top=_(named["key"].iloc[0]) if not named.empty else "—",
        ),
    )
if summary["has_synthetic"]:
    st.warning(
        _(
            "SYNTHETIC data: {synthetic} of these {reports} reports are generated for tests and "
            "demos, not real reports."
        ).format(synthetic=fmt_count(summary["synthetic"]), reports=fmt_count(summary["reports"])),
        icon=":material/science:",
    )
if not f.present:  # the presenter's takeaway says the same in one line
    m1, m2, m3 = st.columns(3)
    m1.metric(_("Reports"), fmt_count(summary["reports"]))
    m2.metric(_("First"), fmt_date(summary["first"]))
    m3.metric(_("Latest"), fmt_date(summary["last"]))
st.caption(
    _(
        "Crowd-sourced, self-selected and unverified reports: counts show who reports, not how "
        "common harassment is."
    )
    + (
        ""
        if privacy.sees_points(role)
        else " "
        + _("Public view: aggregates only; counts under {n} are merged or hidden.").format(
            n=SMALL_COUNT
        )
    )
)

# Only the open tab runs (on_change="rerun"): a filter change computes and sends the map alone,
# not the map, a timeline and six charts (bench/RESULTS.md, sections 2 and 3).
tab_map, tab_time, tab_break, tab_findings = st.tabs(
    [_("Map"), _("Timeline"), _("Breakdowns"), _("Key findings")],
    on_change="rerun",
    key="incident_tab",
)
if tab_map.open:
    with tab_map:
        data = cache.incident_map(role, f)
        top = float(data.cells["reports"].max()) if not data.cells.empty else 0.0
        km = 2 * h3.average_hexagon_edge_length(data.resolution, unit="km")
        floor = 1 if privacy.sees_points(role) else SMALL_COUNT
        legend = charts.legend_html(top, km, f.lang, floor)
        if f.present:  # above the map: on the shared screen, not below its bottom edge
            st.html(legend)
        # Framed for the room the browser measures here (a phone's narrow column, a
        # presenter's low strip); until it has said, a guess.
        room = screen.room("incidents", height=bool(f.present))  # the height: presenter only
        height = MAP_PX
        if room and f.present:  # the height left on the first screen, less a margin
            height = min(max(room[1] - ROOM_MARGIN_PX, MIN_PRESENT_PX), MAX_PRESENT_PX)
        fit = (room[0], height) if room else (260, 260) if f.present else (450, 450)
        view = view_of(data.cells, fit_px=fit)
        if not f.present:  # fitted by its width (a phone): only as tall as the cells need
            height = snug_height(data.cells, view, most=MAP_PX, least=MIN_MAP_PX)
            fit = (fit[0], height)
        deck = charts.density_deck(
            data.cells,
            data.areas,
            borders(f.geo[0]),
            view,
            data.points,
            cities=main_cities(f.geo[0], 12 if f.admin1 else 8, data_bbox(data.cells)),
            lang=f.lang,
            frame=fit,
            label_px=PRESENT_LABEL_PX if f.present else map_labels.FONT_PX,
        )
        if room and f.present:
            st.pydeck_chart(deck, height=height)
        else:  # presenter mode, size unknown: the screen's height less a guess (CSS)
            present.chart(lambda h: st.pydeck_chart(deck, height=h or height), "incidents", 450)
        if not f.present:
            st.html(legend)
        note = _("{place}: {n} hexagons with reports.").format(place=where, n=num(len(data.cells)))
        if data.hidden and privacy.sees_points(role):
            note += " " + _("{n} reports in cells with fewer than {small} are not drawn.").format(
                n=num(data.hidden), small=SMALL_COUNT
            )
        elif data.hidden is None or data.hidden:  # None: withheld, the number is under 5
            note += " " + _("Cells with fewer than {n} reports are not drawn.").format(
                n=SMALL_COUNT
            )
        st.caption(note + " " + _("Choose an area above to zoom in."))

if tab_time.open:
    with tab_time:
        period = controls.segmented(
            _("Per"),
            list(charts.PERIODS),
            key="incidents.per",
            url=None,
            default="month",
            format_func=lambda p: _(charts.PERIODS[p]),
        )
        frame = cache.incident_timeline(role, f, period or "month")
        if frame.empty:
            st.info(_("No reports in this selection."))
        else:
            frame = frame.assign(type=[_(t) for t in frame["type"]])
            figure = charts.timeline_figure(frame, period or "month", f.lang)
            st.plotly_chart(figure, width="stretch", theme=None)

if tab_break.open:
    with tab_break:
        left, right = st.columns(2)
        for col, by, label in (
            (left, "type", N_("Incident type")),
            (right, "place_type", N_("Place")),
            (left, "weekday", N_("Weekday")),
            (right, "hour", N_("Hour of day")),
            (left, "reporter_role", N_("Reporter")),
            (right, "admin1", N_("Area")),
        ):
            part = translated_keys(cache.incident_breakdown(role, f, by), by)
            horizontal = by not in ("weekday", "hour")
            figure = charts.bar_figure(part, _(label), horizontal, f.lang)
            col.plotly_chart(figure, width="stretch", theme=None)

if tab_findings.open:
    with tab_findings:
        incident_findings.render(role, f)

if privacy.sees_points(role):
    with st.expander(_("Individual reports (analysts only)")):
        shown = cache.incident_reports(role, f)
        st.dataframe(shown, hide_index=True)
        guard.guarded_download(
            _("Download these reports (CSV, with text)"),
            Role.ANALYST,
            lambda: (spreadsheet.csv_bytes(shown), len(shown)),
            file_name="incident-reports.csv",
            mime="text/csv",
            filters=guard.query_of(f),
            fmt="csv",
            free_text=True,
        )
# Counts by type as this role sees them (merged under 5 below analyst): public, still audited.
guard.public_csv(
    _("Download counts by type (CSV)"),
    top_types,
    file_name="incident-counts-by-type.csv",
    f=f,
)
# Always an incident report, also with no filter chosen: the dates make it one.
span = cache.incident_span(f.geo[0], role)
report_maker.create_report_link(
    f.update(start=f.start or (span[0] if span else None), end=f.end or (span[1] if span else None))
)

st.divider()
st.caption(
    _(
        "Sources: {sources}. Reports: HarassMap (harassmap.org); UCDP Georeferenced Event "
        "Dataset where shown. Borders: Natural Earth. City names: GeoNames."
    ).format(sources=summary["sources"] or "—")
)
