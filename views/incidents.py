"""Incident reports: density map, timeline and breakdowns, aggregates only below analyst."""

from __future__ import annotations

import streamlit as st

from sdg16 import privacy
from sdg16.charts import incidents as charts
from sdg16.incident_data import area_names, borders, view_of
from sdg16.roles import Role
from sdg16.ui import cache, guard, incident_findings, page, present, report_maker, state
from sdg16.ui.i18n import _
from sdg16.ui.incident_filters import country_names, filter_bar, fmt_count, fmt_date
from sdg16.ui.session import current_role

page.setup("incidents")
role = current_role()
present.presenter_header(_("Incident reports"))
f = filter_bar(state.current_filter())
if f is None:
    st.stop()

summary = cache.incident_summary(role, f)
where = country_names().get(f.geo[0], f.geo[0])
if f.admin1:
    where += f" · {area_names(f.geo[0]).get(f.admin1, f.admin1)}"
if summary["has_synthetic"]:
    st.warning(
        _(
            "SYNTHETIC data: {synthetic} of these {reports} reports are generated for tests and "
            "demos, not real reports."
        ).format(synthetic=fmt_count(summary["synthetic"]), reports=fmt_count(summary["reports"])),
        icon=":material/science:",
    )
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
        else " " + _("Public view: aggregates only; counts under 5 are merged or hidden.")
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
        deck = charts.density_deck(
            data.cells, data.areas, borders(f.geo[0]), view_of(data.cells), data.points
        )
        st.pydeck_chart(deck, height=560)
        note = f"{where}: {len(data.cells):,} H3 cells (resolution {data.resolution})"
        if data.hidden:
            note += f"; {data.hidden:,} reports in cells with fewer than 5 are not drawn"
        st.caption(note + ". Choose an area above to zoom in.")

if tab_time.open:
    with tab_time:
        period = st.segmented_control("Per", ["week", "month", "year"], default="month")
        frame = cache.incident_timeline(role, f, period or "month")
        if frame.empty:
            st.info(_("No reports in this selection."))
        else:
            figure = charts.timeline_figure(frame, period or "month")
            st.plotly_chart(figure, width="stretch", theme=None)

if tab_break.open:
    with tab_break:
        left, right = st.columns(2)
        for col, by, label in (
            (left, "type", "Incident type"),
            (right, "place_type", "Place"),
            (left, "weekday", "Weekday"),
            (right, "hour", "Hour of day"),
            (left, "reporter_role", "Reporter"),
            (right, "admin1", "Area"),
        ):
            part = cache.incident_breakdown(role, f, by)
            if by == "weekday":
                part = part.assign(key=part["key"].str[2:])
            horizontal = by not in ("weekday", "hour")
            figure = charts.bar_figure(part, _(label), horizontal)
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
            lambda: (shown.to_csv(index=False).encode("utf-8"), len(shown)),
            file_name="incident-reports.csv",
            mime="text/csv",
            filters=guard.query_of(f),
            fmt="csv",
        )
# Counts by type as this role sees them (merged under 5 below analyst): public, still audited.
guard.public_csv(
    _("Download counts by type (CSV)"),
    cache.incident_breakdown(role, f, "type"),
    file_name="incident-counts-by-type.csv",
    f=f,
)
report_maker.create_report_link(f)

st.divider()
st.caption(
    f"Sources: {summary['sources'] or '—'}. Reports: HarassMap (harassmap.org); UCDP "
    "Georeferenced Event Dataset where shown. Borders: Natural Earth."
)
