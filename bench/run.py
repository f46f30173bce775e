"""One benchmark run: every measure, every size, back to back so the ratios are fair."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from bench import apptest_bench, incident_scenarios, indicator_scenarios
from bench.browser_bench import View, ViewResult, chromium, measure_view
from bench.incident_pandas import PandasIncidents
from bench.scenarios import Comparison, RecordingDatabase, compare_all
from bench.server import serve
from bench.sessions import rss_by_sessions
from bench.soak import SoakResult, soak
from bench.stores import BenchStore, incident_store, indicator_store
from bench.timing import Timing
from sdg16.core import catalog
from testkit.browser import ROOT

MAP_CANVAS = "[data-testid='stDeckGlJsonChart'] canvas"
FLOOR = View(
    "floor: one-line page", "/", "hello", None, (("Beta", "Beta"), ("Alpha", "Alpha")), "Pick"
)
HOME = View(
    "overview (?geo=MEX)",
    "/?geo=MEX",
    "Latest values: Mexico",
    None,
    (("Egypt", "Latest values: Egypt"), ("Mexico", "Latest values: Mexico")),
    "Country or region",
)
MAP = View(
    "incident map (Egypt, public)",
    "/incidents?geo=EGY",
    "Egypt:",
    MAP_CANVAS,
    (("Pakistan", "Pakistan:"), ("Egypt", "Egypt:")),
    "Country",
)
TABLE = View(
    "indicator table (homicide, every year and geography)",
    "/table?series=VC_IHR_PSRC",
    " rows",
)


PANDAS_FEWER_FROM = 5_000_000


@dataclass(frozen=True)
class Options:
    sizes: tuple[int, ...]
    repeats: int
    browser_repeats: int
    levels: tuple[int, ...]
    soak_sessions: int
    soak_seconds: float
    skip: frozenset[str]
    work: Path


@dataclass
class Results:
    options: Options
    stores: list[BenchStore] = field(default_factory=list)
    queries: dict[str, list[Comparison]] = field(default_factory=dict)  # size label -> rows
    pandas_mb: dict[str, float] = field(default_factory=dict)
    pandas_runs: dict[str, int] = field(default_factory=dict)
    reruns: list[tuple[str, str, str, Timing]] = field(default_factory=list)  # page, size, cache
    views: list[tuple[str, ViewResult]] = field(default_factory=list)  # size, result
    rss: list[tuple[str, str, float, dict[int, float]]] = field(default_factory=list)
    soak: SoakResult | None = None
    problems: list[str] = field(default_factory=list)


def label(rows: int) -> str:
    for div, suffix in ((1_000_000, "M"), (1_000, "k")):
        if rows >= div and rows % div == 0:
            return f"{rows // div}{suffix}"
    return str(rows)


def _queries(res: Results, store: Path, stores: list[BenchStore], repeats: int) -> None:
    db = RecordingDatabase(store)
    with duckdb.connect(str(store), read_only=True) as raw:
        scen = indicator_scenarios.scenarios(db, catalog.get())
        res.queries["bundle"] = compare_all(scen, raw, db, repeats)
    for s in stores:
        db = RecordingDatabase(s.path)
        pdi = PandasIncidents(db)
        res.pandas_mb[label(s.rows)] = pdi.memory_mb()
        # pandas takes seconds a call at 10M: fewer runs there, reported beside the table.
        slow = max(3, repeats // 3) if s.rows >= PANDAS_FEWER_FROM else None
        res.pandas_runs[label(s.rows)] = slow or repeats
        with duckdb.connect(str(s.path), read_only=True) as raw:
            scen = incident_scenarios.scenarios(db, pdi)
            res.queries[label(s.rows)] = compare_all(scen, raw, db, repeats, slow)
        del pdi


def _reruns(res: Results, store: Path, stores: list[BenchStore], repeats: int) -> None:
    """Whole-page reruns in AppTest: warm (cached) and cold (caches cleared before each)."""
    floor = apptest_bench.rerun(ROOT / "bench/floor_app.py", repeats, {})
    res.reruns.append(("floor: one-line page", "-", "warm", floor))
    home = apptest_bench.rerun(ROOT / "app.py", repeats, {"geo": "MEX"}, "views/home.py")
    res.reruns.append(("overview (?geo=MEX)", "bundle", "warm", home))
    for s in stores:
        os.environ["SDG16_DB"] = str(s.path)
        for cold in (False, True):
            t = apptest_bench.rerun(
                ROOT / "app.py", repeats, {"geo": "EGY"}, "views/incidents.py", cold=cold
            )
            res.reruns.append((MAP.name, label(s.rows), "cold" if cold else "warm", t))
    os.environ["SDG16_DB"] = str(store)


def _browser(res: Results, browser, srv, views: tuple[View, ...], size: str, opts: Options):
    for view in views:
        got = measure_view(browser, srv.url, view, opts.browser_repeats)
        res.views.append((size, got))
        res.problems += [f"{view.name} {size}: {p}" for p in got.problems]


def run(opts: Options) -> Results:
    res = Results(opts)
    opts.work.mkdir(parents=True, exist_ok=True)
    store = indicator_store(opts.work)
    os.environ["SDG16_DB"] = str(store)  # AppTest runs app.py in this process
    res.stores = [incident_store(n, opts.work) for n in opts.sizes]
    if "queries" not in opts.skip:
        _queries(res, store, res.stores, opts.repeats)
    if "apptest" not in opts.skip:
        _reruns(res, store, res.stores, opts.repeats)
    if opts.skip >= {"browser", "sessions"} and "soak" in opts.skip:
        return res
    with chromium() as browser:
        if "browser" not in opts.skip:
            with serve("bench/floor_app.py") as srv:
                _browser(res, browser, srv, (FLOOR,), "-", opts)
                res.rss.append(("floor: one-line page", "-", srv.rss_mb(), {}))
            with serve("serve.py", {"SDG16_DB": str(store)}) as srv:
                _browser(res, browser, srv, (HOME, TABLE), "bundle", opts)
        for s in res.stores:
            if {"browser", "sessions"} <= opts.skip:
                break
            with serve("serve.py", {"SDG16_DB": str(s.path)}) as srv:
                if "browser" not in opts.skip:
                    _browser(res, browser, srv, (MAP,), label(s.rows), opts)
                after = srv.rss_mb()
                sessions = {}
                if "sessions" not in opts.skip:
                    sessions = rss_by_sessions(browser, srv, MAP, opts.levels)
                res.rss.append(("incident map", label(s.rows), after, sessions))
        if "soak" not in opts.skip:
            soak_from = res.stores[min(1, len(res.stores) - 1)]
            copy = opts.work / "soak.duckdb"
            shutil.copyfile(soak_from.path, copy)
            res.soak = soak(browser, copy, opts.soak_sessions, opts.soak_seconds)
            res.soak.rows = soak_from.rows
    return res
