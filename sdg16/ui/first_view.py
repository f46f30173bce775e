"""First views that answer something: the visitor's own country, from what the browser says.

Streamlit gives the browser's locale (``st.context.locale``, e.g. ``es-MX``) and its
``Accept-Language`` header; the region part of the first tag that has one names a country.
Nothing is stored and nothing is asked of another server.
"""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st
from babel import Locale, UnknownLocaleError

from sdg16.ui import cache


def browser_regions() -> list[str]:
    """ISO 3166 alpha-2 regions the browser names, in its order of preference."""
    tags: list[str] = []
    try:
        if st.context.locale:
            tags.append(st.context.locale)
        header = st.context.headers.get("Accept-Language", "") or ""
    except (AttributeError, RuntimeError):  # no browser (a script, AppTest)
        header = ""
    tags += [part.split(";")[0].strip() for part in header.split(",")[:10]]
    regions: list[str] = []
    for tag in tags:
        try:
            territory = Locale.parse(tag.replace("_", "-"), sep="-").territory
        except (ValueError, TypeError, UnknownLocaleError):
            continue
        if territory and territory.isalpha() and territory not in regions:  # not "419"
            regions.append(territory)
    return regions


def browser_country(candidates: Iterable[str]) -> str | None:
    """The geo id of the browser's country if it is among ``candidates``; else None."""
    allowed = set(candidates)
    geos = cache.all_geographies()
    countries = geos[geos["kind"] == "country"].dropna(subset=["iso2"])
    by_iso2 = dict(zip(countries["iso2"], countries["geo_id"], strict=True))
    for region in browser_regions():
        geo = by_iso2.get(region)
        if geo in allowed:
            return geo
    return None


def peers(geo: str, candidates: Iterable[str], n: int = 4) -> list[str]:
    """Up to ``n`` other countries of ``geo``'s UN sub-region among ``candidates`` (in the
    candidates' order: the caller ranks them)."""
    geos = cache.all_geographies().set_index("geo_id")
    if geo not in geos.index:
        return []
    sub = geos.at[geo, "un_subregion"]
    same = set(geos.index[(geos["un_subregion"] == sub) & (geos["kind"] == "country")])
    return [g for g in candidates if g in same and g != geo][:n]


def spread(ranked: list[str], n: int = 5) -> list[str]:
    """``n`` of the ``ranked`` countries, the best-ranked of each UN region in turn, so a
    default comparison is not five neighbours in the alphabet (Albania, Australia, Austria...)."""
    geos = cache.all_geographies().set_index("geo_id")
    by_region: dict[object, list[str]] = {}  # in order of each region's best-ranked country
    for g in ranked:
        by_region.setdefault(geos.at[g, "un_region"] if g in geos.index else None, []).append(g)
    rounds = max((len(v) for v in by_region.values()), default=0)
    picked = [v[i] for i in range(rounds) for v in by_region.values() if i < len(v)]
    return picked[:n]
