"""The small-count threshold is told to people with the one constant that applies it."""

from __future__ import annotations

import re

from babel.messages.pofile import read_po

from sdg16.core.disclosure import SMALL_COUNT
from sdg16.core.policy import SMALL_LABEL
from testkit.paths import ROOT

# "fewer than 5", "counts under 5": a count threshold (not "under 0", not "children under 5").
THRESHOLD_WORDS = re.compile(r"\b(?:fewer than|under|less than|below) ([1-9]\d*)\b", re.IGNORECASE)


def test_texts_name_the_threshold_through_a_placeholder() -> None:
    with (ROOT / "locales" / "messages.pot").open("rb") as fh:
        ids = [
            m.id
            for m in read_po(fh)
            if isinstance(m.id, str)
            and not all(p.startswith("indicators.yaml") for p, _ in m.locations)
        ]  # the catalog's own titles and definitions ("children under 5") are not ours
    literal = [i for i in ids if THRESHOLD_WORDS.search(i) and i != SMALL_LABEL]
    assert literal == [], "say {n} and format with disclosure.SMALL_COUNT"


def test_the_merged_row_label_says_the_threshold_in_force() -> None:
    # A data key (a literal msgid), so it cannot take a placeholder: it must follow the constant.
    assert THRESHOLD_WORDS.search(SMALL_LABEL).group(1) == str(SMALL_COUNT)
