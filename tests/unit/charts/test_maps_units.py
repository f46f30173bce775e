"""Borders, profile wording and coverage tables, without the app."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from loaders import shapes as shapes_loader
from loaders.base import LoadError
from sdg16.charts.profile import rank_text
from sdg16.core import catalog
from sdg16.queries import coverage
from sdg16.queries.db import ReadOnlyDatabase
from sdg16.queries.profiles import direction
from sdg16.services import geo, indicators


@pytest.fixture(scope="module")
def shapes(db: ReadOnlyDatabase):
    return geo.country_shapes(db)


def test_shapes_are_keyed_by_the_store_country_ids(shapes, db: ReadOnlyDatabase) -> None:
    ids = list(shapes["geo_id"])
    assert len(ids) == len(set(ids)) and "-99" not in ids
    # ISO_A3 is -99 for these in Natural Earth; the map must still colour them.
    assert {"FRA", "NOR", "XKX"} <= set(ids)
    countries = set(db.query("SELECT geo_id FROM geo WHERE kind = 'country'")["geo_id"])
    assert set(ids) <= countries
    assert "ATA" not in ids


def test_french_overseas_departments_are_areas_of_their_own(shapes) -> None:
    by_id = shapes.set_index("geo_id")["geometry"]
    assert by_id["FRA"].bounds[0] > -6, "France without French Guiana"
    assert by_id["GUF"].bounds[0] < -51 and {"REU", "MYT", "GLP", "MTQ"} <= set(by_id.index)


def test_somaliland_is_drawn_as_part_of_somalia(shapes) -> None:
    somalia = shapes.set_index("geo_id").loc["SOM", "geometry"]
    assert somalia.bounds[3] > 11  # Somaliland's north coast, about 11.5 N


def test_geojson_features_carry_the_id(shapes) -> None:
    collection = geo.to_geojson(shapes)
    assert {f["id"] for f in collection["features"]} == set(shapes["geo_id"])
    assert len(json.dumps(collection)) < 600_000


def test_a_missing_borders_file_is_named(tmp_path) -> None:
    with pytest.raises(LoadError, match=r"nothing\.json: cannot read"):
        shapes_loader.country_shapes(tmp_path / "nothing.json")


def test_region_bounds_ignore_far_islands_and_cross_the_antimeridian(shapes) -> None:
    west, _, east, _ = geo.bounds(shapes, ["RUS", "FIN"])
    assert west > 0 and east > 180, "Chukotka is drawn east of Kamchatka, not at -180"
    west, *_ = geo.bounds(shapes, ["ZAF", "CPV", "SHN"])  # Cape Verde, St Helena: small
    assert west > 15
    assert geo.bounds(shapes, []) == tuple(float(b) for b in shapes.total_bounds)


@pytest.mark.parametrize(
    ("latest", "previous", "higher", "expected"),
    [
        (1.3, 1.5, False, "improving"),
        (1.3, 1.5, True, "worsening"),
        (2.0, 2.0, True, "no change"),
        (2.0, 1.0, None, "no direction"),
        (2.0, None, True, "single value"),
    ],
)
def test_direction_is_judged_by_whether_higher_is_better(latest, previous, higher, expected):
    assert direction(latest, previous, higher) == expected


def test_rank_wording() -> None:
    assert rank_text(3, 17, False) == "3rd of 17"
    assert rank_text(1, 9, None) == "highest of 9"
    assert rank_text(12, 31, None) == "12th highest of 31"
    assert rank_text(1, 1, True) == "only one with data"
    assert rank_text(pd.NA, pd.NA, True) == "not ranked"


def test_coverage_tables_agree_with_the_cells(db: ReadOnlyDatabase) -> None:
    cat = catalog.get()
    cells = coverage.cells(db, cat, ["EGY", "MAR"], 2010, 2015)
    assert set(cells["iso3"]) == {"EGY", "MAR"} and cells["year"].between(2010, 2015).all()
    per_country = indicators.by_country(cells, cat)
    per_year = indicators.by_year(cells, cat)
    assert per_country["years"].sum() == len(cells) == per_year["countries"].sum()
    assert coverage.cells(db, cat, []).empty
