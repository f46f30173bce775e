"""Country profile: every SDG 16 series for one country, latest value, trend, direction, rank."""

from __future__ import annotations

import streamlit as st

from sdg16.charts import profile as charts
from sdg16.formatting import dataset_label
from sdg16.ui import cache, common, guard, state, widgets

f = state.current_filter()
cat = cache.indicator_catalog()
geos = cache.geographies()
countries = geos[geos["kind"] == "country"].sort_values("name")
names = dict(zip(geos["geo_id"], geos["name"], strict=True))
options = list(countries["geo_id"])

st.title("Country profile")
wanted = f.geo[0] if f.geo else None
if wanted and wanted not in options:
    # Regions are aggregates with their own values; a profile and its ranks are per country.
    what = f"{names[wanted]} is a region, not a country" if wanted in names else "no data"
    st.caption(f"⚠️ {wanted}: {what}. Choose a country.")
    wanted = None
geo = st.selectbox(
    "Country",
    options,
    index=options.index(wanted) if wanted else None,
    format_func=names.__getitem__,
    placeholder="Choose a country",
)
state.write_filter(f.update(geo=(geo,) if geo else ()))
if geo is None:
    st.info("Choose a country to see its SDG 16 indicators.")
    common.freshness_and_attribution()
    st.stop()

found = cache.country_profile(geo)
higher = {s.code: s.higher_is_better for s in cat.all_series()}
shown = charts.table(found, higher, f.lang)
subregion = found["subregion"].dropna().iloc[0] if found["subregion"].notna().any() else None
st.subheader(f"{names[geo]}: {len(shown)} of {len(higher)} series have data")
st.caption(
    "Latest value and year of each series; change since the value before it, judged "
    "improving or worsening by whether higher is better; rank among the countries of "
    + (f"**{subregion}** (UN sub-region)" if subregion else "its UN sub-region")
    + " with data that year (1st = best). Headline disaggregation (both sexes, all ages)."
)
st.dataframe(
    shown,
    hide_index=True,
    width="stretch",
    height=min(38 + 35 * len(shown), 900),
    column_order=[c for c in shown.columns if c != "Series"],  # the code is in the download
    column_config={
        "Indicator": st.column_config.TextColumn(width=65),
        "Title": st.column_config.TextColumn(width=250),
        "Latest": st.column_config.TextColumn(width=105),
        "Year": st.column_config.NumberColumn(width=50, format="%d"),
        "Change": st.column_config.TextColumn(width=120),
        "Direction": st.column_config.TextColumn(width=115),
        "Rank in region": st.column_config.TextColumn(
            width=130, help="Among the countries of the UN sub-region with data that year"
        ),
        "Trend": st.column_config.LineChartColumn("Trend", width=90),
    },
)
info_col, download_col = st.columns([1, 1], vertical_alignment="center")
with info_col:
    about = st.selectbox(
        "About an indicator",
        list(shown["Series"]),
        format_func=lambda c: f"{cat.indicator_of(c).code} · {cat.series(c).title}",
    )
    if about:
        widgets.indicator_info(about)
with download_col:
    guard.public_csv(
        "Download this profile (CSV)",
        charts.export(shown, found),
        file_name=f"profile_{geo}.csv",
        f=f.update(geo=(geo,)),
    )
st.caption("Sources: " + "; ".join(sorted({dataset_label(s) for s in found["source"]})))
common.freshness_and_attribution()
