"""Headline cards: the latest value of key series for one geography, ready to render."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from sdg16.core.catalog import Catalog
from sdg16.core.formatting import dataset_label, nature_label, number, unit_label, with_unit
from sdg16.core.i18n import N_, gettext


@dataclass(frozen=True)
class Card:
    series: str
    title: str
    value: str  # "29.2 per 100,000 population", or "No data"
    year: int | None
    delta: str | None  # "-1.1 since 2019"
    # "normal": up is good, "inverse": down is good, "off": neither (as st.metric's delta_color)
    delta_color: str
    source: str
    note: str  # year, nature and unit, e.g. "2021 · country data · %"
    custodian: str = ""


def build(latest: pd.DataFrame, catalog: Catalog, codes: list[str], locale: str = "en") -> list:
    by_series = {row.series: row for row in latest.itertuples(index=False)}
    cards = []
    for code in codes:
        entry = catalog.series(code)
        title = gettext(locale, entry.title)  # catalog titles are extracted into the catalogs
        row = by_series.get(code)
        color = {True: "normal", False: "inverse", None: "off"}[entry.higher_is_better]
        if row is None:
            cards.append(
                Card(code, title, gettext(locale, N_("No data")), None, None, "off", "", "")
            )
            continue
        delta = None
        if pd.notna(row.prev_value):
            change = row.value - row.prev_value
            sign = "+" if change > 0 else ""
            delta = gettext(locale, N_("{change} since {year}")).format(
                change=f"{sign}{number(change, locale)}", year=int(row.prev_year)
            )
        cards.append(
            Card(
                series=code,
                title=title,
                value=with_unit(row.value, row.unit, locale, short=True),
                year=int(row.year),
                delta=delta,
                delta_color=color,
                source=dataset_label(row.source),
                note=f"{int(row.year)} · {nature_label(row.nature, locale)} · "
                f"{unit_label(row.unit, locale)}",
                custodian=catalog.indicator_of(code).custodian,
            )
        )
    return cards
