"""One entry point per output format: ``render(report, fmt)`` gives the file's bytes."""

from __future__ import annotations

import re

from sdg16.reports.html import to_html
from sdg16.reports.model import Report
from sdg16.reports.pdf import to_pdf
from sdg16.reports.xlsx import to_xlsx

MIME = {
    "pdf": "application/pdf",
    "html": "text/html",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
FORMATS = tuple(MIME)


def render(report: Report, fmt: str) -> bytes:
    if fmt == "pdf":
        return to_pdf(report)
    if fmt == "html":
        return to_html(report).encode("utf-8")
    if fmt == "xlsx":
        return to_xlsx(report)
    raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")


def file_name(report: Report, fmt: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", report.meta.title.lower()).strip("-")[:60] or "report"
    return f"{slug}-{report.meta.created:%Y%m%d-%H%M}.{fmt}"
