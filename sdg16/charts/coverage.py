"""Coverage heatmaps: where the data are, and where the gaps are, at a glance."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from sdg16.core.i18n import gettext

ROW_PX = 15
COLORBAR_PX = 64  # room under the grid for the colour bar and its title
GAP_COLOUR = "#f2f2f2"
# Starts at a clearly visible blue, so a cell with one year of data never looks like a gap.
SCALE = [[0.0, "#9ecae1"], [1.0, "#08306b"]]


MAX_LABEL = 48  # characters of a series title on the axis; the hover has all of it


def _labels(frame: pd.DataFrame) -> list[str]:
    return [f"{i} {s}" for i, s in zip(frame["indicator"], frame["series"], strict=True)]


def _row_name(label: str, titles: dict[str, str], codes_only: bool = False) -> str:
    """``16.1.1 VC_IHR_PSRC`` -> ``16.1.1 Homicide rate``: a name, not a code, on the axis
    (``codes_only``: ``16.1.1``, on a phone, where names leave no room for the grid)."""
    indicator, code = label.split(" ", 1)
    if codes_only:
        return indicator
    title = titles.get(code, code)
    title = title if len(title) <= MAX_LABEL else title[: MAX_LABEL - 1].rstrip() + "…"
    return f"{indicator} {title}"


def _heatmap(
    matrix: pd.DataFrame,
    titles: dict[str, str],
    what: str,
    column_names: dict[str, str] | None = None,
    lang: str = "en",
    codes_only: bool = False,
) -> go.Figure:
    """Rows: series (catalog order), columns as given; zero shows as the gap colour."""
    z = matrix.to_numpy(dtype=float, copy=True)
    z[z == 0] = float("nan")  # gaps are drawn blank, not as the palest colour
    codes = [label.split(" ", 1)[1] for label in matrix.index]
    names = [str((column_names or {}).get(c, c)) for c in matrix.columns]
    hover = [[[titles.get(code, code), name] for name in names] for code in codes]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=names,
            y=[_row_name(label, titles, codes_only) for label in matrix.index],
            customdata=hover,
            colorscale=SCALE,
            zmin=1,
            # Under the grid, across: a bar on the right was cut on a phone (long row names
            # leave a narrow grid) and squashed the grid in presenter mode.
            colorbar={
                "title": {"text": what, "side": "top"},
                "orientation": "h",
                "thickness": 12,
                "len": 0.6,
                "y": 0,
                "yanchor": "top",
                "ypad": 4,
            },
            hovertemplate=(
                f"<b>%{{customdata[0]}}</b><br>%{{customdata[1]}}<br>{what}: %{{z}}<extra></extra>"
            ),
            xgap=1,
            ygap=1,
        )
    )
    fig.update_layout(
        height=max(260, 90 + COLORBAR_PX + ROW_PX * matrix.shape[0]),
        margin={"l": 10, "r": 10, "t": 10, "b": COLORBAR_PX},
        plot_bgcolor=GAP_COLOUR,
        yaxis={"autorange": "reversed", "tickfont": {"size": 10}, "dtick": 1},
        xaxis={"side": "top", "tickfont": {"size": 10}, "type": "category"},
    )
    return fig


def by_indicator(frame: pd.DataFrame, value: str) -> pd.DataFrame:
    """One row per indicator (its best-covered series in each cell) instead of one per series:
    24 rows a room can read on a shared screen instead of 83 squashed ones."""
    keys = [c for c in ("indicator", "iso3", "geo_name", "year") if c in frame.columns]
    rows = frame.groupby(keys, as_index=False, sort=False)[value].max()
    return rows.assign(series=rows["indicator"])


def countries_heatmap(
    per_country: pd.DataFrame, titles: dict[str, str], lang: str = "en", codes_only: bool = False
) -> go.Figure:
    """Series x countries, coloured by the number of years with data."""
    frame = per_country.assign(row=_labels(per_country))
    matrix = frame.pivot_table(
        index="row", columns="iso3", values="years", aggfunc="sum", fill_value=0, sort=False
    )
    names = dict(zip(per_country["iso3"], per_country["geo_name"], strict=True))
    matrix = matrix[sorted(matrix.columns, key=lambda g: names[g])]  # countries A to Z
    return _heatmap(matrix, titles, gettext(lang, "years with data"), names, lang, codes_only)


def years_heatmap(
    per_year: pd.DataFrame, titles: dict[str, str], lang: str = "en", codes_only: bool = False
) -> go.Figure:
    """Series x years, coloured by the number of countries with data."""
    frame = per_year.assign(row=_labels(per_year))
    matrix = frame.pivot_table(
        index="row", columns="year", values="countries", aggfunc="sum", fill_value=0, sort=False
    )
    what = gettext(lang, "countries with data")
    return _heatmap(matrix.sort_index(axis=1), titles, what, lang=lang, codes_only=codes_only)
