"""The map coloured by progress status: one trace per status, so the legend names each colour."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from sdg16.charts.maps import BORDER_COLOUR, MAP_HEIGHT
from sdg16.charts.progress import STATUS, growth_text, status_label
from sdg16.core.i18n import gettext


def status_map(progress: pd.DataFrame, geojson: dict, lang: str, view: dict) -> go.Figure:
    """``progress``: assessment rows (geo, geo_name, status, ...) of one series; every status is
    drawn, not_available in grey; ``customdata[0]`` is the ISO3 code (a click opens the profile).
    """
    fig = go.Figure()
    have = {f["id"] for f in geojson["features"]}
    for status, (_label, colour, _icon) in STATUS.items():
        rows = progress[(progress["status"] == status) & progress["geo"].isin(have)]
        if rows.empty:
            continue
        label = status_label(status, lang)
        detail = [
            f"{label} · {growth_text(r, lang)}" if status != "not_available" else label
            for r in rows.to_dict("records")
        ]
        ids = set(rows["geo"])
        fig.add_trace(
            go.Choroplethmap(
                geojson={**geojson, "features": [f for f in geojson["features"] if f["id"] in ids]},
                locations=list(rows["geo"]),
                z=[1] * len(rows),
                customdata=[[g, d] for g, d in zip(rows["geo"], detail, strict=True)],
                text=list(rows["geo_name"]),
                colorscale=[[0, colour], [1, colour]],
                showscale=False,
                showlegend=True,
                marker={"line": {"color": BORDER_COLOUR, "width": 0.5}},
                hovertemplate="<b>%{text}</b><br>%{customdata[1]}<extra></extra>",
                name=f"{label} ({len(rows)})",
            )
        )
    fig.update_layout(
        map={"style": "white-bg", **view},
        height=MAP_HEIGHT,
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        showlegend=True,
        legend={
            "orientation": "h",
            "yanchor": "top",
            "y": -0.02,
            "x": 0,
            "title": {"text": gettext(lang, "Progress since 2015")},
        },
        clickmode="event+select",
    )
    return fig
