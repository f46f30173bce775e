"""Create report (analysts): filters from the link or picked here, then PDF, HTML and Excel."""

from __future__ import annotations

import streamlit as st

from sdg16.reports.indicator_sections import SECTION_LABELS, report_table, resolve
from sdg16.reports.render import FORMATS
from sdg16.roles import Role
from sdg16.ui import cache, guard, report_maker, state, widgets

guard.require(Role.ANALYST)

f = state.current_filter()
st.title("Reports")
st.caption("Every report is recorded in the audit log with your name, the filters and the format.")

geos = cache.geographies()
names = dict(zip(geos["geo_id"], geos["name"], strict=True))
left, middle, right = st.columns([2, 3, 2])
with left:
    series = widgets.series_picker(f.series)
with middle:
    chosen = st.multiselect(
        "Countries or regions",
        list(names),
        default=[g for g in f.geo if g in names],
        format_func=names.__getitem__,
        placeholder="All geographies",
    )
with right:
    lo, hi = st.slider("Years", 1990, 2025, (f.year_from or 2000, f.year_to or 2025))
f = f.update(series=series, geo=tuple(chosen), year_from=lo, year_to=hi)
state.write_filter(f)

data = report_table(cache.observations(resolve(cache.database(), f)))
st.subheader(f"Data for these filters ({len(data)} rows)")
st.dataframe(data, hide_index=True, height=260)

with st.form("create_report"):
    st.subheader("Create report")
    title = st.text_input("Title", value=f"{cache.indicator_catalog().series(series).title} report")
    sections = st.multiselect(
        "Sections",
        list(SECTION_LABELS),
        default=list(SECTION_LABELS),
        format_func=SECTION_LABELS.__getitem__,
    )
    c1, c2, c3 = st.columns([1, 2, 1], vertical_alignment="bottom")
    c1.selectbox("Language", ["English"], help="Other languages will follow.")
    formats = c2.multiselect("Formats", FORMATS, default=list(FORMATS), format_func=str.upper)
    public = c3.checkbox("Public report", help="Counts below 5 are withheld.")
    submitted = st.form_submit_button("Create report", type="primary")
if submitted:
    if not sections or not formats:
        st.error("Pick at least one section and one format.")
    else:
        report_maker.make_report(f, title, sections, formats, public)
report_maker.offer_downloads()
