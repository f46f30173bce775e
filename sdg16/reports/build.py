"""Assemble a report for a filter: metadata (filters in words, provenance) plus sections.

Section sources are in ``SOURCES``: indicators, and incidents (counts by type, month, area);
``source_for`` picks one from the filter.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from sdg16.core.attribution import attribution
from sdg16.core.catalog import Catalog
from sdg16.core.filters import Filter
from sdg16.core.formatting import dataset_label, date_time, number
from sdg16.core.i18n import N_, gettext
from sdg16.queries import incidents as queries_incidents
from sdg16.queries import meta
from sdg16.queries.db import ReadOnlyDatabase
from sdg16.reports.incident_sections import incident_sections
from sdg16.reports.indicator_sections import indicator_sections
from sdg16.reports.model import Report, ReportMeta, Section, finalise
from sdg16.services.filters import describe

DEFAULT_TITLE = N_("SDG 16 report")

SectionSource = Callable[[ReadOnlyDatabase, Filter, Catalog], list[Section]]
SOURCES: dict[str, SectionSource] = {
    "indicators": indicator_sections,
    "incidents": incident_sections,
}


def source_for(f: Filter) -> str:
    """Incident filters (types, places, dates, admin areas) go to the incidents source."""
    incident = f.incident_types or f.place_types or f.start or f.end or f.admin1
    return "incidents" if incident and "incidents" in SOURCES else "indicators"


def provenance(db: ReadOnlyDatabase, f: Filter | None = None) -> tuple[str, ...]:
    lang = (f.lang if f else None) or "en"
    fresh = meta.freshness(db)
    lines = tuple(
        gettext(lang, "{dataset}: {count} values, loaded {when} UTC").format(
            dataset=gettext(lang, dataset_label(r.dataset)),
            count=number(r.observations, lang),
            when=date_time(r.loaded_at, lang),
        )
        for r in fresh.itertuples(index=False)
    )
    if f is None or source_for(f) != "incidents" or not queries_incidents.has_incidents(db):
        return lines
    s, stored = queries_incidents.summary(db, f), queries_incidents.store_counts(db)
    # Indicator datasets are not in an incident report: only where its reports came from.
    text = gettext(
        lang,
        "Incident reports from: {sources}; {stored} reports stored, {quarantined} rows "
        "quarantined at import",
    )
    return (
        text.format(
            sources=s["sources"] or gettext(lang, "none"),
            stored=number(stored["incidents"], lang),
            quarantined=number(stored["quarantined"], lang),
        ),
    )


def build_report(
    db: ReadOnlyDatabase,
    f: Filter,
    catalog: Catalog,
    *,
    title: str,
    author: str,
    sections: Sequence[str] | None = None,
    public: bool = False,
) -> Report:
    """The report for ``f``; ``sections`` picks section keys (all when None), in order."""
    built = SOURCES[source_for(f)](db, f, catalog)
    if sections is None:
        built = [s for s in built if not s.on_request]
    else:
        wanted = list(sections)
        built = sorted((s for s in built if s.key in wanted), key=lambda s: wanted.index(s.key))
    query = f.to_query()
    report_meta = ReportMeta(
        title=title.strip() or gettext(f.lang or "en", DEFAULT_TITLE),
        author=author,
        created=datetime.now(UTC),
        filters_text=describe(f, f.lang or "en", db=db, catalog=catalog),
        filters_query=query,
        provenance=provenance(db, f),
        attribution=attribution(f.lang or "en", incidents=source_for(f) == "incidents"),
        public=public,
        lang=f.lang,
    )
    return finalise(Report(report_meta, tuple(built)))
