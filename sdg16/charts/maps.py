"""The choropleth: MapLibre with a blank style and our own borders, so it draws offline.

``map_style="white-bg"`` asks no tile server for anything (see ../shared/FIELD-NOTES.md); the
borders are the bundle's Natural Earth shapes passed as GeoJSON.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from sdg16.core.formatting import number, plotly_separators, unit_label, with_unit
from sdg16.core.i18n import gettext

NO_DATA_COLOUR = "#d4d4d4"
BORDER_COLOUR = "#ffffff"
# Sequential scales, darker = more: red where more is worse, blue where more is better.
SCALES = {False: "YlOrRd", True: "YlGnBu", None: "Blues"}
MAP_HEIGHT = 520
COLORBAR_PX = 64  # room under the map for the horizontal colour bar and its title
PRESENT_HEIGHT = 320  # presenter mode, until the browser has said its size: inside 1280x720
PHONE_HEIGHT = 240  # a phone (by its user agent) until the browser has said its width
# The world once: Antarctica left out (no SDG 16 data), no second copy beside the first.
WORLD = (-180.0, -58.0, 180.0, 84.0)


@dataclass(frozen=True)
class MapText:
    title: str  # the series title
    unit: str  # the unit code of the values, e.g. PER_100000_POP
    year: int
    source: str
    higher_is_better: bool | None
    breakdown: str = ""  # a disaggregation other than the headline one, e.g. "sex FEMALE"
    lang: str = "en"  # labels and numbers in this language


def caption(text: MapText, shown: int, no_data: int) -> str:
    """What the map shows, in one sentence a screen-sharing audience can read."""
    unit = unit_label(text.unit, text.lang)
    breakdown = f", {text.breakdown}" if text.breakdown else ""
    return gettext(
        text.lang,
        "{title} ({unit}{breakdown}), {year}: {shown} countries. Source: {source}. "
        "Borders: Natural Earth. Grey: no data ({no_data} countries). Darker = higher value.",
    ).format(
        title=text.title,
        unit=unit,
        breakdown=breakdown,
        year=text.year,
        shown=shown,
        source=text.source,
        no_data=no_data,
    )


def takeaway(values: pd.DataFrame, text: MapText) -> str | None:
    """One line for presenter mode: the highest and lowest value and the median."""
    if values.empty:
        return None
    ranked = values.sort_values("value")
    low, high = ranked.iloc[0], ranked.iloc[-1]
    return gettext(
        text.lang,
        "{year}: highest {high} ({high_value}), lowest {low} ({low_value}); "
        "median of {n} countries {median}.",
    ).format(
        year=text.year,
        high=high["geo_name"],
        high_value=with_unit(high["value"], text.unit, text.lang, short=True),
        low=low["geo_name"],
        low_value=with_unit(low["value"], text.unit, text.lang, short=True),
        n=len(values),
        median=number(float(values["value"].median()), text.lang),
    )


def _merc(lat: float) -> float:
    lat = max(min(lat, 85.0), -85.0)
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def _lat(y: float) -> float:
    return math.degrees(2 * math.atan(math.exp(y)) - math.pi / 2)


def view_for(
    bounds: tuple[float, float, float, float], max_width: int = 1100, max_height: int = MAP_HEIGHT
) -> tuple[dict, int, int]:
    """(MapLibre centre, zoom and panning limits, figure width, map height in px) that show
    (west, south, east, north) whole inside a frame of ``max_width`` x ``max_height``: the map
    takes the region's own shape, so the world is drawn once, edge to edge, with no second copy
    beside it, and a narrow frame (a phone) gets the whole region across its width."""
    west, south, east, north = WORLD if bounds[2] - bounds[0] > 300 else bounds
    pad_x, pad_y = max((east - west) * 0.03, 0.5), max((north - south) * 0.03, 0.5)
    west, east = max(west - pad_x, -179.9), min(east + pad_x, 179.9)
    y_lo, y_hi = _merc(max(south - pad_y, -85.0)), _merc(min(north + pad_y, 85.0))
    y_span = max(y_hi - y_lo, 0.02)
    x_span = math.radians(max(east - west, 1.0))
    if max_width / max_height < x_span / y_span:  # wider than the frame: fill its width
        width, height = max_width, max(int(max_width * y_span / x_span), 1)
    else:  # taller: fill the height; a tall region (the Americas) gets some sea either side
        height = max_height
        want = max(height * x_span / y_span, min(max_width, height * 1.2))
        grow = math.degrees((want * y_span / height - x_span) / 2)
        west, east = max(west - grow, -179.9), min(east + grow, 179.9)
        x_span = math.radians(east - west)
        width = int(height * x_span / y_span)
    # At zoom z the world is 512 * 2**z pixels wide (MapLibre tiles are 512 px).
    zoom = math.log2(width * 2 * math.pi / x_span / 512)
    view = {
        "center": {"lon": (west + east) / 2, "lat": _lat((y_lo + y_hi) / 2)},
        "zoom": zoom,  # below 0 on a phone: the world narrower than 512 px
        # MapLibre's maxBounds, the frame itself: panning and zooming out never show what is
        # beyond, so never a second world. Not exactly ±180: plotly.js then fails ("reading
        # '0'", measured).
        "bounds": {"west": west, "east": east, "south": _lat(y_lo), "north": _lat(y_hi)},
    }
    return view, width, height


def _only(geojson: dict | str, ids: set[str]) -> dict | str:
    """The features of ``ids``: each trace carries its own shapes, so none is sent twice.
    A URL (the browser fetches the file once) stays one: plotly draws only ``locations``."""
    if isinstance(geojson, str):
        return geojson
    return {**geojson, "features": [f for f in geojson["features"] if f["id"] in ids]}


def choropleth(
    values: pd.DataFrame,
    geojson: dict | str,
    no_data: list[str],
    names: dict[str, str],
    text: MapText,
    view: dict,
    height: int = MAP_HEIGHT,
    width: int | None = None,
) -> go.Figure:
    """Countries with a value coloured by it, the rest grey; a click gives the ISO3 code.

    ``values`` has columns iso3, geo_name, value, value_text; ``no_data`` lists ISO3 codes with
    shapes but no value; ``customdata`` of every point is its ISO3 code.
    """
    unit = unit_label(text.unit, text.lang)
    no_data_label = gettext(text.lang, "No data")
    fig = go.Figure()
    fig.add_trace(
        go.Choroplethmap(
            geojson=_only(geojson, set(no_data)),
            locations=no_data,
            z=[0] * len(no_data),
            customdata=[[g] for g in no_data],
            text=[names.get(g, g) for g in no_data],
            colorscale=[[0, NO_DATA_COLOUR], [1, NO_DATA_COLOUR]],
            showscale=False,
            marker={"line": {"color": BORDER_COLOUR, "width": 0.5}},
            hovertemplate="<b>%{text}</b><br>" + no_data_label + "<extra></extra>",
            name=no_data_label,
        )
    )
    labels = [with_unit(v, text.unit, text.lang) for v in values["value"]]
    fig.add_trace(
        go.Choroplethmap(
            geojson=_only(geojson, set(values["iso3"])),
            locations=list(values["iso3"]),
            z=list(values["value"]),
            customdata=[[g, lab] for g, lab in zip(values["iso3"], labels, strict=True)],
            text=list(values["geo_name"]),
            colorscale=SCALES[text.higher_is_better],
            marker={"line": {"color": BORDER_COLOUR, "width": 0.5}},
            colorbar={  # below the map, inside the figure: never cut by a narrow frame
                "title": {"text": unit or gettext(text.lang, "value"), "side": "top"},
                "orientation": "h",
                "thickness": 12,
                "len": 0.9,
                "y": 0,
                "yanchor": "top",
                "ypad": 4,
            },
            hovertemplate=f"<b>%{{text}}</b><br>%{{customdata[1]}} ({text.year})<extra></extra>",
            name=text.title,
        )
    )
    fig.update_layout(
        map={"style": "white-bg", **view},
        height=height + COLORBAR_PX,
        width=width,  # the region's own shape (view_for): nothing cut, no second world
        margin={"l": 0, "r": 0, "t": 0, "b": COLORBAR_PX},
        separators=plotly_separators(text.lang),
        showlegend=False,
        clickmode="event+select",
    )
    return fig
