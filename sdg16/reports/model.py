"""What a report is: metadata plus a list of sections, each a title, text, a table and an
optional chart. Builders for PDF, HTML and Excel only read this; section sources (indicators
now, incidents after the merge) only write it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime

import pandas as pd
import plotly.graph_objects as go

from sdg16.core.disclosure import BASE, SMALL_COUNT, publish
from sdg16.core.formatting import date_time
from sdg16.core.i18n import gettext


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    text: str
    table: pd.DataFrame
    figure: go.Figure | None = None
    count_columns: tuple[str, ...] = ()  # columns holding counts of reports: suppressed if public
    note: str = ""
    private: bool = False  # individual reports: never in a public report
    on_request: bool = False  # only when chosen by name (free text), not in "all sections"
    # Draws the chart again from a suppressed table; without it a public report drops the
    # chart of a section whose counts were withheld (the chart would show them).
    redraw: Callable[[pd.DataFrame], go.Figure] | None = None
    # Written from a role's statistics (findings): a public report uses this instead, built
    # from the public view, since numbers inside sentences cannot be suppressed afterwards.
    public_version: Section | None = None


@dataclass(frozen=True)
class ReportMeta:
    title: str
    author: str
    created: datetime  # UTC
    filters_text: tuple[str, ...]  # the filters in plain words, one line each
    filters_query: str  # the same view as a URL query string (reproducible)
    provenance: tuple[str, ...]  # where the data came from and when it was loaded
    attribution: str
    public: bool = False
    lang: str = "en"


@dataclass(frozen=True)
class Report:
    meta: ReportMeta
    sections: tuple[Section, ...] = field(default_factory=tuple)

    def rows(self) -> int:
        return sum(len(s.table) for s in self.sections)


def suppress_small_counts(
    section: Section, threshold: int = SMALL_COUNT, lang: str = "en"
) -> Section:
    """The disclosure rule (sdg16.core.disclosure): counts from 1 to threshold-1 shown as
    "<5", every other count rounded to base 5; zeros stay (they tell nothing about a person)."""
    if not section.count_columns:
        return section
    table = section.table.copy()
    hidden = 0
    for col in section.count_columns:
        values = pd.to_numeric(table[col], errors="coerce")
        small = values.notna() & (values > 0) & (values < threshold)
        hidden += int(small.sum())
        published = [publish(v) if pd.notna(v) else v for v in values]
        table[col] = pd.Series(published, index=table.index, dtype="object").where(
            ~small, f"<{threshold}"
        )
    note = section.note
    figure = section.redraw(table) if section.redraw and section.figure is not None else None
    if section.figure is not None and not section.redraw:
        figure = None  # a chart that cannot be redrawn from the published table would leak
    note = (note + " " if note else "") + gettext(
        lang,
        "Counts are rounded to a multiple of {base}; {hidden} count(s) below {threshold} are "
        "shown as <{threshold} to protect privacy.",
    ).format(base=BASE, hidden=hidden, threshold=threshold)
    return replace(section, table=table, note=note, figure=figure)


def finalise(report: Report) -> Report:
    """Apply the rules a report's flags ask for (public: small-count suppression)."""
    if not report.meta.public:
        return report
    lang = report.meta.lang
    kept = (
        suppress_small_counts(s.public_version or s, lang=lang)
        for s in report.sections
        if not s.private
    )
    return replace(report, sections=tuple(kept))


def cover_words(m: ReportMeta) -> dict[str, str]:
    """The cover's fixed wording in the report's language (PDF and HTML share it)."""
    lang = m.lang
    restricted = gettext(lang, "Restricted: authorized recipients only")
    return {
        "goal": gettext(
            lang, "Sustainable Development Goal 16 · Peace, justice and strong institutions"
        ),
        "prepared": gettext(lang, "Prepared by {author} · {when} UTC").format(
            author=m.author, when=date_time(m.created, lang)
        ),
        "classification": gettext(lang, "Public") if m.public else restricted,
        "scope": gettext(lang, "Scope of this report"),
        "provenance": gettext(lang, "Data provenance"),
        "attribution": gettext(lang, "Attribution"),
        "reproduce": gettext(lang, "Reproduce this view: ?{query}").format(query=m.filters_query),
    }
