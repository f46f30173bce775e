"""Country and region names in the reader's language, from CLDR (through Babel).

The store's names are English (from the data). CLDR names countries by ISO 3166 alpha-2 and UN
M49 regions by their three-digit code, so a name is looked up by the store's own codes, never
by translating English text. Anything CLDR does not name keeps the store's name.
"""

from __future__ import annotations

from functools import cache

import babel

from sdg16.core.i18n import N_, gettext

# Codes the store carries that CLDR spells differently (Kosovo has no ISO code: XK by custom).
_ALPHA2_FIXES = {"XKX": "XK"}


@cache
def _territories(lang: str) -> dict[str, str]:
    try:
        return dict(babel.Locale.parse(lang).territories)
    except (ValueError, babel.UnknownLocaleError):
        return {}


# Names CLDR lacks or spells otherwise than the UN (its 419 is "Latin America"): translated in
# the catalogs. The store's aggregates and sub-national areas with data, the World Bank's
# regions and income groups.
CATALOGUED = frozenset(
    {
        N_("Latin America and the Caribbean"), N_("Australia and New Zealand"),
        N_("Central and Southern Asia"), N_("European Union"), N_("Caucasus and Central Asia"),
        N_("Least Developed Countries (LDCs)"), N_("Landlocked developing countries (LLDCs)"),
        N_("Western Asia (exc. Armenia, Azerbaijan, Cyprus, Israel and Georgia)"),
        N_("Europe and Northern America"), N_("Developing regions"),
        N_(
            "Developed regions (Europe, Cyprus, Israel, Northern America, Japan, Australia & "
            "New Zealand)"
        ),
        N_("Eastern Asia (excluding Japan)"), N_("Oceania (exc. Australia and New Zealand)"),
        N_("Small island developing States (SIDS)"), N_("Sub-Saharan Africa (inc. Sudan)"),
        N_("Northern Africa (exc. Sudan)"), N_("Northern Africa and Western Asia"),
        N_("Eastern and South-Eastern Asia"), N_("Iraq (Central Iraq)"),
        N_("Iraq (Kurdistan Region)"), N_("United Kingdom (England and Wales)"),
        N_("United Kingdom (Northern Ireland)"), N_("United Kingdom (Scotland)"),
        N_("Channel Islands"), N_("East Asia & Pacific"), N_("Europe & Central Asia"),
        N_("Latin America & Caribbean"), N_("Middle East & North Africa"), N_("North America"),
        N_("South Asia"), N_("Sub-Saharan Africa"), N_("High income"), N_("Low income"),
        N_("Lower middle income"), N_("Upper middle income"),
    }
)  # fmt: skip
# UN M49 codes of the UN regions and sub-regions the store names in its country rows.
UN_REGIONS = {
    "Africa": 2, "Americas": 19, "Asia": 142, "Europe": 150, "Oceania": 9,
    "Central Asia": 143, "Eastern Asia": 30, "Eastern Europe": 151, "Melanesia": 54,
    "Micronesia": 57, "Northern Africa": 15, "Northern America": 21, "Northern Europe": 154,
    "Polynesia": 61, "South-eastern Asia": 35, "Southern Asia": 34, "Southern Europe": 39,
    "Western Asia": 145, "Western Europe": 155, "Middle Africa": 17, "Eastern Africa": 14,
    "Western Africa": 11, "Southern Africa": 18, "Caribbean": 29, "Central America": 13,
    "South America": 5, "World": 1,
}  # fmt: skip
REGION_GROUPS = frozenset(
    {N_("UN region"), N_("UN sub-region"), N_("World Bank region"), N_("Income group")}
)


def region_name(name: str, lang: str) -> str:
    """A region or income group (as the store's country rows name it) in ``lang``."""
    if lang == "en" or name in CATALOGUED:
        return gettext(lang, name) if lang != "en" else name
    return place_name(name, lang, m49=UN_REGIONS.get(name), geo_id="UN")


def group_name(group: str, lang: str) -> str:
    """ "UN sub-region", "Income group"... in ``lang``."""
    return gettext(lang, group) if group in REGION_GROUPS else group


def place_name(
    fallback: str, lang: str, iso2: str | None = None, m49: int | None = None, geo_id: str = ""
) -> str:
    """The CLDR name of a country (``iso2``) or UN region (``m49``) in ``lang``, else ``fallback``.

    English keeps the store's own names: they are the UN's official spellings.
    """
    if lang == "en":
        return fallback
    if fallback in CATALOGUED:
        return gettext(lang, fallback)
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
