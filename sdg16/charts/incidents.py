"""Incident charts: the density map (pydeck, no tile server) and timeline/breakdown bars."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk

from sdg16.core.policy import SMALL_LABEL

# Light-to-dark reds; a cell's colour says how many reports it holds relative to the busiest.
_RAMP = [(254, 229, 217), (252, 174, 145), (251, 106, 74), (222, 45, 38), (165, 15, 21)]


def _colour(value: float, top: float) -> list[int]:
    if top <= 0:
        return [*_RAMP[0], 200]
    i = min(int((value / top) ** 0.5 * len(_RAMP)), len(_RAMP) - 1)  # sqrt: cities dominate
    return [*_RAMP[i], 210]


def density_deck(
    cells: pd.DataFrame,
    areas: pd.DataFrame,
    borders: list[dict],
    view: tuple[float, float, float],
    points: pd.DataFrame | None = None,
) -> pdk.Deck:
    """Admin-1 areas shaded by count under H3 hexagons; points on top for analysts.

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
                    "reports": f"{n:,}" if n else "fewer than 5 or none",
                    "types": tips.get(code, ""),
                    "fill": fill,
                },
            }
        )
    top = float(cells["reports"].max()) if not cells.empty else 0.0
    hexes = cells.assign(
        colour=[_colour(v, top) for v in cells["reports"]], name="Cell:", place_name=""
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
            hexes[["hex", "reports", "types", "colour", "name", "place_name"]],
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
                .assign(name="Report:", reports="1"),
                id="points",
                get_position=["lon", "lat"],
                get_radius=60,
                radius_min_pixels=2,
                get_fill_color=[20, 20, 120, 160],
                pickable=True,
            )
        )
    lat, lon, zoom = view
    return pdk.Deck(
        layers=layers,
        initial_view_state=pdk.ViewState(latitude=lat, longitude=lon, zoom=zoom),
        map_provider=None,
        tooltip={
            "html": "<b>{name}</b> <b>{reports}</b> reports<br/>{types}{place_name}",
            "style": {"fontSize": "12px"},
        },
    )


# Built with graph_objects, not plotly.express: px.bar costs 40-60 ms a figure here, and the
# incident page draws seven on every rerun (bench/: 0.4 s of a warm rerun was px).
def timeline_figure(frame: pd.DataFrame, period: str) -> go.Figure:
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
        xaxis={"title": {"text": period.capitalize()}},
        yaxis={"title": {"text": "Reports"}},
    )
    return fig


def bar_figure(frame: pd.DataFrame, label: str, horizontal: bool = True) -> go.Figure:
    if horizontal:
        bar = go.Bar(x=frame["reports"], y=frame["key"], orientation="h")
        axes = {
            "yaxis": {"autorange": "reversed", "title": {"text": ""}},
            "xaxis": {"title": {"text": "reports"}},
        }
    else:
        bar = go.Bar(x=frame["key"], y=frame["reports"])
        axes = {"xaxis": {"title": {"text": label}}, "yaxis": {"title": {"text": "reports"}}}
    height = max(220, 26 * len(frame) + 60) if horizontal else 280
    fig = go.Figure(bar)
    fig.update_layout(
        height=height,
        margin={"l": 10, "r": 10, "t": 30},
        title={"text": label, "font": {"size": 14}},
        **axes,
    )
    return fig


def reports_and_indicator(reports: pd.DataFrame, obs: pd.DataFrame, title: str) -> go.Figure:
    """Reports per year (bars) beside an official series (line, right axis), same years."""
    years = pd.to_numeric(reports["key"], errors="coerce")  # the merged small row drops out
    fig = go.Figure()
    fig.add_bar(x=years, y=reports["reports"], name="Reports", marker_color="#9ecae1")
    if not obs.empty:
        fig.add_scatter(x=obs["year"], y=obs["value"], name=title, yaxis="y2", mode="lines+markers")
    fig.update_layout(
        title={"text": title, "font": {"size": 14}},
        height=300,
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        yaxis={"title": "Reports"},
        yaxis2={
            "overlaying": "y",
            "side": "right",
            "title": obs["unit"].iloc[0] if len(obs) else "",
        },
        legend={"orientation": "h", "y": -0.2},
    )
    return fig
