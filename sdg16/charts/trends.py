"""The Trends line chart: one line per geography, markers that tell country data from estimates,
and an optional median band of a region's countries for context. Pure: frames in, figure out."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from sdg16.core.formatting import dataset_label, nature_label, plotly_separators, unit_label
from sdg16.core.i18n import N_, gettext

MAX_LINES = 12
COUNTRY_DATA = frozenset({"C", "CA"})
ESTIMATES = frozenset({"E", "M", "G"})
# Filled = the country's own data; open = estimated or modelled; diamond = anything else.
SYMBOLS = {"country": "circle", "estimate": "circle-open", "other": "diamond-open"}
KIND_LABELS = {"aggregate": N_("aggregate"), "subnational": N_("subnational")}
BAND_COLOR = "rgba(120, 120, 120, 0.18)"
HOVER = (
    "<b>%{fullData.name}</b><br>%{x}: <b>%{customdata[0]}</b><br>"
    "%{customdata[1]}<br>%{customdata[2]}<extra></extra>"
)


def marker_kind(nature: str | None) -> str:
    if nature in COUNTRY_DATA:
        return "country"
    return "estimate" if nature in ESTIMATES else "other"


def _hover_data(rows: pd.DataFrame, unit: str, lang: str = "en") -> list[list[str]]:
    label = unit_label(unit, lang)
    suffix = "%" if label == "%" else f" {label}" if unit_label(unit) != "number" else ""
    source = gettext(lang, "Source: {source}")
    # The value as the source wrote it: hover is where people read exact figures.
    return [
        [
            f"{v}{suffix}",
            nature_label(n, lang),
            source.format(source=gettext(lang, dataset_label(s))),
        ]
        for v, n, s in zip(rows["value_text"], rows["nature"], rows["source"], strict=True)
    ]


def _band(
    fig: go.Figure, band: pd.DataFrame, region_label: str, locale_unit: str, lang: str = "en"
) -> None:
    years = band["year"].tolist()
    fig.add_trace(
        go.Scatter(
            x=years + years[::-1],
            y=band["p75"].tolist() + band["p25"].tolist()[::-1],
            fill="toself",
            fillcolor=BAND_COLOR,
            line={"width": 0},
            hoverinfo="skip",
            name=gettext(lang, "{region}: middle half of countries").format(region=region_label),
        )
    )
    fig.add_trace(
        go.Scatter(
            x=years,
            y=band["median"],
            mode="lines",
            line={"color": "rgb(110,110,110)", "dash": "dash", "width": 2},
            name=gettext(lang, "{region}: median of countries").format(region=region_label),
            customdata=band["countries"],
            hovertemplate=(
                f"<b>{region_label}</b><br>%{{x}}: "
                + gettext(lang, "median")
                + f" %{{y:,.2f}} {locale_unit}<br>%{{customdata}} "
                + gettext(lang, "countries reporting")
                + "<extra></extra>"
            ),
        )
    )


def trend_figure(
    rows: pd.DataFrame,
    geo_order: list[str],
    title: str,
    unit: str,
    band: pd.DataFrame | None = None,
    region_label: str = "",
    lang: str = "en",
) -> go.Figure:
    """Lines for ``geo_order`` (at most MAX_LINES, the caller says so when it cuts).

    ``rows`` is an ``indicators.observations`` frame (iso3, geo_name, geo_kind, year, value,
    nature, source). Aggregates get dashed lines and "(aggregate)" in their name, so they are
    never mistaken for countries.
    """
    fig = go.Figure()
    if band is not None and not band.empty:
        _band(fig, band, region_label, unit_label(unit, lang), lang)
    for geo in geo_order[:MAX_LINES]:
        one = rows[rows["iso3"] == geo].sort_values("year")
        if one.empty:
            continue
        kind = one["geo_kind"].iloc[0]
        marks = [marker_kind(n) for n in one["nature"]]
        name = one["geo_name"].iloc[0] + (
            "" if kind == "country" else f" ({gettext(lang, KIND_LABELS.get(kind, kind))})"
        )
        fig.add_trace(
            go.Scatter(
                x=one["year"],
                y=one["value"],
                mode="lines+markers",
                name=name,
                line={"dash": "solid" if kind == "country" else "dot", "width": 2},
                marker={
                    "symbol": [SYMBOLS[kind] for kind in marks],
                    "size": 8,
                    # Open symbols are drawn by their outline; filled ones need none.
                    "line": {"width": [0 if kind == "country" else 2 for kind in marks]},
                },
                customdata=_hover_data(one, unit, lang),
                hovertemplate=HOVER,
            )
        )
    span = int(rows["year"].max() - rows["year"].min()) if len(rows) else 0
    fig.update_layout(
        title={"text": title},
        # Whole years only: short ranges would otherwise get half-year ticks labelled twice.
        xaxis={
            "title": {"text": gettext(lang, "Year")},
            "tickformat": "d",
            "dtick": 1 if span <= 12 else None,
        },
        yaxis={"title": {"text": unit_label(unit, lang)}, "rangemode": "tozero"},
        legend={"orientation": "h", "yanchor": "top", "y": -0.15},
        hovermode="closest",
        separators=plotly_separators(lang),
        margin={"t": 60, "b": 40},
        height=520,
    )
    return fig
