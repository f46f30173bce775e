"""Every page, opened in Spanish, asks the catalog only for strings it has.

The extractor sees literals; this sees what pages pass at run time (``_(label)`` with a
variable, data labels, chart texts through ``gettext``): ``sdg16.i18n.MISSING`` records each
message asked for in a language whose catalog lacks it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from sdg16.core import i18n
from sdg16.state.roles import Role
from sdg16.ui.registry import PAGES
from testkit.auth import as_role
from testkit.paths import ROOT

# Pages and the link that opens them on content (a country, a series), as a person arrives.
LINKS = {"country": {"geo": "EGY"}, "incidents_profile": {"geo": "EGY", "admin1": "EG-C"}}


def _open(spec, lang: str):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    as_role(at, Role.ADMIN)  # every page and every part of it is drawn
    at.query_params["lang"] = lang
    for key, value in LINKS.get(spec.url_path, {}).items():
        at.query_params[key] = value
    at.switch_page(f"views/{spec.file}")
    return at.run()


@pytest.mark.parametrize("spec", PAGES, ids=[p.url_path for p in PAGES])
def test_page_in_spanish_asks_only_for_translated_strings(spec, incident_app: Path) -> None:
    i18n.MISSING.clear()
    at = _open(spec, "es")
    assert not at.exception, at.exception
    assert sorted(m for lang, m in i18n.MISSING if lang == "es") == []


def test_french_and_spanish_catalogs_hold_the_same_messages() -> None:
    """The runtime check runs in Spanish: French must translate exactly the same set."""
    ids = {}
    for lang in ("es", "fr"):
        with i18n.po_path(lang).open("rb") as fh:
            ids[lang] = {m.id for m in read_po(fh, locale=lang) if m.id and m.string}
    assert ids["es"] == ids["fr"]
