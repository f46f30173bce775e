"""``python -m bench.journeys [--repeats N]``: what a person feels, in headless Chromium.

1. The cold first visit: a new server (``serve.py``, warm-up thread started), the overview
   opened as soon as ``/_stcore/health`` answers: seconds to the first thing drawn (the skeleton
   or content) and to the first run finished with content.
2. The framework's floor: ``bench/floor_app.py`` (one select box), a change settled, in the same
   run and browser; and that app's own page switch and reload.
3. Journey steps (the steps of tests/browser/test_journeys_*.py, ``testkit.journeys.step``):
   each step's settle time (its runs finished) and the time until its charts are drawn
   (``sdg16.core.browser.wait_for_charts``: plotly's plot, a MapLibre map loaded and still, a
   deck.gl canvas), medians per kind of step; the ratio to the floor is taken on the drawn
   time, what a person waits for.

Writes section 9 of bench/RESULTS.md in place (the rest of the file is left as it is).
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from sdg16.core.browser import CHARTS_DRAWN_JS, wait_for_charts
from testkit import journeys as j
from testkit.browser import serve

RESULTS = Path(__file__).with_name("RESULTS.md")
HEADING = "## 9. Journeys: settle time per step vs the framework floor (issue G)"
FIRST_DRAWN_JS = (
    "() => document.querySelector(\"[data-testid='sdg16-skeleton']\")"
    " || document.querySelector(\"[data-testid='stMain'] h1\")"
)
TARGET_RATIO, TARGET_COLD_S = 2.0, 3.0
# On every document: the wall-clock ms at which the page's charts last became drawn (null while
# they are not), checked every 20 ms, so the moment is the page's own and not when a wait from
# outside next polled. The check itself costs the page a little main-thread time.
DRAWN_TICKER_JS = f"""
(() => {{
  const drawn = ({CHARTS_DRAWN_JS});
  const now = () => performance.timeOrigin + performance.now();
  window.__sdg16DrawnAt = null;
  setInterval(() => {{
    let ok = false;
    try {{ ok = drawn(); }} catch (e) {{}}
    if (!ok) window.__sdg16DrawnAt = null;
    else if (window.__sdg16DrawnAt === null) window.__sdg16DrawnAt = now();
  }}, 20);
}})();
"""


def _env(work: Path) -> dict[str, str]:
    return {"SDG16_STATE_DB": str(work / "state.sqlite")}


def cold_visit(env: dict[str, str]) -> tuple[float, float, float, float]:
    """(seconds from the server's start to ``/_stcore/health`` answering, then to the first
    thing drawn, to the first run finished, and to its charts drawn) on a server just started."""
    begun = time.perf_counter()
    with serve("serve.py", env) as server, j.journey_browser() as ctx:
        ready = time.perf_counter() - begun
        ctx.add_init_script(DRAWN_TICKER_JS)
        page = ctx.new_page()
        start = time.perf_counter()
        page.goto(server.url + "/", wait_until="commit")
        page.wait_for_function(FIRST_DRAWN_JS, timeout=120_000, polling=20)
        drawn = time.perf_counter() - start
        page.wait_for_function(j.IDLE_JS, arg=[0, None], timeout=120_000, polling=20)
        page.locator(f"{j.MAIN} h1").first.wait_for(timeout=120_000)
        settled = time.perf_counter() - start
        wait_for_charts(page, 120_000)
        # The document's clock starts at the navigation, which is where ``start`` is.
        shown = page.evaluate("() => window.__sdg16DrawnAt - performance.timeOrigin") / 1000
        return ready, drawn, settled, max(settled, shown)


Timing = tuple[float, float]  # (settled, charts drawn) in seconds from the action


def drawn(page, action: Callable[[], float]) -> Timing:
    """Do a ``testkit.journeys`` action; its settle time, and the time from the same click
    until its charts were drawn as the page saw it (``DRAWN_TICKER_JS``, installed on the
    context): never before the run finished, and the same as settled on a page without charts."""
    settled = action()
    wait_for_charts(page)
    at = page.evaluate("() => window.__sdg16DrawnAt") / 1000  # wall clock, as the step's
    return settled, max(settled, at - j.last_action_at)


FLOOR_RERUN = "rerun (one select box changed)"
FLOOR_SWITCH, FLOOR_RELOAD = "page switch (menu link)", "reload"


def floor(repeats: int) -> dict[str, list[float]]:
    """The framework's own floors on ``bench/floor_app.py``: a one-line page's rerun (the
    ratio's base), and the same app's page switch and reload (what no page can beat)."""
    out: dict[str, list[float]] = {FLOOR_RERUN: [], FLOOR_SWITCH: [], FLOOR_RELOAD: []}
    with serve("bench/floor_app.py") as server, j.journey_browser() as ctx:
        ctx.add_init_script(DRAWN_TICKER_JS)
        page = ctx.new_page()
        j.open_page(page, server.url)
        for i in range(repeats):
            choice = ("Beta", "Alpha")[i % 2]
            out[FLOOR_RERUN].append(drawn(page, lambda c=choice: j.pick(page, "Pick", c))[1])
        for i in range(max(2, repeats // 3)):
            link = page.get_by_role("link", name=("Two", "One")[i % 2], exact=True)
            out[FLOOR_SWITCH].append(drawn(page, lambda link=link: j.step(page, link.click))[1])
            out[FLOOR_RELOAD].append(drawn(page, lambda: j.reload(page))[1])
    return out


def _journey(page, base: str) -> dict[str, list[Timing]]:
    """One pass over the journeys' steps; timings per kind of step."""
    out: dict[str, list[Timing]] = {}

    def timed(kind: str, action: Callable[[], float]) -> None:
        out.setdefault(kind, []).append(drawn(page, action))

    j.open_page(page, f"{base}/country?geo=EGY")
    for name in ("Mexico", "Honduras", "Chile"):
        timed("country: pick a country", lambda n=name: j.pick(page, "Country", n))
    timed("country: Back", lambda: j.back(page))
    j.open_page(page, f"{base}/map?series=VC_IHR_PSRC")
    for region in ("Africa (UN region)", "Americas (UN region)", "Europe (UN region)"):
        timed("map: pick a region", lambda r=region: j.pick(page, "Region", r))
    for _ in range(3):
        timed("map: year slider one step", lambda: j.slider_keys(page, "Year", "ArrowLeft"))
    j.open_page(page, f"{base}/trends?series=VC_IHR_PSRC&geo=MEX,HND,SLV,GTM")
    for name in ("Honduras", "El Salvador"):
        timed("trends: remove a country", lambda n=name: j.remove_tag(page, n))
    timed("trends: language switch", lambda: j.pick(page, "Language", "Español"))
    timed("trends: language switch", lambda: j.pick(page, "Idioma", "English"))
    timed("page switch by the menu (Trends -> Map)", lambda: j.menu(page, "Map"))
    timed("page switch by the menu (Map -> Table)", lambda: j.menu(page, "Table"))
    j.open_page(page, f"{base}/progress?region=income-low-income")
    for label in ("Anticipated Progress (ESCAP)", "Progress measure (Open SDG)"):
        timed("progress: change the view", lambda lb=label: j.click_radio(page, lb))
    timed("reload (Progress)", lambda: j.reload(page))
    return out


def journeys(env: dict[str, str], repeats: int) -> dict[str, list[Timing]]:
    merged: dict[str, list[Timing]] = {}
    with serve("serve.py", env) as server, j.journey_browser((1400, 1000)) as ctx:
        ctx.add_init_script(DRAWN_TICKER_JS)
        page = ctx.new_page()
        _journey(page, server.url)  # warm: caches filled, chunks loaded
        for _ in range(repeats):
            for kind, times in _journey(page, server.url).items():
                merged.setdefault(kind, []).extend(times)
    return merged


def render(
    cold: tuple[float, float, float, float],
    floors: dict[str, list[float]],
    steps: dict[str, list[Timing]],
) -> str:
    floor_s = floors[FLOOR_RERUN]
    base = statistics.median(floor_s)
    own = "; ".join(
        f"{kind}: {statistics.median(times):.2f} s ({statistics.median(times) / base:.1f}x)"
        for kind, times in floors.items()
        if kind != FLOOR_RERUN and times
    )
    load = "/".join(f"{x:.2f}" for x in os.getloadavg())
    lines = [
        HEADING,
        "",
        f"`python -m bench.journeys` on {time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC "
        f"(load average after the run {load}, 2 cores shared with other test runs). Settled: "
        "the step's own script run finished and no other started within 250 ms "
        "(`testkit.journeys.step`); drawn: then every chart on the page drawn "
        "(`sdg16.core.browser.wait_for_charts`). Medians in seconds; ratio = drawn / floor.",
        "",
        f"Framework floor (`bench/floor_app.py`, one select box changed): median "
        f"**{base:.2f} s** over {len(floor_s)} changes (min {min(floor_s):.2f}, "
        f"max {max(floor_s):.2f}). The same one-line app's own {own}: no page of ours can do "
        "better than these.",
        "",
        "| step | n | settled s | drawn s | max drawn s | ratio to floor | within 2x |",
        "|---|---|---|---|---|---|---|",
    ]
    missed = []
    for kind, timings in steps.items():
        shown = [d for _, d in timings]
        med = statistics.median(shown)
        ratio = med / base
        ok = ratio <= TARGET_RATIO
        if not ok:
            missed.append(f"{kind} ({ratio:.1f}x)")
        lines.append(
            f"| {kind} | {len(timings)} | {statistics.median(s for s, _ in timings):.2f} | "
            f"{med:.2f} | {max(shown):.2f} | {ratio:.1f}x | {'yes' if ok else '**no**'} |"
        )
    ready, first, settled, charts = cold
    lines += [
        "",
        f"Cold first visit (server started, ready after {ready:.2f} s; `/` opened as soon as "
        f"`/_stcore/health` answered): first thing drawn (skeleton or title) after "
        f"**{first:.2f} s**, first run finished with the overview after **{settled:.2f} s** "
        f"(target {TARGET_COLD_S:.0f} s: {'met' if settled <= TARGET_COLD_S else '**missed**'}), "
        f"its charts drawn after {charts:.2f} s.",
        "",
        "Where the 2x target is missed: "
        + ("; ".join(missed) if missed else "nowhere in this run")
        + ". These steps redraw a chart or a map (plotly, MapLibre) or a whole page; the floor "
        "redraws one line of text.",
        "",
    ]
    return "\n".join(lines)


def write(section: str, path: Path = RESULTS) -> None:
    text = path.read_text(encoding="utf-8")
    if HEADING in text:
        head, rest = text.split(HEADING, 1)
        tail = rest[rest.find("\n## ") + 1 :] if "\n## " in rest else ""
        text = head + section + ("\n" + tail if tail else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text, encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.journeys", description=__doc__)
    p.add_argument("--repeats", type=int, default=2, help="timed passes over the journey")
    p.add_argument("--floor-repeats", type=int, default=10)
    p.add_argument("--out", default=str(RESULTS))
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="sdg16-journeys-") as work:
        env = _env(Path(work))
        cold = cold_visit(env)
        floors = floor(args.floor_repeats)
        steps = journeys(env, args.repeats)
    write(render(cold, floors, steps), Path(args.out))
    print(f"wrote section 9 of {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
