"""``python -m bench.steps_profile [--trace]``: where one journey step's time goes, per part.

For a few steps (a /trends control change, a /map year slider step, a region pick, the
Trends -> Map menu switch), after one warm pass, it records between the action and "settled"
(``testkit.journeys.step``):

- the websocket: script runs the server finished (``script_finished``), reruns the browser asked
  for (``rerun_script``), elements sent by type and their bytes, cached-message references;
- the page: plotly graph divs created, their SVG roots rebuilt (a full redraw), MapLibre maps
  created, plotly draws (``plotly_afterplot``), element containers mounted;
- Chromium's own counters (CDP ``Performance.getMetrics``): task, script, layout, style time;
- with ``--trace``: a Chromium performance trace per step (bench/out/trace-*.json, opens in
  DevTools) and a sampled CPU profile, summed by script file and by function.

Prints one JSON object per step and a summary table; writes nothing to RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from testkit import journeys as j
from testkit.browser import serve, shared_chromium

OUT = Path(__file__).with_name("out")
# Plotly graph divs, their SVG roots and MapLibre maps seen so far (a new one: made again).
PLOTS_JS = """
(() => {
  const p = window.__sdg16Plots = {created: 0, svgs: 0, maps: 0, drawn: 0, mounted: 0};
  const seen = new WeakSet();
  const scan = () => {
    for (const gd of document.querySelectorAll('.js-plotly-plot')) {
      if (!seen.has(gd)) { seen.add(gd); p.created++; }
      const svg = gd.querySelector('.main-svg');
      if (svg && !seen.has(svg)) { seen.add(svg); p.svgs++; }
      if (gd.on && !gd.__sdg16) { gd.__sdg16 = 1; gd.on('plotly_afterplot', () => p.drawn++); }
      const sub = gd._fullLayout && gd._fullLayout.map && gd._fullLayout.map._subplot;
      if (sub && sub.map && !seen.has(sub.map)) { seen.add(sub.map); p.maps++; }
    }
  };
  setInterval(scan, 25);
  const watch = () => new MutationObserver((rs) => {
    for (const r of rs) for (const n of r.addedNodes) {
      if (n.nodeType === 1 && n.matches("[data-testid='stElementContainer']")) p.mounted++;
    }
    scan();
  }).observe(document, {subtree: true, childList: true});
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watch);
  else watch();
})();
"""
METRICS = ("TaskDuration", "ScriptDuration", "LayoutDuration", "RecalcStyleDuration")
TRACE_CATEGORIES = ["devtools.timeline", "v8.execute", "disabled-by-default-devtools.timeline"]


class Wire:
    """Every websocket frame of a page, decoded (ForwardMsg in, BackMsg out)."""

    def __init__(self, page) -> None:
        self.frames: list[tuple[str, str, int, float]] = []  # (direction, kind, bytes, when)
        self.asked: list[dict] = []  # each rerun_script the browser sent
        self.states: dict[str, bytes] = {}  # widget states of the last one
        self.t0 = time.perf_counter()  # reset at each step
        page.on("websocket", self._attach)

    def _attach(self, ws) -> None:
        ws.on("framereceived", lambda data: self._got("in", data))
        ws.on("framesent", lambda data: self._got("out", data))

    def _got(self, way: str, data) -> None:
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        if isinstance(data, str):
            return
        msg = (ForwardMsg if way == "in" else BackMsg)()
        msg.ParseFromString(data)
        kind = msg.WhichOneof("type") or "?"
        if kind == "rerun_script":  # why the browser asked: the widgets it sent, the page
            r = msg.rerun_script
            now = {w.id: w.SerializeToString() for w in r.widget_states.widgets}
            changed = sorted(k[-48:] for k, v in now.items() if self.states.get(k) != v)
            self.states = now
            probe = [w.json_value for w in r.widget_states.widgets if w.id.endswith("_probe")]
            self.asked.append(
                {
                    "t": round(time.perf_counter() - self.t0, 3),
                    "changed": changed,
                    "probe": probe,
                    "history": r.is_history_navigation,
                }
            )
        if kind == "script_finished":
            self.asked.append(
                {"t": round(time.perf_counter() - self.t0, 3), "finished": msg.script_finished}
            )
        if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            kind = "element:" + (msg.delta.new_element.WhichOneof("type") or "?")
        self.frames.append((way, kind, len(data), time.perf_counter()))

    def since(self, mark: int, asked: int) -> dict:
        part = self.frames[mark:]
        kinds = Counter(k for _, k, _, _ in part)
        size = Counter()
        for _, k, n, _ in part:
            size[k] += n
        came = [t - self.t0 for w, _, _, t in part if w == "in"]
        return {
            "script_finished": kinds["script_finished"],
            "reruns_asked": kinds["rerun_script"],
            "why": self.asked[asked:],
            "bytes_in": sum(n for w, _, n, _ in part if w == "in"),
            "first_in_s": round(min(came), 3) if came else None,
            "last_in_s": round(max(came), 3) if came else None,
            "elements": dict(kinds.most_common(12)),
            "bytes_by_kind": dict(size.most_common(6)),
        }


def _metrics(cdp) -> dict[str, float]:
    got = cdp.send("Performance.getMetrics")["metrics"]
    return {m["name"]: m["value"] for m in got if m["name"] in METRICS}


def _profile_summary(profile: dict, top: int = 12) -> dict:
    """Self time (ms) of a CDP CPU profile, by script file and by function."""
    nodes = {n["id"]: n for n in profile["nodes"]}
    by_file, by_fn = Counter(), Counter()
    deltas = profile["timeDeltas"]
    for sample, dt in zip(profile["samples"], [*deltas[1:], 0], strict=True):
        frame = nodes[sample]["callFrame"]
        url = frame["url"].rsplit("/", 1)[-1] or f"({frame['functionName'] or 'native'})"
        by_file[url] += dt / 1000
        by_fn[f"{frame['functionName'] or '(anonymous)'} @ {url}"] += dt / 1000
    rnd = lambda c: {k: round(v, 1) for k, v in c.most_common(top)}  # noqa: E731
    return {"by_file_ms": rnd(by_file), "by_function_ms": rnd(by_fn)}


def _trace_summary(path: Path, top: int = 14) -> dict:
    """Total ms of the renderer main thread's trace events by name (nested events counted in
    their own name too: the parts, not a partition)."""
    events = json.loads(path.read_text())
    events = events["traceEvents"] if isinstance(events, dict) else events
    main = {
        (e["pid"], e["tid"])
        for e in events
        if e.get("name") == "thread_name" and e["args"].get("name") == "CrRendererMain"
    }
    took = Counter()
    for e in events:
        if e.get("ph") == "X" and (e["pid"], e["tid"]) in main and "dur" in e:
            took[e["name"]] += e["dur"] / 1000
    return {k: round(v, 1) for k, v in took.most_common(top)}


def measure(ctx, page, cdp, wire: Wire, name: str, action: Callable[[], float], trace: bool):
    page.evaluate("window.__sdg16Plots && Object.keys(window.__sdg16Plots)")
    plots0 = page.evaluate("({...window.__sdg16Plots})")
    m0, mark, asked = _metrics(cdp), len(wire.frames), len(wire.asked)
    wire.t0 = time.perf_counter()
    if trace:
        ctx.browser.start_tracing(page=page, categories=TRACE_CATEGORIES)
        cdp.send("Profiler.start")
    took = action()
    out: dict = {"step": name, "settled_s": round(took, 3)}
    if trace:
        out["cpu"] = _profile_summary(cdp.send("Profiler.stop")["profile"])
        slug = "".join(c if c.isalnum() else "_" for c in name).strip("_")
        raw = OUT / f"trace-{slug}.json"
        raw.write_bytes(ctx.browser.stop_tracing())
        out["trace_file"] = str(raw)
        out["main_thread_ms"] = _trace_summary(raw)
    m1, plots1 = _metrics(cdp), page.evaluate("({...window.__sdg16Plots})")
    out["browser_ms"] = {k: round((m1[k] - m0[k]) * 1000) for k in METRICS}
    out["plots"] = {k: plots1[k] - plots0.get(k, 0) for k in plots1}
    out["wire"] = wire.since(mark, asked)
    return out


def run(base: str, trace: bool, repeats: int) -> list[dict]:
    results: list[dict] = []
    with j.journey_browser((1400, 1000)) as ctx:
        ctx.add_init_script(PLOTS_JS)
        page = ctx.new_page()
        wire = Wire(page)
        cdp = ctx.new_cdp_session(page)
        cdp.send("Performance.enable")
        cdp.send("Profiler.enable")
        cdp.send("Profiler.setSamplingInterval", {"interval": 200})
        for rep in range(repeats + 1):  # the first pass only warms (caches, chunks)
            keep = rep > 0

            def do(name, action, keep=keep):
                r = measure(ctx, page, cdp, wire, name, action, trace and keep)
                if keep:
                    results.append(r)
                    print(json.dumps(r), flush=True)

            do(
                "open: /trends",
                lambda: j.open_page(page, f"{base}/trends?series=VC_IHR_PSRC&geo=MEX,HND,SLV,GTM"),
            )
            do("trends: remove a country", lambda: j.remove_tag(page, "Honduras"))
            do("menu: Trends -> Map", lambda: j.menu(page, "Map"))
            do("map: year slider one step", lambda: j.slider_keys(page, "Year", "ArrowLeft"))
            do("map: pick a region", lambda: j.pick(page, "Region", "Africa (UN region)"))
    return results


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.steps_profile", description=__doc__)
    p.add_argument("--trace", action="store_true", help="Chromium trace + CPU profile per step")
    p.add_argument("--repeats", type=int, default=1)
    p.add_argument("--json", default=str(OUT / "steps_profile.json"))
    args = p.parse_args(argv)
    OUT.mkdir(exist_ok=True)
    started = time.strftime("%H:%M", time.gmtime())
    with shared_chromium(), serve("serve.py") as server:
        results = run(server.url, args.trace, args.repeats)
    import os

    load = "/".join(f"{x:.2f}" for x in os.getloadavg())
    Path(args.json).write_text(json.dumps({"at": started, "load": load, "steps": results}))
    print(f"load average {load}; wrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
