"""Written findings: sentences generated from the statistics, each with the numbers behind it.

Every sentence is a template (translated with gettext) filled from one statistic: the selection's
totals, the trend test (``spikes.trend``), the type and place breakdowns, the hotspots
(``hotspots``) and the months outside their expected range (``spikes.expected_ranges``). Nothing
is said that a statistic does not support: no trend without the trend test, no hotspot without
the FDR-corrected Gi*. The last sentence always states what crowd-sourced reports cannot show.
Numbers come as the role may see them (the privacy layer has run before this).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from sdg16.core.disclosure import SMALL_COUNT
from sdg16.core.formatting import number
from sdg16.core.i18n import gettext
from sdg16.services.analytics import spikes
from sdg16.services.analytics.hotspots import Hotspots
from sdg16.services.privacy import SMALL_LABEL

TOP = 3  # types, areas and months named in a sentence
NOT_STATED = "Not stated"  # the taxonomy's label for place type "unknown"


@dataclass(frozen=True)
class Finding:
    key: str  # volume, trend, types, places, hotspots, spikes, bias
    text: str
    numbers: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Stats:
    """What the findings are written from, as the reader's role may see it."""

    place: str
    reports: int | None  # None: under the small-count rule
    first: str | None  # YYYY-MM
    last: str | None
    by_type: pd.DataFrame  # key (label), reports
    by_place: pd.DataFrame  # key (label), reports
    months: pd.DataFrame  # spikes.COLUMNS
    trend: spikes.Trend | None
    hotspots: Hotspots
    area_names: dict[str, str]
    place_in: dict[str, str] = field(default_factory=dict)  # lang -> ``place`` in that language

    def place_for(self, lang: str) -> str:
        return self.place_in.get(lang, self.place)


def numbers_text(value: object) -> str:
    """The numbers of a finding as one line: ``a = 1; b = c = 2``."""
    if isinstance(value, dict):
        return "; ".join(f"{k} = {numbers_text(v)}" for k, v in value.items())
    return str(value)


def _pct(share: float, lang: str) -> str:
    return number(round(100 * share), lang, 0)


def _month(value: object) -> str:
    return pd.Timestamp(value).strftime("%Y-%m")


def volume(s: Stats, lang: str) -> Finding:
    if s.reports is None:
        text = gettext(lang, "Fewer than {n} reports in {place}: too few to describe.")
        return Finding(
            "volume",
            text.format(n=SMALL_COUNT, place=s.place_for(lang)),
            {"reports": f"<{SMALL_COUNT}"},
        )
    text = gettext(lang, "{reports} reports in {place} from {first} to {last}.")
    numbers = {"reports": int(s.reports), "first": s.first, "last": s.last}
    return Finding(
        "volume",
        text.format(place=s.place_for(lang), **{**numbers, "reports": number(s.reports, lang)}),
        numbers,
    )


def trend(s: Stats, lang: str) -> Finding:
    t = s.trend
    if t is None:
        text = gettext(
            lang,
            "Too few months or reports to test for a trend (it needs {months} months and "
            "{reports} reports).",
        )
        need = {"months": spikes.TREND_MIN_MONTHS, "reports": spikes.TREND_MIN_REPORTS}
        return Finding("trend", text.format(**need), need)
    if t.direction == "rising":
        text = gettext(
            lang,
            "Reports rose {change} % a year (95 % CI {low} to {high} %) from {first} to {last}.",
        )
    elif t.direction == "falling":
        text = gettext(
            lang,
            "Reports fell {change} % a year (95 % CI {low} to {high} %) from {first} to {last}.",
        )
    else:
        text = gettext(
            lang,
            "No clear trend from {first} to {last}: {change} % a year (95 % CI {low} to "
            "{high} %), an interval that includes no change.",
        )
    change = abs(t.annual_change) if t.direction != "flat" else t.annual_change
    numbers = {
        "annual_change": round(t.annual_change, 4),
        "ci_low": round(t.low, 4),
        "ci_high": round(t.high, 4),
        "p_value": round(t.p_value, 4),
        "months": t.months,
        "first": _month(t.first),
        "last": _month(t.last),
    }
    filled = text.format(
        change=_pct(change, lang),
        low=_pct(t.low, lang),
        high=_pct(t.high, lang),
        first=numbers["first"],
        last=numbers["last"],
    )
    return Finding("trend", filled, numbers)


def _shares(frame: pd.DataFrame, total: int | None, lang: str) -> tuple[str, dict[str, float]]:
    named = frame[frame["key"].astype(str) != SMALL_LABEL].head(TOP)
    if not total or named.empty:
        return "", {}
    shares = {
        str(k): round(int(n) / total, 4)
        for k, n in zip(named["key"], named["reports"], strict=True)
    }
    text = ", ".join(f"{gettext(lang, k)} ({_pct(v, lang)} %)" for k, v in shares.items())
    return text, shares


