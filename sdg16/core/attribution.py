"""Who the data comes from, said one way: the page footer, "About this indicator", the table
downloads and the reports all take their attribution from ``attribution``."""

from __future__ import annotations

from sdg16.core.catalog import Indicator
from sdg16.core.i18n import N_, gettext

SITE = N_(
    "Sources: UN Statistics Division, SDG Global Database (with the custodian agency of each "
    "series); World Bank, Worldwide Governance Indicators; Natural Earth."
)
WGI = N_("World Bank, Worldwide Governance Indicators")
UNSD = N_("UN Statistics Division, SDG Global Database; custodian {custodian}")
INCIDENTS = N_(
    "Incident reports: crowd-sourced, self-selected and unverified (HarassMap, harassmap.org; "
    "other sources as listed). Borders: Natural Earth."
)


def attribution(
    lang: str = "en", indicator: Indicator | None = None, *, incidents: bool = False
) -> str:
    """The sources of one indicator (its custodian named), of the incident reports, or (neither
    given) of everything the dashboard shows, in ``lang``."""
    if incidents:
        return gettext(lang, INCIDENTS)
    if indicator is None:
        return gettext(lang, SITE)
    if indicator.source == "wgi":
        return gettext(lang, WGI)
    return gettext(lang, UNSD).format(custodian=indicator.custodian)
