"""README's drawing of the layers is the one `.importlinter` enforces (same folders, same order)."""

from __future__ import annotations

import configparser
import re

from testkit.paths import ROOT


def contract_layers() -> list[set[str]]:
    """The layers contract, top first; ``a | b`` is one layer of independent packages."""
    config = configparser.ConfigParser()
    config.read(ROOT / ".importlinter", encoding="utf-8")
    lines = config["importlinter:contract:layers"]["layers"].strip().splitlines()
    return [{part.strip() for part in line.split("|")} for line in lines]


def drawn_layers() -> list[set[str]]:
    """The folders at the start of the drawing's rows (two spaces in), ``│`` between siblings."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    drawing = text.split("## How the code is laid out", 1)[1].split("```text", 1)[1]
    drawing = drawing.split("```", 1)[0]
    layers = []
    for line in drawing.splitlines():
        if not re.match(r"  [a-z]", line):
            continue
        parts = [p.strip() for p in line.split("│")]
        folders = [p.split()[0] for p in parts if p]
        if all(f.endswith("/") for f in folders):
            layers.append({f.rstrip("/").replace("/", ".") for f in folders})
    return layers


def test_readme_draws_the_contract_layers() -> None:
    drawn = drawn_layers()
    assert len(drawn) >= 5  # the drawing was found and read
    assert drawn == contract_layers()
