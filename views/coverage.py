"""Coverage: which series have country data for which countries and years, by region."""

from __future__ import annotations

import streamlit as st

from sdg16.charts import coverage as charts
from sdg16.queries.coverage import by_country, by_year
from sdg16.ui import cache, common, guard, state, widgets

f = state.current_filter()
cat = cache.indicator_catalog()
st.title("Data coverage")
st.caption(
    "Which SDG 16 series have country values (headline disaggregation) for which countries and "
    "years. Regional aggregates are not counted. Blank cells are gaps."
)

regions = cache.regions()
labels = dict(zip(regions["code"], regions["label"] + " (" + regions["group"] + ")", strict=True))
options = [None, *regions["code"]]
region_col, years_col = st.columns([2, 3])
with region_col:
    region = st.selectbox(
        "Region",
        options,
        index=options.index(f.region) if f.region in labels else 0,
        format_func=lambda c: "All countries" if c is None else labels[c],
    )
first, last = 1990, 2023
with years_col:
    lo, hi = st.slider(
        "Years",
        first,
        last,
        (max(f.year_from or first, first), min(f.year_to or last, last)),
    )
f = f.update(
    region=region,
    year_from=lo if lo != first else None,
    year_to=hi if hi != last else None,
)
state.write_filter(f)

members = tuple(cache.region_members(region)) if region else None
found = cache.coverage_cells(members, f.year_from, f.year_to)
if found.empty:
    st.info("No country data for this region and these years.")
    common.freshness_and_attribution()
    st.stop()

titles = {s.code: s.title for s in cat.all_series()}
per_country, per_year = by_country(found, cat), by_year(found, cat)
where = f" in {labels[region]}" if region else ""
st.subheader(
    f"{per_country['series'].nunique()} of {len(titles)} series have data for "
    f"{found['iso3'].nunique()} countries{where}, {lo}-{hi}"
)
if members is not None:
    names = dict(
        zip(cache.all_geographies()["geo_id"], cache.all_geographies()["name"], strict=True)
    )
    empty = sorted(names[g] for g in set(members) - set(found["iso3"]))
    if empty:
        count = f"{len(empty)} countries" if len(empty) > 1 else "1 country"
        st.caption(f"No data at all for {count} of the region: {', '.join(empty)}.")
by_country_tab, by_year_tab, table_tab = st.tabs(
    ["Series × countries", "Series × years", "Tables and downloads"]
)
with by_country_tab:
    st.plotly_chart(charts.countries_heatmap(per_country, titles), width="stretch")
    st.caption("Colour: number of years with data. Hover a cell for the series and country.")
with by_year_tab:
    st.plotly_chart(charts.years_heatmap(per_year, titles), width="stretch")
    st.caption("Colour: number of countries with data that year.")
with table_tab:
    suffix = f"_{region}" if region else ""
    st.markdown("**By series and country**")
    st.dataframe(per_country, hide_index=True, width="stretch")
    guard.public_csv(
        "Download by series and country (CSV)",
        per_country,
        file_name=f"coverage_by_country{suffix}.csv",
        f=f,
    )
    st.markdown("**By series and year**")
    st.dataframe(per_year, hide_index=True, width="stretch")
    guard.public_csv(
        "Download by series and year (CSV)",
        per_year,
        file_name=f"coverage_by_year{suffix}.csv",
        f=f,
    )
about = st.selectbox(
    "About an indicator",
    list(dict.fromkeys(per_country["series"])),
    format_func=lambda c: f"{cat.indicator_of(c).code} · {titles[c]}",
)
if about:
    widgets.indicator_info(about)
common.freshness_and_attribution()
