"""AppTest of the coverage page: countries only, region filter, link state, export."""

from __future__ import annotations

import json
from pathlib import Path

from sdg16.queries.db import ReadOnlyDatabase
from testkit.apptest import open_app
from testkit.downloads import capture, csv_of


def members(db: ReadOnlyDatabase, subregion: str) -> set[str]:
    found = db.query(
        "SELECT geo_id FROM geo WHERE kind = 'country' AND un_subregion = ?", [subregion]
    )
    return set(found["geo_id"])


def test_region_coverage_counts_only_the_region_countries(store_path: Path, db) -> None:
    at = open_app("coverage", region="un-northern-africa")
    assert not at.exception
    table = at.dataframe[0].value
    region = members(db, "Northern Africa")
    assert set(table["iso3"]) <= region and not any(g.startswith("UN") for g in table["iso3"])
    years = db.query(
        "SELECT count(DISTINCT year) AS n FROM observation"
        " WHERE series_code = 'VC_IHR_PSRC' AND geo_id = 'EGY' AND sex = 'BOTHSEX'"
    )["n"].iloc[0]
    egypt = table.set_index(["series", "iso3"]).loc[("VC_IHR_PSRC", "EGY")]
    assert egypt["years"] == years
    heatmap = json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]
    assert set(heatmap["x"]) == set(table["geo_name"])  # names on the axis, not ISO3 codes
    assert any(
        "No data at all for 1 country of the region: Western Sahara" in c.value for c in at.caption
    )


def test_downloads_hold_exactly_the_tables_on_screen(store_path: Path) -> None:
    with capture() as files:
        at = open_app("coverage", region="un-sub-saharan-africa", **{"from": "2010"})
    for shown, button in zip(at.dataframe, at.download_button, strict=True):
        rows = csv_of(button, files)
        frame = shown.value
        assert list(rows.columns) == list(frame.columns)
        assert rows.values.tolist() == frame.astype(str).values.tolist()
    assert at.selectbox[0].value == "un-sub-saharan-africa"
    by_year = at.dataframe[1].value
    assert by_year["year"].min() >= 2010


def test_region_and_years_go_into_the_link_and_the_link_reopens_them(store_path: Path) -> None:
    at = open_app("coverage")
    at.selectbox[0].select("un-latin-america-and-the-caribbean").run()
    at.slider[0].set_value((2005, 2015)).run()
    params = {k: v[0] if isinstance(v, list) else v for k, v in at.query_params.items()}
    assert params == {"region": "un-latin-america-and-the-caribbean", "from": "2005", "to": "2015"}
    again = open_app("coverage", **params)
    assert again.slider[0].value == (2005, 2015)
    assert again.subheader[0].value == at.subheader[0].value
    assert again.dataframe[0].value.equals(at.dataframe[0].value)


def test_unknown_region_gives_a_notice_and_all_countries(store_path: Path) -> None:
    at = open_app("coverage", region="middle-earth", to="1800")
    assert not at.exception
    captions = " ".join(c.value for c in at.caption)
    assert "Ignored unknown region 'middle-earth'" in captions and "Ignored to='1800'" in captions
    # The picker falls back to its own "All countries" choice (key "").
    assert at.selectbox[0].value == "" and at.selectbox[0].options[0] == "All countries"
    assert at.subheader[0].value.endswith("countries, 1990-2023")
