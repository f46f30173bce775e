"""Reading a CSV or XLSX export as text, exactly as written (no type guessing)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from loaders.base import LoadError, Problem


def read_table(path: Path, nrows: int | None = None) -> pd.DataFrame:
    """All cells as stripped-header strings; empty cells are ''."""
    try:
        if path.suffix.lower() in (".xlsx", ".xls"):
            frame = pd.read_excel(path, dtype=str, nrows=nrows).fillna("")
        else:
            frame = pd.read_csv(
                path, dtype=str, keep_default_na=False, nrows=nrows, encoding="utf-8-sig"
            )
    except (ValueError, OSError, pd.errors.ParserError) as exc:
        raise LoadError(Problem(str(path), f"cannot read as a table: {exc}")) from exc
    frame.columns = [str(c).strip() for c in frame.columns]
    return frame


def require(frame: pd.DataFrame, path: Path, columns: set[str]) -> None:
    missing = sorted(columns - set(frame.columns))
    if missing:
        raise LoadError(
            Problem(str(path), f"missing column(s) {', '.join(missing)}", row=1, field=missing[0])
        )
