"""Coverage: which series have country data for which countries and years, by region."""

from __future__ import annotations

import streamlit as st

from sdg16.charts import coverage as charts
from sdg16.charts.profile import short_title
from sdg16.services import indicators
from sdg16.ui import cache, common, controls, guard, page, present, screen, state, widgets
from sdg16.ui.i18n import _

f = page.setup("coverage")
cat = cache.indicator_catalog()
header = st.container()  # the title and takeaway go on top, once the data is known
st.caption(
    _(
        "Which SDG 16 series have country values (headline disaggregation) for which countries "
        "and years. Regional aggregates are not counted. Blank cells are gaps."
    )
)

labels = widgets.region_labels()
# Gone whole in presenter mode (an emptied row of columns kept a gap above the chart).
region_col, years_col = present.controls("coverage").columns([2, 3])
with region_col:
    region = widgets.region_picker(f.region, label=_("Region"), none_label=_("All countries"))
first, last = 1990, 2023
with years_col:
    lo, hi = controls.slider(
        _("Years"),
        first,
        last,
        key="coverage.years",
        url=(f.year_from, f.year_to),
        default=(first, last),
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
    with header:
        present.presenter_header(_("Data coverage"))
    st.info(_("No country data for this region and these years."))
    common.freshness_and_attribution()
    st.stop()

titles = {s.code: _(short_title(s.title)) for s in cat.all_series()}
cover = indicators.coverage(found, cat, cache.all_geographies(), members)
per_country, per_year = cover.per_country, cover.per_year
where = _(" in {region}").format(region=labels[region]) if region else ""
summary = _("{n} of {total} series have data for {countries} countries{where}, {lo}-{hi}").format(
    n=cover.series,
    total=len(titles),
    countries=cover.countries,
    where=where,
    lo=lo,
    hi=hi,
)
with header:
    present.presenter_header(_("Data coverage"), summary)
if not f.present:  # the presenter reads it as the takeaway
    st.subheader(summary)
if cover.empty:
    st.caption(
        (
            _("No data at all for {n} countries of the region: {places}.")
            if len(cover.empty) > 1
            else _("No data at all for 1 country of the region: {places}.")
        ).format(n=len(cover.empty), places=", ".join(cover.empty))
    )
room = screen.room("coverage", height=False)
narrow = room is not None and room[0] < 640  # a phone: the codes alone leave room for the grid
if f.present or narrow:  # a row per indicator: 83 series rows do not fit a shared screen
    titles |= {i.code: _(i.title) for i in cat.indicators}
    shown_country = charts.by_indicator(per_country, "years")
    shown_year = charts.by_indicator(per_year, "countries")
else:
    shown_country, shown_year = per_country, per_year
by_country_tab, by_year_tab, table_tab = st.tabs(
    [_("Series × countries"), _("Series × years"), _("Tables and downloads")]
)
heatmaps = [
    (
        by_country_tab,
        charts.countries_heatmap(shown_country, titles, f.lang, narrow),
        "coverage",
        _(
            "Colour: number of years with data (darker = more). Hover a cell for the series and "
            "country; the numbers are in the “Tables and downloads” tab."
        ),
    ),
    (
        by_year_tab,
        charts.years_heatmap(shown_year, titles, f.lang, narrow),
        "coverage-years",
        _(
            "Colour: number of countries with data that year (darker = more); the numbers are "
            "in the “Tables and downloads” tab."
        ),
    ),
]
for tab, fig, name, caption in heatmaps:
    with tab:
        present.plotly_chart(
            screen.mark_provisional(fig, room is not None),
            name,
            380,  # the title, takeaway, a two-line caption (ES, FR) and the tabs above it
            width="stretch",
            theme=None,
        )
        st.caption(caption)
with table_tab:
    suffix = f"_{region}" if region else ""
    st.markdown("**" + _("By series and country") + "**")
    st.dataframe(per_country, hide_index=True, width="stretch")
    guard.public_csv(
        _("Download by series and country (CSV)"),
        per_country,
        file_name=f"coverage_by_country{suffix}.csv",
        f=f,
    )
    st.markdown("**" + _("By series and year") + "**")
    st.dataframe(per_year, hide_index=True, width="stretch")
    guard.public_csv(
        _("Download by series and year (CSV)"),
        per_year,
        file_name=f"coverage_by_year{suffix}.csv",
        f=f,
    )
about = st.selectbox(
    _("About an indicator"),
    list(dict.fromkeys(per_country["series"])),
    key="coverage.about",
    format_func=lambda c: f"{cat.indicator_of(c).code} · {titles[c]}",
)
if about:
    widgets.indicator_info(about)
common.freshness_and_attribution()
