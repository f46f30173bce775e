"""Are we on track? Progress statuses of every country in a region or income group."""

from __future__ import annotations

import streamlit as st

from sdg16.charts import progress as charts
from sdg16.ui import cache, common, controls, guard, page, present, progress_badge, state, widgets
from sdg16.ui.i18n import _, current_lang

f = page.setup("progress")
lang = current_lang()
cat = cache.indicator_catalog()
header = st.container()  # the title and takeaway go on top, once the data is known
# Gone whole in presenter mode (an emptied row of columns kept a gap above the chart).
region_col, view_col = present.controls("progress").columns([2, 2])
with region_col:
    region = widgets.region_picker(
        f.region, label=_("Region or income group"), none_label=_("Choose a region")
    )
state.write_filter(f.update(region=region))
with view_col:
    views = {"sdg": _("Progress measure (Open SDG)"), "api": _("Anticipated Progress (ESCAP)")}
    view = controls.radio(
        _("View"),
        list(views),
        key="progress.view",
        url=None,
        default="sdg",
        format_func=views.__getitem__,
        horizontal=True,
    )
api = view == "api"
if region is None:
    with header:
        present.presenter_header(_("Are we on track for 2030?"))
    st.info(_("Choose a region or income group to see the progress of its countries."))
    progress_badge.method_link()
    st.stop()

members = tuple(sorted(cache.region_members(region)))
found = cache.progress(members)
titles = {s.code: _(s.title) for s in cat.all_series()}
names = widgets.region_labels()
status_col = "api_status" if api else "status"
judged = found[found[status_col] != "not_available"]
codes = [s.code for s in cat.all_series() if s.code in set(judged["series"])]
with header:
    present.presenter_header(
        _("Progress to 2030: {region}").format(region=names[region]),
        _("{n} of {total} country-series assessed; {bad} deteriorating.").format(
            n=len(judged), total=len(found), bad=int((judged[status_col] == "deterioration").sum())
        ),
    )
if not codes:
    st.info(_("No series can be assessed for these countries."))
    st.stop()
picked = controls.multiselect(
    _("Series"),
    codes,
    key="progress.series",
    url=(),
    default=[c for c in codes if cat.series(c).key] or codes[:8],
    format_func=lambda c: f"{cat.indicator_of(c).code} · {titles[c]}",
)
shown = found[found["series"].isin(picked or codes)]
sorts = {
    "name": _("Name"),
    "good": _("Most series with progress"),
    "bad": _("Most series deteriorating"),
}
order = controls.selectbox(
    _("Sort countries by"),
    list(sorts),
    key="progress.sort",
    url=None,
    format_func=sorts.__getitem__,
)
good = {"target_achieved", "substantial_progress", "on_track"}
score = shown.groupby("geo_name")[status_col].agg(
    good=lambda s: s.isin(good).sum(), bad=lambda s: s.isin({"deterioration", "regressing"}).sum()
)
ranked = (
    list(score.index)
    if order == "name"
    else list(score.sort_values(order, ascending=False, kind="stable").index)
)
shown = shown.assign(_o=shown["geo_name"].map({g: i for i, g in enumerate(ranked)}))
shown = shown.sort_values(["_o", "geo_name"]).drop(columns="_o")
st.caption(charts.legend(lang, api))
grid_tab, table_tab = st.tabs([_("Grid"), _("Table")])
with grid_tab:
    present.plotly_chart(
        charts.grid(shown, titles, lang, api), "progress", theme=None, width="stretch"
    )
with table_tab:
    rows = charts.table(shown, titles, lang, api)
    st.dataframe(rows.drop(columns=["series", "geo"]), hide_index=True, width="stretch")
guard.public_csv(
    _("Download the progress table (CSV)"),
    rows,
    file_name=f"progress_{region}.csv",
    f=f.update(region=region),
)
progress_badge.method_link()
common.freshness_and_attribution()
