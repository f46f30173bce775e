"""The PDF report: a cover page (title, author, date, filters in words, provenance), then each
section with its chart as an image and its table. DejaVu fonts for names beyond Latin-1; Noto
Naskh Arabic and Nastaliq Urdu as fallbacks, with HarfBuzz shaping (uharfbuzz), so Arabic and
Urdu free text prints joined, right to left and in logical order for search and copy."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
from fpdf import FPDF, FontFace

from sdg16.core.formatting import number
from sdg16.reports.images import ImageUnavailable, png
from sdg16.reports.model import Report, Section

FONTS = Path("/usr/share/fonts/truetype/dejavu")
# Debian fonts-noto-core (.ci/run installs it): DejaVu lacks Urdu letters such as U+06C1.
NOTO = Path("/usr/share/fonts/truetype/noto")
SCRIPT_FALLBACKS = {
    "naskh": "NotoNaskhArabic-Regular.ttf",
    "nastaliq": "NotoNastaliqUrdu-Regular.ttf",
}
UN_BLUE = (0, 158, 219)
INK = (33, 37, 41)
GREY = (108, 117, 125)
MAX_TABLE_ROWS = 400  # longer tables are cut in the PDF; the Excel file has every row
# A table row must fit on one page (fpdf2 raises otherwise): a table with a cell longer than
# this (real reports run to 8-12k characters) is printed as one block per row instead, whose
# long text wraps line by line across as many pages as it needs.
LONG_CELL = 400


class _Pdf(FPDF):
    def __init__(self, report: Report) -> None:
        super().__init__(format="A4")
        self.report = report
        self.add_font("dejavu", "", str(FONTS / "DejaVuSans.ttf"))
        self.add_font("dejavu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        self.add_font("dejavu", "I", str(FONTS / "DejaVuSans-Oblique.ttf"))
        fallbacks = [name for name, file in SCRIPT_FALLBACKS.items() if (NOTO / file).exists()]
        for name in fallbacks:
            self.add_font(name, "", str(NOTO / SCRIPT_FALLBACKS[name]))
        self.set_fallback_fonts(fallbacks, exact_match=False)
        self.set_text_shaping(True)
        self.set_font("dejavu", size=10)
        self.set_auto_page_break(True, margin=18)
        self.set_title(report.meta.title)
        self.set_author(report.meta.author)
        self.set_creator("SDG 16 dashboard")

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font("dejavu", "", 8)
        self.set_text_color(*GREY)
        self.cell(0, 6, self.report.meta.title, align="L")
        self.cell(0, 6, self.report.meta.created.strftime("%d %B %Y"), align="R")
        self.ln(9)

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font("dejavu", "", 8)
        self.set_text_color(*GREY)
        label = "PUBLIC" if self.report.meta.public else "RESTRICTED — authorized recipients only"
        self.cell(0, 5, label, align="L")
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="R")


def _cell_text(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "–"
    if isinstance(value, float):
        return number(value)
    return str(value)


def _cover(pdf: _Pdf) -> None:
    m = pdf.report.meta
    pdf.add_page()
    pdf.set_fill_color(*UN_BLUE)
    pdf.rect(0, 0, pdf.w, 62, style="F")
    pdf.set_xy(18, 18)
    pdf.set_text_color(255, 255, 255)
    pdf.set_font("dejavu", "", 11)
    pdf.cell(0, 6, "Sustainable Development Goal 16 · Peace, justice and strong institutions")
    pdf.set_xy(18, 30)
    pdf.set_font("dejavu", "B", 22)
    pdf.multi_cell(pdf.w - 36, 10, m.title, align="L")
    pdf.set_xy(18, 74)
    pdf.set_text_color(*INK)
    pdf.set_font("dejavu", "", 11)
    pdf.cell(0, 6, f"Prepared by {m.author} · {m.created:%d %B %Y, %H:%M} UTC", new_x="LMARGIN")
    pdf.ln(14)
    for heading, lines in (
        ("Scope of this report", m.filters_text),
        ("Data provenance", m.provenance),
        ("Attribution", (m.attribution,)),
    ):
        pdf.set_x(18)
        pdf.set_font("dejavu", "B", 12)
        pdf.set_text_color(*UN_BLUE)
        pdf.cell(0, 7, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("dejavu", "", 10)
        pdf.set_text_color(*INK)
        for line in lines:
            pdf.set_x(18)
            pdf.multi_cell(pdf.w - 36, 5.5, f"• {line}", align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(5)
    pdf.set_x(18)
    pdf.set_font("dejavu", "I", 8)
    pdf.set_text_color(*GREY)
    pdf.multi_cell(pdf.w - 36, 4.5, f"Reproduce this view: ?{m.filters_query}", align="L")


def _records(pdf: _Pdf, table: pd.DataFrame) -> None:
    """Each row as a block: its short cells on one line, then each long one as a paragraph."""
    for rec in table.itertuples(index=False):
        cells = [(str(c), _cell_text(v)) for c, v in zip(table.columns, rec, strict=True)]
        short = [f"{c}: {v}" for c, v in cells if len(v) <= LONG_CELL]
        pdf.set_font("dejavu", "B", 9)
        pdf.set_text_color(*UN_BLUE)
        pdf.multi_cell(0, 5, " · ".join(short), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("dejavu", "", 9)
        pdf.set_text_color(*INK)
        for column, value in cells:
            if len(value) > LONG_CELL:
                # wrapmode CHAR: a word wider than the page (a URL, a pasted blob) is broken
                # too; WORD would have no place to break it.
                pdf.multi_cell(0, 4.5, f"{column}: {value}", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)


def _table(pdf: _Pdf, table: pd.DataFrame) -> None:
    shown = table.head(MAX_TABLE_ROWS)
    if any(len(_cell_text(v)) > LONG_CELL for col in shown.columns for v in shown[col]):
        _records(pdf, shown)
        _cut_note(pdf, table, shown)
        return
    pdf.set_font("dejavu", "", 8 if len(table.columns) > 6 else 9)
    pdf.set_text_color(*INK)
    pdf.set_fill_color(240, 246, 250)  # the cover's blue band must not leak into row fills
    heading = FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=UN_BLUE)
    with pdf.table(
        headings_style=heading,
        cell_fill_color=(240, 246, 250),
        cell_fill_mode="ROWS",
        line_height=5,
        borders_layout="HORIZONTAL_LINES",
        text_align="LEFT",
    ) as t:
        t.row([str(c) for c in shown.columns])
        for rec in shown.itertuples(index=False):
            t.row([_cell_text(v) for v in rec])
    _cut_note(pdf, table, shown)


def _cut_note(pdf: _Pdf, table: pd.DataFrame, shown: pd.DataFrame) -> None:
    if len(table) > len(shown):
        pdf.set_font("dejavu", "I", 8)
        pdf.cell(0, 6, f"First {len(shown)} of {len(table)} rows; the Excel report has all.")
        pdf.ln(6)


def _section(pdf: _Pdf, section: Section, first: bool) -> None:
    # Short sections share a page; a new one starts when little room is left.
    if first or pdf.get_y() > pdf.h * 0.55:
        pdf.add_page()
    else:
        pdf.ln(8)
    pdf.set_font("dejavu", "B", 15)
    pdf.set_text_color(*UN_BLUE)
    pdf.multi_cell(0, 8, section.title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dejavu", "", 10)
    pdf.set_text_color(*INK)
    pdf.multi_cell(0, 5.5, section.text, align="L", new_x="LMARGIN", new_y="NEXT")
    if section.note:
        pdf.set_font("dejavu", "I", 9)
        pdf.multi_cell(0, 5, section.note, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    if section.figure is not None:
        try:
            pdf.image(io.BytesIO(png(section.figure)), w=pdf.epw)
        except ImageUnavailable as exc:  # the report still has its text and table
            pdf.set_font("dejavu", "I", 9)
            pdf.multi_cell(0, 5, f"Chart left out: {exc}.", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    _table(pdf, section.table)


def to_pdf(report: Report) -> bytes:
    pdf = _Pdf(report)
    _cover(pdf)
    for i, section in enumerate(report.sections):
        _section(pdf, section, first=i == 0)
    return bytes(pdf.output())
