"""bench/RESULTS.md: one table per measure, the floor beside each number, targets checked."""

from __future__ import annotations

import os
import platform
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from bench.run import Results
from bench.sessions import per_extra_session

TARGETS = {
    "interaction_ms": {"1M": 100.0, "10M": 250.0},
    "layer_vs_raw": 1.5,
    "pandas_speedup_10M": 10.0,
    "browser_mb": 1.5,
    "rss_10M_mb": 600.0,
    "session_mb": 30.0,
}


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    out = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    out += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(out)


def mark(ok: bool) -> str:
    return "met" if ok else "**missed**"


def machine(load_before: tuple[float, ...], load_after: tuple[float, ...]) -> str:
    import psutil

    mem = psutil.virtual_memory()
    return (
        f"{platform.node()}: {os.cpu_count()} cores, {mem.total / 2**30:.0f} GB RAM, "
        f"Python {platform.python_version()}. Load average (1/5/15 min) before the run "
        f"{'/'.join(f'{x:.2f}' for x in load_before)}, after "
        f"{'/'.join(f'{x:.2f}' for x in load_after)}: the 2 cores were shared with other "
        "engineers' test runs, so absolute numbers are noisy; ratios come from back-to-back runs."
    )


def _queries(res: Results) -> list[str]:
    parts = []
    for size, rows in res.queries.items():
        title = "indicators, real bundle" if size == "bundle" else f"{size} synthetic reports"
        budget = TARGETS["interaction_ms"].get(size)
        head = ["interaction", "SQL", "rows out", "query layer", "raw DuckDB (floor)", "pandas"]
        head += ["layer/raw p95", "pandas/layer p50"]
        body = [
            [
                c.name + ("" if c.same_rows else " (row counts differ!)"),
                str(c.statements),
                f"{c.rows:,}",
                c.layer.cell(),
                c.raw.cell(),
                c.pandas.cell(),
                f"{c.layer_vs_raw:.2f}x",
                f"{c.pandas_vs_layer:.1f}x",
            ]
            for c in rows
        ]
        worst = max(c.layer.p95_ms for c in rows)
        notes = f"slowest interaction p95 {worst:,.1f} ms"
        if budget:
            notes += f" (target {budget:.0f} ms: {mark(worst <= budget)})"
        if size == "10M":
            slowest_gain = min(c.pandas_vs_layer for c in rows)
            notes += f"; least gain over pandas {slowest_gain:.1f}x (target 10x)"
        extra = (
            f" pandas frames in memory: {res.pandas_mb[size]:,.0f} MB;"
            f" pandas timed over {res.pandas_runs[size]} runs."
            if size in res.pandas_mb
            else ""
        )
        parts.append(f"### {title}\n\n{table(head, body)}\n\n{notes}.{extra}")
    return parts


