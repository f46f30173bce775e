"""Progress statuses in words, colours and a countries x series grid (pure: frames in, figures
and frames out; ``lang`` for the words)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from sdg16.core.formatting import number
from sdg16.core.i18n import N_, gettext

# Open SDG's status names and gauge colours, in Okabe-Ito shades (colour-blind safe), and a shape
# per status so the meaning does not rest on colour (DejaVu has these glyphs; emoji fonts are often
# missing on office machines). MARK: Streamlit's colour for the shape where Markdown is rendered.
STATUS = {
    "target_achieved": (N_("Target achieved"), "#0072B2", "◎"),
    "substantial_progress": (N_("Substantial progress"), "#009E73", "▲"),
    "moderate_progress": (N_("Moderate progress"), "#F0E442", "△"),
    "limited_progress": (N_("Limited progress"), "#E69F00", "▽"),
    "deterioration": (N_("Deterioration"), "#D55E00", "▼"),
    "not_available": (N_("Not available"), "#d9d9d9", "○"),
}
API_STATUS = {
    "target_achieved": (N_("Target achieved"), "#0072B2", "◎"),
    "on_track": (N_("On track for 2030"), "#009E73", "▲"),
    "needs_acceleration": (N_("Needs acceleration"), "#E69F00", "△"),
    "regressing": (N_("Regressing"), "#D55E00", "▼"),
    "not_available": (N_("Not available"), "#d9d9d9", "○"),
}
MARK = {
    "target_achieved": "blue",
    "substantial_progress": "green",
    "on_track": "green",
    "moderate_progress": "yellow",
    "limited_progress": "orange",
    "needs_acceleration": "orange",
    "deterioration": "red",
    "regressing": "red",
    "not_available": "gray",
}
NOTES = {
    "no_data": N_("no data"),
    "no_data_since_base_year": N_("no value in or after the base year"),
    "one_observation": N_("only one value since the base year"),
    "no_direction": N_("no desired direction"),
    "not_assessed": N_("not assessed: no trend to judge for this series"),
    "duplicate_years": N_("two values for one year"),
    "base_value_zero": N_("base value 0 replaced by 0.001"),
    "target_zero": N_("target 0 replaced by 0.001"),
    "sign_change": N_("values change sign: no growth rate"),
    "negative_values": N_("negative values: direction flipped"),
    "target_sign_differs": N_("target and base value of opposite signs"),
    "required_growth_zero": N_("base value equals the target"),
    "limit_scaled": N_("thresholds reduced near the natural limit"),
    "no_numeric_target": N_("no numeric target"),
    "base_is_target": N_("base value equals the target"),
}


def status_label(status: str, lang: str, anticipated: bool = False) -> str:
    table = API_STATUS if anticipated else STATUS
    return gettext(lang, table.get(status, STATUS["not_available"])[0])


def badge_text(status: str, lang: str, anticipated: bool = False) -> str:
    table = API_STATUS if anticipated else STATUS
    return (
        f"{table.get(status, STATUS['not_available'])[2]} {status_label(status, lang, anticipated)}"
    )


def badge_markdown(status: str, lang: str, anticipated: bool = False) -> str:
    """The badge with its shape in colour, for labels and text Streamlit renders as Markdown."""
    table = API_STATUS if anticipated else STATUS
    key = status if status in table else "not_available"
    label = status_label(key, lang, anticipated)
    return f":{MARK[key]}[{table[key][2]}] {label}"


def notes_text(notes: str, lang: str) -> str:
    return "; ".join(gettext(lang, NOTES.get(n, n)) for n in notes.split(";") if n)


def growth_text(row: pd.Series | dict, lang: str) -> str:
    """The figure behind the status: signed growth a year (method 1) or the growth ratio."""
    value = row["progress_value"]
    if value is None or pd.isna(value):
        return "–"
    if int(row["method"]) == 1:
        return gettext(lang, "{value} % a year (in the desired direction)").format(
            value=number(100 * float(value), lang, digits=2)
        )
    return gettext(lang, "{value} × the growth needed").format(
        value=number(float(value), lang, digits=2)
    )


HEADERS = {
    "geo_name": N_("Country"),
    "indicator": N_("Indicator"),
    "title": N_("Series"),
    "status": N_("Status"),
    "base_year": N_("Base year"),
    "base_value": N_("Base value"),
    "current_year": N_("Current year"),
    "current_value": N_("Current value"),
    "target": N_("Target"),
    "growth": N_("Growth figure"),
    "api_predicted": N_("Predicted for 2030 (ESCAP)"),
    "notes": N_("Notes"),
}


def table(frame: pd.DataFrame, titles: dict[str, str], lang: str, api: bool) -> pd.DataFrame:
    """One row per (country, series) with the numbers behind each status: the table view."""
    status_col = "api_status" if api else "status"
    columns = {
        "geo_name": frame["geo_name"],
        "indicator": frame["indicator"],
        "title": [titles.get(c, c) for c in frame["series"]],
        "status": [status_label(s, lang, api) for s in frame[status_col]],
        "base_year": frame["base_year"],
        "base_value": frame["base_value"],
        "current_year": frame["current_year"],
        "current_value": frame["current_value"],
        "target": frame["target"],
        "growth": [growth_text(r, lang) for r in frame.to_dict("records")],
        "api_predicted": frame["api_predicted"],
        "notes": [notes_text(n, lang) for n in frame["api_note" if api else "notes"]],
    }
    out = pd.DataFrame({gettext(lang, HEADERS[k]): v for k, v in columns.items()})
    return out.assign(series=frame["series"].to_numpy(), geo=frame["geo"].to_numpy())


def grid(frame: pd.DataFrame, titles: dict[str, str], lang: str, api: bool) -> go.Figure:
    """Countries (columns) x series (rows), each cell coloured by its status."""
    table_ = API_STATUS if api else STATUS
    order = list(table_)
    col = "api_status" if api else "status"
    rows = list(dict.fromkeys(frame["series"]))
    cols = list(dict.fromkeys(frame["geo_name"]))
    cell = frame.set_index(["series", "geo_name"])
    z, text = [], []
    for s in rows:
        z.append([order.index(cell.loc[(s, g), col]) for g in cols])
        text.append([status_label(cell.loc[(s, g), col], lang, api) for g in cols])
    n = len(order)
    scale = []
    for i, key in enumerate(order):  # one flat band per status
        scale += [[i / n, table_[key][1]], [(i + 1) / n, table_[key][1]]]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=cols,
            y=[f"{titles.get(s, s)[:48]} · {s}" for s in rows],
            text=text,
            zmin=-0.5,
            zmax=n - 0.5,
            colorscale=scale,
            showscale=False,
            hovertemplate="<b>%{x}</b><br>%{y}<br>%{text}<extra></extra>",
            xgap=1,
            ygap=1,
        )
    )
    fig.update_layout(
        height=max(260, 120 + 18 * len(rows)),
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        yaxis={"autorange": "reversed", "tickfont": {"size": 10}, "dtick": 1},
        xaxis={"side": "top", "tickfont": {"size": 10}, "type": "category", "tickangle": -45},
    )
    return fig


def legend(lang: str, api: bool) -> str:
    """The colour key as text (the grid has no colour bar)."""
    table_ = API_STATUS if api else STATUS
    return " · ".join(badge_markdown(k, lang, api) for k in table_)
