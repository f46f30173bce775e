"""Country and admin-1 shapes from the bundle's Natural Earth files, for the store's ``shape``
table: the app draws maps from the store only, so a replica needs no bundle at run time.

Natural Earth keys countries by ``ADM0_A3``; its ``ISO_A3`` is ``-99`` for France, Norway,
Kosovo and a few areas that the UN counts as part of a country. Country shapes are keyed by the
store's country id (ISO3, ``XKX`` for Kosovo), dissolved where several features map to one
country, simplified and rounded so the world stays a few hundred KB. Admin-1 areas keep their
full 1:10m outline: imports test points against them.
"""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from loaders.base import LoadError, Problem

NE_FILE = "geo/ne_50m_admin_0_countries.json"
ADMIN1_FILES = {
    "EGY": "geo/egy_adm1_naturalearth_10m.geojson",
    "PAK": "geo/pak_adm1_naturalearth_10m_fata_merged.geojson",
}
SHAPE_COLUMNS = ("kind", "geo_id", "country", "name", "props", "geometry")
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
ADMIN1_PROPS = ("name_en", "name", "name_ar", "iso_3166_2")


def country_shapes(path: Path) -> gpd.GeoDataFrame:
    """One (multi)polygon per country: columns ``geo_id``, ``ne_name``, ``geometry``."""
    try:
        raw = gpd.read_file(path, columns=["ADM0_A3", "ISO_A3", "NAME"])
    except Exception as exc:  # pyogrio raises several types for a missing or broken file
        raise LoadError(Problem(str(path), f"cannot read country borders: {exc}")) from exc
    for field in ("ADM0_A3", "ISO_A3", "NAME"):
        if field not in raw.columns:
            raise LoadError(Problem(str(path), "field is missing", field=field))
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


def admin1_rows(path: Path, country: str) -> list[dict]:
    """One row per admin-1 area of ``country``; names (English, local, Arabic) in ``props``."""
    try:
        features = json.loads(path.read_text(encoding="utf-8"))["features"]
    except (OSError, ValueError, KeyError) as exc:
        raise LoadError(Problem(str(path), f"cannot read admin-1 borders: {exc}")) from exc
    rows = []
    for i, feat in enumerate(features):
        props = feat.get("properties") or {}
        if not props.get("iso_3166_2") or not feat.get("geometry"):
            raise LoadError(Problem(str(path), "feature without code or geometry", row=i + 1))
        geom = shapely.make_valid(shapely.geometry.shape(feat["geometry"]))
        kept = {k: props[k] for k in ADMIN1_PROPS if props.get(k)}
        rows.append(
            {
                "kind": "admin1",
                "geo_id": props["iso_3166_2"],
                "country": country,
                "name": props.get("name_en") or props["iso_3166_2"],
                "props": json.dumps(kept, ensure_ascii=False),
                "geometry": shapely.to_geojson(geom),
            }
        )
    return rows


def read(bundle: Path) -> pd.DataFrame | None:
    """Every shape the app draws, or None when the bundle has no ``geo/`` folder (then a load
    keeps the shapes the store has)."""
    if not (bundle / "geo").is_dir():
        return None
    countries = country_shapes(bundle / NE_FILE)
    rows = [
        {
            "kind": "country",
            "geo_id": gid,
            "country": gid,
            "name": name,
            "props": "{}",
            "geometry": shapely.to_geojson(geom),
        }
        for gid, name, geom in countries.itertuples(index=False)
    ]
    for country, name in ADMIN1_FILES.items():
        if (bundle / name).exists():
            rows += admin1_rows(bundle / name, country)
    return pd.DataFrame(rows, columns=list(SHAPE_COLUMNS))
