"""Map: one series for one year as a world choropleth; click a country to open its profile."""

from __future__ import annotations

import time

import streamlit as st

from sdg16.charts import maps as charts
from sdg16.charts.progress_map import status_map
from sdg16.core.formatting import unit_label
from sdg16.services import indicators
from sdg16.ui import (
    cache,
    common,
    controls,
    downloads,
    guard,
    nav,
    page,
    present,
    screen,
    shapes_route,
    state,
    widgets,
)
from sdg16.ui.i18n import _

PLAY_KEY, STOP_KEY, STEPPED_KEY = "map.play", "map_play_stop", "map_play_stepped"
EXPORT_PLOT = (900, 360)  # px: the map inside a 1000x600 image, title and source around it
PLAY_STEP_S = 1.2  # long enough to read the map and its caption between years

f = page.setup("map")
cat = cache.indicator_catalog()
header = st.container()  # the title and takeaway go on top, once the data is known
tabs = st.container()  # Chart · Map · Table, drawn at the end (the links carry the filter)

pickers = present.controls("map")  # gone whole in presenter mode: the map right under the title
left, mid, right = pickers.columns([4, 3, 2], vertical_alignment="bottom")
with left:
    series = widgets.series_picker(f.series)
with mid:
    region = widgets.region_picker(f.region, label=_("Region"), none_label=_("World"))
with right:
    widgets.indicator_info(series)
f = f.update(series=series, region=region)  # geo stays: the next page may use it

years = cache.map_years(f.update(year=None))
if years.empty:
    state.write_filter(f.update(year=None))
    chosen = ", ".join(f"{k} = {v}" for k, v in f.dims)
    with header:
        present.presenter_header(_("Map"))
    message = (
        _("{title}: no country has data for this series at {dims} (from the link).")
        if chosen
        else _("{title}: no country has data for this series.")
    )
    st.info(message.format(title=_(cat.series(series).title), dims=chosen))
    common.freshness_and_attribution()
    st.stop()

choices = [int(y) for y in years["year"]]
# The latest year most countries have reached, not the newest (a few early reporters: a grey map).
wide = indicators.wide_year(years) or choices[-1]
if f.year is not None and f.year not in choices:
    st.caption(
        _(
            "⚠️ No country data for {year}; showing {wide}, the latest year with wide coverage."
        ).format(year=f.year, wide=wide)
    )
year = f.year if f.year in choices else wide

if st.session_state.pop(STOP_KEY, False):
    st.session_state[PLAY_KEY] = False
slider_col, play_col = pickers.columns([6, 1], vertical_alignment="bottom")
with play_col:
    playing = st.toggle(_("Play"), key=PLAY_KEY, help=_("Step through the years, one a second"))
if not playing:
    st.session_state.pop(STEPPED_KEY, None)
YEAR_KEY = "map.year"
with slider_col:
    if len(choices) > 1:
        year = controls.select_slider(_("Year"), choices, key=YEAR_KEY, url=f.year, default=wide)
    else:
        st.caption(_("Year: {year} (the only year with data)").format(year=year))
f = f.update(year=year)
state.write_filter(f)

latest = pickers.toggle(
    _("Latest available per country"),
    key="map.latest",
    help=_("Each country's most recent value up to the year chosen, as Our World in Data does."),
)
members = tuple(cache.region_members(region)) if region else None
values = cache.map_latest(f, members) if latest else cache.map_values(f, members)
shapes, geojson = cache.map_shapes()
around = indicators.map_view(values, shapes, cache.all_geographies(), members)
names, drawn, no_data = around.names, around.drawn, around.no_data
not_drawn = around.not_drawn

entry, indicator = cat.series(series), cat.indicator_of(series)
source = (
    _("World Bank, Worldwide Governance Indicators")
    if indicator.source == "wgi"
    else _("UN Statistics Division, SDG Global Database; {custodian}").format(
        custodian=indicator.custodian
    )
)
unit = values["unit"].iloc[0] if len(values) else entry.unit
breakdown = ", ".join(f"{k} {v}" for k, v in f.dims if entry.default.get(k) != v)
title = _(entry.title)
text = charts.MapText(title, unit, year, source, entry.higher_is_better, breakdown, f.lang)
with header:
    present.presenter_header(title, charts.takeaway(values, text))
