"""The one table reader: a CSV or XLSX file as text, exactly as written (no type guessing), for
the bundle's indicator files and the incident importers alike.

Every way a file can be unreadable is a ``LoadError`` naming the file, and the row and field
where that is known: a truncated workbook, a zip renamed .csv, NUL bytes, an encoding that is
not UTF-8 (with the row and a guess at the real encoding), duplicate column names. A row with
more fields than the header is kept, marked in ``FIELDS_COLUMN``, so the validator
quarantines it as shifted instead of reading later values under the wrong column (rows with
fewer fields are padded, as spreadsheets drop trailing empty cells).
"""

from __future__ import annotations

import csv
import io
import warnings
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from loaders.base import LoadError, Problem

FIELDS_COLUMN = "_fields"  # set on a row whose field count differs from the header's
MAX_CELL = 100_000  # characters; a longer cell is quarantined (loaders/incidents/validate.py)
ZIP_MAGIC = b"PK\x03\x04"
csv.field_size_limit(16 * 1024 * 1024)  # read long cells, then judge them (MAX_CELL)


def read_table(
    path: Path,
    nrows: int | None = None,
    sep: str | None = ",",
    *,
    required: Iterable[str] | None = None,
    optional: Iterable[str] = (),
    allow_extra: bool = True,
) -> pd.DataFrame:
    """All cells as stripped-header strings; empty cells are ''. ``sep=None`` sniffs it.

    With ``required`` the header is checked too (every missing column named; with
    ``allow_extra=False`` every column not in ``required`` or ``optional``), and a row with more
    fields than the header fails the read instead of being marked (a data file, not an export
    whose rows are judged one by one). Row numbers are file lines: the header is line 1."""
    if not path.is_file():
        raise LoadError(Problem(str(path), "file not found"))
    if required is not None and path.stat().st_size == 0:  # the bundle loader's own wording
        raise LoadError(Problem(str(path), "file is empty"))
    if path.suffix.lower() in (".xlsx", ".xls"):
        frame = _read_excel(path, nrows)
    else:
        frame = _read_csv(path, nrows, sep)
    frame.columns = [str(c).strip() for c in frame.columns]
    if required is not None:
        _check_header(frame, path, list(required), optional, allow_extra)
    return frame


def _check_header(
    frame: pd.DataFrame, path: Path, required: list[str], optional: Iterable[str], extra: bool
) -> None:
    name = str(path)
    if FIELDS_COLUMN in frame.columns:
        line = int(frame.index[frame[FIELDS_COLUMN] != ""][0]) + 2
        raise LoadError(
            Problem(name, "cannot parse as CSV: more fields than the header has", row=line)
        )
    missing = [c for c in required if c not in frame.columns]
    problems = [Problem(name, "required column is missing", row=1, field=c) for c in missing]
    if not extra:
        known = set(required) | set(optional)
        unexpected = [c for c in frame.columns if c not in known and not c.startswith("Unnamed:")]
        problems += [Problem(name, "unexpected column", row=1, field=c) for c in unexpected]
    if problems:
        raise LoadError(problems)


def problems_where(
    frame: pd.DataFrame, mask: pd.Series, file: str, field: str, message: str
) -> list[Problem]:
    """One Problem per flagged row, quoting the offending value."""
    out = []
    for idx in frame.index[mask]:
        value = frame.at[idx, field] if field in frame.columns else ""
        out.append(Problem(file, f"{message} (got {value!r})", row=int(idx) + 2, field=field))
    return out


def _read_excel(path: Path, nrows: int | None) -> pd.DataFrame:
    head = path.read_bytes()[:4]
    if path.suffix.lower() == ".xlsx" and head != ZIP_MAGIC:
        raise LoadError(Problem(str(path), "not an Excel workbook (.xlsx files are zip archives)"))
    try:
        return pd.read_excel(path, dtype=str, nrows=nrows).fillna("")
    except Exception as exc:  # zipfile, openpyxl and XML errors alike: a damaged workbook
        raise LoadError(
            Problem(str(path), f"cannot read the workbook (is it complete?): {_why(exc)}")
        ) from exc


def _why(exc: Exception) -> str:
    return f"{type(exc).__name__}: {exc}"[:300]