def render(res: Results, command: str, load_before: tuple, load_after: tuple) -> str:
    o = res.options
    lines = [
        "# Benchmark results",
        "",
        f"One run of `{command}` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC. Sizes: "
        f"{', '.join(str(s) for s in o.sizes)} synthetic reports; {o.repeats} timed repeats per "
        f"query and rerun, {o.browser_repeats} per browser measure, warm-up discarded. Times are "
        "p50 / p95 in milliseconds.",
        "",
        machine(load_before, load_after),
        "",
        "Every store is the real bundle (indicators and the 1,534 HarassMap reports) plus the "
        "given number of seeded SYNTHETIC reports, imported through the loader "
        "(`loaders.incidents.synthetic`, `Store.apply_incidents`). Every measure runs the "
        "product's own code: `sdg16.queries`, `app.py` and its pages.",
        "",
        "## 0. Stores: what a sync costs at each size",
        "",
        table(
            ["synthetic reports", "generate", "import + aggregate + swap", "store file"],
            [
                [
                    f"{s.rows:,}",
                    f"{s.generate_s:.1f} s",
                    f"{s.import_s:.1f} s",
                    f"{s.file_mb:,.0f} MB",
                ]
                for s in res.stores
            ],
        ),
        "",
        "## 1. Query layer vs raw DuckDB vs pandas",
        "",
        f"Targets: p95 at most 100 ms at 1M and 250 ms at 10M; layer within "
        f"{TARGETS['layer_vs_raw']}x of raw DuckDB; at least 10x faster than pandas at 10M.",
        "",
        *[p + "\n" for p in _queries(res)],
        "## 2. Whole page rerun (AppTest, warm caches)",
        "",
        "Warm: the data caches hold this filter (a revisit). Cold: every `st.cache_data` entry "
        "cleared before each rerun (the first visitor after a sync, or a filter nobody has asked "
        "for yet).",
        "",
        table(
            ["page", "data", "caches", "rerun p50 / p95"],
            [[p, s, c, t.cell()] for p, s, c, t in res.reruns],
        ),
        "",
        "## 3. Headless Chromium: navigation and filter change to settled",
        "",
        table(
            ["view", "data", "navigate -> settled", "filter change -> settled"],
            [
                [v.name, s, v.navigate.cell(), v.change.cell() if v.change else "-"]
                for s, v in res.views
            ],
        ),
        "",
        "## 4. Bytes to the browser per view",
        "",
        f"Target: at most {TARGETS['browser_mb']} MB for any view. App data travels on the "
        "websocket; HTTP is Streamlit's own JavaScript and fonts, fetched once and then cached.",
        "",
        table(
            [
                "view",
                "data",
                "websocket, first visit",
                "HTTP, first visit",
                "revisit, all",
                "target",
            ],
            [
                [
                    v.name,
                    s,
                    f"{v.cold.websocket / 1e6:.3f} MB",
                    f"{v.cold.http / 1e6:.2f} MB",
                    f"{(v.warm.websocket + v.warm.http) / 1e6:.3f} MB",
                    mark(v.cold.websocket / 1e6 <= TARGETS["browser_mb"]),
                ]
                for s, v in res.views
            ],
        ),
        "",
        "## 5. Server memory (RSS)",
        "",
        f"Targets: at most {TARGETS['rss_10M_mb']:.0f} MB at 10M; at most "
        f"{TARGETS['session_mb']:.0f} MB per extra session.",
        "",
        table(
            [
                "server",
                "data",
                "after the views",
                *[f"{n} session{'s' * (n > 1)}" for n in o.levels],
                "per extra",
            ],
            [
                [name, size, f"{after:,.0f} MB"]
                + [f"{sess[n]:,.0f} MB" if n in sess else "-" for n in o.levels]
                + [_per_extra(sess)]
                for name, size, after, sess in res.rss
            ],
        ),
        "",
        *_soak(res),
        "## Problems seen during the run",
        "",
        "\n".join(f"- {p}" for p in res.problems) or "None.",
        "",
    ]
    return "\n".join(lines)


def _per_extra(sess: dict[int, float]) -> str:
    per = per_extra_session(sess)
    return "-" if per is None else f"{per:,.1f} MB ({mark(per <= TARGETS['session_mb'])})"


def _soak(res: Results) -> list[str]:
    s = res.soak
    if s is None:
        return []
    rss = [mb for _, mb in s.rss]
    third = max(1, len(rss) // 3)
    seen = f"{s.saw_new} of {s.sessions}" + ("" if s.distinguishable else " (same minute: n/a)")
    rows = [
        ["store", f"bundle + {s.rows:,} synthetic reports; the import adds {s.added:,}"],
        ["sessions, duration", f"{s.sessions}, {s.seconds:.0f} s (ran {s.rss[-1][0]:.0f} s)"],
        ["views settled", f"{s.views:,}"],
        ["errors", f"{len(s.errors)}" + "".join(f"<br>{e}" for e in s.errors[:10])],
        ["server RSS first third / last third (median)", _thirds(rss, third)],
        [
            "sync exit status, load id before -> after",
            f"{s.sync_exit}, {s.load_before} -> {s.load_after}",
        ],
        ["sessions showing the new report count after the swap", seen],
    ]
    return ["## 6. Soak: concurrent sessions with a sync mid-way", "", table(["", ""], rows), ""]


def _thirds(rss: list[float], third: int) -> str:
    import statistics

    first, last = statistics.median(rss[:third]), statistics.median(rss[-third:])
    return f"{first:,.0f} MB / {last:,.0f} MB (max {max(rss):,.0f} MB)"


# RESULTS.md holds this generated part, then sections written by hand or by other benches
# (replicas, incident statistics, journeys): everything after this line is theirs.
HAND_WRITTEN = (
    "<!-- Everything below is kept by `python -m bench` (written by hand or by another bench). -->"
)


def keep_hand_written(generated: str, path: Path) -> str:
    """``generated`` followed by what ``path`` already holds after ``HAND_WRITTEN``."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    if HAND_WRITTEN not in old:
        return generated
    return generated.rstrip("\n") + "\n\n" + HAND_WRITTEN + old.split(HAND_WRITTEN, 1)[1]
