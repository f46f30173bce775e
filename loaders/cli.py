"""``python -m loaders``: sync, status and export (a contract: scripts rely on it).

This is an entry point, so unlike the loader modules it may use the query layer to read.
Exit status: 0 done, 1 a load failed (nothing changed), 2 bad arguments or unknown codes.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from loaders.base import LoadError, Source
from loaders.store import Store
from sdg16 import settings
from sdg16.core import spreadsheet

SOURCES = ("bundle", "unsdg", "worldbank")


def _make_source(name: str, args: argparse.Namespace) -> Source:
    if name == "bundle":
        from loaders.bundle import BundleSource

        return BundleSource(Path(args.bundle) if args.bundle else settings.bundle_dir())
    if name == "unsdg":
        from loaders.unsdg import UnSdgSource

        return UnSdgSource()
    from loaders.worldbank import WorldBankSource

    return WorldBankSource()


def cmd_sync(args: argparse.Namespace) -> int:
    store = Store(settings.db_path())
    names = SOURCES if args.source == "all" else (args.source,)
    failed = 0
    for name in names:
        try:
            batch = _make_source(name, args).fetch()
            result = store.apply(batch)
        except LoadError as exc:
            store.record_failure(name, getattr(args, "bundle", None) or name, exc)
            print(f"sync {name}: FAILED, nothing changed.\n{exc}", file=sys.stderr)
            failed += 1
            continue
        print(
            f"sync {name}: loaded {result.observations:,} observations of "
            f"{result.series} series (load {result.load_id}) into {store.path}"
        )
    return 1 if failed else 0


def _reader():
    from sdg16.db import ReadOnlyDatabase

    return ReadOnlyDatabase(settings.db_path())


def cmd_status(args: argparse.Namespace) -> int:
    from sdg16.queries import incidents, meta

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
    from sdg16 import catalog
    from sdg16.filters import Filter
    from sdg16.queries import indicators, meta

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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m loaders", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)

    sync = sub.add_parser("sync", help="load a source into the store (all or nothing)")
    sync.add_argument("--source", choices=(*SOURCES, "all"), default="bundle")
    sync.add_argument(
        "--bundle", help="bundle directory (default: $SDG16_BUNDLE or ../shared/data)"
    )
    sync.set_defaults(run=cmd_sync)

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

    from loaders.incidents.cli import register

    register(sub)
    return parser


EXTRA_COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = []


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from sdg16.db import StoreMissing

    try:
        return args.run(args)
    except StoreMissing as exc:
        print(str(exc), file=sys.stderr)
        return 1
