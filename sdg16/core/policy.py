"""One constant per policy: what every layer that applies the rule reads."""

from __future__ import annotations

# Counts below this are merged, hidden or shown as "<5" in anything public: a handful of
# reports can identify the people in them (re-identification risk).
SMALL_COUNT = 5
# The merged row's label (a literal: it is a gettext message id).
SMALL_LABEL = "other (under 5 each)"
# The app's languages (``lang=`` in the URL), each named in itself for the picker.
LANGUAGES: dict[str, str] = {"en": "English", "es": "Español", "fr": "Français"}
