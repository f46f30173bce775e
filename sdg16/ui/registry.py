"""The page registry: every page, its URL path and who may open it, in one place."""

from __future__ import annotations

from dataclasses import dataclass

from sdg16.roles import Role
from sdg16.settings import ROOT

PAGES_DIR = ROOT / "pages"


@dataclass(frozen=True)
class PageSpec:
    file: str
    title: str
    url_path: str
    icon: str
    section: str
    role: Role = Role.ANONYMOUS  # the least role that may open the page
    default: bool = False


PAGES: tuple[PageSpec, ...] = (
    PageSpec("home.py", "Overview", "home", ":material/home:", "Indicators", default=True),
    PageSpec("present.py", "Presentations", "present", ":material/slideshow:", "Tools"),
)
