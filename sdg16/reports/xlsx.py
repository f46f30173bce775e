"""The one Excel writer (reports and the explorer's table downloads), and the Excel report: a
metadata sheet first, then one data sheet per section."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
import xlsxwriter

from sdg16.core import spreadsheet
from sdg16.core.formatting import date_time
from sdg16.core.i18n import gettext
from sdg16.reports.model import Report


@dataclass(frozen=True)
class Sheet:
    """One worksheet: its rows, column widths as (first, last, width), a frozen header row."""

    name: str
    frame: pd.DataFrame
    widths: tuple[tuple[int, int, float], ...] = ()
    freeze_header: bool = False


def workbook(sheets: Sequence[Sheet]) -> bytes:
    """The sheets as an .xlsx file: every cell neutralised (``sdg16.core.spreadsheet``), and no
    string made a formula or a link by xlsxwriter."""
    buf = io.BytesIO()
    with xlsxwriter.Workbook(buf, {"in_memory": True, **spreadsheet.XLSX_OPTIONS}) as book:
        bold = book.add_format({"bold": True})
        dates = book.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
        for spec in sheets:
            sheet = book.add_worksheet(spec.name)
            frame = spreadsheet.safe_frame(spec.frame)
            sheet.write_row(0, 0, list(frame.columns), bold)
            # Column by column: about three times faster than DataFrame.to_excel on these tables.
            for j, col in enumerate(frame.columns):
                values = frame[col].astype(object)
                style = dates if pd.api.types.is_datetime64_any_dtype(frame[col]) else None
                sheet.write_column(1, j, values.where(values.notna(), None).tolist(), style)
            for first, last, width in spec.widths:
                sheet.set_column(first, max(first, last), width)
            if spec.freeze_header:
                sheet.freeze_panes(1, 0)
    return buf.getvalue()


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
    about_name = gettext(lang, "About")
    used = {about_name}
    columns = [gettext(lang, "Field"), gettext(lang, "Value")]
    sheets = [Sheet(about_name, pd.DataFrame(about, columns=columns), ((0, 0, 24), (1, 1, 100)))]
    for s in report.sections:
        width = ((0, len(s.table.columns) - 1, 16),)
        sheets.append(Sheet(_sheet_name(s.title, used), s.table, width, freeze_header=True))
    return workbook(sheets)
