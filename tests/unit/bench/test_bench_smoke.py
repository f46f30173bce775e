"""The benchmark harness runs end to end on tiny data (speed itself is never asserted here)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bench import report
from bench.__main__ import main


def test_quick_bench_writes_results_with_every_section(
    store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The run points SDG16_DB at its own store; monkeypatch puts the suite's back afterwards.
    monkeypatch.setenv("SDG16_DB", os.environ["SDG16_DB"])
    out = tmp_path / "RESULTS.md"
    hand = "\n## 9. Journeys (another bench's section)\n\nkept as it was\n"
    out.write_text(f"# Old run\n\n## 1. stale\n\n{report.HAND_WRITTEN}{hand}", encoding="utf-8")
    skip = "browser,sessions,soak"
    assert main(["--quick", "--skip", skip, "--work", str(tmp_path), "--out", str(out)]) == 0
    text = out.read_text()
    assert "## 1. Query layer vs raw DuckDB vs pandas" in text
    assert "## 1. stale" not in text and text.endswith(report.HAND_WRITTEN + hand)
    assert "### 2k synthetic reports" in text
    # Query layer, raw SQL and pandas agree on what each interaction returns.
    assert "row counts differ" not in text
    rows = [line for line in text.splitlines() if line.startswith("| home: change country")]
    assert rows and rows[0].split("|")[3].strip() == "7"  # the seven key series' latest values
    assert "| overview (?geo=MEX) | bundle | warm |" in text
    # The incident rows run the product's own queries and page on a loader-made store.
    assert "| 2,000 |" in text  # the store's sync cost row
    page = [line for line in text.splitlines() if line.startswith("| change country: Egypt")]
    assert page and page[0].split("|")[2].strip() == "4"  # every query of the rerun, all timed
    assert "| incident map (Egypt, public) | 2k | cold |" in text


def test_bad_step_name_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--skip", "everything"]) == 2
    assert "unknown steps to skip: everything" in capsys.readouterr().err
