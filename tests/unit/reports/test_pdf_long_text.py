"""Real free-text reports run to 8-12k characters, hold words wider than the page (URLs,
pasted blobs) and Arabic: the PDF wraps them across pages and loses none of the text (fpdf2
refused a table row taller than a page, and the whole report was lost)."""

from __future__ import annotations

import re
import subprocess
from datetime import datetime
from pathlib import Path

import pandas as pd

from sdg16.reports.model import Report, ReportMeta, Section
from sdg16.reports.pdf import to_pdf

ARABIC = "تعرضت للتحرش في محطة المترو "
LONG_TEXT = "She was followed from the station. " * 200 + ARABIC * 80 + "LAST-WORDS-HERE"
UNBROKEN = "https://example.org/" + "a" * 3000  # one "word" several lines wide
TABLE = pd.DataFrame(
    {
        "ID": ["r1", "r2", "r3"],
        "Date": ["2016-05", "2016-05", "2016-06"],
        "Text": [LONG_TEXT, UNBROKEN, "short"],
    }
)
META = ReportMeta(
    "Long reports", "ana", datetime(2026, 12, 2, 10), ("Egypt",), "geo=EGY", ("test",), "-"
)


def _text(pdf: bytes, tmp_path: Path) -> tuple[int, str]:
    path = tmp_path / "r.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    pages = int(next(ln for ln in info.stdout.splitlines() if ln.startswith("Pages:")).split()[1])
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    return pages, text


def test_long_free_text_wraps_across_pages_and_keeps_every_report(tmp_path: Path) -> None:
    assert 8_000 <= len(LONG_TEXT) <= 12_500
    section = Section("reports_text", "Individual reports with text", "Three reports.", TABLE)
    pages, text = _text(to_pdf(Report(META, (section,))), tmp_path)
    assert pages >= 4  # the cover, then the text over several pages
    # One string without the page furniture that falls between the lines of a long text.
    flat = re.sub(
        r"RESTRICTED—authorizedrecipientsonlyPage\d+of\d+|Longreports02December2026",
        "",
        "".join(text.split()),
    )
    assert "LAST-WORDS-HERE" in flat  # the end of the longest report is printed
    assert UNBROKEN in flat  # broken over lines, every character there
    assert "ID:r3·Date:2016-06·Text:short" in flat  # the report after the long ones too
    assert all(len(line) < 200 for line in text.splitlines())  # wrapped, not run off the page


def test_arabic_and_urdu_print_shaped_in_logical_order(tmp_path: Path) -> None:
    urdu = "ہراسانی کی رپورٹ"  # U+06C1 (heh goal) is not in DejaVu: it printed as nothing
    table = pd.DataFrame({"ID": ["r1", "r2"], "Text": [ARABIC.strip(), urdu]})
    section = Section("reports_text", "Individual reports with text", "Two reports.", table)
    _, text = _text(to_pdf(Report(META, (section,))), tmp_path)
    # Unshaped, the letters came out in visual order (reversed) and the Urdu letter was lost.
    assert ARABIC.strip() in text
    assert urdu in text
