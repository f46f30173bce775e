"""``python -m sdg16 progress``: the progress of series in places, one row per (series, geo)."""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import sys

from sdg16.core import catalog
from sdg16.queries import meta
from sdg16.queries.db import ReadOnlyDatabase
from sdg16.services.analytics import assessment, progress

COLUMNS = progress.COLUMNS  # series, geo, base_year, ..., status, notes


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("progress", help="are we on track? the progress measure per series and geo")
    p.add_argument("--geo", required=True, help="comma-separated geo ids, e.g. MEX,HND")
    p.add_argument("--series", help="comma-separated series codes (default: every series)")
    p.add_argument("--format", choices=("csv", "json"), default="csv")


def _codes(text: str | None) -> list[str]:
    seen: dict[str, None] = {}
    for part in (text or "").split(","):
        if part.strip():
            seen[part.strip().upper()] = None
    return list(seen)


def _plain(value: object) -> object:
    """JSON/CSV-friendly: pandas NA and NaN become None, numpy scalars Python numbers."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    try:
        if value != value or str(value) == "<NA>":
            return None
    except (TypeError, ValueError):
        return None
    return value.item() if hasattr(value, "item") else value


def run(args: argparse.Namespace) -> int:
    db, cat = ReadOnlyDatabase(), catalog.get()
    geos, series = _codes(args.geo), _codes(args.series)
    if not geos:
        print("error: --geo: give at least one geo id, e.g. --geo MEX,HND", file=sys.stderr)
        return 2
    known_geos = set(meta.geographies(db)["geo_id"])
    bad = [g for g in geos if g not in known_geos]
    if bad:
        print(f"error: --geo: unknown geo id(s): {', '.join(bad)}", file=sys.stderr)
        return 2
    bad = [s for s in series if not cat.has_series(s)]
    if bad:
        print(f"error: --series: unknown series code(s): {', '.join(bad)}", file=sys.stderr)
        return 2
    out = assessment.assess(db, cat, geos, series or None)
    rows = [{c: _plain(r[c]) for c in COLUMNS} for r in out.to_dict("records")]
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        sys.stdout.write(buf.getvalue())
    return 0
