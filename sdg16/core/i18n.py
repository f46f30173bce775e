"""Translations: gettext catalogs (``locales/<lang>/LC_MESSAGES/messages.po``) read with Babel.

Catalogs are read straight from the .po files, so there is no compiled .mo to keep in step.
English is the source language; a missing translation falls back to it (and a test fails).
"""

from __future__ import annotations

from functools import cache

from babel.messages.pofile import read_po

from sdg16.core.settings import ROOT

LOCALES_DIR = ROOT / "locales"
DOMAIN = "messages"


def po_path(lang: str):
    return LOCALES_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def _messages(lang: str) -> dict[str, str]:
    path = po_path(lang)
    if lang == "en" or not path.exists():
        return {}
    with path.open("rb") as fh:
        catalog = read_po(fh, locale=lang)
    return {_key(m.context, m.id): m.string for m in catalog if m.id and m.string and not m.fuzzy}


def _key(context: str | None, message: str) -> str:
    # gettext's own key for a message with a context (msgctxt): "context\x04msgid".
    return f"{context}\x04{message}" if context else message


# Every message asked for in a language whose catalog lacks it: the runtime half of the
# untranslated-string check (tests open each page in Spanish and French, then read this).
# Bounded, so a long-running server never grows it without end.
MISSING: set[tuple[str, str]] = set()
_MISSING_MAX = 2000


def gettext(lang: str, message: str) -> str:
    """``message`` in ``lang``; English when there is no translation."""
    found = _messages(lang).get(message)
    if found is not None:
        return found
    if lang != "en" and message and len(MISSING) < _MISSING_MAX:
        MISSING.add((lang, message))
    return message


def pgettext(lang: str, context: str, message: str) -> str:
    """``message`` in ``lang`` as meant in ``context`` (a msgctxt): one English word with two
    translations, e.g. "Reports" the page of generated documents vs. counts of harassment
    reports. English when there is no translation."""
    found = _messages(lang).get(_key(context, message))
    if found is not None:
        return found
    if lang != "en" and message and len(MISSING) < _MISSING_MAX:
        MISSING.add((lang, f"{message} (msgctxt {context})"))
    return message


def N_(message: str) -> str:  # gettext convention: mark now, translate later
    """Mark a string for extraction without translating it yet."""
    return message
