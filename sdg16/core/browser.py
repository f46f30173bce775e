"""Headless Debian Chromium, launched one way everywhere (PDF decks, report images, tests, bench).

The flags keep Chromium itself from calling home (see ../shared/FIELD-NOTES.md): without the
background-networking ones it asks Google's hosts for updates and components at every start.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

CHROMIUM = os.environ.get("SDG16_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# A Chromium this process already runs (``lend``): Playwright's sync API cannot start inside
# itself, and a launch costs seconds where a new context costs a fraction of one.
_lent: list = []


@contextmanager
def lend(browser) -> Iterator[None]:
    """While inside, ``context`` opens its contexts in ``browser`` (a launched Playwright
    Chromium) instead of launching one: the test session runs one Chromium for all its tests."""
    _lent.append(browser)
    try:
        yield
    finally:
        _lent.remove(browser)


@contextmanager
def context(viewport: tuple[int, int] = (1280, 900), locale: str = "en-US") -> Iterator:
    """A Playwright browser context on a fresh, throwaway profile (its own cookies and storage).
    The locale is fixed (the machine's own would vary): pages pick a first country from the
    browser's region."""
    from playwright.sync_api import sync_playwright

    size = {"width": viewport[0], "height": viewport[1]}
    if _lent:
        ctx = _lent[-1].new_context(viewport=size, locale=locale)
        try:
            yield ctx
        finally:
            ctx.close()
        return
    with tempfile.TemporaryDirectory() as profile, sync_playwright() as pw:
        ctx = pw.chromium.launch_persistent_context(
            profile,
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport=size,
            locale=locale,
        )
        try:
            yield ctx
        finally:
            ctx.close()


# True once every chart on a Streamlit page has drawn: each plotly element has its plot (and a
# MapLibre map has loaded and stopped moving), each deck.gl element its canvas, and no chart
# waits to be redrawn for the room the browser measured. The chart's own
# "drawn" state, read from the page, rather than a timer (decks came out half-loaded with one).
CHARTS_DRAWN_JS = """() => {
  const visible = (el) => el.offsetParent !== null;
  const app = document.querySelector("[data-testid='stApp']");
  if (!app || app.getAttribute("data-test-script-state") !== "notRunning") return false;
  // Streamlit draws a skeleton where an element (a chart's code) is still loading.
  if ([...document.querySelectorAll("[data-testid='stSkeleton']")].some(visible)) return false;
  // The room probe (sdg16.ui.screen) has a size the server has not drawn for yet: a redraw is due.
  if (document.querySelector("[data-measuring]")) return false;
  const want = [...document.querySelectorAll("[data-testid='stPlotlyChart']")].filter(visible);
  for (const el of want) {
    const gd = el.querySelector(".js-plotly-plot");
    // .main-svg is drawn by Plotly.newPlot itself: the figure is on the page, not just queued.
    if (!gd || !gd._fullLayout || !gd.querySelector(".main-svg")) return false;
    // Drawn before the browser said how much room it has: redrawn for that room next.
    if (gd.layout.meta && gd.layout.meta.provisional) return false;
    if (gd._fullLayout.map) {  // MapLibre: style, our sources and layers in, nothing moving
      const map = gd._fullLayout.map._subplot && gd._fullLayout.map._subplot.map;
      if (!map || !map.loaded() || map.isMoving() || map.getStyle().layers.length < 2) return false;
    }
  }
  const decks = [...document.querySelectorAll("[data-testid='stDeckGlJsonChart']")].filter(visible);
  return decks.every((el) => el.querySelector("canvas"));
}"""


TWO_FRAMES_JS = "() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))"


def wait_for_charts(page, timeout_ms: int = 30000) -> None:
    """Block until ``CHARTS_DRAWN_JS`` holds on a Playwright ``page``, then for two animation
    frames (the browser has painted what was drawn)."""
    # First what the browser is about to dispatch (a resize: the room probe marks itself).
    page.evaluate(TWO_FRAMES_JS)
    page.wait_for_function(CHARTS_DRAWN_JS, timeout=timeout_ms, polling=200)
    page.evaluate(TWO_FRAMES_JS)
