"""One benchmark run: every measure, every size, back to back so the ratios are fair."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from bench import apptest_bench, incident_standin, indicator_scenarios, synthetic
from bench.browser_bench import View, ViewResult, chromium, measure_view
from bench.scenarios import Comparison, RecordingDatabase, compare_all
from bench.server import serve
from bench.sessions import rss_by_sessions
from bench.soak import SoakResult, soak
from bench.timing import Timing
from sdg16 import catalog
from tests.browser_harness import ROOT

MAP_CANVAS = "[data-testid='stDeckGlJsonChart'] canvas"
FLOOR = View("floor: one-line page", "/", "hello", (("Beta", "Beta"), ("Alpha", "Alpha")))
HOME = View(
    "overview (?geo=MEX)",
    "/?geo=MEX",
    "Latest values: Mexico",
    (("Egypt", "Latest values: Egypt"), ("Mexico", "Latest values: Mexico")),
)
MAP = View(
    "stand-in map (all countries)",
    "/?view=map",
    "cells (All)",
    (("MEX", "cells (MEX)"), ("All", "cells (All)")),
    MAP_CANVAS,
)
TABLE = View(
    "stand-in table page",
    "/?view=table",
    "reports (All)",
    (("MEX", "reports (MEX)"), ("All", "reports (All)")),
)


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
    queries: dict[str, list[Comparison]] = field(default_factory=dict)  # size label -> rows
    pandas_mb: dict[str, float] = field(default_factory=dict)
    reruns: list[tuple[str, str, Timing]] = field(default_factory=list)  # page, size, timing
    views: list[tuple[str, ViewResult]] = field(default_factory=list)  # size, result
    rss: list[tuple[str, str, float, dict[int, float]]] = field(default_factory=list)
    soak: SoakResult | None = None
    problems: list[str] = field(default_factory=list)


def label(rows: int) -> str:
    for div, suffix in ((1_000_000, "M"), (1_000, "k")):
        if rows >= div and rows % div == 0:
            return f"{rows // div}{suffix}"
    return str(rows)


def indicator_store(work: Path) -> Path:
    """The real bundle, loaded fresh into the work folder (the same path the app is given)."""
    from loaders.bundle import BundleSource
    from loaders.store import Store
    from sdg16 import settings

    path = work / "indicators.duckdb"
    if not path.exists():
        Store(path).apply(BundleSource(settings.bundle_dir()).fetch())
    return path


def run(opts: Options) -> Results:
    res = Results(opts)
    opts.work.mkdir(parents=True, exist_ok=True)
    store = indicator_store(opts.work)
    os.environ["SDG16_DB"] = str(store)  # AppTest runs app.py in this process
    stores = {n: synthetic.write(n, opts.work / "reports") for n in opts.sizes}
    if "queries" not in opts.skip:
        db = RecordingDatabase(store)
        with duckdb.connect(str(store), read_only=True) as raw:
            scen = indicator_scenarios.scenarios(db, catalog.get())
            res.queries["bundle"] = compare_all(scen, raw, db, opts.repeats)
        for n, s in stores.items():
            frame = pd.read_parquet(s.parquet_path)
            res.pandas_mb[label(n)] = frame.memory_usage(deep=True).sum() / 2**20
            db = RecordingDatabase(s.duckdb_path)
            with duckdb.connect(str(s.duckdb_path), read_only=True) as raw:
                scen = incident_standin.scenarios(db, frame)
                res.queries[label(n)] = compare_all(scen, raw, db, opts.repeats)
            del frame
    if "apptest" not in opts.skip:
        floor = apptest_bench.rerun(ROOT / "bench/floor_app.py", opts.repeats, {})
        res.reruns.append(("floor: one-line page", "-", floor))
        home = apptest_bench.rerun(ROOT / "app.py", opts.repeats, {"geo": "MEX"}, "views/home.py")
        res.reruns.append(("overview (?geo=MEX)", "bundle", home))
        for n, s in stores.items():
            os.environ["BENCH_REPORTS"] = str(s.duckdb_path)
            for view in ("map", "table"):
                t = apptest_bench.rerun(ROOT / "bench/standin_app.py", opts.repeats, {"view": view})
                res.reruns.append((f"stand-in {view}", label(n), t))
    if opts.skip >= {"browser", "sessions"} and "soak" in opts.skip:
        return res
    with chromium() as browser:
        if "browser" not in opts.skip:
            with serve("bench/floor_app.py") as srv:
                res.views.append(("-", measure_view(browser, srv.url, FLOOR, opts.browser_repeats)))
                res.rss.append(("floor: one-line page", "-", srv.rss_mb(), {}))
        for n, s in stores.items():
            if {"browser", "sessions"} <= opts.skip:
                break
            with serve("bench/standin_app.py", {"BENCH_REPORTS": str(s.duckdb_path)}) as srv:
                if "browser" not in opts.skip:
                    for view in (MAP, TABLE):
                        got = measure_view(browser, srv.url, view, opts.browser_repeats)
                        res.views.append((label(n), got))
                        res.problems += [f"{view.name} {label(n)}: {p}" for p in got.problems]
                after = srv.rss_mb()
                sessions = {}
                if "sessions" not in opts.skip:
                    sessions = rss_by_sessions(browser, srv, MAP, opts.levels)
                res.rss.append(("stand-in incident views", label(n), after, sessions))
        with serve("app.py", {"SDG16_DB": str(store)}) as srv:
            if "browser" not in opts.skip:
                got = measure_view(browser, srv.url, HOME, opts.browser_repeats)
                res.views.append(("bundle", got))
                res.problems += [f"{HOME.name}: {p}" for p in got.problems]
            after = srv.rss_mb()
            sessions = {}
            if "sessions" not in opts.skip:
                sessions = rss_by_sessions(browser, srv, HOME, opts.levels)
            res.rss.append(("overview", "bundle", after, sessions))
        if "soak" not in opts.skip:
            copy = opts.work / "soak.duckdb"
            shutil.copyfile(store, copy)
            res.soak = soak(browser, copy, opts.soak_sessions, opts.soak_seconds)
    return res
