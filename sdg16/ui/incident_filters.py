"""The incident filter bar: country, area, type, place and date range, all kept in the URL."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st
from babel.dates import get_day_names

from sdg16.core.disclosure import SMALL_COUNT
from sdg16.core.filters import Filter
from sdg16.core.i18n import N_
from sdg16.core.taxonomy import get as taxonomy
from sdg16.services import privacy
from sdg16.services.incidents import area_names
from sdg16.services.privacy import SMALL_LABEL
from sdg16.ui import cache, controls, nav, present, state
from sdg16.ui.i18n import _, current_lang, num
from sdg16.ui.session import current_role

ALL = N_("(all)")
# Keys the queries and the privacy layer write themselves (extracted for translation).
FIXED_KEYS = {SMALL_LABEL, N_("not stated"), N_("unknown"), N_("target"), N_("witness")}


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
    asked = f.geo[0] if f.geo and f.geo[0] not in options else None
    if asked and nav.key("country") not in st.session_state:
        # The link named a country without reports: say so, rather than quietly showing another.
        place = names.get(asked) or "".join(ch for ch in asked if ch.isalnum())[:12]
        st.warning(
            _("No incident reports for {place}. Reports are loaded for: {countries}.").format(
                place=place, countries=", ".join(names.get(c, c) for c in options)
            ),
            icon=":material/location_off:",
        )
    tax = taxonomy()
    # Gone whole in presenter mode (hidden controls alone leave an empty row and its gap).
    c1, c2, c3, c4 = present.controls("incident-filters").columns([1.2, 1.2, 2, 1.6])
    country = controls.selectbox(
        _("Country"),
        options,
        key=nav.key("country"),
        url=None if asked else f.geo[0] if f.geo else None,
        default=None if asked else default,
        where=c1,
        format_func=lambda c: names.get(c, c),
        placeholder=_("Choose a country"),
    )
    if country is None:
        return None
    areas = area_names(country)
    admin1 = controls.selectbox(
        _("Area (admin 1)"),
        [ALL, *sorted(areas, key=areas.get)],
        key=nav.key(f"area.{country}"),  # per country: another country's areas are not options
        url=f.admin1,
        default=ALL,
        where=c2,
        format_func=lambda a: _(ALL) if a == ALL else areas.get(a, a),
    )
    types = controls.multiselect(
        _("Incident type"),
        list(tax.types),
        key=nav.key("types"),
        url=f.incident_types,
        where=c3,
        format_func=lambda t: _(tax.types[t]),
        placeholder=_("All types"),
    )
    places = controls.multiselect(
        _("Place"),
        list(tax.place_types),
        key=nav.key("places"),
        url=f.place_types,
        where=c4,
        format_func=lambda p: _(tax.place_types[p]),
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
    lo, hi, before, _after = span
    lo = min(lo, f.start) if f.start else lo  # a link may ask for the early outliers
    start, end = lo, hi
    if not privacy.sees_points(role):
        start, end = _month_range(f, lo.replace(day=1), hi, country)
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
    if before and lo == span[0] and not f.present:  # a hint for whoever edits the link
        st.caption(
            _(
                "{n} reports dated before {month} (likely mis-dated) are left out; "
                "add start=YYYY-MM-DD to the link to include them."
            ).format(n=fmt_count(privacy.publish(before)), month=f"{lo:%Y-%m}")
        )
    state.write_filter(f.update(start=_keep(start, lo), end=_keep(end, hi)))
    # The page counts what the slider shows: the bulk's start is a real bound, only kept out
    # of the link (a full range stays a short URL).
    return f.update(start=start if start > span[0] or before else None, end=_keep(end, hi))


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
    return first, min((pd.Timestamp(last) + pd.offsets.MonthEnd(0)).date(), hi)


def _keep(value: date, bound: date) -> date | None:
    """Leave the URL short: the full range is the default and is not written."""
    return None if value == bound else value


def fmt_count(n: int | None) -> str:
    return _("fewer than {n}").format(n=SMALL_COUNT) if n is None else num(n)


def translated_keys(frame: pd.DataFrame, by: str) -> pd.DataFrame:
    """Breakdown keys in the page's language: taxonomy labels through the catalog, weekdays
    from CLDR; place and institution names stay as the data spells them."""
    if by == "weekday":  # "1-Mon": %w, 0 = Sunday; Babel counts from Monday = 0
        days = get_day_names("abbreviated", locale=current_lang())
        return frame.assign(
            key=[days[(int(k[0]) - 1) % 7] if k[:1].isdigit() else _(k) for k in frame["key"]]
        )
    if by in ("type", "place_type", "reporter_role"):
        return frame.assign(key=[_(k) for k in frame["key"]])
    return frame.assign(key=[_(k) if k in FIXED_KEYS else k for k in frame["key"]])


def fmt_date(value: object) -> str:
    """Analysts get a timestamp (shown as a day), others a 'YYYY-MM' string, or nothing."""
    if value is None:
        return "—"
    return value if isinstance(value, str) else f"{value:%Y-%m-%d}"
