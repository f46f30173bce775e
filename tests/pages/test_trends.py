"""AppTest of the Trends page: lines from the store, links that reopen the same view, bad links
that give notices, the line cap, the region band and countries kept apart from aggregates."""

from __future__ import annotations

from pathlib import Path

import pytest

from sdg16.charts.trends import MAX_LINES
from sdg16.core import catalog
from sdg16.core.filters import Filter
from sdg16.queries import explorer, meta
from sdg16.queries.db import ReadOnlyDatabase
from sdg16.queries.indicators import observations
from testkit.apptest import open_app
from testkit.explorer import figure, line_names, widget

LATAM = "un-latin-america-and-the-caribbean"


def test_three_countries_give_three_lines_with_the_stored_values(
    store_path: Path, db: ReadOnlyDatabase
) -> None:
    at = open_app("trends", series="VC_IHR_PSRC", geo="MEX,HND,SLV")
    assert not at.exception
    assert line_names(at) == ["Mexico", "Honduras", "El Salvador"]
    stored = observations(db, Filter(series="VC_IHR_PSRC", geo=("MEX",)), catalog.get())
    mexico = next(t for t in figure(at)["data"] if t["name"] == "Mexico")
    assert mexico["x"] == stored["year"].tolist()
    assert mexico["y"] == stored["value"].tolist()
    assert "per 100,000 population" in mexico["customdata"][0][0]  # hover: value and unit


def test_changing_a_filter_updates_the_link_and_the_link_reopens_the_view(store_path) -> None:
    at = open_app("trends", series="VC_IHR_PSRC", geo="MEX,HND")
    widget(at.selectbox, "Sex").select("FEMALE").run()
    widget(at.multiselect, "Countries").select("SLV").run()
    widget(at.slider, "Years").set_range(2005, 2015).run()
    params = dict(at.query_params)
    flat = {k: v[0] if isinstance(v, list) else v for k, v in params.items()}
    assert flat == {
        "series": "VC_IHR_PSRC",
        "geo": "MEX,HND,SLV",
        "sex": "FEMALE",
        "from": "2005",
        "to": "2015",
    }
    before = figure(at)["data"]
    again = open_app("trends", **flat)
    assert not again.exception
    assert figure(again)["data"] == before
    assert all(2005 <= x <= 2015 for t in before for x in t["x"])


def test_invalid_link_values_are_dropped_with_a_notice(store_path: Path) -> None:
    at = open_app(
        "trends", series="VC_IHR_PSRC", geo="MEX,ATLANTIS", sex="ROBOT", age="ALLAGE", to="20x1"
    )
    assert not at.exception
    notes = " ".join(c.value for c in at.caption)
    assert "Ignored unknown geo 'ATLANTIS'" in notes
    assert "Ignored unknown sex 'ROBOT'" in notes
    assert "age='ALLAGE'" in notes and "no such breakdown" in notes  # valid elsewhere, not here
    assert "Ignored to='20x1'" in notes
    assert line_names(at) == ["Mexico"]
    assert "age" not in at.query_params and "sex" not in at.query_params


def test_unknown_series_falls_back_with_a_notice(store_path: Path) -> None:
    at = open_app("trends", series="NOT_A_SERIES", geo="MEX")
    assert not at.exception
    assert any("Ignored unknown series" in c.value for c in at.caption)
    assert line_names(at) == ["Mexico"]


def test_too_many_lines_are_capped_with_a_message(store_path: Path, db) -> None:
    geos = explorer.default_countries(
        explorer.series_geographies(db, Filter(series="VC_IHR_PSRC"), catalog.get()), None, 15
    )
    at = open_app("trends", series="VC_IHR_PSRC", geo=",".join(geos))
    assert not at.exception
    assert len(line_names(at)) == MAX_LINES
    assert any(f"the chart shows the first {MAX_LINES}" in w.value for w in at.warning)


