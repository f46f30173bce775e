"""``python -m loaders``: the loaders' parser plus the read commands, status and export.

They read through ``sdg16.queries``, which ``loaders/`` may not import; ``loaders/__main__.py``
runs this ``main`` so the command line stays one program with one interface.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from loaders.cli import build_parser
from sdg16.core import catalog, settings, spreadsheet
from sdg16.core.filters import Filter
from sdg16.queries import incidents, indicators, meta
from sdg16.queries.db import ReadOnlyDatabase, StoreMissing


def _reader():
    return ReadOnlyDatabase(settings.db_path())


def cmd_status(args: argparse.Namespace) -> int:
    summary = meta.status(_reader())
    summary.update(incidents.store_counts(_reader()))
    if args.json:
        print(json.dumps(summary, default=str))
        return 0
    print(f"store: {summary['database']}")
    for key in ("series", "observations", "countries", "aggregates"):
        print(f"{key:>13}: {summary[key]:,}")
    for entry in summary["sources"][:10]:
        print(
            f"  load {entry['load_id']} {entry['source']} {entry['outcome']} "
            f"{entry['finished_at']} {entry['location'] or ''}"
        )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    db = _reader()
    cat = catalog.get()
    known = set(db.query("SELECT DISTINCT series_code FROM series")["series_code"])
    if args.series not in known:
        print(f"export: unknown series {args.series!r} (see indicators.yaml)", file=sys.stderr)
        return 2
    geos = [g.strip().upper() for g in args.geo.split(",") if g.strip()]
    all_geos = set(meta.geographies(db)["geo_id"])
    unknown = [g for g in geos if g not in all_geos]
    if unknown or not geos:
        print(
            f"export: unknown country code(s): {', '.join(unknown) or '(none given)'}",
            file=sys.stderr,
        )
        return 2
    f = Filter(series=args.series, geo=tuple(geos), year_from=args.year_from, year_to=args.year_to)
    frame = indicators.observations(db, f, cat)
    # Values exactly as in the source: the text, not a re-formatted float.
    out = frame.assign(value=frame["value_text"])[indicators.EXPORT_COLUMNS]
    if args.format == "json":
        print(out.to_json(orient="records", force_ascii=False))
    else:
        spreadsheet.safe_frame(out).to_csv(sys.stdout, index=False)
    return 0


def add_read_commands(sub: argparse._SubParsersAction) -> None:
    status = sub.add_parser("status", help="what the store holds and its load log")
    status.add_argument("--json", action="store_true", help="one JSON object")
    status.set_defaults(run=cmd_status)

    export = sub.add_parser("export", help="headline observations of one series")
    export.add_argument("--series", required=True)
    export.add_argument("--geo", required=True, help="comma-separated ISO3 codes")
    export.add_argument("--from", dest="year_from", type=int)
    export.add_argument("--to", dest="year_to", type=int)
    export.add_argument("--format", choices=("csv", "json"), default="csv")
    export.set_defaults(run=cmd_export)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser(read_commands=(add_read_commands,)).parse_args(argv)
    try:
        return args.run(args)
    except StoreMissing as exc:
        print(str(exc), file=sys.stderr)
        return 1
