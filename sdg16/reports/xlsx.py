"""The Excel report: a metadata sheet first, then one data sheet per section."""

from __future__ import annotations

import io
import re

import pandas as pd

from sdg16.core import spreadsheet
from sdg16.reports.model import Report


def _sheet_name(title: str, used: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\]", " ", title)[:28].strip() or "Sheet"
    name, n = base, 2
    while name in used:
        name, n = f"{base} {n}", n + 1
    used.add(name)
    return name


def to_xlsx(report: Report) -> bytes:
    m = report.meta
    about = [
        ("Title", m.title),
        ("Prepared by", m.author),
        ("Created (UTC)", m.created.strftime("%Y-%m-%d %H:%M")),
        ("Classification", "Public" if m.public else "Restricted: authorized recipients only"),
        *(("Filter", line) for line in m.filters_text),
        ("View (URL query)", m.filters_query),
        *(("Provenance", line) for line in m.provenance),
        ("Attribution", m.attribution),
        *(
            (f"Sheet: {s.title}", s.text + (" " + s.note if s.note else ""))
            for s in report.sections
        ),
    ]
    buf = io.BytesIO()
    used = {"About"}
    options = {"options": spreadsheet.XLSX_OPTIONS}
    with pd.ExcelWriter(buf, engine="xlsxwriter", engine_kwargs=options) as writer:
        about_frame = spreadsheet.safe_frame(pd.DataFrame(about, columns=["Field", "Value"]))
        about_frame.to_excel(writer, sheet_name="About", index=False)
        writer.sheets["About"].set_column(0, 0, 24)
        writer.sheets["About"].set_column(1, 1, 100)
        for s in report.sections:
            name = _sheet_name(s.title, used)
            spreadsheet.safe_frame(s.table).to_excel(writer, sheet_name=name, index=False)
            writer.sheets[name].set_column(0, len(s.table.columns) - 1, 16)
            writer.sheets[name].freeze_panes(1, 0)
    return buf.getvalue()
