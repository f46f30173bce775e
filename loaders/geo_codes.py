"""Country codes: M49 / ISO 3166 resolution (pycountry) and the reference table of geographies.

Countries are keyed by ISO3 (``XKX`` for Kosovo, which ISO lacks); regional aggregates and
sub-national areas by ``UN`` + their three-digit M49 code (``UN001`` is World), so the two can
never be confused in a filter or a chart.
"""

from __future__ import annotations

import pandas as pd
import pycountry

from loaders.base import GEO_COLUMNS

# M49 codes the SDG database uses for countries that ISO 3166 does not list.
NON_ISO_COUNTRIES: dict[int, tuple[str, str]] = {412: ("XKX", "Kosovo")}
# M49 codes of parts of countries: data, but neither a country nor a regional aggregate.
SUBNATIONAL_M49: frozenset[int] = frozenset({369, 370, 827, 828, 829, 830})
EXTRA_ISO3: frozenset[str] = frozenset(iso3 for iso3, _ in NON_ISO_COUNTRIES.values())


def aggregate_id(m49: int) -> str:
    return f"UN{m49:03d}"


def iso3_for_m49(m49: int) -> str | None:
    """The ISO3 code of a country's M49 code, or None for aggregates and sub-national areas."""
    if m49 in NON_ISO_COUNTRIES:
        return NON_ISO_COUNTRIES[m49][0]
    country = pycountry.countries.get(numeric=f"{m49:03d}")
    return country.alpha_3 if country else None


def is_country_iso3(code: str) -> bool:
    return code in EXTRA_ISO3 or pycountry.countries.get(alpha_3=code) is not None


def geo_id_for_m49(m49: int) -> tuple[str, str]:
    """(geo_id, kind) of an M49 code."""
    if m49 in SUBNATIONAL_M49:
        return aggregate_id(m49), "subnational"
    iso3 = iso3_for_m49(m49)
    return (iso3, "country") if iso3 else (aggregate_id(m49), "aggregate")


def minimal_geo(codes: pd.DataFrame) -> pd.DataFrame:
    """Reference rows for API loads: ``codes`` has columns m49 (int, may be NA), iso3, name."""
    rows = []
    for rec in codes.drop_duplicates().itertuples(index=False):
        if pd.notna(rec.m49):
            geo_id, kind = geo_id_for_m49(int(rec.m49))
        else:
            geo_id, kind = rec.iso3, "country"
        country = pycountry.countries.get(alpha_3=geo_id) if kind == "country" else None
        rows.append(
            {
                "geo_id": geo_id,
                "m49": int(country.numeric) if country else rec.m49,
                "iso3": geo_id if kind == "country" else None,
                "iso2": country.alpha_2 if country else None,
                "name": rec.name,
                "kind": kind,
            }
        )
    frame = pd.DataFrame(rows, columns=list(GEO_COLUMNS))
    return frame.drop_duplicates("geo_id")
