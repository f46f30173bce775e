"""Report sections for an incident view, from the functions the incident pages call
(``sdg16.services.incidents`` through ``sdg16.ui.cache``), so a report's counts are the screen's.

Sections read the analyst's view (full counts); a report marked public then goes through
``model.finalise``: counts under 5 withheld and the individual-report sections dropped.
"""

from __future__ import annotations

import pandas as pd

from sdg16.charts import incidents as charts
from sdg16.core.catalog import Catalog
from sdg16.core.filters import Filter
from sdg16.core.i18n import N_
from sdg16.core.taxonomy import get as taxonomy
from sdg16.queries import incidents as q
from sdg16.queries.db import ReadOnlyDatabase
from sdg16.reports.findings_section import findings_section
from sdg16.reports.model import Section
from sdg16.services import incidents
from sdg16.state.roles import Role

ROLE = Role.ANALYST  # what a report's author sees on screen; public reports are suppressed after
BREAKDOWNS = {  # section key: (breakdown, heading, column)
    "by_type": ("type", "Reports by incident type", "Incident type"),
    "by_area": ("admin1", "Reports by area (admin 1)", "Area"),
    "by_place": ("place_type", "Reports by place type", "Place type"),
}
# Individual reports: no free text unless the "reports_text" section is chosen.
REPORT_COLUMNS = {
    "occurred_at": "Date",
    "admin1": "Area",
    "types": "Types",
    "place_type": "Place type",
    "reporter_role": "Reporter",
    "source": "Source",
}
TEXT_COLUMNS = {**REPORT_COLUMNS, "place_name": "Place", "description": "Description"}
TOP_TYPES = 5
OTHER_TYPES = "Other types"
SECTION_LABELS = {
    "summary": N_("Summary"),
    "by_type": N_("Counts by incident type (chart and table)"),
    "timeline": N_("Timeline by month (chart and table)"),
    "findings": N_("Key findings: trend, hotspots and unusual months, with their numbers"),
    "by_area": N_("Counts by area (chart and table)"),
    "by_place": N_("Counts by place type (chart and table)"),
    "reports": N_("Individual reports, without free text (analysts; not in public reports)"),
    "reports_text": N_("Individual reports with their text (analysts; not in public reports)"),
}
DEFAULT_SECTIONS = (
    "summary", "findings", "by_type", "timeline", "by_area", "by_place", "reports",
)  # fmt: skip