def _decode(path: Path, data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        row = data[: exc.start].count(b"\n") + 1
        raise LoadError(
            Problem(
                str(path),
                f"not UTF-8 (byte 0x{data[exc.start]:02x}); it looks like {_guess(data)}: "
                "save it as UTF-8 (Excel: Save As, 'CSV UTF-8')",
                row=row,
            )
        ) from None


def _guess(data: bytes) -> str:
    """A likely encoding for bytes that are not UTF-8."""
    if data[1:200:2].count(0) > 50 or data[0:200:2].count(0) > 50:
        return "UTF-16 without a byte-order mark"
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return "Latin-1 (ISO-8859-1)"
    return "Windows-1252 (Latin-1)" if any(c in text for c in "éèàçñüöäÉ€’") else "Latin-1"


def _read_csv(path: Path, nrows: int | None, sep: str | None) -> pd.DataFrame:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(Problem(str(path), f"cannot read the file: {exc.strerror}")) from exc
    if not data.strip():
        raise LoadError(Problem(str(path), "the file is empty"))
    if data.startswith(ZIP_MAGIC):
        raise LoadError(
            Problem(str(path), "a zip archive (an .xlsx workbook?), not a CSV: name it .xlsx")
        )
    text = _decode(path, data)
    if "\x00" in text:
        row = text[: text.index("\x00")].count("\n") + 1
        what = "UTF-16 without a byte-order mark" if text.count("\x00") > len(text) // 4 else ""
        why = f"it looks like {what}: save it as UTF-8" if what else "a binary file, not a CSV?"
        raise LoadError(Problem(str(path), f"NUL bytes; {why}", row=row))
    if sep is None:
        try:
            sep = csv.Sniffer().sniff(text[:4096], delimiters=",;\t").delimiter
        except csv.Error:
            sep = ","
    fast = _fast_frame(path, text, sep, nrows)
    if fast is not None:
        return fast
    try:
        rows = [r for r in csv.reader(io.StringIO(text, newline=""), delimiter=sep) if any(r)]
    except csv.Error as exc:
        raise LoadError(Problem(str(path), f"cannot parse as CSV: {exc}")) from exc
    return _frame(path, rows, nrows)


def _fast_frame(path: Path, text: str, sep: str, nrows: int | None) -> pd.DataFrame | None:
    """The same frame as ``_frame`` through pandas' C parser (five times faster on the bundle's
    8 MB file), or None when the file needs the careful path: a row longer than the header, or
    anything the C parser and the csv module might read differently."""
    try:
        header = next(csv.reader(io.StringIO(text, newline=""), delimiter=sep))
    except (csv.Error, StopIteration):
        return None
    names = [h.strip() for h in header]
    if len(set(names)) != len(names) or not any(names):
        return None  # duplicates (named by the careful path) or a blank first line
    try:
        with warnings.catch_warnings():  # a first row longer than the header: data would be lost
            warnings.simplefilter("error", pd.errors.ParserWarning)
            frame = pd.read_csv(
                io.StringIO(text),
                dtype=str,
                keep_default_na=False,
                sep=sep,
                index_col=False,
                nrows=nrows,
                engine="c",
                quoting=csv.QUOTE_MINIMAL,
                skip_blank_lines=True,
            )
    except (pd.errors.ParserError, pd.errors.ParserWarning, ValueError, csv.Error):
        return None
    if list(frame.columns) != header:
        return None
    frame = frame.fillna("")
    empty = (frame == "").all(axis=1)
    if empty.any():  # the csv module's rows of empty cells are dropped, as there
        frame = frame[~empty].reset_index(drop=True)
    if nrows is None and frame.empty:
        raise LoadError(Problem(str(path), "the file has a header but no data rows", row=1))
    return frame


def _frame(path: Path, rows: list[list[str]], nrows: int | None) -> pd.DataFrame:
    header = [h.strip() for h in rows[0]]
    seen = set()
    for name in header:
        if name in seen and name:
            raise LoadError(Problem(str(path), "column named twice", row=1, field=name))
        seen.add(name)
    body = rows[1:] if nrows is None else rows[1 : 1 + nrows]
    if nrows is None and not body:
        raise LoadError(Problem(str(path), "the file has a header but no data rows", row=1))
    width = len(header)
    records, shape = [], []
    for r in body:
        shape.append(str(len(r)) if len(r) > width else "")
        records.append((r + [""] * width)[:width])
    frame = pd.DataFrame(records, columns=header, dtype=str)
    if any(shape):
        frame[FIELDS_COLUMN] = shape
    return frame


def require(frame: pd.DataFrame, path: Path, columns: set[str]) -> None:
    missing = sorted(columns - set(frame.columns))
    if missing:
        raise LoadError(
            Problem(str(path), f"missing column(s) {', '.join(missing)}", row=1, field=missing[0])
        )
