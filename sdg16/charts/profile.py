"""The country profile table as people read it: values with units, change, rank in words."""

from __future__ import annotations

import re

import pandas as pd

from sdg16.core.formatting import number, with_unit
from sdg16.core.i18n import N_, gettext

DIRECTION_MARKS = {
    "improving": N_("▲ improving"),
    "worsening": N_("▼ worsening"),
    "no change": N_("= no change"),
    "no direction": N_("↕ no direction"),
    "single value": N_("· single value"),
}
# Series titles that share a long prefix (eight trafficking series) are told apart in a narrow
# column only by what follows it: put that part first.
_TRAFFICKING = re.compile(r"^Detected victims of human trafficking(?: for (.+?))?, by age and sex")
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


def short_title(title: str) -> str:
    """``Detected victims of human trafficking for removal of organ, by age and sex (number)``
    -> ``Trafficking victims: removal of organ (number)``; other titles unchanged."""
    found = _TRAFFICKING.match(title)
    if not found:
        return title
    what = found.group(1) or "all forms"
    return f"Trafficking victims: {what}{title[found.end() :]}"


def ordinal(n: int, lang: str = "en") -> str:
    if lang != "en":  # "3.º" / "3e": a number with the language's own ordinal mark
        return gettext(lang, "{n}th").format(n=n)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def rank_text(rank: object, peers: object, higher_is_better: bool | None, lang: str = "en") -> str:
    """``3rd of 17`` (1st = best); ``3rd highest of 17`` when no direction is better."""
    if pd.isna(rank) or pd.isna(peers):
        return gettext(lang, "not ranked")
    if int(peers) == 1:
        return gettext(lang, "only one with data")
    if higher_is_better is not None:
        return gettext(lang, "{rank} of {n}").format(rank=ordinal(int(rank), lang), n=int(peers))
    if int(rank) == 1:
        return gettext(lang, "highest of {n}").format(n=int(peers))
    return gettext(lang, "{rank} highest of {n}").format(
        rank=ordinal(int(rank), lang), n=int(peers)
    )


def change_text(row: pd.Series, locale: str = "en") -> str:
    if pd.isna(row["previous_value"]):
        return ""
    change = row["latest_value"] - row["previous_value"]
    sign = "+" if change > 0 else ""
    return gettext(locale, "{change} since {year}").format(
        change=f"{sign}{number(change, locale)}", year=int(row["previous_year"])
    )


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
            "Title": [gettext(locale, short_title(t)) for t in profile["title"]],
            "Latest": [
                with_unit(v, u, locale, short=True)
                for v, u in zip(profile["latest_value"], profile["unit"], strict=True)
            ],
            "Year": profile["latest_year"].astype(int),
            "Change": [change_text(r, locale) for _, r in profile.iterrows()],
            "Direction": [gettext(locale, DIRECTION_MARKS[d]) for d in profile["direction"]],
            "Rank in region": [
                rank_text(r.rank, r.peers, higher.get(r.series), locale)
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
