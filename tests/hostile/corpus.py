# ruff: noqa: E501 (a table of test files: one case a line reads best)
"""The hostile-input corpus: bad incident files, each with what the importer must answer.

``python -m tests.hostile.corpus DIR`` writes every file to DIR (and a manifest.json) for a
person to try by hand; tests/unit/loaders/test_hostile_files.py imports each one into a copy of
a store and checks the message and that no data changed. Kinds:
- ``fail``: the import stops (exit 1) with the message; the data tables are unchanged and the
  load log gains one "failed" entry saying why;
- ``quarantine``: the good row loads, the bad one is quarantined with the message as reason;
- ``flag``: both rows load, the message is in the import's flags;
- ``ok``: every row loads (odd but valid files), the message is in the summary.
"""

from __future__ import annotations

import io
import json
import sys
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path

HEADER = "id,occurred_at,country,incident_types,lat,lon,description"
GOOD = "g1,2020-03-05,EGY,touching,30.0444,31.2357,on the metro"
CAIRO_AREA = "id,occurred_at,country,admin1,incident_types,lat,lon,description"


@dataclass(frozen=True)
class Case:
    name: str  # the file name (its suffix picks the reader)
    data: bytes
    kind: str  # fail | quarantine | flag | ok
    message: str  # a fragment the answer must contain
    fmt: str | None = "template"


def _csv(*rows: str, header: str = HEADER, encoding: str = "utf-8") -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode(encoding)


def _bad_row(name: str, row: str, message: str) -> Case:
    return Case(f"{name}.csv", _csv(GOOD, row), "quarantine", message)


