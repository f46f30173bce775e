"""deploy/start.sh (the container's CMD): says what is missing, refuses to serve without a
store, and serves with a warning when only Chromium or fonts are missing."""

from __future__ import annotations

import os
import subprocess
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest

from sdg16.reports import images
from sdg16.reports.model import Report, ReportMeta, Section
from sdg16.reports.pdf import to_pdf
from testkit.paths import ROOT
from testkit.postgres import free_port

START = ROOT / "deploy" / "start.sh"


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SDG16_STATE")}
    return {**env, "SDG16_STATE_DB": str(tmp_path / "state.sqlite"), **extra}


def test_no_store_stops_the_start_with_the_reason(tmp_path: Path) -> None:
    env = _env(tmp_path, SDG16_DB=str(tmp_path / "none.duckdb"), PORT=str(free_port()))
    done = subprocess.run([str(START)], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "ERROR: store: No data store at" in done.stdout and "loaders sync" in done.stdout


def test_unreachable_postgresql_stops_the_start(tmp_path: Path, store_path: Path) -> None:
    url = f"postgresql://sdg16@127.0.0.1:{free_port()}/none"
    env = {**_env(tmp_path, SDG16_DB=str(store_path)), "SDG16_STATE_URL": url}
    done = subprocess.run([str(START)], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "ERROR: state: PostgreSQL (SDG16_STATE_URL)" in done.stdout


def test_without_chromium_it_serves_and_says_so(tmp_path: Path, store_path: Path) -> None:
    port = free_port()
    env = _env(tmp_path, SDG16_DB=str(store_path), PORT=str(port), SDG16_CHROMIUM="/nowhere")
    log = tmp_path / "replica.log"
    with log.open("w") as out:
        proc = subprocess.Popen([str(START)], env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health") as r:
                    assert r.status == 200
                    break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, log.read_text()
                time.sleep(0.3)
    finally:
        proc.terminate()
        proc.wait(10)
    assert "warning: chromium: /nowhere missing: no chart images, no PDF decks" in log.read_text()


def test_a_pdf_report_without_chromium_keeps_text_and_says_why(monkeypatch) -> None:
    monkeypatch.setattr(images, "chromium_available", lambda: False)
    section = Section("s", "Homicides", "Falling.", pd.DataFrame({"year": [2020]}), go.Figure())
    meta = ReportMeta("T", "ana", datetime(2026, 1, 1, tzinfo=UTC), (), "", (), "UNSD")
    pdf = to_pdf(Report(meta, (section,)))
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True).stdout.decode()
    assert "Falling." in text and "Chart left out: chart images need Chromium" in text
    with pytest.raises(images.ImageUnavailable, match="need Chromium"):
        images.png(go.Figure())
