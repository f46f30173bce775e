"""Reports: the same numbers as the screen, in PDF, HTML and Excel, each one audited."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from sdg16.core import catalog
from sdg16.core.filters import Filter
from sdg16.queries.db import ReadOnlyDatabase
from sdg16.queries.indicators import observations
from sdg16.reports.build import build_report
from sdg16.reports.model import Section, suppress_small_counts
from sdg16.reports.render import render
from sdg16.state import audit
from testkit.auth import signed_in
from testkit.fixtures import module_state_db
from testkit.paths import ROOT

VIEW = {"series": "VC_IHR_PSRC", "geo": "EGY,MEX,HND", "from": "2012", "to": "2014"}
FILTER = Filter(series="VC_IHR_PSRC", geo=("EGY", "MEX", "HND"), year_from=2012, year_to=2014)


state_db = module_state_db("ana")


@pytest.fixture(scope="module")
def made(store_path: Path):
    """An analyst creates the report from the reports page, in all three formats."""
    at = signed_in("ana", "reports", **VIEW)
    screen = at.dataframe[0].value
    submit = next(b for b in at.button if b.label == "Create report")
    submit.click().run()
    assert not at.exception
    files = {m.name.rsplit(".", 1)[1]: m for m in at.session_state["sdg16_report_files"]}
    return at, screen, files


def test_report_tables_equal_the_screen(made, db: ReadOnlyDatabase) -> None:
    _, screen, files = made
    expected = observations(db, FILTER, catalog.get())
    assert len(screen) == len(expected) == 8  # 3 countries x 3 years; Egypt lacks 2013
    assert screen["Value"].tolist() == expected["value"].tolist()
    sheet = pd.read_excel(io.BytesIO(files["xlsx"].data), sheet_name="Data")
    pd.testing.assert_frame_equal(sheet, screen.reset_index(drop=True), check_dtype=False)
    about = pd.read_excel(io.BytesIO(files["xlsx"].data), sheet_name="About")
    assert "Geography: Egypt, Mexico, Honduras" in about["Value"].tolist()


def test_every_report_file_is_in_the_audit_log(made) -> None:
    files = made[2]
    log = audit.entries(action="report", actor="ana")
    assert sorted(log["format"]) == ["html", "pdf", "xlsx"]
    assert (
        set(log["rows"]) == {files["pdf"].rows} == {8 + 3 + 3 + 3}
    )  # data, latest, trend, progress
    assert set(log["filters"]) == {"series=VC_IHR_PSRC&from=2012&to=2014&geo=EGY,MEX,HND"}


def test_pdf_text_has_cover_filters_and_numbers(made, tmp_path: Path) -> None:
    _, screen, files = made
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(files["pdf"].data)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True)
    body = text.stdout
    assert "Homicide rate report" in body and "Prepared by ana" in body
    assert "Geography: Egypt, Mexico, Honduras" in body and "Years: 2012 to 2014" in body
    assert "UN Statistics Division, SDG Global Database" in body  # provenance
    assert "RESTRICTED" in body
    for value in screen["Value"]:
        assert f"{value:.3g}"[:3] in body


def test_html_report_is_self_contained(made) -> None:
    html = made[2]["html"].data.decode("utf-8")
    # plotly.js itself is inlined (megabytes), not linked; the browser test opens it offline.
    assert len(html) > 3_000_000 and '<script src="https://cdn' not in html
    assert "Plotly.newPlot" in html and "Egypt" in html


def test_small_counts_are_withheld_in_public_reports() -> None:
    table = pd.DataFrame({"type": ["a", "b", "c", "d"], "reports": [0, 1, 4, 5]})
    s = suppress_small_counts(Section("t", "T", "", table, count_columns=("reports",)))
    assert s.table["reports"].tolist() == [0, "<5", "<5", 5]
    assert "2 count(s) below 5" in s.note


def test_cli_report_matches_the_query_and_is_audited(db: ReadOnlyDatabase, tmp_path: Path):
    out = tmp_path / "r.xlsx"
    query = "series=VC_IHR_PSRC&geo=EGY,MEX,HND&from=2012&to=2014"
    cmd = [sys.executable, "-m", "sdg16", "report", "--filters", query, "--format", "xlsx"]
    done = subprocess.run([*cmd, "--out", str(out)], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    sheet = pd.read_excel(out, sheet_name="Data")
    assert sheet["Value"].tolist() == observations(db, FILTER, catalog.get())["value"].tolist()
    entry = audit.entries(actor="system:cli").iloc[0]
    assert (entry["action"], entry["format"], entry["rows"]) == ("report", "xlsx", 8 + 3 + 3 + 3)


def test_cli_refuses_unknown_filters(tmp_path: Path) -> None:
    cmd = [sys.executable, "-m", "sdg16", "report", "--filters", "series=NOPE", "--format"]
    done = subprocess.run(
        [*cmd, "pdf", "--out", str(tmp_path / "x.pdf")], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 2 and "unknown series 'NOPE'" in done.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_report_built_directly_equals_query(db: ReadOnlyDatabase) -> None:
    report = build_report(db, FILTER, catalog.get(), title="T", author="t", sections=["data"])
    assert [s.key for s in report.sections] == ["data"]
    assert report.sections[0].table["Value"].tolist() == (
        observations(db, FILTER, catalog.get())["value"].tolist()
    )
    assert render(report, "html").startswith(b"<!doctype html>")


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("es", ("Alcance de este informe", "Zona geográfica: Egipto, México, Honduras", "Datos")),
        (
            "fr",
            ("Portée de ce rapport", "Zone géographique : Égypte, Mexique, Honduras", "Données"),
        ),
    ],
)
def test_cli_report_in_another_language(tmp_path: Path, lang: str, words: tuple) -> None:
    """``--lang``: the cover, the filters in words, section titles, table headings, place names
    and the attribution in that language, and none of the fixed English words."""
    from testkit.english import english_words

    query = "series=VC_IHR_PSRC&geo=EGY,MEX,HND&from=2012&to=2014"
    cmd = [sys.executable, "-m", "sdg16", "report", "--filters", query, "--lang", lang]
    for fmt in ("html", "xlsx"):
        out = tmp_path / f"r.{fmt}"
        done = subprocess.run(
            [*cmd, "--format", fmt, "--out", str(out)], cwd=ROOT, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert f'<html lang="{lang}" dir="ltr">' in html
    for text in words:
        assert text in html
    shown = re.sub(r"<script.*?</script>", "", html, flags=re.S)  # plotly.js is inlined
    assert english_words([shown], lang) == {}
    book = pd.read_excel(tmp_path / "r.xlsx", sheet_name=None)
    about, data = next(iter(book)), words[2]
    assert about == {"es": "Acerca de", "fr": "À propos"}[lang] and data in book
    cells = [str(v) for sheet in book.values() for v in [*sheet.columns, *sheet.to_numpy().ravel()]]
    assert english_words(cells, lang) == {}


def test_public_report_privacy_note_in_the_report_language() -> None:
    table = pd.DataFrame({"reports": [0, 1, 4, 5]})
    s = suppress_small_counts(Section("t", "T", "", table, count_columns=("reports",)), lang="fr")
    assert "2 effectif(s) inférieur(s) à 5" in s.note
