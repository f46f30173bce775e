"""Incident charts: the density map (pydeck, no tile server) and timeline/breakdown bars."""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk

from sdg16.charts import map_labels
from sdg16.core.cities import City
from sdg16.core.disclosure import SMALL_COUNT
from sdg16.core.formatting import number, plotly_separators
from sdg16.core.i18n import N_, gettext
from sdg16.core.policy import SMALL_LABEL

# Streamlit's own font (its CSS font-family), so the map's names match the page's text.
PAGE_FONT = "Source Sans, sans-serif"
PERIODS = {"week": N_("Week"), "month": N_("Month"), "year": N_("Year")}
# Light-to-dark reds; a cell's colour says how many reports it holds relative to the busiest.
_RAMP = [(254, 229, 217), (252, 174, 145), (251, 106, 74), (222, 45, 38), (165, 15, 21)]


def _colour(value: float, top: float) -> list[int]:
    if top <= 0:
        return [*_RAMP[0], 200]
    i = min(int((value / top) ** 0.5 * len(_RAMP)), len(_RAMP) - 1)  # sqrt: cities dominate
    return [*_RAMP[i], 210]


def legend_classes(top: float, floor: int = 1) -> list[tuple[str, int, int]]:
    """(hex colour, lowest, highest count) of each colour class, as ``_colour`` assigns them."""
    out = []
    for i, rgb in enumerate(_RAMP):
        lo = max(floor, int(-(-top * (i / len(_RAMP)) ** 2 // 1)))  # ceil of the class start
        hi = (
            int(top) if i == len(_RAMP) - 1 else int(-(-top * ((i + 1) / len(_RAMP)) ** 2 // 1)) - 1
        )
        if hi >= lo:
            out.append(("#{:02x}{:02x}{:02x}".format(*rgb), lo, hi))
    return out


def legend_html(top: float, cell_km: float, lang: str = "en", floor: int = 1) -> str:
    """The density map's key: reports per hexagon by colour, and how big a hexagon is."""
    from html import escape

    swatches = "".join(
        f'<span class="sdg16-key"><i style="background:{c}"></i>'
        f"{number(lo, lang)}{'' if lo == hi else '–' + number(hi, lang)}</span>"
        for c, lo, hi in legend_classes(top, floor)
    )
    title = escape(gettext(lang, "Reports per hexagon"))
    scale = escape(gettext(lang, "One hexagon is about {km} km across.")).format(
        km=number(cell_km, lang)
    )
    return (
        "<style>.sdg16-legend{font-size:0.95em;line-height:1.8}.sdg16-key{margin-right:0.9em;"
        "white-space:nowrap}.sdg16-key i{display:inline-block;width:1.1em;height:1.1em;"
        "vertical-align:-0.2em;margin-right:0.3em;border:1px solid #777}</style>"
        f'<div class="sdg16-legend" role="note"><b>{title}</b>: {swatches}<br>{scale}</div>'
    )


def density_deck(
    cells: pd.DataFrame,
    areas: pd.DataFrame,
    borders: list[dict],
    view: tuple[float, float, float],
    points: pd.DataFrame | None = None,
    cities: list[City] | None = None,
    lang: str = "en",
    frame: tuple[int, int] = (450, 450),
    label_px: int = map_labels.FONT_PX,
) -> pdk.Deck:
    """Admin-1 areas shaded by count under H3 hexagons; points on top for analysts; the names
    of ``cities`` (``label_px`` high) that fit a map of ``frame`` (width, height) px.

    ``map_provider=None`` and no map style: nothing is fetched from a tile server
    (../shared/FIELD-NOTES.md). Only the frames' own columns are serialised.
    """
    counts = dict(zip(areas["admin1"], areas["reports"], strict=True))
    tips = dict(zip(areas["admin1"], areas["types"], strict=True))
    top_area = max(counts.values(), default=0)
    features = []
    for feat in borders:
        code = feat["properties"]["iso_3166_2"]
        n = counts.get(code)
        fill = [*_colour(n, top_area)[:3], 70] if n else [235, 235, 235, 120]
        features.append(
            {
                "type": "Feature",
                "geometry": feat["geometry"],
                "properties": {
                    "name": feat["properties"]["name_en"],
                    "reports": n or None,  # None: under 5 or none (never told apart)
                    "count": number(n, lang)
                    if n
                    else gettext(lang, "fewer than {n} or none").format(n=SMALL_COUNT),
                    "types": tips.get(code, ""),
                    "fill": fill,
                },
            }
        )
    top = float(cells["reports"].max()) if not cells.empty else 0.0
    hexes = cells.assign(
        colour=[_colour(v, top) for v in cells["reports"]],
        name=gettext(lang, "Cell:"),
        place_name="",
        count=[number(v, lang) for v in cells["reports"]],
    )
    layers = [
        pdk.Layer(
            "GeoJsonLayer",
            {"type": "FeatureCollection", "features": features},
            id="areas",
            stroked=True,
            filled=True,
            get_fill_color="properties.fill",
            get_line_color=[90, 90, 90, 200],
            line_width_min_pixels=1,
            pickable=True,
        ),
        pdk.Layer(
            "H3HexagonLayer",
            hexes[["hex", "reports", "count", "types", "colour", "name", "place_name"]],
            id="cells",
            get_hexagon="hex",
            get_fill_color="colour",
            extruded=False,
            stroked=False,
            pickable=True,
            opacity=0.85,
        ),
    ]
    if points is not None and not points.empty:
        layers.append(
            pdk.Layer(
                "ScatterplotLayer",
                points[["lon", "lat", "types", "place_name"]]
                .fillna("")
                .assign(name=gettext(lang, "Report:"), count="1"),
                id="points",
                get_position=["lon", "lat"],
                get_radius=60,
                radius_min_pixels=2,
                get_fill_color=[20, 20, 120, 160],
                pickable=True,
            )
        )
    if cities:
        # Public places (GeoNames), as one "at" column: no lat/lon keys next to report data.
        # Only names that fit the map whole and clear of each other (``map_labels.place``).
        shown = map_labels.place(cities, view, frame, label_px)
        labels = pd.DataFrame(
            {
                "name": [s.city.name for s in shown],
                "at": [[s.city.lon, s.city.lat] for s in shown],
                "anchor": [s.anchor for s in shown],
                "offset": [
                    [map_labels.GAP_PX if s.anchor == "start" else -map_labels.GAP_PX, 0]
                    for s in shown
                ],
            },
            columns=["name", "at", "anchor", "offset"],
        )
        layers.append(
            pdk.Layer(
                "TextLayer",
                labels,
                id="cities",
                get_position="at",
                get_text="name",
                get_size=label_px,
                get_color=[20, 20, 20, 255],
                # The page's font, not deck.gl's Monaco; "auto": the atlas holds every letter
                # the names use (the default is ASCII: "Shubrā" was drawn "Shubr ").
                # (pydeck reads a bare string as an expression: constants are quoted.)
                font_family=f'"{PAGE_FONT}"',
                character_set='"auto"',
                outline_width=3,
                outline_color=[255, 255, 255, 230],
                font_settings={"sdf": True},
                get_text_anchor="anchor",
                get_pixel_offset="offset",
                pickable=False,
            )
        )
        layers.append(
            pdk.Layer(
                "ScatterplotLayer",
                labels[["at"]],
                id="city-dots",
                get_position="at",
                get_radius=map_labels.DOT_PX,
                radius_units='"pixels"',
                get_fill_color=[20, 20, 20, 255],
            )
        )
    lat, lon, zoom = view
    return pdk.Deck(
        layers=layers,
        initial_view_state=pdk.ViewState(latitude=lat, longitude=lon, zoom=zoom),
        map_provider=None,
        tooltip={
            "html": "<b>{name}</b> <b>{count}</b> "
            + gettext(lang, "reports")
            + "<br/>{types}{place_name}",
            "style": {"fontSize": "12px"},
        },
    )


# Built with graph_objects, not plotly.express: px.bar costs 40-60 ms a figure here, and the
# incident page draws seven on every rerun (bench/: 0.4 s of a warm rerun was px).
def timeline_figure(frame: pd.DataFrame, period: str, lang: str = "en") -> go.Figure:
    """Stacked bars per period, one trace per type (in order of first appearance)."""
    fig = go.Figure()
    for kind in frame["type"].drop_duplicates():
        part = frame[frame["type"] == kind]
        colour = {"marker_color": "#b0b0b0"} if kind == SMALL_LABEL else {}
        fig.add_bar(x=part["period"], y=part["reports"], name=str(kind), **colour)
    fig.update_layout(
        barmode="stack",
        height=320,
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        legend={"title": {"text": ""}, "tracegroupgap": 0},
        xaxis={"title": {"text": gettext(lang, PERIODS.get(period, period))}},
        yaxis={"title": {"text": gettext(lang, "Reports")}},
    )
    return fig


def bar_figure(
    frame: pd.DataFrame, label: str, horizontal: bool = True, lang: str = "en"
) -> go.Figure:
    reports = gettext(lang, "reports")
    if horizontal:
        bar = go.Bar(x=frame["reports"], y=frame["key"], orientation="h")
        axes = {
            "yaxis": {"autorange": "reversed", "title": {"text": ""}},
            "xaxis": {"title": {"text": reports}},
        }
    else:
        bar = go.Bar(x=frame["key"], y=frame["reports"])
        axes = {"xaxis": {"title": {"text": label}}, "yaxis": {"title": {"text": reports}}}
    height = max(220, 26 * len(frame) + 60) if horizontal else 280
    fig = go.Figure(bar)
    fig.update_layout(
        height=height,
        margin={"l": 10, "r": 10, "t": 30},
        title={"text": label, "font": {"size": 14}},
        separators=plotly_separators(lang),
        **axes,
    )
    return fig


def reports_and_indicator(
    reports: pd.DataFrame, obs: pd.DataFrame, title: str, lang: str = "en"
) -> go.Figure:
    """Reports per year (bars) beside an official series (line, right axis), same years.

    Both axes say their unit in words (never a code such as PER_100000_POP); years are whole,
    and the right axis gets at most a few readable ticks.
    """
    from sdg16.core.formatting import unit_label

    years = pd.to_numeric(reports["key"], errors="coerce")  # the merged small row drops out
    label = gettext(lang, "Reports")
    fig = go.Figure()
    fig.add_bar(x=years, y=reports["reports"], name=label, marker_color="#9ecae1")
    unit = unit_label(obs["unit"].iloc[0], lang) if len(obs) and obs["unit"].iloc[0] else ""
    if not obs.empty:
        # Legend names do not wrap by themselves: a long title was wider than a phone.
        name = "<br>".join(textwrap.wrap(title, 40))
        fig.add_scatter(x=obs["year"], y=obs["value"], name=name, yaxis="y2", mode="lines+markers")
    fig.update_layout(
        title={"text": title, "font": {"size": 14}},
        height=320,
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        xaxis={"tickformat": "d", "title": {"text": gettext(lang, "Year")}},
        yaxis={"title": {"text": gettext(lang, "Reports per year")}, "tickformat": ",d"},
        yaxis2={
            "overlaying": "y",
            "side": "right",
            "title": {"text": unit},
            "tickformat": ",.3~g",
            "nticks": 6,
            "rangemode": "tozero",
            "showgrid": False,
        },
        # Under the axis title, in the figure's own bottom margin: at y=-0.25 of the plot the
        # legend was cut on a phone, where its two names wrap to two lines.
        legend={"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom"},
        separators=plotly_separators(lang),
    )
    fig.update_layout(height=360, margin={"b": 80})
    return fig
