"""``python -m sdg16``: manage local accounts, produce reports, assess progress without the UI.

Exit status: 0 done, 1 failed (nothing written), 2 bad arguments.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import parse_qsl

from sdg16.cli import incident_stats as incident_stats_cli
from sdg16.cli import progress as progress_cli
from sdg16.cli import sessions as cli_sessions
from sdg16.core import catalog
from sdg16.core.filters import Vocabulary, parse_params
from sdg16.core.policy import LANGUAGES
from sdg16.queries import meta
from sdg16.queries.db import ReadOnlyDatabase, StoreMissing
from sdg16.reports.render import FORMATS, render
from sdg16.state import accounts, audit
from sdg16.state.roles import Role

SYSTEM_USER = "system:cli"  # how scheduled reports appear in the audit log


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass(f"Password for {args.name}: ")
    if first != getpass.getpass("Repeat the password: "):
        raise accounts.AccountError("the two passwords differ")
    return first


def cmd_users(args: argparse.Namespace) -> int:
    if args.action == "list":
        for u in accounts.list_users():
            print(f"{u.name}\t{u.role.label}\t{u.created_at}")
        return 0
    if args.action == "add":
        user = accounts.add_user(args.name, Role.parse(args.role), _password(args))
        audit.record(SYSTEM_USER, Role.ADMIN, "user_add", user.name, detail=user.role.label)
        print(f"added {user.name} ({user.role.label})")
    elif args.action == "remove":
        accounts.remove_user(args.name)
        audit.record(SYSTEM_USER, Role.ADMIN, "user_remove", args.name)
        print(f"removed {args.name}")
    elif args.action == "set-role":
        role = Role.parse(args.role)
        accounts.set_role(args.name, role)
        audit.record(SYSTEM_USER, Role.ADMIN, "user_role", args.name, detail=role.label)
        print(f"{args.name} is now {role.label}")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    """``audit verify``: 0 when the hash chain is whole, 1 with the first break."""
    verdict = audit.verify()
    if verdict.ok:
        print(f"audit log: {verdict.entries} entries, hash chain intact")
        return 0
    print(
        f"audit log: chain broken at entry {verdict.broken_at} "
        f"(entry {verdict.entries} in order): {verdict.reason}",
        file=sys.stderr,
    )
    return 1


def vocabulary(db: ReadOnlyDatabase, cat: catalog.Catalog) -> Vocabulary:
    return Vocabulary(
        series=frozenset(s.code for s in cat.all_series()),
        geos=frozenset(meta.geographies(db)["geo_id"]),
        regions=frozenset(meta.regions(db)["code"]),
    )


def cmd_report(args: argparse.Namespace) -> int:
    # Imported here: the incident sections pull in statsmodels and PySAL (seconds), which the
    # other commands (users, sessions, audit) never need.
    from sdg16.reports.build import build_report, source_for

    db, cat = ReadOnlyDatabase(), catalog.get()
    f, notices = parse_params(dict(parse_qsl(args.filters.lstrip("?"))), vocabulary(db, cat))
    if notices:
        for text in notices:
            print(f"error: --filters: {text}", file=sys.stderr)
        return 2
    if not f.series and source_for(f) != "incidents":
        print("error: --filters needs series=CODE (or incident filters)", file=sys.stderr)
        return 2
    if args.lang:  # --lang wins over a lang= in --filters
        f = f.update(lang=args.lang)
    report = build_report(
        db, f, cat, title=args.title, author=SYSTEM_USER, public=args.public, sections=None
    )
    data = render(report, args.format)
    out = Path(args.out)
    tmp = out.with_name(out.name + ".part")
    tmp.write_bytes(data)
    tmp.replace(out)  # never leave half a report under the real name
    audit.record(
        SYSTEM_USER,
        Role.ANALYST,
        "report",
        out.name,
        filters=report.meta.filters_query,
        fmt=args.format,
        rows=report.rows(),
        detail="public" if args.public else "restricted",
    )
    print(f"wrote {out} ({len(data):,} bytes, {report.rows()} rows)")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m sdg16", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    users = sub.add_parser("users", help="local accounts (stored in SDG16_STATE_DB)")
    usub = users.add_subparsers(dest="action", required=True)
    usub.add_parser("list")
    add = usub.add_parser("add")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=[r.label for r in Role][1:])
    add.add_argument("--password-stdin", action="store_true", help="read it from stdin")
    rm = usub.add_parser("remove")
    rm.add_argument("name")
    sr = usub.add_parser("set-role")
    sr.add_argument("name")
    sr.add_argument("--role", required=True, choices=[r.label for r in Role][1:])
    aud = sub.add_parser("audit", help="the audit log")
    aud.add_argument("action", choices=["verify"], help="check the log's hash chain")
    cli_sessions.add_parser(sub)
    rep = sub.add_parser("report", help="a filtered report as PDF, HTML or Excel")
    rep.add_argument("--filters", required=True, help='URL query, e.g. "series=X&geo=MEX"')
    rep.add_argument("--format", required=True, choices=FORMATS)
    rep.add_argument("--out", required=True)
    rep.add_argument("--title", default="", help="default: 'SDG 16 report' in the language")
    rep.add_argument(
        "--lang", choices=list(LANGUAGES), help="the report's language (default: lang= or en)"
    )
    rep.add_argument("--public", action="store_true", help="suppress counts below 5")
    progress_cli.add_parser(sub)
    incident_stats_cli.add_parsers(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        commands = {
            "users": cmd_users,
            "audit": cmd_audit,
            "report": cmd_report,
            "progress": progress_cli.run,
            "hotspots": incident_stats_cli.run,
            "spikes": incident_stats_cli.run,
            "sessions": cli_sessions.cmd,
        }
        return commands[args.command](args)
    except accounts.AccountError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except StoreMissing as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
