"""``python -m bench.journeys [--repeats N]``: what a person feels, in headless Chromium.

1. The cold first visit: a new server (``serve.py``, warm-up thread started), the overview
   opened as soon as ``/_stcore/health`` answers: seconds to the first thing drawn (the skeleton
   or content) and to the first run finished with content.
2. The framework's floor: ``bench/floor_app.py`` (one select box), a change settled, in the same
   run and browser.
3. Journey steps (the steps of tests/browser/test_journeys_*.py, ``testkit.journeys.step``):
   each step's settle time, medians per kind of step, as a ratio to the floor.

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

from testkit import journeys as j
from testkit.browser import serve

RESULTS = Path(__file__).with_name("RESULTS.md")
HEADING = "## 9. Journeys: settle time per step vs the framework floor (issue G)"
FIRST_DRAWN_JS = (
    "() => document.querySelector(\"[data-testid='sdg16-skeleton']\")"
    " || document.querySelector(\"[data-testid='stMain'] h1\")"
)
TARGET_RATIO, TARGET_COLD_S = 2.0, 3.0


def _env(work: Path) -> dict[str, str]:
    return {"SDG16_STATE_DB": str(work / "state.sqlite")}


def cold_visit(env: dict[str, str]) -> tuple[float, float, float]:
    """(seconds from the server's start to ``/_stcore/health`` answering, then to the first
    thing drawn, then to the first run finished) on a server just started."""
    begun = time.perf_counter()
    with serve("serve.py", env) as server, j.journey_browser() as ctx:
        ready = time.perf_counter() - begun
        page = ctx.new_page()
        start = time.perf_counter()
        page.goto(server.url + "/", wait_until="commit")
        page.wait_for_function(FIRST_DRAWN_JS, timeout=120_000, polling=20)
        drawn = time.perf_counter() - start
        page.wait_for_function(j.IDLE_JS, arg=[0, None], timeout=120_000, polling=20)
        page.locator(f"{j.MAIN} h1").first.wait_for(timeout=120_000)
        return ready, drawn, time.perf_counter() - start


def floor(repeats: int) -> list[float]:
    with serve("bench/floor_app.py") as server, j.journey_browser() as ctx:
        page = ctx.new_page()
        j.open_page(page, server.url)
        return [j.pick(page, "Pick", ("Beta", "Alpha")[i % 2]) for i in range(repeats)]


def _journey(page, base: str) -> dict[str, list[float]]:
    """One pass over the journeys' steps; seconds per kind of step."""
    out: dict[str, list[float]] = {}

    def timed(kind: str, action: Callable[[], float]) -> None:
        out.setdefault(kind, []).append(action())

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


def journeys(env: dict[str, str], repeats: int) -> dict[str, list[float]]:
    merged: dict[str, list[float]] = {}
    with serve("serve.py", env) as server, j.journey_browser((1400, 1000)) as ctx:
        page = ctx.new_page()
        _journey(page, server.url)  # warm: caches filled, chunks loaded
        for _ in range(repeats):
            for kind, times in _journey(page, server.url).items():
                merged.setdefault(kind, []).extend(times)
    return merged


def render(
    cold: tuple[float, float, float], floor_s: list[float], steps: dict[str, list[float]]
) -> str:
    base = statistics.median(floor_s)
    load = "/".join(f"{x:.2f}" for x in os.getloadavg())
    lines = [
        HEADING,
        "",
        f"`python -m bench.journeys` on {time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC "
        f"(load average after the run {load}, 2 cores shared with other test runs). Settled: "
        "the step's own script run finished and no other started within 250 ms "
        "(`testkit.journeys.step`). Medians in seconds; ratio = step / floor.",
        "",
        f"Framework floor (`bench/floor_app.py`, one select box changed): median "
        f"**{base:.2f} s** over {len(floor_s)} changes (min {min(floor_s):.2f}, "
        f"max {max(floor_s):.2f}).",
        "",
        "| step | n | median s | max s | ratio to floor | within 2x |",
        "|---|---|---|---|---|---|",
    ]
    missed = []
    for kind, times in steps.items():
        med = statistics.median(times)
        ratio = med / base
        ok = ratio <= TARGET_RATIO
        if not ok:
            missed.append(f"{kind} ({ratio:.1f}x)")
        lines.append(
            f"| {kind} | {len(times)} | {med:.2f} | {max(times):.2f} | {ratio:.1f}x | "
            f"{'yes' if ok else '**no**'} |"
        )
    ready, drawn, settled = cold
    lines += [
        "",
        f"Cold first visit (server started, ready after {ready:.2f} s; `/` opened as soon as "
        f"`/_stcore/health` answered): first thing drawn (skeleton or title) after "
        f"**{drawn:.2f} s**, first run finished with the overview after **{settled:.2f} s** "
        f"(target {TARGET_COLD_S:.0f} s: {'met' if settled <= TARGET_COLD_S else '**missed**'}).",
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
        floor_s = floor(args.floor_repeats)
        steps = journeys(env, args.repeats)
    write(render(cold, floor_s, steps), Path(args.out))
    print(f"wrote section 9 of {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
