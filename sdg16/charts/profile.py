"""The country profile table as people read it: values with units, change, rank in words."""

from __future__ import annotations

import pandas as pd

from sdg16.core.formatting import number, with_unit

DIRECTION_MARKS = {
    "improving": "▲ improving",
    "worsening": "▼ worsening",
    "no change": "= no change",
    "no direction": "↕ no direction",
    "single value": "· single value",
}
TABLE_COLUMNS = [
    "Indicator",
    "Series",
    "Title",
    "Latest",
    "Year",
    "Change",
    "Direction",
    "Rank in region",
    "Trend",
]


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def rank_text(rank: object, peers: object, higher_is_better: bool | None) -> str:
    """``3rd of 17`` (1st = best); ``3rd highest of 17`` when no direction is better."""
    if pd.isna(rank) or pd.isna(peers):
        return "not ranked"
    if int(peers) == 1:
        return "only one with data"
    if higher_is_better is not None:
        return f"{ordinal(int(rank))} of {int(peers)}"
    place = "highest" if int(rank) == 1 else f"{ordinal(int(rank))} highest"
    return f"{place} of {int(peers)}"


def change_text(row: pd.Series, locale: str = "en") -> str:
    if pd.isna(row["previous_value"]):
        return ""
    change = row["latest_value"] - row["previous_value"]
    sign = "+" if change > 0 else ""
    return f"{sign}{number(change, locale)} since {int(row['previous_year'])}"


def table(
    profile: pd.DataFrame, higher: dict[str, bool | None], locale: str = "en"
) -> pd.DataFrame:
    """One row per series, the columns the page shows and the download holds.

    ``higher`` maps series code to its catalog ``higher_is_better``. ``Trend`` is the list of
    values, oldest first (a sparkline on screen).
    """
    if profile.empty:
        return pd.DataFrame(columns=TABLE_COLUMNS)
    return pd.DataFrame(
        {
            "Indicator": profile["indicator"],
            "Series": profile["series"],
            "Title": profile["title"],
            "Latest": [
                with_unit(v, u, locale, short=True)
                for v, u in zip(profile["latest_value"], profile["unit"], strict=True)
            ],
            "Year": profile["latest_year"].astype(int),
            "Change": [change_text(r, locale) for _, r in profile.iterrows()],
            "Direction": profile["direction"].map(DIRECTION_MARKS),
            "Rank in region": [
                rank_text(r.rank, r.peers, higher.get(r.series))
                for r in profile.itertuples(index=False)
            ],
            "Trend": profile["trend"],
        }
    )[TABLE_COLUMNS].reset_index(drop=True)


def export(shown: pd.DataFrame, profile: pd.DataFrame) -> pd.DataFrame:
    """The download: the rows and columns on screen, the sparkline written out as year: value."""
    trend = [
        "; ".join(f"{y}: {v:g}" for y, v in zip(years, values, strict=True))
        for years, values in zip(profile["trend_years"], profile["trend"], strict=True)
    ]
    return shown.assign(Trend=trend)
