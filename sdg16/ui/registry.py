"""The page registry: every page, its URL path and who may open it, in one place."""

from __future__ import annotations

from dataclasses import dataclass

from sdg16.core.settings import ROOT
from sdg16.state.roles import Role

PAGES_DIR = ROOT / "views"
PAGE_CONTEXT = "page title"


@dataclass(frozen=True)
class PageSpec:
    file: str
    title: str
    url_path: str
    icon: str
    section: str
    role: Role = Role.ANONYMOUS  # the least role that may open the page
    default: bool = False
    # A message context (msgctxt) for a title whose English word means something else
    # elsewhere: "Reports" here are generated documents ("Informes"), in charts they are counts
    # of harassment reports ("Denuncias").
    context: str | None = None


PAGES: tuple[PageSpec, ...] = (
    PageSpec("home.py", "Overview", "home", ":material/home:", "Indicators", default=True),
    PageSpec("trends.py", "Trends", "trends", ":material/show_chart:", "Indicators"),
    PageSpec("map.py", "Map", "map", ":material/public:", "Indicators"),
    PageSpec("table.py", "Table", "table", ":material/table:", "Indicators"),
    PageSpec("country.py", "Country profile", "country", ":material/flag:", "Indicators"),
    PageSpec("coverage.py", "Coverage", "coverage", ":material/grid_on:", "Indicators"),
    PageSpec("progress.py", "Progress", "progress", ":material/trending_up:", "Indicators"),
    PageSpec(
        "progress_method.py",
        "How progress is computed",
        "progress_method",
        ":material/help:",
        "Indicators",
    ),
    PageSpec("incidents.py", "Incident map", "incidents", ":material/map:", "Incident reports"),
    PageSpec(
        "incidents_profile.py",
        "Incident profiles",
        "incidents_profile",
        ":material/query_stats:",
        "Incident reports",
    ),
    PageSpec(
        "reports.py",
        "Reports",
        "reports",
        ":material/summarize:",
        "Work",
        Role.ANALYST,
        context=PAGE_CONTEXT,
    ),
    PageSpec(
        "admin.py", "Administration", "admin", ":material/admin_panel_settings:", "Work", Role.ADMIN
    ),
    PageSpec("present.py", "Presentations", "present", ":material/slideshow:", "Tools"),
    PageSpec("login.py", "Sign in", "login", ":material/login:", "Account"),
)
