"""``python -m sdg16 hotspots|spikes``: the incident statistics as CSV or JSON.

``hotspots`` prints one row per cell of the study area (``cell, reports, gi_z, p_value, p_fdr,
class``), ``spikes`` one per area and month (``area, month, reports, expected, low, high,
flag``). The operator sees the analyst view; ``--public`` applies the small-count rule (cells
and months under 5 reports dropped or blanked, no exact statistics). Each run is audited.
Exit status: 0 done, 1 no store, 2 bad arguments (with a message naming the option).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import re
import sys
from datetime import date

from sdg16.core.filters import Filter
from sdg16.core.taxonomy import get as taxonomy
from sdg16.queries import incidents as q
from sdg16.queries.db import ReadOnlyDatabase
from sdg16.services import incidents
from sdg16.state import audit
from sdg16.state.roles import Role

HOTSPOT_COLUMNS = ["cell", "reports", "gi_z", "p_value", "p_fdr", "class"]
SPIKE_COLUMNS = ["area", "month", "reports", "expected", "low", "high", "flag"]
SYSTEM_USER = "system:cli"
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)  # no other scripts' digits


class BadArgument(ValueError):
    pass


def add_parsers(sub: argparse._SubParsersAction) -> None:
    for name, text in (
        ("hotspots", "Getis-Ord Gi* hotspots over H3 cells (FDR-corrected)"),
        ("spikes", "monthly counts per area against their expected range"),
    ):
        p = sub.add_parser(name, help=text)
        p.add_argument("--geo", required=True, help="country (ISO3), e.g. EGY")
        p.add_argument("--admin1", help="admin-1 area code, e.g. EG-C")
        p.add_argument("--start", help="first day, YYYY-MM-DD")
        p.add_argument("--end", help="last day, YYYY-MM-DD")
        p.add_argument("--type", help="incident types, comma-separated, e.g. touching,comments")
        p.add_argument("--format", choices=("csv", "json"), default="csv")
        p.add_argument("--public", action="store_true", help="apply the small-count rule")
        if name == "hotspots":
            p.add_argument("--resolution", type=int, choices=(5, 7), help="H3 (default: map's)")


def _day(text: str | None, option: str) -> date | None:
    if not text:
        return None
    try:
        if not _ISO_DATE.match(text):
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise BadArgument(f"{option} {text!r}: not a date (YYYY-MM-DD)") from None


def parse_filter(db: ReadOnlyDatabase, args: argparse.Namespace) -> Filter:
    """The incident filter the options describe, or BadArgument naming the option."""
    geo = args.geo.strip().upper()
    have = set(q.countries(db)["country"]) if q.has_incidents(db) else set()
    if geo not in have:
        known = ", ".join(sorted(have)) or "none"
        raise BadArgument(f"--geo {args.geo!r}: no incident reports for it (countries: {known})")
    areas = incidents.area_names(geo, db)
    if args.admin1 and args.admin1 not in areas:
        raise BadArgument(f"--admin1 {args.admin1!r}: not an admin-1 area of {geo}")
    types = tuple(dict.fromkeys(t.strip() for t in (args.type or "").split(",") if t.strip()))
    unknown = [t for t in types if t not in taxonomy().types]
    if unknown:
        raise BadArgument(f"--type: unknown incident type(s) {', '.join(map(repr, unknown))}")
    start, end = _day(args.start, "--start"), _day(args.end, "--end")
    if start and end and start > end:
        raise BadArgument(f"--start {start} is after --end {end}")
    return Filter(geo=(geo,), admin1=args.admin1, incident_types=types, start=start, end=end)


def _plain(value: object) -> object:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "strftime"):
        return value.strftime("%Y-%m")
    return value.item() if hasattr(value, "item") else value


def _print(rows: list[dict], columns: list[str], fmt: str) -> None:
    if fmt == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    sys.stdout.write(buf.getvalue())


def run(args: argparse.Namespace) -> int:
    db = ReadOnlyDatabase()
    try:
        f = parse_filter(db, args)
    except BadArgument as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    role = Role.ANONYMOUS if args.public else Role.ANALYST
    # Here, not at the top: PySAL takes seconds to import, and every `python -m sdg16` command
    # (users, sessions, report) builds this parser.
    from sdg16.services.analytics import hotspots, monthly

    if args.command == "hotspots":
        frame, columns = hotspots.for_filter(db, f, role, args.resolution).cells, HOTSPOT_COLUMNS
    else:
        frame, columns = monthly.by_area(db, f, role), SPIKE_COLUMNS
    rows = [{c: _plain(r[c]) for c in columns} for r in frame.to_dict("records")]
    _print(rows, columns, args.format)
    query = f.to_query()
    detail = "public" if args.public else "restricted"
    audit.record(
        SYSTEM_USER, role, args.command, "stdout", filters=query, fmt=args.format,
        rows=len(rows), detail=detail,
    )  # fmt: skip
    return 0
