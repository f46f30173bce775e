"""The incident filter bar: country, area, type, place and date range, all kept in the URL."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from loaders.incidents.taxonomy import get as taxonomy
from sdg16 import privacy
from sdg16.filters import Filter
from sdg16.incident_data import area_names
from sdg16.ui import cache, controls, nav, state
from sdg16.ui.i18n import _
from sdg16.ui.session import current_role

ALL = "(all)"


def country_names() -> dict[str, str]:
    geos = cache.all_geographies()
    return dict(zip(geos["geo_id"], geos["name"], strict=True))


def filter_bar(f: Filter) -> Filter | None:
    """Draw the filters; return the chosen filter (also written to the URL), or None if the
    store holds no incident reports yet."""
    countries = cache.incident_countries(current_role())
    if countries.empty:
        st.info(
            _(
                "No incident reports are loaded yet. An administrator can import them with "
                "`python -m loaders import-incidents FILE`."
            )
        )
        return None
    names = country_names()
    options = list(countries["country"])
    # Real reports first: a store with synthetic data still opens on a real country.
    real = countries[countries["reports"] > countries["synthetic"]]
    default = real["country"].iloc[0] if not real.empty else options[0]
    tax = taxonomy()
    c1, c2, c3, c4 = st.columns([1.2, 1.2, 2, 1.6])
    country = controls.selectbox(
        _("Country"),
        options,
        key=nav.key("country"),
        url=f.geo[0] if f.geo else None,
        default=default,
        where=c1,
        format_func=lambda c: names.get(c, c),
    )
    areas = area_names(country)
    admin1 = controls.selectbox(
        _("Area (admin 1)"),
        [ALL, *sorted(areas, key=areas.get)],
        key=nav.key(f"area.{country}"),  # per country: another country's areas are not options
        url=f.admin1,
        default=ALL,
        where=c2,
        format_func=lambda a: areas.get(a, a),
    )
    types = controls.multiselect(
        _("Incident type"),
        list(tax.types),
        key=nav.key("types"),
        url=f.incident_types,
        where=c3,
        format_func=tax.types.get,
        placeholder=_("All types"),
    )
    places = controls.multiselect(
        _("Place"),
        list(tax.place_types),
        key=nav.key("places"),
        url=f.place_types,
        where=c4,
        format_func=tax.place_types.get,
        placeholder=_("All places"),
    )
    f = f.update(
        geo=(country,),
        admin1=None if admin1 == ALL else admin1,
        admin2=f.admin2 if admin1 == f.admin1 else None,
        incident_types=tuple(types),
        place_types=tuple(places),
    )
    return _date_range(f, country)


def _date_range(f: Filter, country: str) -> Filter:
    role = current_role()
    span = cache.incident_span(country, role)
    if span is None:
        return f
    lo, hi = span
    start, end = lo, hi
    if not privacy.sees_points(role):
        start, end = _month_range(f, lo, hi, country)
    elif lo < hi:
        start, end = controls.slider(
            _("Date range (narrow it to zoom the timeline)"),
            lo,
            hi,
            key=nav.key(f"dates.{country}"),  # each country has its own span
            url=(f.start, f.end),
            default=(lo, hi),
            format="YYYY-MM-DD",
        )
    f = f.update(start=_keep(start, lo), end=_keep(end, hi))
    state.write_filter(f)
    return f


def _month_range(f: Filter, lo: date, hi: date, country: str) -> tuple[date, date]:
    """Below analyst the range is picked in whole months (privacy.coarse_filter)."""
    months = [d.date() for d in pd.date_range(lo, hi, freq="MS")]
    if len(months) < 2:
        return lo, hi
    url = tuple(d.replace(day=1) if d else None for d in (f.start, f.end))
    first, last = controls.select_slider(
        _("Date range (narrow it to zoom the timeline)"),
        months,
        key=nav.key(f"months.{country}"),
        url=url if any(url) else None,
        default=(months[0], months[-1]),
        format_func=lambda d: f"{d:%Y-%m}",
    )
    return first, (pd.Timestamp(last) + pd.offsets.MonthEnd(0)).date()


def _keep(value: date, bound: date) -> date | None:
    """Leave the URL short: the full range is the default and is not written."""
    return None if value == bound else value


def fmt_count(n: int | None) -> str:
    return "fewer than 5" if n is None else f"{n:,}"


def fmt_date(value: object) -> str:
    """Analysts get a timestamp (shown as a day), others a 'YYYY-MM' string, or nothing."""
    if value is None:
        return "—"
    return value if isinstance(value, str) else f"{value:%Y-%m-%d}"
