"""The Excel report: a metadata sheet first, then one data sheet per section."""

from __future__ import annotations

import io
import re

import pandas as pd

from sdg16.core import spreadsheet
from sdg16.core.formatting import date_time
from sdg16.core.i18n import gettext
from sdg16.reports.model import Report


def _sheet_name(title: str, used: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\]", " ", title)[:28].strip() or "Sheet"
    name, n = base, 2
    while name in used:
        name, n = f"{base} {n}", n + 1
    used.add(name)
    return name


def to_xlsx(report: Report) -> bytes:
    m, lang = report.meta, report.meta.lang

    classification = (
        gettext(lang, "Public")
        if m.public
        else gettext(lang, "Restricted: authorized recipients only")
    )
    sheet = gettext(lang, "Sheet: {title}")
    about = [
        (gettext(lang, "Title"), m.title),
        (gettext(lang, "Prepared by"), m.author),
        (gettext(lang, "Created (UTC)"), date_time(m.created, lang)),
        (gettext(lang, "Classification"), classification),
        *((gettext(lang, "Filter"), line) for line in m.filters_text),
        (gettext(lang, "View (URL query)"), m.filters_query),
        *((gettext(lang, "Provenance"), line) for line in m.provenance),
        (gettext(lang, "Attribution"), m.attribution),
        *(
            (sheet.format(title=s.title), s.text + (" " + s.note if s.note else ""))
            for s in report.sections
        ),
    ]
    buf = io.BytesIO()
    about_name = gettext(lang, "About")
    used = {about_name}
    options = {"options": spreadsheet.XLSX_OPTIONS}
    columns = [gettext(lang, "Field"), gettext(lang, "Value")]
    with pd.ExcelWriter(buf, engine="xlsxwriter", engine_kwargs=options) as writer:
        about_frame = spreadsheet.safe_frame(pd.DataFrame(about, columns=columns))
        about_frame.to_excel(writer, sheet_name=about_name, index=False)
        writer.sheets[about_name].set_column(0, 0, 24)
        writer.sheets[about_name].set_column(1, 1, 100)
        for s in report.sections:
            name = _sheet_name(s.title, used)
            spreadsheet.safe_frame(s.table).to_excel(writer, sheet_name=name, index=False)
            writer.sheets[name].set_column(0, len(s.table.columns) - 1, 16)
            writer.sheets[name].freeze_panes(1, 0)
    return buf.getvalue()
