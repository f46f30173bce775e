"""bench/journeys.py writes its own section of RESULTS.md and leaves the rest as it was, and
says where a step misses the 2x target."""

from __future__ import annotations

from pathlib import Path

from bench import journeys


def test_the_section_is_added_then_replaced_in_place(tmp_path: Path) -> None:
    out = tmp_path / "RESULTS.md"
    out.write_text("# Benchmark results\n\n## 8. Before\n\nkept\n", encoding="utf-8")
    timings = {"map: pick a region": [(1.0, 1.5), (1.2, 1.9)]}
    floors = {journeys.FLOOR_RERUN: [0.5, 0.6, 0.7], journeys.FLOOR_RELOAD: [1.8]}
    first = journeys.render((5.0, 0.4, 1.2, 1.6), floors, timings)
    journeys.write(first, out)
    # The ratio is the drawn time's: what a person waits for, not only the server's run.
    assert "| map: pick a region | 2 | 1.10 | 1.70 | 1.90 | 2.8x | **no** |" in out.read_text()
    assert "Where the 2x target is missed: map: pick a region (2.8x)" in out.read_text()
    assert "median **0.60 s** over 3 changes" in out.read_text()
    assert "own reload: 1.80 s (3.0x): no page of ours" in out.read_text()
    again = journeys.render(
        (5.0, 0.4, 4.0, 4.5),
        {journeys.FLOOR_RERUN: [1.0]},
        {"country: pick a country": [(0.8, 1.0)]},
    )
    out.write_text(out.read_text() + "\n## 10. After\n\nalso kept\n", encoding="utf-8")
    journeys.write(again, out)
    text = out.read_text()
    assert text.count(journeys.HEADING) == 1 and "map: pick a region" not in text
    assert "| country: pick a country | 1 | 0.80 | 1.00 | 1.00 | 1.0x | yes |" in text
    assert "after **4.00 s** (target 3 s: **missed**), its charts drawn after 4.50 s" in text
    assert "ready after 5.00 s" in text
    assert "## 8. Before\n\nkept" in text and "## 10. After\n\nalso kept" in text
