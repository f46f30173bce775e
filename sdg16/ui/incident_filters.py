"""The incident filter bar: country, area, type, place and date range, all kept in the URL."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from loaders.incidents.taxonomy import get as taxonomy
from sdg16 import privacy
from sdg16.filters import Filter
from sdg16.incident_data import area_names
from sdg16.ui import cache, state
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
    chosen = f.geo[0] if f.geo and f.geo[0] in options else default
    tax = taxonomy()
    c1, c2, c3, c4 = st.columns([1.2, 1.2, 2, 1.6])
    # Keys keep each widget's identity while its default follows the URL; without them every
    # second choice was lost (found by bench/: the browser's filter change never settled).
    country = c1.selectbox(
        _("Country"),
        options,
        index=options.index(chosen),
        format_func=lambda c: names.get(c, c),
        key="incident_country",
    )
    areas = area_names(country)
    area_opts = [ALL, *sorted(areas, key=areas.get)]
    area = f.admin1 if f.admin1 in areas and country == chosen else ALL
    admin1 = c2.selectbox(
        _("Area (admin 1)"),
        area_opts,
        index=area_opts.index(area),
        format_func=lambda a: areas.get(a, a),
        key=f"incident_area_{country}",  # per country: another country's areas are not options
    )
    types = c3.multiselect(
        _("Incident type"),
        list(tax.types),
        default=[t for t in f.incident_types if t in tax.types],
        format_func=tax.types.get,
        placeholder=_("All types"),
        key="incident_types",
    )
    places = c4.multiselect(
        _("Place"),
        list(tax.place_types),
        default=[p for p in f.place_types if p in tax.place_types],
        format_func=tax.place_types.get,
        placeholder=_("All places"),
        key="incident_places",
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
    start = min(max(f.start or lo, lo), hi)
    end = max(min(f.end or hi, hi), start)
    if not privacy.sees_points(role):
        start, end = _month_range(lo, hi, start, end, country)
    elif lo < hi:
        start, end = st.slider(
            _("Date range (narrow it to zoom the timeline)"),
            min_value=lo,
            max_value=hi,
            value=(start, end),
            format="YYYY-MM-DD",
            key=f"incident_dates_{country}",  # each country has its own span
        )
    f = f.update(start=_keep(start, lo), end=_keep(end, hi))
    state.write_filter(f)
    return f


def _month_range(lo: date, hi: date, start: date, end: date, country: str) -> tuple[date, date]:
    """Below analyst the range is picked in whole months (privacy.coarse_filter)."""
    months = [d.date() for d in pd.date_range(lo, hi, freq="MS")]
    if len(months) < 2:
        return lo, hi
    first, last = start.replace(day=1), end.replace(day=1)
    first, last = st.select_slider(
        _("Date range (narrow it to zoom the timeline)"),
        options=months,
        value=(min(max(first, months[0]), months[-1]), min(max(last, months[0]), months[-1])),
        format_func=lambda d: f"{d:%Y-%m}",
        key=f"incident_months_{country}",
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
