"""Numbers and labels as people read them (locale-aware through Babel)."""

from __future__ import annotations

import datetime as dt
import math

from babel.dates import format_date, format_time
from babel.numbers import format_decimal, get_decimal_symbol, get_group_symbol

from sdg16.core.i18n import gettext
from sdg16.core.schema import DATASETS

UNIT_LABELS = {
    "PERCENT": "%",
    "PER_100000_POP": "per 100,000 population",
    "NUMBER": "",
    "Ratio": "ratio",
    "CU_USD_M": "million USD",
    "INDEX": "index, -2.5 to 2.5",
}
NATURE_LABELS = {
    "C": "country data",
    "CA": "country data, adjusted",
    "E": "estimate",
    "M": "modelled",
    "G": "global monitoring data",
    "N": "non-relevant",
}


# CLDR's minimumGroupingDigits = 2 (Babel does not apply it): Spanish writes 1534 but 15.340.
MIN_GROUPING_2 = frozenset({"es", "pl", "pt_PT"})


def number(value: float | None, locale: str = "en", digits: int | None = None) -> str:
    """``1234.5`` -> ``1,234.5`` / ``1234,5`` (es) / ``1 234,5`` (fr); two significant
    decimals for small values."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if digits is None:
        digits = 0 if abs(value) >= 1000 else 1 if abs(value) >= 10 else 2
    grouped = not (locale in MIN_GROUPING_2 and abs(value) < 10000)
    pattern = ("#,##0" if grouped else "0") + ("." + "#" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=locale)


UNIT_SHORT = {**UNIT_LABELS, "PER_100000_POP": "per 100k", "CU_USD_M": "M USD"}


def with_unit(value: float | None, unit: str, locale: str = "en", short: bool = False) -> str:
    label = (UNIT_SHORT if short else UNIT_LABELS).get(unit, unit)
    label = gettext(locale, label) if label else label  # labels are extracted by scripts/i18n.py
    text = number(value, locale)
    if label == "%":
        return f"{text}%"
    return f"{text} {label}".strip() if label and not label.startswith("index") else text


def dataset_label(code: str) -> str:
    return DATASETS.get(code, code)


def nature_label(code: str | None, locale: str = "en") -> str:
    return gettext(locale, NATURE_LABELS.get(code or "", code or "not stated"))


def unit_label(unit: str, locale: str = "en") -> str:
    return gettext(locale, UNIT_LABELS.get(unit, unit) or "number")


def plotly_separators(lang: str) -> str:
    """plotly's ``layout.separators`` for ``lang``: decimal then thousands mark (``,.`` Spanish)."""
    return get_decimal_symbol(lang) + get_group_symbol(lang)


def date_time(value: dt.datetime, lang: str = "en") -> str:
    """A date and time as ``lang`` writes them (``2 dic 2026, 10:34``); naive means UTC."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    when = format_time(value, "short", tzinfo=dt.UTC, locale=lang)
    return f"{format_date(value, 'medium', locale=lang)} {when}"


def date_text(value: dt.date, lang: str = "en") -> str:
    """A date as ``lang`` writes it (``Dec 2, 2026`` / ``2 dic 2026`` / ``2 déc. 2026``)."""
    return format_date(value, "medium", locale=lang)
