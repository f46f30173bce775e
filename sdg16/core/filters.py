"""One filter model for the whole app, read from and written to the URL.

Every view is a link: ``Filter.to_params()`` gives the query string, ``parse_params`` reads it
back. Only known keys and valid values survive parsing; anything else is dropped with a notice
the page shows, never an exception. Values are plain strings and ints (JSON-safe, no pickling).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date
from urllib.parse import urlencode

from sdg16.core.policy import LANGUAGES
from sdg16.core.schema import DIMENSIONS

# URL parameter names are a contract (bookmarks and later checks open these URLs).
MAX_GEOS = 50
MAX_DECK_NAME = 80  # as sdg16.state.presentations.MAX_NAME (core imports nothing of the project)


@dataclass(frozen=True)
class Filter:
    series: str | None = None
    geo: tuple[str, ...] = ()
    region: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    year: int | None = None
    dims: tuple[tuple[str, str], ...] = ()  # (dimension, code), sorted by dimension
    # Incident reports.
    admin1: str | None = None
    admin2: str | None = None
    incident_types: tuple[str, ...] = ()
    place_types: tuple[str, ...] = ()
    start: date | None = None
    end: date | None = None
    # View options that travel with the link.
    lang: str = "en"
    present: bool = False
    # A presentation being shown: its name (typed by a person, any script) and 1-based slide.
    deck: str | None = None
    slide: int | None = None

    def dim(self, name: str) -> str | None:
        return dict(self.dims).get(name)

    def with_dims(self, values: Mapping[str, str | None]) -> Filter:
        merged = {**dict(self.dims), **values}
        return replace(self, dims=tuple(sorted((k, v) for k, v in merged.items() if v)))

    def update(self, **changes: object) -> Filter:
        return replace(self, **changes)

    def to_params(self) -> dict[str, str]:
        """The query-string form: defaults are left out so links stay short."""
        out: dict[str, str] = {}
        simple = {
            "series": self.series,
            "region": self.region,
            "from": self.year_from,
            "to": self.year_to,
            "year": self.year,
            "admin1": self.admin1,
            "admin2": self.admin2,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "lang": None if self.lang == "en" else self.lang,
            "present": "1" if self.present else None,
            "deck": self.deck,
            "slide": self.slide,
        }
        for key, value in simple.items():
            if value is not None:
                out[key] = str(value)
        for key, values in (
            ("geo", self.geo),
            ("type", self.incident_types),
            ("place", self.place_types),
        ):
            if values:
                out[key] = ",".join(values)
        out.update(dict(self.dims))
        return out

    def to_query(self) -> str:
        """``to_params`` as a URL query string (commas left readable in lists of codes)."""
        return urlencode(self.to_params(), safe=",")


@dataclass(frozen=True)
class Vocabulary:
    """What counts as valid. Empty sets mean "not checked" (e.g. before the store is loaded)."""

    series: frozenset[str] = frozenset()
    geos: frozenset[str] = frozenset()
    regions: frozenset[str] = frozenset()
    years: tuple[int, int] = (1900, 2100)
    dimension_values: Mapping[str, frozenset[str]] = field(default_factory=dict)
    incident_types: frozenset[str] = frozenset()
    place_types: frozenset[str] = frozenset()


KNOWN_KEYS = frozenset(
    {"series", "geo", "region", "from", "to", "year", "admin1", "admin2", "type", "place"}
    | {"start", "end", "lang", "present", "deck", "slide", *DIMENSIONS}
)
_TOKEN = re.compile(r"^[A-Za-z0-9_.:+<>=\- ]{1,80}$", re.ASCII)
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


def _first(value: str | list[str]) -> str:
    if isinstance(value, list):  # a repeated parameter: the first counts; none is empty
        return value[0] if value else ""
    return value


def _checked(values: list[str], allowed: frozenset[str], key: str, notices: list[str]) -> tuple:
    good = []
    for v in values:
        if not _TOKEN.match(v) or (allowed and v not in allowed):
            notices.append(f"Ignored unknown {key} {v!r} in the link.")
        elif v not in good:
            good.append(v)
    return tuple(good)


def parse_params(
    params: Mapping[str, str | list[str]], vocab: Vocabulary
) -> tuple[Filter, list[str]]:
    """Read a filter from URL parameters; return it with one notice per value dropped."""
    notices: list[str] = []
    raw = {k: _first(v).strip() for k, v in params.items()}
    for key in sorted(set(raw) - KNOWN_KEYS):
        notices.append(f"Ignored unknown link parameter {key!r}.")
    kw: dict[str, object] = {}

    def year(key: str) -> int | None:
        text = raw.get(key)
        if text is None or text == "":
            return None
        # ASCII only: str.isdigit() accepts '²⁰¹⁰', which int() then refuses (a crash).
        if text.isascii() and text.isdigit() and vocab.years[0] <= int(text) <= vocab.years[1]:
            return int(text)
        notices.append(f"Ignored {key}={text!r}: not a year in {vocab.years[0]}-{vocab.years[1]}.")
        return None

    if raw.get("series"):
        found = _checked([raw["series"]], vocab.series, "series", notices)
        kw["series"] = found[0] if found else None
    for key, attr, allowed in (
        ("geo", "geo", vocab.geos),
        ("type", "incident_types", vocab.incident_types),
        ("place", "place_types", vocab.place_types),
    ):
        if raw.get(key):
            parts = [p.strip().upper() if key == "geo" else p.strip() for p in raw[key].split(",")]
            kw[attr] = _checked([p for p in parts if p], allowed, key, notices)[:MAX_GEOS]
    if raw.get("region"):
        found = _checked([raw["region"]], vocab.regions, "region", notices)
        kw["region"] = found[0] if found else None
    kw["year_from"], kw["year_to"], kw["year"] = year("from"), year("to"), year("year")
    if kw["year_from"] and kw["year_to"] and kw["year_from"] > kw["year_to"]:
        notices.append("Swapped from/to: the range was reversed.")
        kw["year_from"], kw["year_to"] = kw["year_to"], kw["year_from"]
    dims = []
    for dim in DIMENSIONS:
        if raw.get(dim):
            allowed = vocab.dimension_values.get(dim, frozenset())
            found = _checked([raw[dim]], allowed, dim, notices)
            dims += [(dim, found[0])] if found else []
    kw["dims"] = tuple(sorted(dims))
    for key in ("admin1", "admin2"):
        if raw.get(key):
            found = _checked([raw[key]], frozenset(), key, notices)
            kw[key] = found[0] if found else None
    for key in ("start", "end"):
        if raw.get(key):
            try:
                if not (raw[key].isascii() and _ISO_DATE.fullmatch(raw[key])):
                    raise ValueError(raw[key])
                kw[key] = date.fromisoformat(raw[key])
            except ValueError:
                notices.append(f"Ignored {key}={raw[key]!r}: not a date (YYYY-MM-DD).")
    if raw.get("lang"):
        if raw["lang"] in LANGUAGES:
            kw["lang"] = raw["lang"]
        else:
            notices.append(f"Ignored lang={raw['lang']!r}: available are {', '.join(LANGUAGES)}.")
    kw["present"] = raw.get("present") in ("1", "true")
    # Any script (the name was typed by a person), but printable and short; the deck bar then
    # looks it up, so an unknown name shows nothing.
    if raw.get("deck") and len(raw["deck"]) <= MAX_DECK_NAME and raw["deck"].isprintable():
        kw["deck"] = raw["deck"]
    elif raw.get("deck"):
        notices.append("Ignored deck: not a presentation name.")
    if raw.get("slide"):
        text = raw["slide"]
        if text.isascii() and text.isdigit() and 1 <= int(text) <= 999:
            kw["slide"] = int(text)
        else:
            notices.append(f"Ignored slide={text!r}: not a slide number.")
    names = {f.name for f in fields(Filter)}
    return Filter(**{k: v for k, v in kw.items() if k in names and v is not None}), notices
