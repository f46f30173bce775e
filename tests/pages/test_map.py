"""AppTest of the map page: real values for the chosen year, caption, gaps, link state, export."""

from __future__ import annotations

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

from sdg16.queries.db import ReadOnlyDatabase
from sdg16.services import geo
from testkit.apptest import open_app
from testkit.downloads import capture, csv_of


def figure(at: AppTest) -> dict:
    return json.loads(at.get("plotly_chart")[0].proto.spec)


def traces(at: AppTest) -> tuple[dict, dict]:
    no_data, shown = figure(at)["data"]
    return no_data, shown


def homicide_2019(db: ReadOnlyDatabase) -> dict[str, float]:
    """Both-sexes homicide rates of countries (not regions) in 2019, straight from the store."""
    found = db.query(
        "SELECT o.geo_id, o.value FROM observation o JOIN geo g USING (geo_id)"
        " WHERE o.series_code = 'VC_IHR_PSRC' AND o.year = 2019 AND o.sex = 'BOTHSEX'"
        " AND g.kind = 'country'"
    )
    return dict(zip(found["geo_id"], found["value"], strict=True))


def test_homicide_2019_fills_every_country_with_data(store_path: Path, db: ReadOnlyDatabase):
    at = open_app("map", series="VC_IHR_PSRC", year="2019")
    assert not at.exception
    no_data, shown = traces(at)
    expected = homicide_2019(db)
    assert len(expected) == 135
    drawn = set(geo.country_shapes()["geo_id"])
    assert dict(zip(shown["locations"], shown["z"], strict=True)) == expected
    assert shown["locations"] and "MEX" in shown["locations"] and "FRA" in shown["locations"]
    # Grey: every other country on the map, and nothing twice.
    assert set(no_data["locations"]) == drawn - set(expected)
    assert not any(g.startswith("UN") for g in shown["locations"] + no_data["locations"])
    assert shown["colorbar"]["title"]["text"] == "per 100,000 population"
    captions = [c.value for c in at.caption]
    assert any(
        c.startswith("Homicide rate (per 100,000 population), 2019: 135 countries.")
        and "Source: UN Statistics Division, SDG Global Database; UNODC" in c
        and f"Grey: no data ({len(no_data['locations'])} countries)" in c
        for c in captions
    )
    # Countries with data but no shape at this scale are named, not silently lost.
    assert any("Too small to draw" in c and "Vatican City" in c for c in captions)
    assert at.expander[0].label == f"No data for 2019: {len(no_data['locations'])} countries"


def test_download_holds_exactly_the_countries_on_the_map(store_path: Path) -> None:
    with capture() as files:
        at = open_app("map", series="VC_IHR_PSRC", year="2019")
    rows = csv_of(at.download_button[0], files)
    assert list(rows.columns) == [
        *("series", "iso3", "geo_name", "year", "value", "unit", "nature", "source")
    ]
    _, shown = traces(at)
    mapped = dict(zip(shown["locations"], shown["z"], strict=True))
    assert {r.iso3: float(r.value) for r in rows.itertuples()} == mapped
    assert set(rows["year"]) == {"2019"} and set(rows["series"]) == {"VC_IHR_PSRC"}
    # The table under the map is the same rows.
    table = at.dataframe[0].value
    assert list(table["iso3"]) == list(rows["iso3"])
    assert len(rows) == 135


def test_year_change_is_in_the_link_and_the_link_reopens_it(store_path: Path) -> None:
    at = open_app("map", series="VC_IHR_PSRC", year="2019")
    at.select_slider[0].set_value(2010).run()
    assert at.query_params["year"] == ["2010"] or at.query_params["year"] == "2010"
    first = traces(at)[1]
    again = open_app(
        "map", **{k: v[0] if isinstance(v, list) else v for k, v in at.query_params.items()}
    )
    assert again.select_slider[0].value == 2010
    assert traces(again)[1]["locations"] == first["locations"]
    assert any(
        c.value.startswith("Homicide rate (per 100,000 population), 2010") for c in again.caption
    )


def test_series_and_region_choices_go_into_the_link(store_path: Path, db) -> None:
    at = open_app("map", series="VC_IHR_PSRC", year="2019")
    at.selectbox[0].select("VC_PRS_UNSNT").run()
    at.selectbox[1].select("un-northern-africa").run()
    params = dict(at.query_params)
    assert params["series"] == "VC_PRS_UNSNT" and params["region"] == "un-northern-africa"
    no_data, shown = traces(at)
    members = set(
        db.query("SELECT geo_id FROM geo WHERE un_subregion = 'Northern Africa'")["geo_id"]
    )
    assert set(shown["locations"]) | set(no_data["locations"]) <= members
    assert shown["locations"]


def test_bad_values_in_the_link_give_notices_not_errors(store_path: Path) -> None:
    at = open_app("map", series="NOT_A_SERIES", year="abc", colour="red")
    assert not at.exception
    captions = " ".join(c.value for c in at.caption)
    assert "Ignored unknown series 'NOT_A_SERIES'" in captions
    assert "Ignored year='abc'" in captions and "'colour'" in captions
    assert traces(at)[1]["locations"], "falls back to the default series, latest year"


def test_a_year_without_data_falls_back_to_the_latest_with_a_notice(store_path: Path) -> None:
    at = open_app("map", series="VC_IHR_PSRC", year="1995")
    assert not at.exception
    # The fallback is the latest year with wide coverage (2021 has only a few countries yet).
    notice = next(c.value for c in at.caption if "No country data for 1995" in c.value)
    assert "showing 2019, the latest year with wide coverage" in notice
    assert at.select_slider[0].value == 2019


def test_play_steps_to_the_next_year_then_stops_at_the_last(store_path: Path) -> None:
    at = open_app("map", series="VC_IHR_PSRC", year="2020")
    at.toggle[0].set_value(True).run()
    assert not at.exception
    assert at.query_params["year"] in ("2021", ["2021"])
    assert at.toggle[0].value is False, "play stops by itself at the last year"


def test_map_figure_stays_small(store_path: Path) -> None:
    # The borders travel with every rerun (and every play step): keep them a few hundred KB.
    spec = open_app("map", series="VC_IHR_PSRC", year="2019").get("plotly_chart")[0].proto.spec
    assert len(spec) < 600_000