# Drawn for the room it gets (measured in the browser): the whole region in the frame, the
# colour bar inside the screen in presenter mode; until the browser has said, a guess.
room = screen.room("map", height=bool(f.present))  # the height: presenter mode only
if room is None:
    frame = (
        (350, charts.PHONE_HEIGHT)
        if present.is_phone()
        else (1200, charts.PRESENT_HEIGHT)
        if f.present
        else (1100, charts.MAP_HEIGHT)
    )
else:
    below = room[1] - charts.COLORBAR_PX - 24 if f.present else charts.MAP_HEIGHT
    frame = (room[0], min(max(below, 200), 900))
bounds = cache.map_bounds(members)
view, width, height = charts.view_for(bounds, *frame)
linked = shapes_route.url() or geojson  # the browser fetches the borders once (a file)
fig = screen.mark_provisional(
    charts.choropleth(values, linked, no_data, names, text, view, height, width), room is not None
)
by_status = st.toggle(_("Colour by progress status"), key="map_by_status")
if by_status:  # progress since 2015 of every country in scope, whatever the year shown
    fig = status_map(cache.progress(tuple(sorted(drawn)), (series,)), geojson, f.lang, view)
    fig.update_layout(
        height=height + charts.COLORBAR_PX, width=width, margin={"b": charts.COLORBAR_PX}
    )
    screen.mark_provisional(fig, room is not None)
    st.caption(_("Open SDG progress measure, base year 2015 to the latest year with data."))
# Centred: a map as wide as the screen's height allows (the world is wider than tall) is
# narrower than the column in presenter mode.
event = st.container(horizontal_alignment="center").plotly_chart(
    fig,
    on_select="rerun",
    selection_mode="points",
    key=f"map-{series}-{region}",
    width="content",
    theme=None,  # keep our colours (palette) rather than Streamlit's
)
st.caption(charts.caption(text, len(values), len(no_data)))
if latest and len(values):
    st.caption(
        _(
            "Latest available: {n} countries' values are from before {year} (as early as {first})."
        ).format(n=int((values["year"] < year).sum()), year=year, first=int(values["year"].min()))
    )

clicked = [p.get("customdata", [None])[0] for p in (event.selection.points if event else [])]
if clicked and clicked[0] and not playing:
    st.switch_page("views/country.py", query_params=nav.link_params({"geo": clicked[0]}))

st.caption(_("Click a country to open its profile."))
with st.expander(_("No data for {year}: {n} countries").format(year=year, n=len(no_data))):
    st.write(", ".join(names.get(g, g) for g in no_data) or _("Every country on the map has data."))
if len(not_drawn):
    st.caption(
        _("Too small to draw at this scale, values in the table: ")
        + ", ".join(sorted(not_drawn["geo_name"]))
    )
rows = around.rows
with st.expander(_("Values on the map ({n} countries)").format(n=len(rows))):
    st.dataframe(rows, hide_index=True, width="stretch")
guard.public_csv(
    _("Download the values on the map (CSV)"),
    rows,
    file_name=f"{series}_{year}{'_' + region if region else ''}.csv",
    f=f,
)
if len(values) and not by_status:  # the map as an image: title, place, source, date drawn in
    place = widgets.region_labels().get(region, _("World")) if region else _("World")
    # No panning limits in a picture: MapLibre zooms in until they fill a wider frame.
    export_view = {**charts.view_for(bounds, *EXPORT_PLOT)[0], "bounds": None}
    downloads.chart_buttons(
        # Drawn again on click for the image's own plot area, so the whole region is in it.
        # MapLibre draws on a canvas: in the SVG the map is an embedded picture.
        lambda: charts.choropleth(
            values, geojson, no_data, names, text, export_view, EXPORT_PLOT[1]
        ),
        f"{title}, {year}",
        f"{unit_label(unit, f.lang)}{', ' + breakdown if breakdown else ''} · {place}",
        values,
        stem=f"sdg16-{series}-map-{year}",
        filters=guard.query_of(f),
    )
with tabs:
    widgets.view_tabs("map")
widgets.sources_panel(series)
common.freshness_and_attribution()

if playing:
    time.sleep(PLAY_STEP_S)
    later = [y for y in choices if y > year]
    # Pressing Play on the last year plays from the first; arriving there by playing stops.
    step = later[0] if later else choices[0] if st.session_state.get(STEPPED_KEY) != year else None
    if step is None:
        st.session_state[STOP_KEY] = True
        st.session_state.pop(STEPPED_KEY, None)
    else:
        st.session_state[STEPPED_KEY] = step
        controls.set_next(YEAR_KEY, step)  # the slider is drawn already in this run
        state.write_filter(f.update(year=step))
    st.rerun()
