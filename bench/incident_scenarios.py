"""Incident interactions: the real query layer (``sdg16.queries.incidents``) vs the very SQL it
ran, straight on DuckDB, vs pandas (``bench.incident_pandas``).

A filter change reruns the incident page, so "change country / type / date range" time every
query the page makes for the new filter with its default (Map) tab open: summary, map cells and
areas, and the counts by type behind its CSV download. Other tabs only run when opened ("open
Breakdowns", "timeline"); the last rows are the analysts' table and a report's data.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pandas as pd

from bench.incident_pandas import PandasIncidents
from bench.scenarios import RecordingDatabase, Scenario
from sdg16.core.filters import Filter
from sdg16.queries import incidents as q

PAGE_BREAKDOWNS = ("type", "place_type", "weekday", "hour", "reporter_role", "admin1")
EGYPT = Filter(geo=("EGY",))
TYPES = EGYPT.update(incident_types=("touching", "comments"))
DATES = EGYPT.update(start=date(2019, 3, 15), end=date(2021, 6, 10))
CAIRO = EGYPT.update(admin1="EG-C")
REPORT = CAIRO.update(start=date(2012, 1, 1), end=date(2014, 12, 31))
TABLE_ROWS = 500  # the analysts' table of individual reports


def _frames(parts: list[object]) -> pd.DataFrame:
    """Several results as one frame of their row counts, so ``rows out`` adds them up."""
    sizes = [1 if isinstance(p, dict) else len(p) for p in parts]
    return pd.DataFrame({"rows": range(sum(sizes))})


class Layer:
    """What the incident page asks of the query layer."""

    def __init__(self, db: RecordingDatabase):
        self.db = db

    def page(self, f: Filter) -> pd.DataFrame:
        db = self.db
        parts = [q.summary(db, f), q.cell_counts(db, f, 7 if f.admin1 else 5), q.area_counts(db, f)]
        parts.append(q.breakdown(db, f, "type"))
        return _frames(parts)

    def breakdowns(self, f: Filter) -> pd.DataFrame:
        return _frames([q.breakdown(self.db, f, by) for by in PAGE_BREAKDOWNS])

    def map(self, f: Filter) -> pd.DataFrame:
        res = 7 if f.admin1 else 5
        return _frames([q.cell_counts(self.db, f, res), q.area_counts(self.db, f)])

    def export(self, f: Filter) -> pd.DataFrame:
        """The incident report's data: summary, by type / area / place, monthly, reports."""
        db = self.db
        parts = [q.summary(db, f), q.timeline(db, f, "month"), q.points(db, f, TABLE_ROWS)]
        parts += [q.breakdown(db, f, by) for by in ("type", "admin1", "place_type")]
        return _frames(parts)


class ByPandas:
    def __init__(self, pdi: PandasIncidents):
        self.p = pdi

    def page(self, f: Filter) -> pd.DataFrame:
        p = self.p
        parts = [p.summary(f), p.cells(f, 7 if f.admin1 else 5), p.areas(f), p.breakdown(f, "type")]
        return _frames(parts)

    def breakdowns(self, f: Filter) -> pd.DataFrame:
        return _frames([self.p.breakdown(f, by) for by in PAGE_BREAKDOWNS])

    def map(self, f: Filter) -> pd.DataFrame:
        return _frames([self.p.cells(f, 7 if f.admin1 else 5), self.p.areas(f)])

    def export(self, f: Filter) -> pd.DataFrame:
        p = self.p
        parts = [p.summary(f), p.timeline(f, "month"), p.points(f, TABLE_ROWS)]
        parts += [p.breakdown(f, by) for by in ("type", "admin1", "place_type")]
        return _frames(parts)


def scenarios(db: RecordingDatabase, pdi: PandasIncidents) -> list[Scenario]:
    layer, by_pandas = Layer(db), ByPandas(pdi)

    def pair(name: str, a: Callable[[], pd.DataFrame], b: Callable[[], pd.DataFrame]) -> Scenario:
        return Scenario(name, a, b)

    return [
        pair(
            "change country: Egypt page", lambda: layer.page(EGYPT), lambda: by_pandas.page(EGYPT)
        ),
        pair(
            "change type: touching or comments",
            lambda: layer.page(TYPES),
            lambda: by_pandas.page(TYPES),
        ),
        pair(
            "change date range: 2019-03-15 to 2021-06-10",
            lambda: layer.page(DATES),
            lambda: by_pandas.page(DATES),
        ),
        pair(
            "open Breakdowns: six charts, type filter",
            lambda: layer.breakdowns(TYPES),
            lambda: by_pandas.breakdowns(TYPES),
        ),
        pair(
            "map: Egypt, H3 r5 cells + areas",
            lambda: layer.map(EGYPT),
            lambda: by_pandas.map(EGYPT),
        ),
        pair(
            "map: Cairo, H3 r7 cells + areas",
            lambda: layer.map(CAIRO),
            lambda: by_pandas.map(CAIRO),
        ),
        pair(
            "timeline: weekly, by type",
            lambda: q.timeline(db, EGYPT, "week"),
            lambda: pdi.timeline(EGYPT, "week"),
        ),
        pair(
            "table page: 500 newest reports",
            lambda: q.points(db, EGYPT, TABLE_ROWS),
            lambda: pdi.points(EGYPT, TABLE_ROWS),
        ),
        pair(
            "export: Cairo 2012-2014 report data",
            lambda: layer.export(REPORT),
            lambda: by_pandas.export(REPORT),
        ),
    ]
