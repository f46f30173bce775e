"""One English word, two meanings: "Reports" is the page of generated documents (the menu, the
browser tab, the heading) and, on the incident pages, a count of harassment reports. Spanish
and French use a different word for each (the page title has its own msgctxt)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from sdg16.state.roles import Role
from testkit.auth import as_role
from testkit.paths import ROOT

DOCUMENTS = {"en": "Reports", "es": "Informes", "fr": "Rapports"}
COUNTS = {"en": "Reports", "es": "Denuncias", "fr": "Signalements"}


def _open(page: str, lang: str, **params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    as_role(at, Role.ANALYST)  # the reports page is in the analyst's menu
    at.query_params["lang"] = lang
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(f"views/{page}.py")
    return at.run()


def _menu(at: AppTest) -> list[str]:
    return [e.proto.label for e in at.sidebar.get("page_link")]


def _tab_title(at: AppTest) -> str:
    """The title Streamlit gives the browser tab: the st.Page of the reports page."""
    _role, pages = at.session_state["sdg16_nav_pages"]
    return next(page.title for spec, page in pages if spec.url_path == "reports")


@pytest.mark.parametrize("lang", ["en", "es", "fr"])
def test_reports_page_is_named_for_documents(lang: str) -> None:
    at = _open("reports", lang)
    assert not at.exception, at.exception
    assert at.title[0].value == DOCUMENTS[lang]
    assert DOCUMENTS[lang] in _menu(at)
    assert _tab_title(at) == DOCUMENTS[lang]
    if lang != "en":
        assert COUNTS[lang] not in _menu(at)


@pytest.mark.parametrize("lang", ["es", "fr"])
def test_counts_of_incident_reports_keep_their_word(lang: str, incident_app: Path) -> None:
    at = _open("incidents", lang, geo="EGY")
    assert not at.exception, at.exception
    assert COUNTS[lang] in [m.label for m in at.metric]
    assert DOCUMENTS[lang] in _menu(at)  # the same run's menu names the page for documents
