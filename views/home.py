"""Overview: headline SDG 16 cards for one country or region, and data freshness."""

from __future__ import annotations

import streamlit as st

from sdg16.charts import cards
from sdg16.ui import cache, common, controls, first_view, page, present, report_maker, state
from sdg16.ui.i18n import _

f = page.setup("home")
geos = cache.geographies()
names = dict(zip(geos["geo_id"], geos["name"], strict=True))
kinds = dict(zip(geos["geo_id"], geos["kind"], strict=True))
options = list(geos.sort_values(["kind", "name"])["geo_id"])

header = st.container()  # the title and takeaway go on top, once the cards are known
kind_label = {"aggregate": _("aggregate"), "subnational": _("subnational")}
geo = controls.selectbox(
    _("Country or region"),
    options,
    key="home.geo",
    url=f.geo[0] if f.geo else None,
    # The visitor's own country (the browser's region), else a prompt: never "World" with
    # half the cards empty.
    default=first_view.browser_country(g for g in options if kinds[g] == "country"),
    format_func=lambda g: (
        names[g] + ("" if kinds[g] == "country" else f" ({kind_label.get(kinds[g], kinds[g])})")
    ),
    placeholder=_("Choose a country or region"),
)
if geo is None:
    with header:
        present.presenter_header(_("SDG 16: peace, justice and strong institutions"))
    st.info(_("Choose a country or region to see its latest SDG 16 values."))
    common.freshness_and_attribution()
    st.stop()
state.write_filter(f.update(geo=(geo,)))

key = [s.code for s in cache.indicator_catalog().key_series()]
built = cards.build(cache.latest(geo, tuple(key)), cache.indicator_catalog(), key, f.lang)
years = [c.year for c in built if c.year]
with header:
    present.presenter_header(
        _("SDG 16: peace, justice and strong institutions"),
        _("{place}: {n} of {total} headline series have data, the latest from {year}.").format(
            place=names[geo], n=len(years), total=len(built), year=max(years)
        )
        if years
        else _("{place}: no headline series has data.").format(place=names[geo]),
    )
st.subheader(_("Latest values: {place}").format(place=names[geo]))
for row_start in range(0, len(built), 4):
    for col, card in zip(st.columns(4), built[row_start : row_start + 4], strict=False):
        with col.container(border=True):
            st.metric(
                card.title,
                card.value,
                delta=card.delta,
                delta_color=card.delta_color,
                help=f"{card.series} · {_(card.source)}",
            )
            st.caption(card.note if card.year else _("No data for this geography"))
            if card.year:
                source = _(card.source).split(" (")[0]
                st.caption(
                    _("Source: {source} · {custodian}").format(
                        source=source, custodian=card.custodian
                    )
                )

report_maker.create_report_link(f)
common.freshness_and_attribution()
