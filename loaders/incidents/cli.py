"""``python -m loaders import-incidents`` and ``synth-incidents`` (a contract, like the rest)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from loaders.base import LoadError
from loaders.incidents import FORMATS, read, synthetic
from loaders.store import Store
from sdg16.core import settings


def cmd_import(args: argparse.Namespace) -> int:
    store = Store(settings.db_path())
    try:
        batch = read(Path(args.file), args.format, args.country)
        result = store.apply_incidents(batch)
    except LoadError as exc:
        store.record_failure("incidents", args.file, exc)
        print(f"import-incidents: FAILED, nothing changed.\n{exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False))
        return 0
    print(
        f"import-incidents {args.file}: imported {result.imported:,}, "
        f"duplicates {result.duplicates:,}, quarantined {result.quarantined:,} "
        f"(load {result.load_id})" + (f", flagged {len(result.flags):,}" if result.flags else "")
    )
    for q in result.quarantine[:20]:
        print(f"  row {q['row']} id {q['id']}: {q['field']}: {q['reason']}")
    if result.quarantined > 20:
        print(f"  ... and {result.quarantined - 20} more (table incident_quarantine)")
    return 0


def cmd_pull(args: argparse.Namespace) -> int:
    from loaders.incidents import kobo_api

    store = Store(settings.db_path())
    try:
        result = store.apply_incidents(kobo_api.pull(kobo_api.config()))
    except LoadError as exc:
        store.record_failure("kobo", "KoBoToolbox API", exc)
        print(f"pull-incidents kobo: FAILED, nothing changed.\n{exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False))
    else:
        print(
            f"pull-incidents kobo: imported {result.imported:,}, duplicates "
            f"{result.duplicates:,}, quarantined {result.quarantined:,}"
        )
    return 0


def cmd_synth(args: argparse.Namespace) -> int:
    if args.n <= 0:
        print("synth-incidents: --n must be positive", file=sys.stderr)
        return 2
    result = Store(settings.db_path()).apply_incidents(synthetic.batch(args.n, args.seed))
    print(
        f"synth-incidents: imported {result.imported:,} SYNTHETIC reports "
        f"(duplicates {result.duplicates:,}, seed {args.seed})"
    )
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    imp = sub.add_parser("import-incidents", help="import a file of incident reports")
    imp.add_argument("file")
    imp.add_argument("--format", choices=FORMATS, help="default: guessed from the header")
    imp.add_argument("--json", action="store_true", help="one JSON object")
    imp.add_argument("--country", help="ISO3, for exports that do not name it (Ushahidi)")
    imp.set_defaults(run=cmd_import)
    pull = sub.add_parser("pull-incidents", help="pull a KoBoToolbox form's submissions")
    pull.add_argument("--source", choices=("kobo",), default="kobo")
    pull.add_argument("--json", action="store_true", help="one JSON object")
    pull.set_defaults(run=cmd_pull)
    syn = sub.add_parser("synth-incidents", help="add seeded synthetic reports (marked)")
    syn.add_argument("--n", type=int, required=True)
    syn.add_argument("--seed", type=int, default=1)
    syn.set_defaults(run=cmd_synth)
