"""Every page, opened in Spanish and in French, asks the catalog only for strings it has and
shows none of a fixed list of English words.

The extractor sees literals; the runtime check sees what pages pass at run time (``_(label)``
with a variable, data labels, chart texts through ``gettext``): ``sdg16.core.i18n.MISSING``
records each message asked for in a language whose catalog lacks it. The word check sees what
never went through the catalog at all (a label built from a column name, a chart axis, a table
heading): every element's text, plotly specs and table headings (testkit/english.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from sdg16.core import i18n
from sdg16.state.roles import Role
from sdg16.ui.registry import PAGES
from testkit.auth import as_role
from testkit.english import apptest_texts, english_words
from testkit.paths import ROOT

# Pages and the link that opens them on content (a country, a series), as a person arrives.
LINKS = {
    "country": {"geo": "EGY"},
    "incidents": {"geo": "EGY"},
    "incidents_profile": {"geo": "EGY", "admin1": "EG-C"},
}
CASES = [(spec, lang) for spec in PAGES for lang in ("es", "fr")]


def _open(spec, lang: str):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    as_role(at, Role.ADMIN)  # every page and every part of it is drawn
    at.query_params["lang"] = lang
    for key, value in LINKS.get(spec.url_path, {}).items():
        at.query_params[key] = value
    at.switch_page(f"views/{spec.file}")
    return at.run()


@pytest.mark.parametrize(("spec", "lang"), CASES, ids=[f"{s.url_path}-{lang}" for s, lang in CASES])
def test_page_is_translated(spec, lang: str, incident_app: Path) -> None:
    i18n.MISSING.clear()
    at = _open(spec, lang)
    assert not at.exception, at.exception
    assert sorted(m for got, m in i18n.MISSING if got == lang) == []
    assert english_words(apptest_texts(at), lang) == {}


def test_the_word_check_sees_labels_charts_and_table_headings() -> None:
    """What a page can show without the catalog: a widget label from a column name, a chart
    axis, a table heading. A heading renamed by column_config is seen under its label."""
    from streamlit.testing.v1 import AppTest

    script = """
import pandas as pd, plotly.graph_objects as go, streamlit as st
st.selectbox("Sex", ["Ambos sexos"])
st.plotly_chart(go.Figure(layout={"xaxis": {"title": {"text": "Year"}}}))
frame = pd.DataFrame({"Country": ["México"], "Fuente": ["x"], "Place": ["y"]})
st.dataframe(frame, column_config={"Country": st.column_config.TextColumn("País")})
"""
    at = AppTest.from_string(script).run()
    found = english_words(apptest_texts(at), "es")
    assert set(found) == {"Sex", "Year", "Place"}  # "Country" is shown as "País"
    assert set(english_words(apptest_texts(at), "fr")) == {"Sex", "Year"}  # "Place" is French


def test_french_and_spanish_catalogs_hold_the_same_messages() -> None:
    """Both catalogs translate exactly the same set."""
    ids = {}
    for lang in ("es", "fr"):
        with i18n.po_path(lang).open("rb") as fh:
            ids[lang] = {(m.context, m.id) for m in read_po(fh, locale=lang) if m.id and m.string}
    assert ids["es"] == ids["fr"]