def test_without_geo_a_named_default_is_shown_and_not_forced_into_the_link(store_path, db) -> None:
    at = open_app("trends", series="VC_IHR_PSRC")
    assert not at.exception
    assert any("Showing 5 countries from different regions" in i.value for i in at.info)
    names = line_names(at)
    assert len(names) == 5
    # Not five neighbours in the alphabet: the default spans the world's regions.
    regions = db.query(
        "SELECT count(DISTINCT un_region) FROM geo WHERE name IN (SELECT unnest(?))",
        [names],
    ).iloc[0, 0]
    assert regions >= 4, names
    assert "geo" not in at.query_params


def test_region_band_is_the_median_of_the_regions_countries(store_path, db) -> None:
    at = open_app("trends", series="VC_IHR_PSRC", region=LATAM, geo="MEX")
    assert not at.exception
    median = next(t for t in figure(at)["data"] if t["name"].endswith("median of countries"))
    members = meta.region_members(db, LATAM)
    rows = observations(db, Filter(series="VC_IHR_PSRC", geo=tuple(members)), catalog.get())
    assert set(rows["geo_kind"]) == {"country"}
    expected = rows.groupby("year")["value"].median()
    assert median["x"] == expected.index.tolist()
    assert median["y"] == pytest.approx(expected.tolist())


def test_region_narrows_the_country_list_and_aggregates_stay_apart(store_path, db) -> None:
    at = open_app("trends", series="VC_IHR_PSRC", region=LATAM, geo="MEX,UN419")
    countries = widget(at.multiselect, "Countries")
    aggregates = widget(at.multiselect, "Regional aggregates")
    members = set(meta.region_members(db, LATAM))
    assert set(countries.options) and set(countries.options) <= {
        n for g, n in _names(db).items() if g in members
    }
    assert countries.value == ["MEX"] and aggregates.value == ["UN419"]
    assert "Latin America and the Caribbean (aggregate)" in line_names(at)
    assert "Mexico" in line_names(at)


def test_series_with_only_regional_data_says_so_and_labels_the_lines(store_path) -> None:
    at = open_app("trends", series="VC_VAW_MTUHRA")
    assert not at.exception
    assert any("No country data for this breakdown" in i.value for i in at.info)
    names = line_names(at)
    assert names and all(n.endswith("(aggregate)") for n in names)


def test_choosing_another_series_drops_the_old_breakdown_quietly(store_path) -> None:
    at = open_app("trends", series="VC_IHR_PSRC", geo="MEX", sex="FEMALE")
    widget(at.selectbox, "Indicator").select("RL.EST").run()
    assert not at.exception
    assert not any("Ignored" in c.value for c in at.caption)
    assert at.query_params["series"] == "RL.EST" and "sex" not in at.query_params
    assert line_names(at) == ["Mexico"]


def _names(db: ReadOnlyDatabase) -> dict[str, str]:
    geos = meta.geographies(db)
    return dict(zip(geos["geo_id"], geos["name"], strict=True))


def test_choosing_a_region_adds_its_band_and_goes_into_the_link(store_path: Path) -> None:
    at = open_app("trends", series="VC_IHR_PSRC", geo="MEX")
    assert not any(t["name"].endswith("median of countries") for t in figure(at)["data"])
    widget(at.selectbox, "Region or income group").select(LATAM).run()
    assert at.query_params["region"] == LATAM and at.query_params["geo"] == "MEX"
    names = [t["name"] for t in figure(at)["data"]]
    assert "Latin America and the Caribbean: median of countries" in names
    assert line_names(at) == ["Mexico"]


def test_a_removal_still_running_when_the_language_switches_is_kept(store_path: Path) -> None:
    # The language switch writes the URL of the view last drawn; a country removed while that
    # run was still going is only in the widget's state, and it must win over the URL.
    at = open_app("trends", series="RL.EST", geo="MEX,SLV", lang="es")
    # One rerun carries both: the removal, and English picked before the removal's run wrote
    # the URL (the switch then writes geo=MEX,SLV, the view last drawn).
    at.multiselect(key="trends.countries.es").unselect("SLV")
    at.selectbox(key="trends.lang.es").select("en")
    at.run()
    assert at.multiselect(key="trends.countries").value == ["MEX"]
    assert line_names(at) == ["Mexico"]
    assert at.query_params["geo"] in ("MEX", ["MEX"])
