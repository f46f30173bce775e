"""Translations: every extracted string is translated in every catalog; pages follow lang=."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from sdg16.cli.i18n_extract import extract
from sdg16.core.i18n import gettext, pgettext, po_path
from sdg16.core.policy import LANGUAGES
from sdg16.ui.registry import PAGE_CONTEXT
from testkit.apptest import open_app


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_catalog_translates_every_extracted_string(lang: str) -> None:
    with po_path(lang).open("rb") as fh:
        catalog = read_po(fh, locale=lang)
    # A message is its msgid and its msgctxt: "Reports" the page is not "Reports" the count.
    done = {(m.context, m.id) for m in catalog if m.id and m.string and not m.fuzzy}
    missing = sorted(
        (m.context or "", m.id) for m in extract() if m.id and (m.context, m.id) not in done
    )
    assert missing == [], f"{lang}: untranslated or fuzzy (run `make i18n`, then translate)"


def test_indicator_titles_use_un_terms() -> None:
    assert gettext("es", "Intentional homicide") == "Homicidios intencionales"
    assert gettext("fr", "Intentional homicide") == "Homicides volontaires"
    assert gettext("de", "Intentional homicide") == "Intentional homicide"


def test_a_context_picks_the_other_meaning() -> None:
    assert gettext("es", "Reports") == "Denuncias"  # counts of harassment reports
    assert pgettext("es", PAGE_CONTEXT, "Reports") == "Informes"  # the page of documents
    assert pgettext("fr", PAGE_CONTEXT, "Reports") == "Rapports"
    assert pgettext("en", PAGE_CONTEXT, "Reports") == "Reports"


def test_home_in_spanish(store_path: Path) -> None:
    at = open_app("home", geo="MEX", lang="es")
    assert not at.exception
    assert at.title[0].value == "ODS 16: paz, justicia e instituciones sólidas"
    homicide = next(m for m in at.metric if m.label == "Tasa de homicidios")
    assert homicide.value == "28,2 por 100 mil"  # Spanish decimal comma from Babel
    assert homicide.delta == "-1,01 desde 2020"
    assert at.selectbox(key="home.lang.es").value == "es"  # keys carry the language (controls)


def test_language_picker_writes_the_link(store_path: Path) -> None:
    at = open_app("home", geo="MEX")
    at.selectbox(key="home.lang").select("fr").run()
    assert at.query_params["lang"] == ["fr"] or at.query_params["lang"] == "fr"
    assert at.query_params["geo"] in ("MEX", ["MEX"])
