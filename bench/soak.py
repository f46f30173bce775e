"""Many sessions exploring the incident map for a bounded time while an import swaps the store.

Each round, every session opens a random country or area (the whole page: map, timeline,
breakdowns). A third of the way in, ``loaders synth-incidents`` adds reports and swaps the file.
Records every exception, failed or off-machine request, the server's memory over time, and
whether each session then shows the new report count.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.browser_bench import wait_settled
from bench.server import serve
from sdg16.core.filters import Filter
from sdg16.queries import meta
from sdg16.queries.db import ReadOnlyDatabase
from sdg16.services import incidents
from sdg16.state.roles import Role
from testkit.browser import ROOT, PageWatch, exceptions_on


@dataclass
class SoakResult:
    sessions: int
    seconds: float
    views: int = 0
    errors: list[str] = field(default_factory=list)
    rss: list[tuple[float, float]] = field(default_factory=list)  # (seconds in, MB)
    sync_exit: int | None = None
    load_before: int = 0
    load_after: int = 0
    fresh_text: str = ""  # the report count the new load should show
    distinguishable: bool = True  # False when old and new loads show the same count
    saw_new: int = 0  # sessions showing the new load after the swap
    rows: int = 0  # synthetic reports in the store at the start
    added: int = 0


CHECK = Filter(geo=("PAK",))
NAMES = {"EGY": "Egypt", "PAK": "Pakistan"}


def _store_state(path: Path) -> tuple[int, str]:
    db = ReadOnlyDatabase(path)
    load_id = int(meta.load_log(db)["load_id"].max())
    reports = incidents.summary(db, CHECK, Role.ANONYMOUS)["reports"]
    return load_id, f"{reports:,}"


def _places() -> list[tuple[str, str]]:
    """(query string, the caption that shows it rendered) for every country and area."""
    out = []
    for geo, name in NAMES.items():
        out.append((f"geo={geo}", f"{name}:"))
        for code, area in incidents.area_names(geo).items():
            out.append((f"geo={geo}&admin1={code}", f"{name} · {area}:"))
    return out


def soak(
    browser, store: Path, sessions: int, seconds: float, add: int = 5000, seed: int = 16
) -> SoakResult:
    """``store`` is a throwaway copy: the import rewrites it mid-run."""
    rng = random.Random(seed)
    choices = _places()
    result = SoakResult(sessions, seconds, added=add)
    result.load_before, old_text = _store_state(store)
    with serve("serve.py", {"SDG16_DB": str(store)}) as server:
        pages = []
        for _ in range(sessions):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            watch = PageWatch()
            watch.attach(page)
            pages.append((context, page, watch))
        start = time.monotonic()
        sync: subprocess.Popen | None = None
        swapped, rounds_after_swap = False, 0
        # Keep going past the time limit until one whole round has run on the new store.
        while time.monotonic() - start < seconds or not rounds_after_swap:
            picks = [rng.choice(choices) for _ in pages]
            if swapped and rounds_after_swap == 0:
                picks = [("geo=PAK", "Pakistan:")] * len(pages)  # the count to check
            for (_, page, _), (query, _) in zip(pages, picks, strict=True):
                page.goto(f"{server.url}/incidents?{query}", wait_until="commit")
            for (_, page, _), (query, marker) in zip(pages, picks, strict=True):
                try:
                    wait_settled(page, marker, timeout_ms=180_000)
                    result.views += 1
                except Exception as exc:  # a view that never settles is an error to report
                    result.errors.append(f"{query}: {type(exc).__name__}: {str(exc)[:120]}")
                result.errors += [f"{query}: exception {e[:120]}" for e in exceptions_on(page)]
            elapsed = time.monotonic() - start
            result.rss.append((elapsed, server.rss_mb()))
            if swapped and rounds_after_swap == 0 and result.fresh_text:
                result.saw_new = sum(
                    result.fresh_text in page.inner_text("body") for _, page, _ in pages
                )
            rounds_after_swap += swapped
            if sync is None and elapsed > seconds / 3:
                env = {**os.environ, "SDG16_DB": str(store)}
                cmd = [sys.executable, "-m", "loaders", "synth-incidents", "--n", str(add)]
                cmd += ["--seed", "77"]
                sync = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
            if sync is not None and not swapped and sync.poll() is not None:
                swapped, result.sync_exit = True, sync.returncode
                result.load_after, result.fresh_text = _store_state(store)
                result.distinguishable = result.fresh_text != old_text
        for context, _, watch in pages:
            failed = [f for f in watch.failed if "ERR_ABORTED" not in f]
            result.errors += [f"off-machine request {u}" for u in watch.offsite]
            result.errors += [f"failed request {f}" for f in failed]
            context.close()
    return result
