"""Charts for the incident statistics: the hotspot map (pydeck, no tile server) with its legend,
and the monthly timeline with the expected range drawn as a band."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk

from sdg16.core.formatting import number
from sdg16.core.i18n import N_, gettext

# Diverging red/blue (ColorBrewer RdBu), darker = more confident; readable with red-green
# colour blindness. "none" is drawn faint so the study area's extent stays visible.
COLOURS = {
    ("hot", 99): (178, 24, 43),
    ("hot", 95): (239, 138, 98),
    ("hot", 90): (253, 219, 199),
    ("cold", 90): (209, 229, 240),
    ("cold", 95): (103, 169, 207),
    ("cold", 99): (33, 102, 172),
    ("none", 0): (190, 190, 190),
}
LABELS = {
    "hot": N_("Hot spot, {level} % confidence"),
    "cold": N_("Cold spot, {level} % confidence"),
    "none": N_("Not significant"),
}
BAND, EXPECTED, HIGH, LOW = "rgba(120,120,120,0.25)", "#555555", "#b2182b", "#2166ac"


def label(kind: str, level: int, lang: str) -> str:
    return gettext(lang, LABELS[kind]).format(level=level)


def _tooltip(row: pd.Series, lang: str) -> str:
    parts = [label(row["class"], row["confidence"], lang)]
    parts.append(gettext(lang, "{reports} reports").format(reports=number(row["reports"], lang)))
    if pd.notna(row["gi_z"]):
        parts.append(f"z {number(row['gi_z'], lang, 2)} · p (FDR) {number(row['p_fdr'], lang, 3)}")
    return " · ".join(parts)


def hotspot_deck(
    cells: pd.DataFrame, borders: list[dict], view: tuple[float, float, float], lang: str
) -> pdk.Deck:
    """Admin-1 outlines under H3 cells coloured by class and confidence. ``map_provider=None``
    and no map style: nothing is fetched from a tile server (../shared/FIELD-NOTES.md)."""
    shown = cells.assign(
        colour=[
            [*COLOURS[(k, c)], 60 if k == "none" else 220]
            for k, c in zip(cells["class"], cells["confidence"], strict=True)
        ],
        tip=[_tooltip(r, lang) for _, r in cells.iterrows()],
    )
    outline = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "geometry": b["geometry"], "properties": {}} for b in borders
        ],
    }
    layers = [
        pdk.Layer(
            "GeoJsonLayer",
            outline,
            id="areas",
            stroked=True,
            filled=False,
            get_line_color=[90, 90, 90, 200],
            line_width_min_pixels=1,
        ),
        pdk.Layer(
            "H3HexagonLayer",
            shown[["cell", "colour", "tip"]],
            id="hotspots",
            get_hexagon="cell",
            get_fill_color="colour",
            extruded=False,
            stroked=False,
            pickable=True,
        ),
    ]
    lat, lon, zoom = view
    return pdk.Deck(
        layers=layers,
        initial_view_state=pdk.ViewState(latitude=lat, longitude=lon, zoom=zoom),
        map_provider=None,
        tooltip={"text": "{tip}", "style": {"fontSize": "12px"}},
    )


def legend_html(lang: str) -> str:
    """Swatches for every class, hot to cold (static, translated text only)."""
    items = []
    for (kind, level), rgb in COLOURS.items():
        swatch = (
            f'<span style="display:inline-block;width:14px;height:14px;margin-right:4px;'
            f'vertical-align:middle;background:rgb{rgb}"></span>'
        )
        items.append(f'<span style="margin-right:12px;white-space:nowrap">{swatch}'
                     f"{html.escape(label(kind, level, lang))}</span>")  # fmt: skip
    return '<div style="font-size:0.85rem;line-height:1.8">' + "".join(items) + "</div>"


def spike_figure(months: pd.DataFrame, lang: str) -> go.Figure:
    """Monthly reports (bars), the expected count (dashed) inside its 95 % range (grey band),
    months above or below the range marked."""
    fig = go.Figure()
    judged = months.dropna(subset=["expected"])
    peaks = [months["reports"].max(), judged["expected"].max() if len(judged) else 0]
    top = float(max(pd.Series(peaks).fillna(0).max(), 1))
    fig.add_scatter(
        x=judged["month"], y=judged["high"], mode="lines", line={"width": 0},
        hoverinfo="skip", showlegend=False,
    )  # fmt: skip
    fig.add_scatter(
        x=judged["month"], y=judged["low"], mode="lines", line={"width": 0}, fill="tonexty",
        fillcolor=BAND, name=gettext(lang, "Expected range (95 %)"),
    )  # fmt: skip
    fig.add_bar(
        x=months["month"], y=months["reports"], name=gettext(lang, "Reports"),
        marker_color="#9ecae1",
    )  # fmt: skip
    fig.add_scatter(
        x=judged["month"], y=judged["expected"], mode="lines", name=gettext(lang, "Expected"),
        line={"color": EXPECTED, "dash": "dash", "width": 1.5},
    )  # fmt: skip
    for flag, colour, symbol, text in (
        ("high", HIGH, "triangle-up", N_("Above the range")),
        ("low", LOW, "triangle-down", N_("Below the range")),
    ):
        part = months[months["flag"] == flag]
        if not part.empty:
            fig.add_scatter(
                x=part["month"], y=part["reports"], mode="markers", name=gettext(lang, text),
                marker={"color": colour, "symbol": symbol, "size": 11},
            )  # fmt: skip
    fig.update_layout(
        height=340,
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        legend={"orientation": "h", "y": -0.12},
        # Scaled to the counts, not the band: a range made wide by a launch or a lull may run
        # off the top rather than flatten every bar.
        yaxis={"title": {"text": gettext(lang, "Reports")}, "range": [0, top * 1.25]},
        barmode="overlay",
    )
    return fig
