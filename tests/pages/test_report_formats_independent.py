"""Each report format is made on its own: one that fails (here the PDF writer, made to raise)
does not lose the others, and the analyst reads which one failed, in the page's language."""

from __future__ import annotations

from pathlib import Path

import pytest

from sdg16.reports import render
from sdg16.state.roles import Role
from testkit.auth import as_role, go

VIEW = {"series": "VC_IHR_PSRC", "geo": "EGY,MEX,HND", "from": "2012", "to": "2014"}
SAID = {
    "en": "The PDF file could not be made: no room for the table",
    "es": "No se pudo crear el archivo PDF: no room for the table",
    "fr": "Le fichier PDF n’a pas pu être créé : no room for the table",
}


@pytest.fixture(autouse=True)
def state_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SDG16_STATE_DB", str(tmp_path / "state.sqlite"))

    def broken_pdf(_report) -> bytes:
        raise ValueError("no room for the table")

    monkeypatch.setattr(render, "to_pdf", broken_pdf)


def test_a_failing_pdf_leaves_html_and_excel_and_says_so() -> None:
    from streamlit.testing.v1 import AppTest

    from sdg16.state import audit
    from testkit.paths import ROOT

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    as_role(at, Role.ANALYST, "ana")
    for key, value in VIEW.items():
        at.query_params[key] = value
    go(at, "reports").run()
    assert not at.exception
    (submit,) = [b for b in at.button if b.proto.form_id == "create_report"]
    submit.click().run()
    assert not at.exception
    made = {m.name.rsplit(".", 1)[1] for m in at.session_state["sdg16_report_files"]}
    assert made == {"html", "xlsx"}
    assert [e.value for e in at.error] == [SAID["en"]]
    offered = [b.proto.label for b in at.get("download_button")]
    assert len(offered) == 2 and not any(".pdf" in label for label in offered)
    log = audit.entries(action="report", actor="ana")
    assert sorted(log["format"]) == ["html", "xlsx"]  # only files that exist are audited


@pytest.mark.parametrize("lang", ["es", "fr"])
def test_the_failure_message_is_translated(lang: str) -> None:
    from sdg16.core.i18n import gettext

    msg = gettext(lang, "The {format} file could not be made: {error}")
    assert msg.format(format="PDF", error="no room for the table") == SAID[lang]
