"""Who may see what. Roles are ordered: each one may do everything the ones below it may."""

from __future__ import annotations

from enum import IntEnum


class Role(IntEnum):
    ANONYMOUS = 0  # public indicators, public (suppressed) aggregates
    VIEWER = 1  # all indicator pages, incident aggregates
    ANALYST = 2  # incident points and free text, filtered reports and exports
    ADMIN = 3  # imports, syncs, users, audit log

    @classmethod
    def parse(cls, name: str) -> Role:
        try:
            return cls[name.strip().upper()]
        except KeyError as exc:
            valid = ", ".join(r.name.lower() for r in cls)
            raise ValueError(f"unknown role {name!r}; one of {valid}") from exc

    @property
    def label(self) -> str:
        return self.name.lower()

    def allows(self, needed: Role) -> bool:
        return self >= needed
