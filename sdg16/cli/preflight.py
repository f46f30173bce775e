"""What a replica needs before it serves, said in plain words at start (``deploy/start.sh``).

Exit 1 only when the app cannot work at all (no store, state database unreachable); missing
fonts or Chromium only switch features off, and the pages that need them say so.
"""

from __future__ import annotations

import sys
from pathlib import Path

from sdg16.core import settings
from sdg16.core.browser import CHROMIUM
from sdg16.queries.db import ReadOnlyDatabase, StoreMissing
from sdg16.state import statedb

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/truetype/noto"))


def checks() -> list[tuple[str, bool, str]]:
    """(what, fatal, problem) for each thing that is missing."""
    found: list[tuple[str, bool, str]] = []
    db = ReadOnlyDatabase()
    try:
        if not db.has_table("shape"):
            found.append(("store", False, "no borders stored: reload the bundle to draw maps"))
    except StoreMissing as exc:
        found.append(("store", True, str(exc)))
    try:
        with statedb.connect() as con:
            con.execute("SELECT count(*) FROM users").fetchone()
    except Exception as exc:  # any driver error: the message is what the operator needs
        where = "PostgreSQL (SDG16_STATE_URL)" if settings.state_url() else "SQLite"
        found.append(("state", True, f"{where} unreachable: {exc}"))
    if not Path(CHROMIUM).exists():
        found.append(("chromium", False, f"{CHROMIUM} missing: no chart images, no PDF decks"))
    for folder in FONT_DIRS:
        if not folder.is_dir():
            found.append(("fonts", False, f"{folder} missing: PDF reports may lack glyphs"))
    return found


def main() -> int:
    problems = checks()
    for what, fatal, problem in problems:
        print(f"sdg16 preflight: {'ERROR' if fatal else 'warning'}: {what}: {problem}", flush=True)
    return 1 if any(fatal for _, fatal, _ in problems) else 0


if __name__ == "__main__":
    sys.exit(main())
