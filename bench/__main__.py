"""``python -m bench [--quick] [--sizes 100k,1M] [--repeats N] [--skip soak,...]``."""

from __future__ import annotations

import argparse
import os
import shlex
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from bench import report
from bench.run import Options, run

STEPS = ("queries", "apptest", "browser", "sessions", "soak")


def size(text: str) -> int:
    text = text.strip().lower()
    scale = {"k": 1_000, "m": 1_000_000}.get(text[-1:], 1)
    return int(float(text.rstrip("km")) * scale)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    p.add_argument("--sizes", default="100k,1M", help="synthetic report counts, e.g. 100k,1M,10M")
    p.add_argument("--repeats", type=int, default=20, help="timed repeats per query and rerun")
    p.add_argument("--browser-repeats", type=int, default=8)
    p.add_argument("--levels", default="1,5,25", help="concurrent browser sessions for RSS")
    p.add_argument("--soak-sessions", type=int, default=25)
    p.add_argument("--soak-seconds", type=float, default=180)
    p.add_argument("--skip", default="", help=f"comma-separated steps of {', '.join(STEPS)}")
    p.add_argument("--quick", action="store_true", help="tiny sizes and few repeats: a smoke run")
    p.add_argument("--work", default=str(Path(tempfile.gettempdir()) / "sdg16-bench"))
    p.add_argument("--out", default=str(Path(__file__).with_name("RESULTS.md")))
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    skip = frozenset(s.strip() for s in args.skip.split(",") if s.strip())
    if skip - set(STEPS):
        print(f"unknown steps to skip: {', '.join(sorted(skip - set(STEPS)))}", file=sys.stderr)
        return 2
    opts = Options(
        sizes=tuple(size(s) for s in args.sizes.split(",")),
        repeats=args.repeats,
        browser_repeats=args.browser_repeats,
        levels=tuple(int(n) for n in args.levels.split(",")),
        soak_sessions=args.soak_sessions,
        soak_seconds=args.soak_seconds,
        skip=skip,
        work=Path(args.work),
    )
    if args.quick:
        opts = Options((2_000,), 3, 2, (1, 2), 2, 5, skip, Path(args.work))
    before = os.getloadavg()
    results = run(opts)
    command = "python -m bench " + shlex.join(list(argv if argv is not None else sys.argv[1:]))
    text = report.render(results, command.strip(), before, os.getloadavg())
    out = Path(args.out)
    out.write_text(report.keep_hand_written(text, out), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
