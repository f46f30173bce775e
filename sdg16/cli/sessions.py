"""``python -m sdg16 sessions list | revoke ID | revoke-user NAME``: see and end sign-ins.

A revoked session signs nobody in from the next click on, in every tab and replica.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

from sdg16.state import audit, sessions
from sdg16.state.roles import Role

SYSTEM_USER = "system:cli"
SHOWN_ID = 12  # characters of the id printed and accepted (a SHA-256 prefix)


def add_parser(sub) -> None:
    p = sub.add_parser("sessions", help="sign-in sessions (list, revoke)")
    ssub = p.add_subparsers(dest="action", required=True)
    ssub.add_parser("list", help="live sessions: id, user, provider, created, last seen (UTC)")
    one = ssub.add_parser("revoke", help="end one session (id as `sessions list` prints it)")
    one.add_argument("id")
    user = ssub.add_parser("revoke-user", help="end every session of a user")
    user.add_argument("name")


def _when(t: float) -> str:
    return datetime.fromtimestamp(t, UTC).strftime("%Y-%m-%d %H:%M:%S")


def cmd(args: argparse.Namespace) -> int:
    if args.action == "list":
        for s in sessions.live():
            line = (s.id[:SHOWN_ID], s.user, s.provider, _when(s.created_at), _when(s.last_seen))
            print("\t".join(line))
        return 0
    if args.action == "revoke":
        found = sessions.find(args.id)
        if len(found) != 1:
            what = "no session" if not found else f"{len(found)} sessions"
            print(f"error: {what} with id {args.id!r} (use the id `sessions list` prints)")
            return 2
        if not sessions.revoke(found[0].id, "revoked by the command line"):
            print(f"session {args.id} had ended already")
            return 0
        audit.record(SYSTEM_USER, Role.ADMIN, "session_revoke", found[0].user, detail=args.id)
        print(f"revoked session {args.id} of {found[0].user}")
        return 0
    count = sessions.revoke_user(args.name.strip().lower(), "revoked by the command line")
    audit.record(SYSTEM_USER, Role.ADMIN, "session_revoke", args.name, detail=f"{count} sessions")
    print(f"revoked {count} session(s) of {args.name}")
    return 0
