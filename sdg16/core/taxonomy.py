"""The category taxonomy (taxonomy.yaml): our codes and each source's labels mapped onto them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

PATH = Path(__file__).with_name("taxonomy.yaml")


class UnknownLabel(ValueError):
    """A source label the taxonomy does not map."""


@dataclass(frozen=True)
class Taxonomy:
    types: dict[str, str]  # code -> label
    place_types: dict[str, str]
    sources: dict[str, dict[str, dict]]

    def _mapping(self, source: str, kind: str) -> dict:
        return self.sources.get(source, {}).get(kind, {})

    def incident_types(self, source: str, labels: list[str]) -> list[str]:
        """Our codes for a source's labels; our own codes are always accepted."""
        out: list[str] = []
        mapping = self._mapping(source, "types")
        for label in labels:
            key = " ".join(label.strip().lower().split())
            if not key:
                continue
            codes = mapping.get(key)
            if codes is None:
                code = key.replace(" ", "_")
                if code not in self.types:
                    raise UnknownLabel(label.strip())
                codes = [code]
            out += [c for c in codes if c not in out]
        return out

    def place_type(self, source: str, label: str) -> str:
        key = " ".join(label.strip().lower().split())
        if not key:
            return "unknown"
        found = self._mapping(source, "place_types").get(key)
        if found is None:
            found = key.replace(" ", "_")
            if found not in self.place_types:
                raise UnknownLabel(label.strip())
        return found

    def reporter_role(self, source: str, label: str) -> str | None:
        key = " ".join(label.strip().lower().split())
        if not key:
            return None
        found = self._mapping(source, "reporter_roles").get(key)
        if found is None and key in ("target", "witness"):
            found = key
        if found is None:
            raise UnknownLabel(label.strip())
        return found


@cache
def get() -> Taxonomy:
    raw = yaml.safe_load(PATH.read_text(encoding="utf-8"))
    return Taxonomy(raw["types"], raw["place_types"], raw["sources"])
