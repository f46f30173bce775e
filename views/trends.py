"""Trends: a series over time for chosen countries, with an optional regional median band."""

from __future__ import annotations

import streamlit as st

from sdg16.charts.trends import MAX_LINES, trend_figure
from sdg16.core.formatting import with_unit
from sdg16.ui import cache, common, downloads, explorer, page, present, widgets
from sdg16.ui.i18n import _


def takeaway(rows) -> str | None:
    """How many of the countries shown fell or rose between their first and latest year."""
    ends = rows.sort_values("year").groupby("iso3")["value"].agg(["first", "last"])
    if len(ends) < 2:
        return None
    fell, rose = (
        int((ends["last"] < ends["first"]).sum()),
        int((ends["last"] > ends["first"]).sum()),
    )
    return _("Fell in {fell} and rose in {rose} of {n} places over the years shown.").format(
        fell=fell, rose=rose, n=len(ends)
    )


f = page.setup("trends")
header = st.container()  # the title and takeaway go on top, once the data is known
tabs = st.container()  # Chart · Map · Table, drawn once the filter is written (links carry it)
view = explorer.filter_panel(default="recent")
with tabs:
    widgets.view_tabs("trends")
entry = cache.indicator_catalog().series(view.query.series)
if view.default_note:
    st.info(view.default_note, icon=":material/info:")
if not view.geos:
    with header:
        present.presenter_header(_(entry.title))
    st.info(_("No geographies to show: choose countries or aggregates in the sidebar."))
    st.stop()
if len(view.geos) > MAX_LINES:
    st.warning(
        _(
            "{n} geographies chosen: the chart shows the first {max} so the lines stay readable. "
            "Remove some in the sidebar, or see all of them on the Table page."
        ).format(n=len(view.geos), max=MAX_LINES),
        icon=":material/warning:",
    )
shown = view.query.update(geo=tuple(view.geos[:MAX_LINES]))
rows = cache.observations(shown)  # one query: the chart and its download
with header:
    present.presenter_header(_(entry.title), takeaway(rows))
explorer.missing_note(view, list(shown.geo), set(rows["iso3"]))
band = cache.region_band(shown, view.link.region) if view.link.region else None

figure = None
if rows.empty:
    st.warning(_("No data for these geographies, years and breakdowns. Widen the filters."))
else:
    fig = trend_figure(
        rows, list(shown.geo), _(entry.title), entry.unit, band, view.region_label, f.lang
    )
    present.plotly_chart(fig, "trends", config={"displaylogo": False}, theme=None)
    figure = fig
    st.caption(
        _(
            "● Filled markers: the country's own data (C, CA). ○ Open markers: estimates or "
            "modelled values (E, M, G). ◇ Other or not stated. Dotted lines are regional "
            "aggregates."
        )
        + (
            " " + _("The grey band is the middle half of the region's countries.")
            if band is not None
            else ""
        )
    )
    with st.expander(_("The chart as a table ({n} values)").format(n=len(rows))):
        table = rows[["geo_name", "year", "value"]].assign(
            value=[with_unit(v, entry.unit, f.lang, short=True) for v in rows["value"]]
        )
        st.dataframe(
            table.rename(columns={"geo_name": _("Place"), "year": _("Year"), "value": _("Value")}),
            hide_index=True,
        )
downloads.buttons(rows, view, "trends", figure)
widgets.sources_panel(view.query.series)
common.freshness_and_attribution()