def _xlsx(rows: list[list[str]]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    for r in rows:
        book.active.append(r)
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("reports.csv", _csv(GOOD))
    return buf.getvalue()


def cases() -> list[Case]:
    good_xlsx = _xlsx([HEADER.split(","), GOOD.split(",")])
    fails = [
        Case("empty.csv", b"", "fail", "the file is empty"),
        Case("blank.csv", b"  \n\r\n \n", "fail", "the file is empty"),
        Case("header-only.csv", _csv(), "fail", "header but no data rows"),
        Case("header-only-bom.csv", b"\xef\xbb\xbf" + _csv(), "fail", "header but no data rows"),
        Case(
            "latin1.csv",
            _csv("l1,2020-03-05,EGY,touching,30.04,31.23,café", encoding="latin-1"),
            "fail",
            "row 2",
        ),
        Case(
            "cp1252.csv",
            _csv(GOOD, "w1,2020-03-05,EGY,touching,30.04,31.23,cost 5 €", encoding="cp1252"),
            "fail",
            "Windows-1252",
        ),
        Case(
            "utf16-no-bom.csv",
            _csv(GOOD).decode().encode("utf-16-le"),
            "fail",
            "UTF-16 without a byte-order mark",
        ),
        Case(
            "nul-bytes.csv",
            _csv(GOOD, "n1,2020-03-05,EGY,touch\x00ing,30.04,31.23,x"),
            "fail",
            "NUL bytes",
        ),
        Case("zip-renamed.csv", _zip(), "fail", "a zip archive"),
        Case(
            "truncated.xlsx", good_xlsx[: len(good_xlsx) // 2], "fail", "cannot read the workbook"
        ),
        Case("text-as.xlsx", _csv(GOOD), "fail", "not an Excel workbook"),
        Case("random-binary.csv", bytes(range(256)) * 8, "fail", "not UTF-8"),
        Case(
            "duplicate-column.csv",
            _csv(GOOD + ",again", header=HEADER + ",description"),
            "fail",
            "column named twice",
        ),
        Case(
            "no-country-column.csv",
            _csv("x,2020-03-05,touching", header="id,occurred_at,incident_types"),
            "fail",
            "missing column(s) country",
        ),
        Case(
            "semicolons.csv",
            _csv(GOOD.replace(",", ";"), header=HEADER.replace(",", ";")),
            "fail",
            "missing column(s)",
        ),
        Case(
            "html-page.csv",
            b"<!doctype html><html><body>Not found</body></html>\n<p>x</p>\n",
            "fail",
            "missing column(s)",
        ),
        Case(
            "json-as-csv.csv",
            b'{"id": 1, "country": "EGY"}\n{"id": 2}\n',
            "fail",
            "missing column(s)",
        ),
        Case("empty-workbook.xlsx", _xlsx([]), "fail", "missing column(s)"),
        Case(
            "bad-geojson.geojson",
            b'{"type": "FeatureCollection", "features": [',
            "fail",
            "not GeoJSON",
            None,
        ),
        Case("unknown-only-header.csv", _csv("1,2,3", header="a,b,c"), "fail", "missing column(s)"),
    ]
    quarantined = [
        _bad_row("unknown-country", "x1,2020-03-05,XXX,touching,,,text", "unknown country 'XXX'"),
        _bad_row("alpha2-country", "x2,2020-03-05,EG,touching,,,text", "unknown country 'EG'"),
        _bad_row(
            "decimal-commas", "x3,2020-03-05,EGY,touching,30,0444,31,2357,text", "columns shifted"
        ),
        _bad_row(
            "extra-field",
            "x4,2020-03-05,EGY,touching,30.04,31.23,text,surplus",
            "this row has 8 fields but the header has 7",
        ),
        _bad_row(
            "megabyte-cell",
            "x5,2020-03-05,EGY,touching,,," + "x" * 1_048_576,
            "at most 100,000 per cell",
        ),
        _bad_row("future-date", "x6,2099-01-01,EGY,touching,,,text", "future date"),
        _bad_row("year-one", "x7,0001-01-01,EGY,touching,,,text", "impossible date"),
        _bad_row("words-for-date", "x8,yesterday,EGY,touching,,,text", "unparseable date"),
        _bad_row("latitude-200", "x9,2020-03-05,EGY,touching,200,31.23,text", "out of range"),
        _bad_row(
            "point-in-paris",
            "x10,2020-03-05,EGY,touching,48.8566,2.3522,text",
            "coordinates outside EGY",
        ),
        _bad_row("unknown-type", "x11,2020-03-05,EGY,telepathy,,,text", "unknown category"),
        _bad_row("duplicate-id", "g1,2020-03-06,EGY,touching,,,again", "duplicate id g1"),
        _bad_row("missing-id", ",2020-03-05,EGY,touching,,,text", "missing id"),
        _bad_row("blank-id", "   ,2020-03-05,EGY,touching,,,text", "missing id"),
        _bad_row("empty-report", "x12,2020-03-05,EGY,,,,", "empty report"),
        _bad_row(
            "arabic-digits",
            "x13,2020-03-05,EGY,touching,٣٠.٠٤,٣١.٢٣,text",
            "unparseable coordinate",
        ),
        _bad_row("superscript-date", "x14,²⁰²⁰-03-05,EGY,touching,,,text", "unparseable date"),
    ]
    flagged = [
        Case(
            "cairo-named-point-in-alexandria.csv",
            _csv(
                "c1,2020-03-05,EGY,Cairo,touching,31.2001,29.9187,x",
                "c2,2020-03-05,EGY,Cairo,touching,30.0444,31.2357,y",
                header=CAIRO_AREA,
            ),
            "flag",
            "stated area 'Cairo' (EG-C) does not contain the point (31.2001, 29.9187), which is in EG-ALX",
        ),
    ]
    fine = [
        Case("bom.csv", b"\xef\xbb\xbf" + _csv(GOOD), "ok", "imported 1"),
        Case(
            "utf16-bom.csv",
            b"\xff\xfe" + _csv(GOOD).decode().encode("utf-16-le"),
            "ok",
            "imported 1",
        ),
        Case("crlf.csv", _csv(GOOD).replace(b"\n", b"\r\n"), "ok", "imported 1"),
        Case(
            "formula-text.csv",
            _csv('f1,2020-03-05,EGY,touching,,,"=HYPERLINK(""http://x"",""y"")"'),
            "ok",
            "imported 1",
        ),
        Case(
            "bidi-override.csv",
            _csv("b1,2020-03-05,EGY,touching,,,abc\u202edef"),
            "ok",
            "imported 1",
        ),
        Case(
            "quoted-decimal-commas.csv",
            _csv('q1,2020-03-05,EGY,touching,"30,0444","31,2357",x'),
            "ok",
            "imported 1",
        ),
        Case("good.xlsx", good_xlsx, "ok", "imported 1"),
    ]
    return fails + quarantined + flagged + fine


def write(folder: Path) -> list[Case]:
    folder.mkdir(parents=True, exist_ok=True)
    made = cases()
    for case in made:
        (folder / case.name).write_bytes(case.data)
    manifest = [{k: v for k, v in asdict(c).items() if k != "data"} for c in made]
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False))
    return made


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-corpus")
    print(f"wrote {len(write(out))} files to {out}")
