"""Indicator views composed from query frames: what the map and coverage pages show beside the
chart (gaps, tables, downloads), so pages only draw and tests can check the numbers directly."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from sdg16.core.catalog import Catalog
from sdg16.queries.indicators import EXPORT_COLUMNS

COUNTRY_COLUMNS = ["indicator", "series", "iso3", "geo_name", "years", "first_year", "last_year"]
YEAR_COLUMNS = ["indicator", "series", "year", "countries"]


def export_rows(values: pd.DataFrame) -> pd.DataFrame:
    """The download of a view: its rows, with each value exactly as the source wrote it."""
    return values.assign(value=values["value_text"])[EXPORT_COLUMNS].reset_index(drop=True)


@dataclass(frozen=True)
class MapView:
    names: dict[str, str]  # geo_id -> name, every geography
    drawn: frozenset[str]  # geographies drawn in scope (the region's, or all)
    no_data: list[str]  # drawn geographies in scope without a value, ordered by name
    not_drawn: pd.DataFrame  # values of geographies too small to draw at this scale
    rows: pd.DataFrame  # the download: exactly the values on the map


def map_view(
    values: pd.DataFrame,
    shapes: pd.DataFrame,
    geographies: pd.DataFrame,
    members: tuple[str, ...] | None,
) -> MapView:
    """What surrounds the choropleth of ``values``: gaps in scope, values not drawn, the CSV."""
    names = dict(zip(geographies["geo_id"], geographies["name"], strict=True))
    in_scope = shapes if members is None else shapes[shapes["geo_id"].isin(members)]
    drawn = set(in_scope["geo_id"])
    no_data = sorted(drawn - set(values["iso3"]), key=lambda g: names.get(g, g))
    not_drawn = values[~values["iso3"].isin(drawn)]
    return MapView(names, frozenset(drawn), no_data, not_drawn, export_rows(values))


@dataclass(frozen=True)
class Coverage:
    per_country: pd.DataFrame  # COUNTRY_COLUMNS
    per_year: pd.DataFrame  # YEAR_COLUMNS
    series: int  # series with any data
    countries: int  # countries with any data
    empty: list[str]  # names of the region's countries with no data at all, sorted


def coverage(
    found: pd.DataFrame,
    catalog: Catalog,
    geographies: pd.DataFrame,
    members: tuple[str, ...] | None,
) -> Coverage:
    """The coverage tables of ``found`` (``queries.coverage.cells``) and the region's gaps."""
    per_country = by_country(found, catalog)
    empty: list[str] = []
    if members is not None:
        names = dict(zip(geographies["geo_id"], geographies["name"], strict=True))
        empty = sorted(names[g] for g in set(members) - set(found["iso3"]))
    return Coverage(
        per_country,
        by_year(found, catalog),
        per_country["series"].nunique(),
        found["iso3"].nunique(),
        empty,
    )


def _catalog_order(frame: pd.DataFrame, catalog: Catalog) -> pd.DataFrame:
    order = {s.code: i for i, s in enumerate(catalog.all_series())}
    indicator = {s.code: i.code for i in catalog.indicators for s in i.series}
    frame = frame.assign(indicator=frame["series"].map(indicator))
    return frame.sort_values(
        ["series", "iso3" if "iso3" in frame else "year"],
        key=lambda col: col.map(order) if col.name == "series" else col,
    ).reset_index(drop=True)


def by_country(found: pd.DataFrame, catalog: Catalog) -> pd.DataFrame:
    """Per series and country: number of years with data, first and last year."""
    grouped = (
        found.groupby(["series", "iso3", "geo_name"])["year"]
        .agg(years="nunique", first_year="min", last_year="max")
        .reset_index()
    )
    return _catalog_order(grouped, catalog)[COUNTRY_COLUMNS]


def by_year(found: pd.DataFrame, catalog: Catalog) -> pd.DataFrame:
    """Per series and year: number of countries with data."""
    grouped = found.groupby(["series", "year"])["iso3"].nunique().reset_index(name="countries")
    return _catalog_order(grouped, catalog)[YEAR_COLUMNS]


def wide_year(counts: pd.DataFrame, share: float = 0.8) -> int | None:
    """The latest year in which at least ``share`` of the best-covered year's countries have a
    value (``year_counts`` frame): a map that opens mostly coloured, not mostly grey, because
    the newest year has only the first few reporters."""
    if counts.empty:
        return None
    wide = counts[counts["countries"] >= share * counts["countries"].max()]
    return int(wide["year"].max())
