"""AppTest of the Table page: the rows on screen, downloads holding exactly those rows, the
"About" sheet, links that reopen the same table, and countries kept apart from aggregates."""

from __future__ import annotations

import io
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pandas as pd
import pyarrow.parquet as pq
import pytest

from sdg16.core import catalog
from sdg16.core.filters import Filter
from sdg16.queries import meta
from sdg16.queries.db import ReadOnlyDatabase
from sdg16.queries.indicators import observations
from testkit.apptest import open_app
from testkit.explorer import captured_downloads, widget

VIEW = {"series": "VC_IHR_PSRC", "geo": "MEX,HND,SLV,UN419", "sex": "FEMALE", "from": "2010"}


def _open_with_downloads(page: str, **params: str):
    with captured_downloads() as files:
        at = open_app(page, **params)
    assert not at.exception
    return at, {name.rsplit(".", 1)[1]: data for name, data in files.items()}


def _downloaded(files: dict[str, bytes]) -> dict[str, pd.DataFrame]:
    return {
        "csv": pd.read_csv(io.BytesIO(files["csv"]), dtype={"value_text": str}),
        "xlsx": pd.read_excel(
            io.BytesIO(files["xlsx"]), sheet_name="Data", dtype={"value_text": str}
        ),
        "parquet": pd.read_parquet(io.BytesIO(files["parquet"])),
    }


def test_every_download_holds_exactly_the_rows_on_screen(store_path: Path) -> None:
    at, files = _open_with_downloads("table", **VIEW)
    screen = at.dataframe[0].value
    assert at.subheader[0].value == f"{len(screen):,} rows" and len(screen) > 20
    assert set(files) == {"csv", "xlsx", "parquet"}
    shown = list(zip(screen["Code"], screen["Year"], screen["Value"], strict=True))
    for fmt, rows in _downloaded(files).items():
        got = list(zip(rows["iso3"], rows["year"], rows["value"], strict=True))
        assert got == shown, f"{fmt} download differs from the screen"
        assert set(rows["sex"]) == {"FEMALE"}
        assert rows["year"].min() >= 2010


def test_downloads_carry_the_value_exactly_as_the_source_wrote_it(store_path, db) -> None:
    _, files = _open_with_downloads("table", **VIEW)
    stored = observations(
        db,
        Filter(series="VC_IHR_PSRC", geo=("MEX", "HND", "SLV", "UN419"), year_from=2010).with_dims(
            {"sex": "FEMALE"}
        ),
        catalog.get(),
    )
    for fmt, rows in _downloaded(files).items():
        assert rows["value_text"].tolist() == stored["value_text"].tolist(), fmt


def test_excel_about_sheet_names_sources_filters_and_the_link(store_path: Path) -> None:
    _, files = _open_with_downloads("table", **VIEW)
    about = pd.read_excel(io.BytesIO(files["xlsx"]), sheet_name="About").set_index("Field")
    fields = about["Value"].to_dict()
    assert fields["Series"] == "VC_IHR_PSRC"
    assert fields["Title"] == "Homicide rate"
    assert fields["Unit"] == "per 100,000 population"
    assert "SDG Global Database" in fields["Source dataset"]
    assert "UNODC" in fields["Attribution"]
    assert "Mexico, Honduras, El Salvador, Latin America and the Caribbean" in fields["Filters"]
    assert "Sex: Female" in fields["Filters"] and "Years: 2010 to latest" in fields["Filters"]
    link = urlsplit(fields["Link to this view"])
    assert link.path.endswith("/table")
    assert dict(parse_qsl(link.query)) == VIEW  # the link reopens this very table
    meta_json = pq.read_schema(io.BytesIO(files["parquet"])).metadata[b"sdg16.about"].decode()
    assert "VC_IHR_PSRC" in meta_json and "Sex: Female" in meta_json


def test_aggregates_are_labelled_and_never_in_the_default_country_list(store_path) -> None:
    at = open_app("table", **VIEW)
    screen = at.dataframe[0].value
    types = dict(zip(screen["Code"], screen["Type"], strict=False))
    assert types["UN419"] == "aggregate" and types["MEX"] == "country"
    default = open_app("table", series="VC_IHR_PSRC")
    assert set(default.dataframe[0].value["Type"]) == {"country"}
    assert any(
        "Showing all" in i.value and "aggregates only when chosen" in i.value for i in default.info
    )


def test_region_lists_its_countries_only(store_path: Path, db: ReadOnlyDatabase) -> None:
    at = open_app("table", series="VC_PRS_UNSNT", region="wb-south-asia")
    members = set(meta.region_members(db, "wb-south-asia"))
    codes = set(at.dataframe[0].value["Code"])
    assert codes and codes <= members


def test_changing_years_updates_the_link_and_reopening_it_shows_the_same_rows(store_path) -> None:
    at = open_app("table", series="VC_IHR_PSRC", geo="MEX,HND")
    widget(at.slider, "Years").set_range(2012, 2018).run()
    params = {k: v[0] if isinstance(v, list) else v for k, v in at.query_params.items()}
    assert params == {"series": "VC_IHR_PSRC", "geo": "MEX,HND", "from": "2012", "to": "2018"}
    before = at.dataframe[0].value
    again = open_app("table", **params)
    pd.testing.assert_frame_equal(again.dataframe[0].value, before)
    assert sorted(set(before["Year"])) == list(range(2012, 2019))


@pytest.mark.parametrize("bad", [{"geo": "ZZZ"}, {"sex": "<script>"}, {"from": "1700"}])
def test_invalid_link_values_give_a_notice_and_a_table(store_path: Path, bad) -> None:
    at = open_app("table", series="VC_IHR_PSRC", **bad)
    assert not at.exception
    assert any("Ignored" in c.value for c in at.caption)
    assert len(at.dataframe[0].value) > 0


def test_trends_download_holds_exactly_the_plotted_rows(store_path: Path) -> None:
    from testkit.explorer import figure

    at, files = _open_with_downloads("trends", series="IU_COR_BRIB", geo="MEX,HND,SLV")
    traces = figure(at)["data"]
    plotted = sorted((t["name"], x, y) for t in traces for x, y in zip(t["x"], t["y"], strict=True))
    rows = _downloaded(files)["csv"]
    assert sorted(zip(rows["geo_name"], rows["year"], rows["value"], strict=True)) == plotted
