"""Country shapes for the map, from the bundle's Natural Earth file (no Streamlit, no network).

Natural Earth keys countries by ``ADM0_A3``; its ``ISO_A3`` is ``-99`` for France, Norway,
Kosovo and a few areas that the UN counts as part of a country. Shapes are keyed here by the
store's country id (ISO3, ``XKX`` for Kosovo), dissolved where several features map to one
country, simplified and rounded so the figure stays a few hundred KB.
"""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import shapely
import shapely.affinity

from sdg16.core import settings

NE_FILE = "geo/ne_50m_admin_0_countries.json"
# ADM0_A3 -> store geo id where ISO_A3 is -99. The UN (M49) counts Northern Cyprus as part of
# Cyprus and Somaliland as part of Somalia; Ashmore/Cartier and Indian Ocean Ter. are Australian.
NO_ISO_A3 = {
    "FRA": "FRA",
    "NOR": "NOR",
    "KOS": "XKX",
    "CYN": "CYP",
    "SOL": "SOM",
    "ATC": "AUS",
    "IOA": "AUS",
}
# Natural Earth draws these overseas departments as parts of France; ISO 3166 and M49 (and the
# SDG data) count them as areas of their own. (west, south, east, north) of each.
OVERSEAS_FRANCE = {
    "GUF": (-55.0, 2.0, -51.0, 6.0),
    "GLP": (-62.0, 15.8, -61.0, 16.6),
    "MTQ": (-61.3, 14.3, -60.8, 15.0),
    "REU": (55.0, -21.5, 56.0, -20.8),
    "MYT": (44.9, -13.1, 45.4, -12.5),
}
LEFT_OUT = frozenset({"ATA"})  # Antarctica: no SDG data, and it dwarfs the map in Mercator
SIMPLIFY_DEG = 0.08
GRID_DEG = 0.01
MIN_PART_DEG2 = 1.0  # parts smaller than this do not stretch a region's zoom


class GeoFileError(ValueError):
    """The borders file is missing or lacks the fields the map needs."""


def ne_path() -> Path:
    return settings.bundle_dir() / NE_FILE


def country_shapes(path: Path | None = None) -> gpd.GeoDataFrame:
    """One (multi)polygon per country: columns ``geo_id``, ``ne_name``, ``geometry``."""
    path = path or ne_path()
    try:
        raw = gpd.read_file(path, columns=["ADM0_A3", "ISO_A3", "NAME"])
    except Exception as exc:  # pyogrio raises several types for a missing or broken file
        raise GeoFileError(f"{path}: cannot read country borders: {exc}") from exc
    for field in ("ADM0_A3", "ISO_A3", "NAME"):
        if field not in raw.columns:
            raise GeoFileError(f"{path}: field '{field}' is missing")
    raw["geo_id"] = [
        iso if iso and iso != "-99" else NO_ISO_A3.get(adm)
        for iso, adm in zip(raw["ISO_A3"], raw["ADM0_A3"], strict=True)
    ]
    raw = raw.dropna(subset=["geo_id"])
    raw = raw[~raw["geo_id"].isin(LEFT_OUT)]
    raw["geometry"] = raw.geometry.make_valid()  # one NE polygon is self-intersecting
    raw = _split_overseas(raw.explode(index_parts=False))
    shapes = raw.dissolve(by="geo_id", as_index=False, aggfunc={"NAME": "first"})
    shapes = shapes.rename(columns={"NAME": "ne_name"})
    simple = shapes.geometry.simplify(SIMPLIFY_DEG)
    # Tiny islands simplify to nothing; keep them as drawn rather than lose the country.
    kept = simple.where(~simple.is_empty, shapes.geometry)
    shapes["geometry"] = shapely.set_precision(kept.values, GRID_DEG)
    shapes = shapes[~shapes.geometry.is_empty]
    return shapes[["geo_id", "ne_name", "geometry"]].reset_index(drop=True)


def _split_overseas(parts: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Give France's overseas departments their own ids (one row per polygon part)."""
    points = shapely.point_on_surface(parts.geometry.values)
    ids = parts["geo_id"].to_numpy(copy=True)
    for code, (west, south, east, north) in OVERSEAS_FRANCE.items():
        inside = shapely.contains(shapely.box(west, south, east, north), points)
        ids[(ids == "FRA") & inside] = code
    return parts.assign(geo_id=ids)


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
