"""SDG 16 dashboard. Run with ``streamlit run app.py`` (see README)."""

from __future__ import annotations

import streamlit as st

from sdg16.ui.common import startup_checks
from sdg16.ui.registry import PAGES, PAGES_DIR

st.set_page_config(page_title="SDG 16 dashboard", page_icon="⚖️", layout="wide")
startup_checks()

sections: dict[str, list] = {}
for spec in PAGES:
    page = st.Page(
        str(PAGES_DIR / spec.file),
        title=spec.title,
        icon=spec.icon,
        url_path=spec.url_path,
        default=spec.default,
    )
    sections.setdefault(spec.section, []).append(page)

st.navigation(sections).run()
