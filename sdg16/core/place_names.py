"""Country and region names in the reader's language, from CLDR (through Babel).

The store's names are English (from the data). CLDR names countries by ISO 3166 alpha-2 and UN
M49 regions by their three-digit code, so a name is looked up by the store's own codes, never
by translating English text. Anything CLDR does not name keeps the store's name.
"""

from __future__ import annotations

from functools import cache

import babel

# Codes the store carries that CLDR spells differently (Kosovo has no ISO code: XK by custom).
_ALPHA2_FIXES = {"XKX": "XK"}


@cache
def _territories(lang: str) -> dict[str, str]:
    try:
        return dict(babel.Locale.parse(lang).territories)
    except (ValueError, babel.UnknownLocaleError):
        return {}


def place_name(
    fallback: str, lang: str, iso2: str | None = None, m49: int | None = None, geo_id: str = ""
) -> str:
    """The CLDR name of a country (``iso2``) or UN region (``m49``) in ``lang``, else ``fallback``.

    English keeps the store's own names: they are the UN's official spellings.
    """
    if lang == "en":
        return fallback
    names = _territories(lang)
    code = _ALPHA2_FIXES.get(geo_id) or iso2
    if code and code in names:
        return names[code]
    if m49 is not None and geo_id.startswith("UN") and f"{int(m49):03d}" in names:
        return names[f"{int(m49):03d}"]
    return fallback


def text_direction(lang: str) -> str:
    """``rtl`` for Arabic, Urdu and other right-to-left scripts, else ``ltr``."""
    try:
        return babel.Locale.parse(lang).text_direction
    except (ValueError, babel.UnknownLocaleError):
        return "ltr"
