"""Admin areas from the bundle's borders: names to codes, and points to areas.

Admin-1 polygons exist for Egypt and Pakistan (Natural Earth 1:10m, see the bundle's
SOURCES-geo-incidents.md); other countries get their Natural Earth admin-0 outline only.
Where the bundle is absent (a replica importing a file from /admin) the same shapes come from
the store's ``shape`` table, which the bundle load wrote (``loaders/shapes.py``).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import duckdb
import numpy as np
import shapely

from sdg16.core import settings

ADMIN1_FILES = {
    "EGY": "egy_adm1_naturalearth_10m.geojson",
    "PAK": "pak_adm1_naturalearth_10m_fata_merged.geojson",
}
COUNTRY_FILE = "ne_50m_admin_0_countries.json"
# Coastal pins land a little offshore; 0.05 degrees is about 5 km.
COAST_TOLERANCE_DEG = 0.05
# Spellings seen in real exports that neither the English nor the Arabic name match.
ALIASES = {
    "EG-SHR": ["sharqia", "sharkia"],
    "EG-MT": ["matruh", "marsa matruh"],
    "EG-KFS": ["kafr el sheikh", "kafr elsheikh"],
    "EG-BA": ["red sea"],
    "EG-LX": ["luxor", "al uqsur"],
    "PK-KP": ["kpk", "nwfp", "khyber pakhtunkhwa"],
    "PK-SD": ["sind"],
    "PK-IS": ["islamabad", "ict"],
}
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي"})


def normalise_name(name: str) -> str:
    """Fold case, accents, Arabic letter variants, 'governorate' words and punctuation."""
    text = unicodedata.normalize("NFKC", name).translate(_ARABIC_FOLD).lower()
    text = re.sub(r"\b(al|el|governorate|province)\b|محافظه", " ", text)
    text = re.sub(r"[\W_]+", " ", text)
    return " ".join(text.split())


@dataclass(frozen=True)
class Admin1:
    country: str
    codes: tuple[str, ...]
    names: dict[str, str]  # code -> English name
    geoms: tuple  # shapely geometries, same order as codes
    lookup: dict[str, str]  # normalised name -> code
    features: tuple[dict, ...]  # the GeoJSON features, for drawing borders


def _geo_dir() -> Path:
    return settings.bundle_dir() / "geo"


def _store_shapes(kind: str, country: str) -> list[dict]:
    """GeoJSON features of the store's shapes (empty without a store or a shape table)."""
    path = settings.db_path()
    if not path.exists():
        return []
    con = duckdb.connect(":memory:")
    try:
        con.execute("ATTACH ? AS store (READ_ONLY)", [str(path)])
        rows = con.execute(
            "SELECT geo_id, name, props, geometry FROM store.shape WHERE kind = ? AND country = ?",
            [kind, country],
        ).fetchall()
    except duckdb.CatalogException:  # a store written before shapes were stored
        return []
    finally:
        con.close()
    return [
        {
            "properties": {"name_en": name, **json.loads(props), "iso_3166_2": gid},
            "geometry": json.loads(geometry),
        }
        for gid, name, props, geometry in rows
    ]


def _admin1_features(country: str) -> list[dict]:
    path = _geo_dir() / ADMIN1_FILES[country]
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))["features"]
    return _store_shapes("admin1", country)


@cache
def admin1(country: str) -> Admin1 | None:
    """The admin-1 areas of a country, or None if neither bundle nor store has borders."""
    if country not in ADMIN1_FILES:
        return None
    data = {"features": _admin1_features(country)}
    if not data["features"]:
        return None
    codes, names, geoms, lookup = [], {}, [], {}
    for feat in data["features"]:
        p = feat["properties"]
        code = p["iso_3166_2"]
        codes.append(code)
        names[code] = p["name_en"]
        geoms.append(shapely.geometry.shape(feat["geometry"]))
        for alias in [
            p.get("name_en"),
            p.get("name"),
            p.get("name_ar"),
            code,
            *ALIASES.get(code, []),
        ]:
            if alias:
                lookup[normalise_name(alias)] = code
    return Admin1(country, tuple(codes), names, tuple(geoms), lookup, tuple(data["features"]))


def admin1_code(country: str, name: str) -> str | None:
    """The ISO 3166-2 code of an area name in English or Arabic, or None if unknown."""
    areas = admin1(country)
    if areas is None or not name.strip():
        return None
    return areas.lookup.get(normalise_name(name))


def locate(country: str, lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """The admin-1 code containing each point (None outside every area or without borders)."""
    out = np.full(len(lat), None, dtype=object)
    areas = admin1(country)
    if areas is None or len(lat) == 0:
        return out
    for code, geom in zip(areas.codes, areas.geoms, strict=True):
        free = out == None  # noqa: E711 (elementwise)
        hit = free & shapely.contains_xy(geom, lon, lat)
        out[hit] = code
    # Points just offshore or on a 1:10m border: the nearest area within the tolerance.
    missing = np.flatnonzero(out == None)  # noqa: E711
    for i in missing:
        if np.isnan(lat[i]) or np.isnan(lon[i]):
            continue
        point = shapely.Point(lon[i], lat[i])
        dists = [g.distance(point) for g in areas.geoms]
        best = int(np.argmin(dists))
        if dists[best] <= COAST_TOLERANCE_DEG:
            out[i] = areas.codes[best]
    return out


def distance_deg(country: str, code: str, lat: float, lon: float) -> float | None:
    """How far (degrees) a point lies outside admin-1 area ``code`` (0 inside), or None."""
    areas = admin1(country)
    if areas is None or code not in areas.codes:
        return None
    return float(areas.geoms[areas.codes.index(code)].distance(shapely.Point(lon, lat)))


@cache
def country_shape(country: str):
    """The country's outline (admin-1 union where we have it, else Natural Earth 1:50m)."""
    areas = admin1(country)
    if areas is not None:
        shape = shapely.union_all(areas.geoms).buffer(COAST_TOLERANCE_DEG)
    else:
        found = [f for f in _countries() if f["properties"].get("ADM0_A3") == country]
        found = found or _store_shapes("country", country)
        if not found:
            return None
        shape = shapely.geometry.shape(found[0]["geometry"]).buffer(COAST_TOLERANCE_DEG)
    shapely.prepare(shape)  # many point tests against one shape
    return shape


@cache
def _countries() -> list[dict]:
    path = _geo_dir() / COUNTRY_FILE
    if not path.exists():
        return []
    return json.loads(path.read_text(encoding="utf-8"))["features"]


def inside_country(country: str, lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """True where the point lies in the country (or we have no outline to judge by)."""
    shape = country_shape(country)
    if shape is None:
        return np.ones(len(lat), dtype=bool)
    return shapely.contains_xy(shape, lon, lat)
