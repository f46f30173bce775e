"""Produce a report's files for the signed-in analyst: role checked and audit written per file,
with a progress indicator. The page only gathers the choices."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import streamlit as st

from sdg16.filters import Filter
from sdg16.reports.build import build_report
from sdg16.reports.render import MIME, file_name, render
from sdg16.roles import Role
from sdg16.ui import cache, guard, session

RESULT_KEY = "sdg16_report_files"


@dataclass(frozen=True)
class MadeFile:
    name: str
    mime: str
    data: bytes
    rows: int


def make_report(
    f: Filter, title: str, sections: Sequence[str], formats: Sequence[str], public: bool
) -> list[MadeFile]:
    made: list[MadeFile] = []
    with st.status("Creating the report…", expanded=True) as status:
        bar = st.progress(0.0, text="Reading the data")
        report = build_report(
            cache.database(),
            f,
            cache.indicator_catalog(),
            title=title,
            author=session.current_user() or "unknown",
            sections=sections,
            public=public,
        )
        for i, fmt in enumerate(formats):
            bar.progress((i + 0.5) / len(formats), text=f"Writing {fmt.upper()}")
            name = file_name(report, fmt)
            data = guard.produce(
                Role.ANALYST,
                lambda fmt=fmt: (render(report, fmt), report.rows()),
                what=name,
                filters=report.meta.filters_query,
                fmt=fmt,
                action="report",
            )
            made.append(MadeFile(name, MIME[fmt], data, report.rows()))
        bar.progress(1.0, text="Done")
        status.update(label=f"Report ready: {report.rows()} rows", state="complete")
    st.session_state[RESULT_KEY] = made
    return made


def offer_downloads() -> None:
    """Download buttons for the files made in this session (already checked and audited)."""
    if not session.current_role().allows(Role.ANALYST):
        st.session_state.pop(RESULT_KEY, None)
        return
    for i, made in enumerate(st.session_state.get(RESULT_KEY, [])):
        st.download_button(
            f"Download {made.name}",
            made.data,
            file_name=made.name,
            mime=made.mime,
            key=f"report_download_{i}",
            icon=":material/download:",
            on_click="ignore",
        )


def create_report_link(f: Filter) -> None:
    """For any filtered view (indicator or incident page): "Create report" with the same
    filters, shown only to roles that may create reports."""
    if session.current_role().allows(Role.ANALYST):
        st.page_link(
            "views/reports.py",
            label="Create report",
            icon=":material/summarize:",
            query_params=f.to_params(),
        )
