"""Country shapes for the map, from the store (no Streamlit, no network, no bundle).

The loader (``loaders/shapes.py``) keys Natural Earth's shapes by the store's country ids,
splits France's overseas departments off and simplifies them; this module only reads and frames.
"""

from __future__ import annotations

import json

import geopandas as gpd
import shapely
import shapely.affinity

from sdg16.queries import shapes as shapes_q
from sdg16.queries.db import ReadOnlyDatabase

MIN_PART_DEG2 = 1.0  # parts smaller than this do not stretch a region's zoom


class GeoFileError(ValueError):
    """The store holds no borders (a store loaded before shapes were stored, or no bundle
    ``geo/`` folder at load time)."""


def country_shapes(db: ReadOnlyDatabase | None = None) -> gpd.GeoDataFrame:
    """One (multi)polygon per country: columns ``geo_id``, ``ne_name``, ``geometry``."""
    db = db or ReadOnlyDatabase()
    rows = shapes_q.countries(db)
    if rows.empty:
        raise GeoFileError(
            f"{db.path}: no country borders in the store. Load them with "
            "python -m loaders sync --source bundle"
        )
    geoms = shapely.from_geojson(rows["geometry"].to_numpy())
    return gpd.GeoDataFrame(rows[["geo_id", "ne_name"]], geometry=geoms, crs="EPSG:4326")


def to_geojson(shapes: gpd.GeoDataFrame) -> dict:
    """A FeatureCollection whose features carry ``id`` = the store's geo id."""
    return json.loads(shapes.set_index("geo_id")[["geometry"]].to_json(drop_id=False))


def bounds(shapes: gpd.GeoDataFrame, geo_ids: list[str]) -> tuple[float, float, float, float]:
    """(west, south, east, north) of the given countries; the whole map if none match."""
    chosen = shapes[shapes["geo_id"].isin(geo_ids)]
    if chosen.empty:
        return tuple(float(b) for b in shapes.total_bounds)
    # Plain shapely on lon/lat degrees: a rough area is all that is needed here.
    parts = shapely.get_parts(chosen.geometry.values)
    # Far-flung small islands (St Helena for Africa) would zoom a region out to half the globe.
    big = parts[shapely.area(parts) >= MIN_PART_DEG2]
    parts = big if len(big) else parts
    west, south, east, north = shapely.total_bounds(parts)
    if east - west > 270:  # across the antimeridian (Russia's Chukotka, Pacific islands)
        west_half = shapely.bounds(parts)[:, 2] < -150  # wholly at the far west
        shifted = [
            shapely.affinity.translate(p, xoff=360) if w else p
            for p, w in zip(parts, west_half, strict=True)
        ]
        s_west, _, s_east, _ = shapely.total_bounds(shifted)
        if s_east - s_west < east - west:
            west, east = s_west, s_east
    return float(west), float(south), float(east), float(north)
