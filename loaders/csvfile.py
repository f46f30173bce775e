"""Reading input tables with errors that name the file, row and field."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from loaders.base import LoadError, Problem


def read_table(
    path: Path,
    required: Iterable[str],
    *,
    optional: Iterable[str] = (),
    allow_extra: bool = True,
    encoding: str = "utf-8",
    sep: str = ",",
) -> pd.DataFrame:
    """Read a CSV as strings (so values stay exactly as written) and check its header.

    Row numbers in later messages are file line numbers: header is line 1, first record line 2.
    """
    name = str(path)
    if not path.is_file():
        raise LoadError(Problem(name, "file not found"))
    if path.stat().st_size == 0:
        raise LoadError(Problem(name, "file is empty"))
    try:
        frame = pd.read_csv(
            path, dtype=str, keep_default_na=False, encoding=encoding, sep=sep, index_col=False
        )
    except (pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError) as exc:
        raise LoadError(Problem(name, f"cannot parse as CSV: {exc}")) from exc
    frame.columns = [str(c).strip() for c in frame.columns]
    required = list(required)
    missing = [c for c in required if c not in frame.columns]
    problems = [Problem(name, "required column is missing", row=1, field=c) for c in missing]
    if not allow_extra:
        known = set(required) | set(optional)
        extra = [c for c in frame.columns if c not in known and not c.startswith("Unnamed:")]
        problems += [Problem(name, "unexpected column", row=1, field=c) for c in extra]
    if problems:
        raise LoadError(problems)
    if frame.empty:
        raise LoadError(Problem(name, "file has a header but no data rows"))
    return frame


def problems_where(
    frame: pd.DataFrame, mask: pd.Series, file: str, field: str, message: str
) -> list[Problem]:
    """One Problem per flagged row, quoting the offending value."""
    out = []
    for idx in frame.index[mask]:
        value = frame.at[idx, field] if field in frame.columns else ""
        out.append(Problem(file, f"{message} (got {value!r})", row=int(idx) + 2, field=field))
    return out
