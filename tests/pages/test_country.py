"""AppTest of the country profile: stored values, direction, rank in the sub-region, export."""

from __future__ import annotations

from pathlib import Path

from sdg16.core import catalog, spreadsheet
from sdg16.queries.db import ReadOnlyDatabase
from testkit.apptest import open_app
from testkit.downloads import capture, csv_of


def headline_series_with_data(db: ReadOnlyDatabase, geo_id: str) -> set[str]:
    """Catalog series with a value at their headline disaggregation, straight from the store."""
    found = set()
    for entry in catalog.get().all_series():
        where = " AND ".join(f"{dim} = ?" for dim in entry.default) or "TRUE"
        n = db.query(
            "SELECT count(*) AS n FROM observation"
            f" WHERE geo_id = ? AND series_code = ? AND {where}",
            [geo_id, entry.code, *entry.default.values()],
        )["n"].iloc[0]
        if n:
            found.add(entry.code)
    return found


def test_profile_lists_every_series_with_data(store_path: Path, db: ReadOnlyDatabase) -> None:
    at = open_app("country", geo="EGY")
    assert not at.exception
    table = at.dataframe[0].value
    expected = headline_series_with_data(db, "EGY")
    assert set(table["Series"]) == expected and len(table) == len(expected)
    assert at.subheader[0].value == f"Egypt: {len(expected)} of 83 series have data"
    assert any("**Northern Africa** (UN sub-region)" in c.value for c in at.caption)


def test_the_sub_region_is_named_in_the_page_language(store_path: Path) -> None:
    at = open_app("country", geo="EGY", lang="es")
    assert not at.exception
    assert any("**África septentrional** (subregión" in c.value for c in at.caption)


def test_homicide_row_latest_change_direction_and_rank(store_path: Path, db) -> None:
    row = open_app("country", geo="EGY").dataframe[0].value.set_index("Series").loc["VC_IHR_PSRC"]
    # The bundle: Egypt 1.54 in 2016, 1.34 in 2017 per 100,000; lower is better.
    assert (row["Latest"], row["Year"]) == ("1.34 per 100k", 2017)
    assert row["Change"] == "-0.2 since 2016" and row["Direction"] == "▲ improving"
    assert list(row["Trend"])[-2:] == [1.54, 1.34]
    peers = db.query(
        "SELECT o.geo_id, o.value FROM observation o JOIN geo g USING (geo_id)"
        " WHERE g.un_subregion = 'Northern Africa' AND g.kind = 'country'"
        " AND o.series_code = 'VC_IHR_PSRC' AND o.sex = 'BOTHSEX' AND o.year = 2017"
    )
    better = (peers["value"] < 1.34).sum()
    assert row["Rank in region"] == f"{['1st', '2nd', '3rd'][better]} of {len(peers)}"


def test_download_holds_exactly_the_rows_on_screen(store_path: Path) -> None:
    with capture() as files:
        at = open_app("country", geo="PAK")
    shown = at.dataframe[0].value
    rows = csv_of(at.download_button[0], files)
    assert list(rows.columns) == list(shown.columns)
    assert list(rows["Series"]) == list(shown["Series"])
    for col in ("Indicator", "Title", "Latest", "Change", "Direction", "Rank in region"):
        # "+0.24 since 2020" is a formula to a spreadsheet: the CSV holds "'+0.24 since 2020".
        expected = [spreadsheet.neutralise(v) for v in shown[col].fillna("")]
        assert list(rows[col]) == expected, col
    assert list(rows["Year"]) == [str(y) for y in shown["Year"]]
    first = rows.iloc[0]["Trend"].split("; ")
    assert len(first) == len(shown.iloc[0]["Trend"])


def test_choosing_a_country_updates_the_link_and_the_link_reopens_it(store_path: Path) -> None:
    at = open_app("country", geo="EGY")
    at.selectbox[0].select("MEX").run()
    assert at.query_params["geo"] in ("MEX", ["MEX"])
    again = open_app("country", geo="MEX")
    assert again.subheader[0].value == at.subheader[0].value
    assert again.subheader[0].value.startswith("Mexico: ")
    assert list(again.dataframe[0].value["Latest"]) == list(at.dataframe[0].value["Latest"])


def test_a_region_is_not_a_country(store_path: Path) -> None:
    at = open_app("country", geo="UN002")
    assert not at.exception
    assert any("UN002: Africa is a region, not a country" in c.value for c in at.caption)
    assert len(at.dataframe) == 0 and at.selectbox[0].value is None
    assert "UN002" not in at.selectbox[0].options


def test_unknown_country_in_the_link_gives_a_notice(store_path: Path) -> None:
    at = open_app("country", geo="ATLANTIS")
    assert not at.exception
    assert any("Ignored unknown geo 'ATLANTIS'" in c.value for c in at.caption)
    assert [i.value for i in at.info] == ["Choose a country to see its SDG 16 indicators."]
