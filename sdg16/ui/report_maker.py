"""Produce a report's files for the signed-in analyst: role checked and audit written per file,
with a progress indicator. The page only gathers the choices."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import streamlit as st

from sdg16.core import textsafe
from sdg16.core.disclosure import SMALL_COUNT
from sdg16.core.filters import Filter
from sdg16.core.policy import LANGUAGES
from sdg16.reports.build import build_report
from sdg16.reports.model import Report
from sdg16.reports.render import FORMATS, MIME, file_name, render
from sdg16.services import filters
from sdg16.state.roles import Role
from sdg16.ui import cache, guard, session
from sdg16.ui.i18n import _, current_lang, num

RESULT_KEY = "sdg16_report_files"


@dataclass(frozen=True)
class MadeFile:
    name: str
    mime: str
    data: bytes
    rows: int


def make_report(
    f: Filter,
    title: str,
    sections: Sequence[str],
    formats: Sequence[str],
    public: bool,
    lang: str = "en",
) -> list[MadeFile]:
    made: list[MadeFile] = []
    with st.status(_("Creating the report…"), expanded=True) as status:
        bar = st.progress(0.0, text=_("Reading the data"))
        report = build_report(
            cache.database(),
            f.update(lang=lang),  # the report's language, chosen in the form
            cache.indicator_catalog(),
            title=title,
            author=session.current_user() or "unknown",
            sections=sections,
            public=public,
        )
        failed = 0
        for i, fmt in enumerate(formats):
            bar.progress(
                (i + 0.5) / len(formats), text=_("Writing {format}").format(format=fmt.upper())
            )
            try:
                made.append(_one_file(report, fmt, public))
            except PermissionError:
                raise  # the role went away mid-way: nothing more is made
            except Exception as exc:  # one format failing must not lose the others
                failed += 1
                st.error(
                    _("The {format} file could not be made: {error}").format(
                        format=fmt.upper(), error=textsafe.md(exc, limit=300)
                    )
                )
        bar.progress(1.0, text=_("Done"))
        status.update(
            label=_("Report ready: {n} rows").format(n=num(report.rows())),
            state="error" if failed else "complete",
        )
    st.session_state[RESULT_KEY] = made
    return made


def _one_file(report: Report, fmt: str, public: bool) -> MadeFile:
    """One format, role checked and audited when it is made (only files that exist are)."""
    name = file_name(report, fmt)
    data = guard.produce(
        Role.ANALYST,
        lambda: (render(report, fmt), report.rows()),
        what=name,
        filters=report.meta.filters_query,
        fmt=fmt,
        action="report",
        free_text=any(s.key == "reports_text" for s in report.sections),
        public=public,
    )
    return MadeFile(name, MIME[fmt], data, report.rows())


def describe(f: Filter) -> tuple[str, ...]:
    """The filters in words, as the report's cover will say them."""
    return filters.describe(f, db=cache.database(), catalog=cache.indicator_catalog())


def report_form(f: Filter, title: str, labels: dict[str, str], defaults: Sequence[str]) -> None:
    """Title, sections, formats and the public flag; makes the files on submit."""
    with st.form("create_report"):
        st.subheader(_("Create report"))
        title = st.text_input(_("Title"), value=title)
        sections = st.multiselect(
            _("Sections"), list(labels), default=list(defaults), format_func=lambda s: _(labels[s])
        )
        c1, c2, c3 = st.columns([1, 2, 1], vertical_alignment="bottom")
        lang = c1.selectbox(
            _("Report language"),
            list(LANGUAGES),
            index=list(LANGUAGES).index(current_lang()),
            format_func=LANGUAGES.__getitem__,
        )
        formats = c2.multiselect(
            _("Formats"), FORMATS, default=list(FORMATS), format_func=str.upper
        )
        public = c3.checkbox(
            _("Public report"),
            help=_("Counts below {n} are withheld; no individual reports.").format(n=SMALL_COUNT),
        )
        submitted = st.form_submit_button(_("Create report"), type="primary")
    if submitted:
        if not sections or not formats:
            st.error(_("Pick at least one section and one format."))
        else:
            make_report(f, title, sections, formats, public, lang)


def offer_downloads() -> None:
    """Download buttons for the files made in this session (already checked and audited)."""
    if not session.current_role().allows(Role.ANALYST):
        st.session_state.pop(RESULT_KEY, None)
        return
    for i, made in enumerate(st.session_state.get(RESULT_KEY, [])):
        guard.offer_produced(
            _("Download {file}").format(file=made.name),
            Role.ANALYST,
            made.data,
            file_name=made.name,
            mime=made.mime,
            key=f"report_download_{i}",
        )


def create_report_link(f: Filter) -> None:
    """For any filtered view (indicator or incident page): "Create report" with the same
    filters, shown only to roles that may create reports."""
    if session.current_role().allows(Role.ANALYST):
        st.page_link(
            "views/reports.py",
            label=_("Create report"),
            icon=":material/summarize:",
            query_params=f.to_params(),
        )
