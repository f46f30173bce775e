"""Trends: a series over time for chosen countries, with an optional regional median band."""

from __future__ import annotations

import streamlit as st

from sdg16.charts.trends import MAX_LINES, trend_figure
from sdg16.ui import cache, common, downloads, explorer

st.title("Trends")
view = explorer.filter_panel(default="recent")
entry = cache.indicator_catalog().series(view.query.series)
if view.default_note:
    st.info(view.default_note, icon=":material/info:")
if not view.geos:
    st.info("No geographies to show: choose countries or aggregates in the sidebar.")
    st.stop()
if len(view.geos) > MAX_LINES:
    st.warning(
        f"{len(view.geos)} geographies chosen: the chart shows the first {MAX_LINES} so the lines "
        f"stay readable. Remove some in the sidebar, or see all of them on the Table page.",
        icon=":material/warning:",
    )
shown = view.query.update(geo=tuple(view.geos[:MAX_LINES]))
rows = cache.observations(shown)  # one query: the chart and its download
explorer.missing_note(view, list(shown.geo), set(rows["iso3"]))
band = cache.region_band(shown, view.link.region) if view.link.region else None

if rows.empty:
    st.warning("No data for these geographies, years and breakdowns. Widen the filters.")
else:
    fig = trend_figure(rows, list(shown.geo), entry.title, entry.unit, band, view.region_label)
    st.plotly_chart(fig, config={"displaylogo": False})
    st.caption(
        "● Filled markers: the country's own data (C, CA). ○ Open markers: estimates or "
        "modelled values (E, M, G). ◇ Other or not stated. Dotted lines are regional "
        "aggregates"
        + (
            ", the grey band the middle half of the region's countries."
            if band is not None
            else "."
        )
    )
downloads.buttons(rows, view, "trends")
common.freshness_and_attribution()
