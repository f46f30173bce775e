"""Server memory as browser sessions are added: 1, 5, 25 concurrent Chromium contexts."""

from __future__ import annotations

import time

from bench.browser_bench import View, wait_settled
from bench.server import Server


def rss_by_sessions(
    browser, server: Server, view: View, levels: tuple[int, ...]
) -> dict[int, float]:
    """Server RSS (MB) with each number of sessions open and settled on ``view``."""
    open_pages: list = []
    out: dict[int, float] = {}
    try:
        for level in levels:
            new = []
            while len(open_pages) + len(new) < level:
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                page.goto(server.url + view.url, wait_until="commit")  # all load at once
                new.append((context, page))
            for _, page in new:
                wait_settled(page, view.marker)
            open_pages += new
            time.sleep(1.0)  # let the server finish sending and drop per-run garbage
            out[level] = server.rss_mb()
    finally:
        for context, _ in open_pages:
            context.close()
    return out


def per_extra_session(rss: dict[int, float]) -> float | None:
    levels = sorted(rss)
    if len(levels) < 2:
        return None
    return (rss[levels[-1]] - rss[levels[0]]) / (levels[-1] - levels[0])