def breakdown_table(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """The screen's breakdown (key, reports) with readable headers."""
    return frame.rename(columns={"key": column, "reports": "Reports"}).reset_index(drop=True)


def timeline_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The screen's monthly timeline (period, type, reports) as one row per month (YYYY-MM),
    a column for each of the TOP_TYPES most reported types and one for the rest (fits A4)."""
    if frame.empty:
        return pd.DataFrame({"Month": []})
    order = frame.groupby("type")["reports"].sum().sort_values(ascending=False).index
    top = list(order[:TOP_TYPES])
    frame = frame.assign(type=frame["type"].where(frame["type"].isin(top), OTHER_TYPES))
    wide = frame.pivot_table(index="period", columns="type", values="reports", aggfunc="sum")
    wide = wide[top + ([OTHER_TYPES] if OTHER_TYPES in wide.columns else [])]
    wide = wide.fillna(0).astype(int)  # no report of a type that month: a true zero
    wide.index = pd.to_datetime(wide.index).strftime("%Y-%m")
    wide.columns.name = None
    return wide.rename_axis("Month").reset_index()


def reports_table(frame: pd.DataFrame, with_text: bool, area_names: dict[str, str]) -> pd.DataFrame:
    columns = TEXT_COLUMNS if with_text else REPORT_COLUMNS
    out = frame[list(columns)].copy()
    out["occurred_at"] = pd.to_datetime(out["occurred_at"]).dt.strftime("%Y-%m-%d")
    out["admin1"] = out["admin1"].map(lambda a: area_names.get(a, a))
    types, places = incidents.type_labels(), taxonomy().place_types
    out["types"] = out["types"].map(lambda t: ", ".join(types.get(x, x) for x in t.split(", ")))
    out["place_type"] = out["place_type"].map(lambda p: places.get(p, p))
    return out.rename(columns=columns).reset_index(drop=True)


def _counted(table: pd.DataFrame, column: str) -> pd.DataFrame:
    """Rows whose count is a number (withheld ones, "<5", left out), as key/reports."""
    reports = pd.to_numeric(table["Reports"], errors="coerce")
    kept = table.assign(Reports=reports)[reports.notna()]
    return kept.rename(columns={column: "key", "Reports": "reports"})[["key", "reports"]]


def _bar(frame: pd.DataFrame, column: str):  # type: ignore[no-untyped-def]
    fig = charts.bar_figure(frame, column)
    return fig.update_traces(marker_color="#009EDB").update_layout(template="plotly_white")


def _timeline_from(table: pd.DataFrame):  # type: ignore[no-untyped-def]
    """The monthly chart from the (suppressed) month-by-type table: withheld cells left out."""
    long = table.melt(id_vars="Month", var_name="type", value_name="reports")
    long["reports"] = pd.to_numeric(long["reports"], errors="coerce")
    long = long[long["reports"] > 0].assign(period=lambda d: pd.to_datetime(d["Month"]))
    fig = charts.timeline_figure(long[["period", "type", "reports"]], "month")
    return fig.update_layout(height=360, template="plotly_white")


def _summary(db: ReadOnlyDatabase, f: Filter) -> Section:
    s = incidents.summary(db, f, ROLE)
    month = {k: pd.Timestamp(s[k]).strftime("%Y-%m") if s[k] else "–" for k in ("first", "last")}
    table = pd.DataFrame(
        {
            "Reports": [int(s["reports"])],
            "Synthetic": [int(s["synthetic"] or 0)],
            "First month": [month["first"]],
            "Latest month": [month["last"]],
        }
    )
    text = (
        f"Sources: {s['sources'] or 'none'}. Crowd-sourced, self-selected and unverified reports: "
        "counts show who reports, not how common harassment is."
    )
    return Section("summary", "Summary", text, table, count_columns=("Reports", "Synthetic"))


def _breakdown(db: ReadOnlyDatabase, f: Filter, key: str) -> Section:
    by, heading, column = BREAKDOWNS[key]
    frame = incidents.breakdown(db, f, ROLE, by)
    text = f"Reports in this selection by {column.lower()}, largest first."
    if by == "type":
        text += " A report can name several types, so these counts add up to more than the total."
    fig = _bar(frame, column) if not frame.empty else None  # the document's blue on white
    table = breakdown_table(frame, column)
    return Section(
        key,
        heading,
        text,
        table,
        figure=fig,
        count_columns=("Reports",),
        redraw=lambda t: _bar(_counted(t, column), column),
    )


def _timeline(db: ReadOnlyDatabase, f: Filter) -> Section:
    frame = incidents.timeline(db, f, ROLE, "month")
    table = timeline_table(frame)
    fig = _timeline_from(table) if not frame.empty else None
    text = "Reports per month and type (a report naming two types counts in both)."
    counts = tuple(c for c in table.columns if c != "Month")
    return Section(
        "timeline",
        "Timeline by month",
        text,
        table,
        figure=fig,
        count_columns=counts,
        redraw=_timeline_from,
    )


def _reports(db: ReadOnlyDatabase, f: Filter, with_text: bool) -> Section:
    frame = incidents.reports(db, f, ROLE)
    names = incidents.area_names(f.geo[0]) if f.geo else {}
    key = "reports_text" if with_text else "reports"
    text = f"The {len(frame):,} most recent reports with a location in this selection"
    text += " (at most 500), as analysts see them on the incident page."
    if not with_text:
        text += " Free text and place names are left out."
    title = "Individual reports" + (" with text" if with_text else "")
    table = reports_table(frame, with_text, names)
    return Section(key, title, text, table, private=True, on_request=with_text)


def incident_sections(db: ReadOnlyDatabase, f: Filter, catalog: Catalog) -> list[Section]:
    """Every incident section; ``build_report`` keeps the chosen ones (DEFAULT_SECTIONS when
    none are chosen, so free text is never included unless asked for)."""
    if not q.has_incidents(db):
        empty = pd.DataFrame({"Reports": []})
        return [Section("summary", "Summary", "No incident reports are loaded.", empty)]
    return [
        _summary(db, f),
        findings_section(db, f),
        _breakdown(db, f, "by_type"),
        _timeline(db, f),
        _breakdown(db, f, "by_area"),
        _breakdown(db, f, "by_place"),
        _reports(db, f, with_text=False),
        _reports(db, f, with_text=True),
    ]
