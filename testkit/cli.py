"""Run ``python -m loaders`` as a script would: a fresh process against a given store."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from testkit.paths import ROOT


def cli(*args: str, db: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "SDG16_DB": str(db)}
    return subprocess.run(
        [sys.executable, "-m", "loaders", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
