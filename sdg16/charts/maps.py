"""The choropleth: MapLibre with a blank style and our own borders, so it draws offline.

``map_style="white-bg"`` asks no tile server for anything (see ../shared/FIELD-NOTES.md); the
borders are the bundle's Natural Earth shapes passed as GeoJSON.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from sdg16.core.formatting import number, unit_label, with_unit
from sdg16.core.i18n import gettext

NO_DATA_COLOUR = "#d4d4d4"
BORDER_COLOUR = "#ffffff"
# Sequential scales, darker = more: red where more is worse, blue where more is better.
SCALES = {False: "YlOrRd", True: "YlGnBu", None: "Blues"}
MAP_HEIGHT = 520


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


def view_for(bounds: tuple[float, float, float, float], width_px: int = 1100) -> dict:
    """MapLibre centre and zoom that fit (west, south, east, north) into the figure."""
    west, south, east, north = bounds

    def merc(lat: float) -> float:
        lat = max(min(lat, 85.0), -85.0)
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    lon_span = max(east - west, 1.0)
    y_span = max(merc(north) - merc(south), 0.02)
    # At zoom z the world is 512 * 2**z pixels wide (MapLibre tiles are 512 px).
    zoom_x = math.log2(width_px * 360 / (512 * lon_span))
    zoom_y = math.log2(MAP_HEIGHT * 2 * math.pi / (512 * y_span))
    centre_y = (merc(north) + merc(south)) / 2
    centre_lat = math.degrees(2 * math.atan(math.exp(centre_y)) - math.pi / 2)
    zoom = max(min(zoom_x, zoom_y) - 0.15, 0.0)  # a little margin
    return {"center": {"lon": (west + east) / 2, "lat": centre_lat}, "zoom": zoom}


def _only(geojson: dict, ids: set[str]) -> dict:
    """The features of ``ids``: each trace carries its own shapes, so none is sent twice."""
    return {**geojson, "features": [f for f in geojson["features"] if f["id"] in ids]}


def choropleth(
    values: pd.DataFrame,
    geojson: dict,
    no_data: list[str],
    names: dict[str, str],
    text: MapText,
    view: dict,
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
            colorbar={
                "title": {"text": unit or gettext(text.lang, "value")},
                "thickness": 14,
                "len": 0.8,
            },
            hovertemplate=f"<b>%{{text}}</b><br>%{{customdata[1]}} ({text.year})<extra></extra>",
            name=text.title,
        )
    )
    fig.update_layout(
        map={"style": "white-bg", **view},
        height=MAP_HEIGHT,
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        showlegend=False,
        clickmode="event+select",
    )
    return fig
