"""The indicator catalog (``indicators.yaml``): validated once, then read everywhere."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, model_validator

from sdg16.core import settings
from sdg16.core.schema import DIMENSIONS

SERIES_CODE = r"^[A-Z][A-Z0-9_.]*$"


class CatalogError(ValueError):
    """indicators.yaml is missing, unreadable or wrong; the message names the key."""


class ProgressSpec(BaseModel):
    """How progress is judged (docs/progress.md): a numeric target by a year, or the direction
    alone (``target`` absent: method 1); ``source`` says where the target comes from."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    target: float | None = Field(default=None, allow_inf_nan=False)
    target_year: int = Field(default=2030, ge=2016, le=2100)
    base_year: int = Field(default=2015, ge=1990, le=2030)
    limit: float | None = Field(default=None, allow_inf_nan=False)  # a natural bound, e.g. 100 %
    assess: bool = True  # false: not a statistical trend (e.g. a yes/no status)
    source: str = Field(min_length=1)

    @model_validator(mode="after")
    def _years(self) -> ProgressSpec:
        if self.target_year <= self.base_year:
            raise ValueError("target_year must be after base_year")
        return self


class SeriesEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str = Field(pattern=SERIES_CODE)
    title: str = Field(min_length=1)
    unit: str = Field(min_length=1)
    higher_is_better: bool | None
    default: dict[str, str] = Field(default_factory=dict)
    key: bool = False
    progress: ProgressSpec | None = None  # overrides the indicator's

    @model_validator(mode="after")
    def _known_dimensions(self) -> SeriesEntry:
        unknown = sorted(set(self.default) - set(DIMENSIONS))
        if unknown:
            raise ValueError(f"unknown dimension(s) in default: {', '.join(unknown)}")
        return self


class Indicator(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str = Field(min_length=1)
    title: str = Field(min_length=1)
    target: str = Field(min_length=1)
    custodian: str = Field(min_length=1)
    source: Literal["unsd", "wgi"]
    definition: str = Field(min_length=1)
    series: list[SeriesEntry] = Field(min_length=1)
    progress: ProgressSpec | None = None

    @model_validator(mode="after")
    def _target_has_direction(self) -> Indicator:
        for s in self.series:
            spec = s.progress or self.progress
            if spec and spec.target is not None and spec.assess and s.higher_is_better is None:
                raise ValueError(f"series {s.code}: a progress target needs higher_is_better")
        return self


class Catalog(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    indicators: list[Indicator] = Field(min_length=1)
    _index: dict[str, tuple[Indicator, SeriesEntry]] = PrivateAttr(default_factory=dict)

    def model_post_init(self, context: object, /) -> None:
        self._index.update({s.code: (i, s) for i in self.indicators for s in i.series})

    @model_validator(mode="after")
    def _unique_codes(self) -> Catalog:
        for what, codes in (
            ("indicator", [i.code for i in self.indicators]),
            ("series", [s.code for i in self.indicators for s in i.series]),
        ):
            dupes = sorted({c for c in codes if codes.count(c) > 1})
            if dupes:
                raise ValueError(f"duplicate {what} code(s): {', '.join(dupes)}")
        return self

    def series(self, code: str) -> SeriesEntry:
        return self._series_index()[code][1]

    def indicator_of(self, series_code: str) -> Indicator:
        return self._series_index()[series_code][0]

    def has_series(self, code: str) -> bool:
        return code in self._series_index()

    def all_series(self) -> list[SeriesEntry]:
        return [s for i in self.indicators for s in i.series]

    def progress(self, code: str) -> ProgressSpec | None:
        """The series' progress spec (its own, else its indicator's); None: direction only."""
        indicator, entry = self._series_index()[code]
        return entry.progress or indicator.progress

    def key_series(self) -> list[SeriesEntry]:
        return [s for s in self.all_series() if s.key]

    def _series_index(self) -> dict[str, tuple[Indicator, SeriesEntry]]:
        return self._index


def _where(raw: object, loc: tuple[int | str, ...]) -> str:
    """Turn a pydantic error location into ``indicators[3] (16.1.4) > series[0] (X) > unit``."""
    parts, node = [], raw
    for step in loc:
        if isinstance(step, int):
            node = node[step] if isinstance(node, list) and step < len(node) else None
            code = node.get("code") if isinstance(node, dict) else None
            parts[-1] += f"[{step}]" + (f" ({code})" if code else "")
        else:
            parts.append(str(step))
            node = node.get(step) if isinstance(node, dict) else None
    return " > ".join(parts) or "(top level)"


def parse(text: str, source: str = "indicators.yaml") -> Catalog:
    """Parse and validate catalog text; raise CatalogError naming the file and key."""
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise CatalogError(f"{source}: not valid YAML: {exc}") from exc
    try:
        return Catalog.model_validate(raw)
    except ValidationError as exc:
        lines = [f"{source}: {_where(raw, e['loc'])}: {e['msg']}" for e in exc.errors()]
        raise CatalogError("\n".join(lines)) from exc


def load(path: Path | None = None) -> Catalog:
    path = path or settings.catalog_path()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CatalogError(f"{path}: cannot read the indicator catalog: {exc.strerror}") from exc
    return parse(text, source=str(path))


@cache
def get() -> Catalog:
    """The app's catalog, validated once per process."""
    return load()


WGI_METHOD = (
    "https://www.worldbank.org/en/publication/worldwide-governance-indicators/documentation"
)


def method_url(indicator: Indicator) -> str:
    """Where the method is documented: the UN SDG metadata repository's file for the indicator
    (``16.1.1`` -> ``Metadata-16-01-01.pdf``, ``16.b.1`` -> ``Metadata-16-0b-01.pdf``), or the
    World Bank's WGI documentation."""
    if indicator.source == "wgi":
        return WGI_METHOD
    parts = indicator.code.split(".")
    if len(parts) != 3:
        return "https://unstats.un.org/sdgs/metadata/"
    goal, target, number = parts
    return (
        "https://unstats.un.org/sdgs/metadata/files/"
        f"Metadata-{int(goal):02d}-{target.zfill(2)}-{int(number):02d}.pdf"
    )