def types(s: Stats, lang: str) -> Finding | None:
    text, shares = _shares(s.by_type, s.reports, lang)
    if not shares:
        return None
    template = gettext(
        lang, "Most named types: {types} of reports (a report can name several types)."
    )
    return Finding("types", template.format(types=text), shares)


def places(s: Stats, lang: str, unstated: str = NOT_STATED) -> Finding | None:
    stated = s.by_place[s.by_place["key"].astype(str) != unstated]
    text, shares = _shares(stated, s.reports, lang)
    if not shares:
        return None
    missing = s.by_place.loc[s.by_place["key"].astype(str) == unstated, "reports"].sum()
    share = round(int(missing) / s.reports, 4) if s.reports else 0.0
    template = gettext(lang, "Most reported places: {places}; {share} % of reports state none.")
    numbers = {**shares, unstated: share}
    return Finding("places", template.format(places=text, share=_pct(share, lang)), numbers)


def hotspot_sentence(s: Stats, lang: str) -> Finding:
    h = s.hotspots
    hot, cold = h.significant("hot"), h.significant("cold")
    numbers: dict[str, object] = {
        "hot": len(hot),
        "cold": len(cold),
        "cells": h.study_cells,
        "resolution": h.resolution,
    }
    if hot.empty and cold.empty:
        text = gettext(
            lang,
            "No hotspot or cold spot at 90 % confidence or more after the false-discovery "
            "correction ({cells} cells, H3 resolution {resolution}).",
        )
        return Finding("hotspots", text.format(**numbers), numbers)
    where = hot["area"].map(lambda a: s.area_names.get(a, a)).value_counts().head(TOP)
    numbers["hot_areas"] = {str(k): int(v) for k, v in where.items()}
    areas = ", ".join(f"{name} ({n})" for name, n in where.items()) or "—"
    text = gettext(
        lang,
        "Hotspots: {hot}; cold spots: {cold} (90 % confidence or more after the "
        "false-discovery correction, {cells} cells, H3 resolution {resolution}); hotspots in "
        "{areas}.",
    )
    return Finding("hotspots", text.format(areas=areas, **numbers), numbers)


def spike_sentence(s: Stats, lang: str) -> Finding:
    judged = s.months.dropna(subset=["expected"])
    if judged.empty:
        text = gettext(
            lang,
            "Too little history to judge single months: each needs {months} earlier months "
            "with {reports} reports or more.",
        )
        need = {"months": spikes.MIN_HISTORY, "reports": spikes.MIN_BASELINE_REPORTS}
        return Finding("spikes", text.format(**need), need)
    flagged = judged[judged["flag"] != "none"]
    high, low = flagged[flagged["flag"] == "high"], flagged[flagged["flag"] == "low"]
    numbers: dict[str, object] = {"judged": len(judged), "high": len(high), "low": len(low)}
    if flagged.empty:
        text = gettext(lang, "No month outside its expected range (95 %) among {judged} judged.")
        return Finding("spikes", text.format(**numbers), numbers)
    worst = flagged.assign(gap=(flagged["reports"] - flagged["expected"]).abs())
    listed = []
    for row in worst.sort_values("gap", ascending=False).head(TOP).itertuples():
        item = gettext(lang, "{month}: {reports} (expected {low} to {high})").format(
            month=_month(row.month),
            reports=number(row.reports, lang),
            low=number(row.low, lang, 0),
            high=number(row.high, lang, 0),
        )
        listed.append(item)
        numbers[_month(row.month)] = {"reports": int(row.reports), "low": row.low, "high": row.high}
    text = gettext(
        lang,
        "Months outside their expected range (95 %), of {judged} judged: {high} above, {low} "
        "below; largest: {months}.",
    )
    return Finding("spikes", text.format(months="; ".join(listed), **numbers), numbers)


def bias(lang: str) -> Finding:
    text = gettext(
        lang,
        "These reports are crowd-sourced, self-selected and unverified: they show where and "
        "when people chose to report, shaped by who knows the platform and has a phone, not how "
        "common harassment is. A hotspot has more reports than its surroundings, not more "
        "harassment per person.",
    )
    return Finding("bias", text)


def write(s: Stats, lang: str = "en") -> list[Finding]:
    """The findings in reading order; the bias statement always last."""
    if s.reports is None:
        return [volume(s, lang), bias(lang)]
    found = [volume(s, lang), trend(s, lang), types(s, lang), places(s, lang)]
    found += [hotspot_sentence(s, lang), spike_sentence(s, lang), bias(lang)]
    return [f for f in found if f is not None]
