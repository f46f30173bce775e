"""The bundle loader against the real files, and against broken copies of them."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from loaders.base import LoadError
from loaders.bundle import UN_SERIES, WGI, BundleSource
from testkit import stores
from testkit.paths import BUNDLE


@pytest.fixture(scope="module")
def batch():
    return stores.bundle_batch()  # the session store's parse: the bundle is read once


def test_every_row_of_both_observation_files_is_loaded(batch) -> None:
    counts = batch.observations.groupby("source").size().to_dict()
    assert counts == {"unsd-bundle": 100_158, "wgi-bundle": 25_021}
    assert batch.series["series_code"].nunique() == 83


def test_values_are_kept_exactly_as_written(batch) -> None:
    with (BUNDLE / WGI).open(encoding="utf-8") as fh:
        row = next(r for r in csv.DictReader(fh) if r["iso3"] == "AFG" and r["year"] == "1996")
    got = batch.observations.query(
        "series_code == @row['indicator_code'] and geo_id == 'AFG' and year == 1996"
    )
    assert got["value_text"].tolist() == [row["value"]]
    assert got["value"].iloc[0] == pytest.approx(float(row["value"]))


def test_country_names_are_names_not_abbreviations(batch) -> None:
    # The bundle's CLDR column says "US" and "UK"; the pages (the overview picked from an en-US
    # browser) showed "US" as the country's name.
    geo = batch.geo.set_index("geo_id")
    assert geo.loc["USA", "name"] == "United States"
    assert geo.loc["GBR", "name"] == "United Kingdom"
    countries = batch.geo[batch.geo["kind"] == "country"]
    assert not countries["name"].str.fullmatch(r"[A-Z]{2,3}").any()


def test_regional_aggregates_are_kept_apart_from_countries(batch) -> None:
    geo = batch.geo.set_index("geo_id")
    assert geo.loc["UN001", "kind"] == "aggregate"  # World
    assert geo.loc["UN419", "kind"] == "aggregate"  # Latin America and the Caribbean
    assert geo.loc["UN827", "kind"] == "subnational"  # England and Wales
    assert geo.loc["EGY", "kind"] == "country"
    assert geo.loc["XKX", "name"] == "Kosovo"  # not in ISO 3166, used by both sources
    assert geo.loc["EGY", ["wb_region", "income_group"]].tolist() == [
        "Middle East & North Africa",
        "Lower middle income",
    ]
    countries = batch.observations.merge(batch.geo, on="geo_id").query("kind == 'country'")
    # SOURCES.md counts 89,581 country rows by ISO M49; Kosovo (M49 412, 280 rows) is one more.
    assert countries.query("source == 'unsd-bundle'").shape[0] == 89_581 + 280


def _rewrite(path: Path, edit) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(edit(lines)), encoding="utf-8")


def _error(bundle: Path) -> str:
    with pytest.raises(LoadError) as caught:
        BundleSource(bundle).fetch()
    return str(caught.value)


def test_missing_file_is_named(bundle_copy: Path) -> None:
    (bundle_copy / WGI).unlink()
    assert "wb_wgi_estimates_long.csv: file not found" in _error(bundle_copy)


def test_empty_file_is_named(bundle_copy: Path) -> None:
    (bundle_copy / UN_SERIES).write_text("")
    assert "un_sdg_goal16_series.csv: file is empty" in _error(bundle_copy)


def test_renamed_column_is_named(bundle_copy: Path) -> None:
    _rewrite(bundle_copy / WGI, lambda ls: [ls[0].replace(",value", ",val"), *ls[1:]])
    message = _error(bundle_copy)
    assert "wb_wgi_estimates_long.csv, row 1, field 'value': required column is missing" in message


def test_non_numeric_value_names_row_and_field(bundle_copy: Path) -> None:
    def edit(lines):
        lines[3] = lines[3].replace(",12357,", ",12 357 (est.),")  # line 4 of the file
        return lines

    _rewrite(bundle_copy / UN_SERIES, edit)
    message = _error(bundle_copy)
    assert "un_sdg_goal16_series.csv, row 4, field 'value': not a number" in message
    assert "'12 357 (est.)'" in message


def test_unknown_country_code_names_row_and_field(bundle_copy: Path) -> None:
    _rewrite(bundle_copy / WGI, lambda ls: [ls[0], ls[1].replace("ABW,", "ZZZ,", 1), *ls[2:]])
    message = _error(bundle_copy)
    assert "wb_wgi_estimates_long.csv, row 2, field 'iso3': unknown country code" in message


def test_unknown_m49_code_names_row_and_field(bundle_copy: Path) -> None:
    _rewrite(bundle_copy / UN_SERIES, lambda ls: [ls[0], ls[1].replace(",484,", ",9999,"), *ls[2:]])
    assert "row 2, field 'geo_area_code': unknown country or area code" in _error(bundle_copy)


def test_header_only_file_is_an_error(bundle_copy: Path) -> None:
    _rewrite(bundle_copy / WGI, lambda ls: ls[:1])
    assert "header but no data rows" in _error(bundle_copy)
