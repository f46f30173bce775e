"""Many sessions exploring the overview for a bounded time while a sync swaps the store.

Records every exception, failed or off-machine request, the server's memory over time, and
whether each session shows the new load's freshness line once the swap is done.
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
from sdg16.db import ReadOnlyDatabase
from sdg16.queries import meta
from tests.browser_harness import ROOT, PageWatch, exceptions_on


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
    fresh_text: str = ""  # the freshness line the new load should produce
    distinguishable: bool = True  # False when old and new loads print the same minute
    saw_new: int = 0  # sessions showing the new load after the swap


def _store_state(path: Path) -> tuple[int, str]:
    db = ReadOnlyDatabase(path)
    load_id = int(meta.load_log(db)["load_id"].max())
    loaded = meta.freshness(db)["loaded_at"].max()
    return load_id, f"loaded {loaded:%Y-%m-%d %H:%M} UTC"


def soak(browser, store: Path, sessions: int, seconds: float, seed: int = 16) -> SoakResult:
    """``store`` is a throwaway copy: the sync rewrites it mid-run."""
    rng = random.Random(seed)
    db = ReadOnlyDatabase(store)
    countries = meta.geographies_with_data(db).query("kind == 'country'")
    choices = list(zip(countries["geo_id"], countries["name"], strict=True))
    result = SoakResult(sessions, seconds)
    result.load_before, old_text = _store_state(store)
    with serve("app.py", {"SDG16_DB": str(store)}) as server:
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
            for (_, page, _), (geo, _) in zip(pages, picks, strict=True):
                page.goto(f"{server.url}/?geo={geo}", wait_until="commit")
            for (_, page, _), (geo, name) in zip(pages, picks, strict=True):
                try:
                    wait_settled(page, f"Latest values: {name}", timeout_ms=90_000)
                    result.views += 1
                except Exception as exc:  # a view that never settles is an error to report
                    result.errors.append(f"{geo}: {type(exc).__name__}: {str(exc)[:120]}")
                result.errors += [f"{geo}: exception {e[:120]}" for e in exceptions_on(page)]
            elapsed = time.monotonic() - start
            result.rss.append((elapsed, server.rss_mb()))
            rounds_after_swap += swapped
            if sync is None and elapsed > seconds / 3:
                env = {**os.environ, "SDG16_DB": str(store)}
                cmd = [sys.executable, "-m", "loaders", "sync"]
                sync = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
            if sync is not None and not swapped and sync.poll() is not None:
                swapped, result.sync_exit = True, sync.returncode
                result.load_after, result.fresh_text = _store_state(store)
                result.distinguishable = result.fresh_text != old_text
        if result.fresh_text:
            result.saw_new = sum(
                result.fresh_text in page.inner_text("body") for _, page, _ in pages
            )
        for context, _, watch in pages:
            failed = [f for f in watch.failed if "ERR_ABORTED" not in f]
            result.errors += [f"off-machine request {u}" for u in watch.offsite]
            result.errors += [f"failed request {f}" for f in failed]
            context.close()
    return result
