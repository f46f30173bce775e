"""Translation for Streamlit pages: ``_()`` in the language the URL asks for (``lang=es``).

Usage in a page: ``from sdg16.ui.i18n import _`` then ``st.title(_("Overview"))``.
Pure modules (cards, charts, reports) take a ``lang`` argument and call ``sdg16.core.i18n.gettext``.
"""

from __future__ import annotations

import json

import streamlit as st

from sdg16.core.i18n import gettext, pgettext
from sdg16.core.place_names import text_direction
from sdg16.core.policy import LANGUAGES


def current_lang() -> str:
    """The language in the URL, English when absent or unknown."""
    value = st.query_params.get("lang", "en")
    return value if value in LANGUAGES else "en"


def _(message: str) -> str:
    """``message`` translated into the page's language."""
    return gettext(current_lang(), message)


def p_(context: str, message: str) -> str:
    """``message`` as meant in ``context`` (a msgctxt), in the page's language."""
    return pgettext(current_lang(), context, message)


def language_picker(where=None) -> str:
    """A select box that writes ``lang`` to the URL, so the language travels with the link."""
    from sdg16.ui import controls, nav  # here: both import this module

    current = current_lang()
    chosen = controls.selectbox(
        _("Language"),
        list(LANGUAGES),
        key=nav.key("lang"),
        url=current,
        default="en",
        where=where or st.sidebar,
        format_func=LANGUAGES.__getitem__,
    )
    if chosen != current:
        nav.rewrite("lang", None if chosen == "en" else chosen)
        st.rerun()  # everything drawn so far (menu, titles) in the new language
    return chosen


def num(value: float | int | None, digits: int | None = None) -> str:
    """A number as the page's language writes it: ``1,534`` / ``1.534`` / ``1 534``."""
    from sdg16.core.formatting import number

    return number(value, current_lang(), digits)


def direction_html(lang: str) -> str:
    """A script that sets ``<html lang dir>`` for ``lang`` (``dir=rtl`` for Arabic, Urdu...):
    screen readers pick the voice from ``lang``, browsers lay text out from ``dir``."""
    attrs = json.dumps({"lang": lang, "dir": text_direction(lang)})
    return f"<script>Object.assign(document.documentElement, {attrs});</script>"


def apply_direction(where=None) -> None:
    """Mark the page with its language and writing direction (once per rerun)."""
    (where or st.sidebar).html(direction_html(current_lang()), unsafe_allow_javascript=True)
