"""Every SDG16_* variable the code reads is in README's Configuration table, and the table
names no variable that nothing reads."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from testkit.paths import ROOT

NAME = re.compile(r"SDG16_[A-Z0-9_]*[A-Z0-9]")
# What runs in production, the harness, the bench and the scripts (tests only set variables,
# except in their conftest files, which read them to decide what to collect).
SOURCES = ["app.py", "serve.py", "sdg16", "loaders", "views", "testkit", "bench"]


def _python_files() -> list[Path]:
    files = [ROOT / "tests" / "conftest.py", *(ROOT / "tests").glob("*/conftest.py")]
    for name in SOURCES:
        path = ROOT / name
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return files


def read_variables() -> set[str]:
    """String constants that are a whole variable name, in the code; ${NAME} in the scripts."""
    found = set()
    for path in _python_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            text = node.value if isinstance(node, ast.Constant) else None
            if isinstance(text, str) and NAME.fullmatch(text):
                found.add(text)
    for path in [ROOT / "Makefile", *(ROOT / "scripts").glob("*.sh")]:
        found |= set(re.findall(r"\$\{?(SDG16_[A-Z0-9_]+)", path.read_text(encoding="utf-8")))
    return found


def documented() -> set[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    rows = [line.split("|")[1] for line in table.splitlines() if line.startswith("| `SDG16_")]
    return {name for row in rows for name in NAME.findall(row)}


def test_settings_module_is_read() -> None:
    """The scan finds settings.py's own variables (a scan that found nothing would pass)."""
    assert {"SDG16_DB", "SDG16_BUNDLE", "SDG16_STATE_DB", "SDG16_DUCKDB_MEMORY"} <= read_variables()


def test_every_variable_read_is_documented() -> None:
    assert read_variables() - documented() == set()


def test_every_documented_variable_is_read() -> None:
    assert documented() - read_variables() == set()
