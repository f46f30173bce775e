"""Spikes and trend for an incident filter: whole calendar months, history from the store,
the privacy rule applied (``spikes`` holds the statistics).

Months judged are the whole months of the filter's dates (a part-month at either end would look
like a drop); without dates, from the place's first report to its last whole month. Each month's
baseline is read from before the period too, so its first months are judged against the
HISTORY months that precede it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import numpy as np
import pandas as pd

from sdg16.core.disclosure import SMALL_COUNT
from sdg16.core.filters import Filter
from sdg16.queries import incident_stats
from sdg16.queries import incidents as q
from sdg16.queries.db import ReadOnlyDatabase
from sdg16.services import privacy
from sdg16.services.analytics import spikes
from sdg16.services.analytics.hotspots import study_filter
from sdg16.state.roles import Role

AREA_COLUMNS = ["area", *spikes.COLUMNS]


@dataclass(frozen=True)
class MonthlyView:
    months: pd.DataFrame  # spikes.COLUMNS for the whole selection
    trend: spikes.Trend | None
    first: pd.Timestamp | None  # first and last month judged
    last: pd.Timestamp | None


def _day(value: object) -> date | None:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    return pd.Timestamp(value).date() if isinstance(value, datetime | pd.Timestamp) else value


def judged_months(f: Filter, place_first: date | None, place_last: date | None):
    """(first, last) month start of the whole months judged, or None when there is none."""
    start, end = f.start or place_first, f.end or place_last
    if start is None or end is None:
        return None
    first = pd.Timestamp(start).to_period("M").to_timestamp()
    if f.start and f.start.day != 1:
        first += pd.offsets.MonthBegin(1)
    last = pd.Timestamp(end).to_period("M").to_timestamp()
    if pd.Timestamp(end) < last + pd.offsets.MonthEnd(0):
        last -= pd.offsets.MonthBegin(1)
    return (first, last) if first <= last else None


def _window(db: ReadOnlyDatabase, f: Filter):
    """(history filter, first judged month, last judged month), or None. History goes back
    HISTORY months, but not before the place's first report: months before the platform
    had reports there are unobserved, not zeros."""
    place = q.summary(db, study_filter(f))
    place_first = _day(place.get("first"))
    months = judged_months(f, place_first, _day(place.get("last")))
    if months is None or place_first is None:
        return None
    first, last = months
    history = first - pd.DateOffset(months=spikes.HISTORY)
    history = max(history, pd.Timestamp(place_first).to_period("M").to_timestamp())
    end = (last + pd.offsets.MonthEnd(0)).date()
    return f.update(start=history.date(), end=end), first, last


def _public(frame: pd.DataFrame, role: Role) -> pd.DataFrame:
    """Below analyst a month under the small-count rule shows no count and no flag (a flag
    on a hidden count could narrow it down to one number); other counts are rounded to base
    5. Flags and ranges come from the exact counts."""
    if privacy.sees_points(role):
        return frame
    small = frame["reports"] < SMALL_COUNT
    shown = [privacy.publish(n) for n in frame["reports"]]  # base-5 rounding, as every view
    out = frame.assign(reports=pd.Series(shown, index=frame.index, dtype="float").where(~small))
    return out.assign(flag=out["flag"].where(~small, "none"))


def selection(db: ReadOnlyDatabase, f: Filter, role: Role) -> MonthlyView:
    """Monthly spikes and the trend for the selection as a whole."""
    window = _window(db, privacy.coarse_filter(f, role))
    if window is None:
        return MonthlyView(pd.DataFrame(columns=spikes.COLUMNS), None, None, None)
    wide, first, last = window
    counts = incident_stats.monthly_by_area(db, wide)
    series = spikes.monthly(counts, pd.Timestamp(wide.start), last)
    months = spikes.expected_ranges(series, first)
    trend = spikes.trend(series[series.index >= first])
    return MonthlyView(_public(months, role), trend, first, last)


def by_area(db: ReadOnlyDatabase, f: Filter, role: Role) -> pd.DataFrame:
    """AREA_COLUMNS: every area of the selection x every judged month."""
    window = _window(db, privacy.coarse_filter(f, role))
    if window is None:
        return pd.DataFrame(columns=AREA_COLUMNS)
    wide, first, last = window
    counts = incident_stats.monthly_by_area(db, wide)
    if counts.empty:
        return pd.DataFrame(columns=AREA_COLUMNS)
    index = pd.date_range(pd.Timestamp(wide.start), last, freq="MS")
    table = counts.pivot_table(index="month", columns="area", values="reports", aggfunc="sum")
    table = table.set_axis(pd.to_datetime(table.index)).reindex(index, fill_value=0).fillna(0)
    out = spikes.expected_ranges_many(table.sort_index(axis=1), first)
    return _public(out[AREA_COLUMNS], role)
