"""Country profile: every SDG 16 series for one country, latest value, trend, direction, rank."""

from __future__ import annotations

import streamlit as st

from sdg16.charts import profile as charts
from sdg16.core.formatting import dataset_label
from sdg16.core.place_names import region_name
from sdg16.ui import cache, common, controls, guard, page, present, progress_badge, state, widgets
from sdg16.ui.i18n import _

f = page.setup("country")
cat = cache.indicator_catalog()
geos = cache.geographies()
countries = geos[geos["kind"] == "country"].sort_values("name")
names = dict(zip(geos["geo_id"], geos["name"], strict=True))
options = list(countries["geo_id"])

header = st.container()  # the title and takeaway go on top, once the data is known
wanted = f.geo[0] if f.geo else None
if wanted and wanted not in options:
    # Regions are aggregates with their own values; a profile and its ranks are per country.
    what = (
        _("{place} is a region, not a country").format(place=names[wanted])
        if wanted in names
        else _("no data")
    )
    st.caption(_("⚠️ {code}: {what}. Choose a country.").format(code=wanted, what=what))
    wanted = None
geo = controls.selectbox(
    _("Country"),
    options,
    key="country.geo",
    url=wanted,
    format_func=names.__getitem__,
    placeholder=_("Choose a country"),
)
state.write_filter(f.update(geo=(geo,) if geo else ()))
if geo is None:
    with header:
        present.presenter_header(_("Country profile"))
    st.info(_("Choose a country to see its SDG 16 indicators."))
    common.freshness_and_attribution()
    st.stop()

found = cache.country_profile(geo)
higher = {s.code: s.higher_is_better for s in cat.all_series()}
shown = charts.table(found, higher, f.lang)
subregion = found["subregion"].dropna().iloc[0] if found["subregion"].notna().any() else None
directions = found["direction"].value_counts()
with header:
    present.presenter_header(
        names[geo],
        _("{better} series improving, {worse} worsening since the value before.").format(
            better=int(directions.get("improving", 0)), worse=int(directions.get("worsening", 0))
        ),
    )
st.subheader(
    _("{place}: {n} of {total} series have data").format(
        place=names[geo], n=len(shown), total=len(higher)
    )
)
st.caption(
    _(
        "Latest value and year of each series; change since the value before it, judged "
        "improving (▲) or worsening (▼) by whether higher is better; rank among the countries "
        "of {region} with data that year (1st = best). Headline disaggregation (both sexes, "
        "all ages)."
    ).format(
        region=_("**{region}** (UN sub-region)").format(region=region_name(subregion, f.lang))
        if subregion
        else _("its UN sub-region")
    )
)
st.dataframe(
    shown,
    hide_index=True,
    width="stretch",
    height=min(38 + 35 * len(shown), 900),
    column_order=[c for c in shown.columns if c != "Series"],  # the code is in the download
    column_config={
        "Indicator": st.column_config.TextColumn(_("Indicator"), width=65),
        "Title": st.column_config.TextColumn(_("Title"), width=300),
        "Latest": st.column_config.TextColumn(_("Latest"), width=105),
        "Year": st.column_config.NumberColumn(_("Year"), width=50, format="%d"),
        "Change": st.column_config.TextColumn(_("Change"), width=120),
        "Direction": st.column_config.TextColumn(_("Direction"), width=115),
        "Rank in region": st.column_config.TextColumn(
            _("Rank in region"),
            width=130,
            help=_("Among the countries of the UN sub-region with data that year"),
        ),
        "Trend": st.column_config.LineChartColumn(_("Trend"), width=90),
    },
)
info_col, download_col = st.columns([1, 1], vertical_alignment="center")
with info_col:
    about = st.selectbox(
        _("About an indicator"),
        list(shown["Series"]),
        key="country.about",
        format_func=lambda c: f"{cat.indicator_of(c).code} · {_(cat.series(c).title)}",
    )
    if about:
        widgets.indicator_info(about)
with download_col:
    guard.public_csv(
        _("Download this profile (CSV)"),
        charts.export(shown, found),
        file_name=f"profile_{geo}.csv",
        f=f.update(geo=(geo,)),
    )
progress_badge.section(geo, list(shown["Series"]), {s.code: _(s.title) for s in cat.all_series()})
st.caption(_("Sources: ") + "; ".join(sorted({_(dataset_label(s)) for s in found["source"]})))
common.freshness_and_attribution()
