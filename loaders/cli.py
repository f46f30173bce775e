"""``python -m loaders``: sync, status and export (a contract: scripts rely on it).

Here: the write commands (sync, incident imports). The read commands (status, export) use the
query layer, so they live in ``sdg16.cli.loaders``, which adds them to this parser;
``loaders/__main__.py`` runs that one (the one upward import, allowed in ``.importlinter``).
Exit status: 0 done, 1 a load failed (nothing changed), 2 bad arguments or unknown codes.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from loaders.base import LoadError, Source
from loaders.store import Store
from sdg16.core import settings

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


def build_parser(
    read_commands: Sequence[Callable[[argparse._SubParsersAction], None]] = (),
) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m loaders", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)

    sync = sub.add_parser("sync", help="load a source into the store (all or nothing)")
    sync.add_argument("--source", choices=(*SOURCES, "all"), default="bundle")
    sync.add_argument(
        "--bundle", help="bundle directory (default: $SDG16_BUNDLE or ../shared/data)"
    )
    sync.set_defaults(run=cmd_sync)

    for add in read_commands:  # status, export: added by sdg16.cli.loaders (they read)
        add(sub)

    from loaders.incidents.cli import register

    register(sub)
    return parser
