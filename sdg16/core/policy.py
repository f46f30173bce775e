"""One constant per policy: what every layer that applies the rule reads. (The small-count
threshold and its rounding are in ``disclosure.py``.)"""

from __future__ import annotations

# The merged row's label (a literal: it is a gettext message id).
SMALL_LABEL = "other (under 5 each)"
# The app's languages (``lang=`` in the URL), each named in itself for the picker.
LANGUAGES: dict[str, str] = {"en": "English", "es": "Español", "fr": "Français"}
# Progress towards the 2030 Agenda is judged from its base year (both progress methods, J).
BASE_YEAR = 2015
TARGET_YEAR = 2030
