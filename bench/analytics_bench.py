"""Incident statistics (issue K) at scale: hotspots, spikes and the Key findings tab, uncached
(what a new filter costs before ``sdg16.ui.cache.incident_stats`` holds it), each beside the
raw query the map or timeline already makes for the same filter, in one run.

``python -m bench.analytics_bench --stores /tmp/sdg16-bench/reports-10000000-16.duckdb ...``
prints a Markdown table (p50 / p95 ms) for bench/RESULTS.md. Stores come from bench/stores.py.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from bench.timing import measure
from sdg16.core.filters import Filter
from sdg16.queries import incidents as q
from sdg16.queries.db import ReadOnlyDatabase
from sdg16.services.analytics import gather, hotspots, monthly
from sdg16.state.roles import Role

EGYPT = Filter(geo=("EGY",))
CAIRO = EGYPT.update(admin1="EG-C")
TYPES = EGYPT.update(incident_types=("touching", "comments"))
CAIRO_DATES = CAIRO.update(start=date(2019, 1, 1), end=date(2021, 12, 31))

Work = Callable[[ReadOnlyDatabase], object]
SCENARIOS: list[tuple[str, Work, Work]] = [
    (
        "hotspots: Egypt, H3 r5",
        lambda db: hotspots.for_filter(db, EGYPT, Role.ANALYST),
        lambda db: q.cell_counts(db, EGYPT, 5),
    ),
    (
        "hotspots: Cairo, H3 r7",
        lambda db: hotspots.for_filter(db, CAIRO, Role.ANALYST),
        lambda db: q.cell_counts(db, CAIRO, 7),
    ),
    (
        "hotspots: Egypt, touching or comments",
        lambda db: hotspots.for_filter(db, TYPES, Role.ANONYMOUS),
        lambda db: q.cell_counts(db, TYPES, 5),
    ),
    (
        "spikes + trend: Egypt, every month",
        lambda db: monthly.selection(db, EGYPT, Role.ANALYST),
        lambda db: q.timeline(db, EGYPT, "month"),
    ),
    (
        "spikes + trend: Cairo 2019-2021",
        lambda db: monthly.selection(db, CAIRO_DATES, Role.ANALYST),
        lambda db: q.timeline(db, CAIRO_DATES, "month"),
    ),
    (
        "spikes per area (CLI): Egypt, 27 areas",
        lambda db: monthly.by_area(db, EGYPT, Role.ANALYST),
        lambda db: q.timeline(db, EGYPT, "month"),
    ),
    (
        "Key findings tab: Egypt (all of the above)",
        lambda db: gather.stats(db, EGYPT, Role.ANONYMOUS),
        lambda db: (q.summary(db, EGYPT), q.cell_counts(db, EGYPT, 5)),
    ),
]


def run(stores: Sequence[Path], repeats: int) -> str:
    lines = [
        "| store | computation | statistics p50 / p95 | raw query p50 / p95 | p95 ratio |",
        "|---|---|---|---|---|",
    ]
    for path in stores:
        db = ReadOnlyDatabase(path)
        rows = db.query("SELECT count(*) AS n FROM incident")["n"].iloc[0]
        for name, stats, raw in SCENARIOS:
            got = measure(lambda s=stats, d=db: s(d), repeats)
            floor = measure(lambda r=raw, d=db: r(d), repeats)
            ratio = got.p95_ms / floor.p95_ms if floor.p95_ms else float("nan")
            lines.append(
                f"| {rows:,} reports | {name} | {got.cell()} | {floor.cell()} | {ratio:,.1f}x |"
            )
            print(lines[-1], file=sys.stderr, flush=True)
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.analytics_bench", description=__doc__)
    p.add_argument("--stores", nargs="+", required=True, type=Path)
    p.add_argument("--repeats", type=int, default=12)
    args = p.parse_args(argv)
    print(run(args.stores, args.repeats))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
