"""Table: the filtered observations, sortable, downloadable exactly as shown."""

from __future__ import annotations

import streamlit as st

from sdg16.core.formatting import number
from sdg16.reports.tables import screen_frame
from sdg16.ui import cache, common, downloads, explorer, page, present, widgets
from sdg16.ui.i18n import _

f = page.setup("table")
view = explorer.filter_panel(default="all")
present.presenter_header(_("Table"))
widgets.view_tabs("table")
if view.default_note:
    st.info(view.default_note, icon=":material/info:")
if not view.geos:
    st.info(_("No geographies to show: choose countries or aggregates in the sidebar."))
    st.stop()
rows = cache.observations(view.query)  # one query: the table and every download

st.subheader(_("{n} rows").format(n=number(len(rows), f.lang)))
explorer.missing_note(view, view.geos, set(rows["iso3"]))
st.dataframe(
    screen_frame(rows, f.lang),
    hide_index=True,
    column_config={
        _("Year"): st.column_config.NumberColumn(format="%d"),
        _("Value"): st.column_config.NumberColumn(format="localized"),
    },
)
st.caption(_("Click a column heading to sort. Downloads hold exactly these rows."))
downloads.buttons(rows, view, "table")
widgets.sources_panel(view.query.series)
common.freshness_and_attribution()
