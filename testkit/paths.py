"""Where the project, the read-only bundle and its fixtures are, for tests and the bench."""

from __future__ import annotations

from pathlib import Path

from sdg16.core import settings

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = settings.bundle_dir()
FIXTURES = BUNDLE.parent / "fixtures"
ARTIFACTS = ROOT / "artifacts"
HARASSMAP = BUNDLE / "incidents" / "harassmap_egypt_reports_2010-2016.csv"
