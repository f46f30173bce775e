"""How the progress statuses are computed, in the reader's language (docs/progress.md in full)."""

from __future__ import annotations

import streamlit as st

from sdg16.ui import page, present
from sdg16.ui.i18n import _

page.setup("progress_method", read_filter=False)
present.presenter_header(_("How progress is computed"))
st.markdown(
    _(
        "Each series is judged for each country between a **base year**, 2015 or the first "
        "later year with data, and the **current year**, the latest with data. At least two "
        "values are needed. The headline disaggregation is used (both sexes, all ages)."
    )
)
st.subheader(_("Open SDG progress measure (Statistics Canada)"))
st.markdown(
    _(
        "**Method 1, no numeric target** (most of Goal 16, e.g. “significantly reduce”): the "
        "compound annual growth rate between the base and current values, (current ÷ base) ^ "
        "(1 ÷ years) − 1, counted positive when the series moves in the desired direction. "
        "1.5 % a year or more is substantial progress, 0.5 % to 1.5 % moderate, 0 to 0.5 % "
        "limited, below 0 deterioration. Near a natural limit (such as 100 %) the thresholds "
        "are reduced."
    )
)
st.markdown(
    _(
        "**Method 2, numeric target** (e.g. 100 % birth registration by 2030): the observed "
        "growth rate divided by the growth rate needed to reach the target from the base year "
        "by the target year. A current value that meets the target is “target achieved”; a "
        "ratio of 0.95 or more is substantial progress, 0.6 to 0.95 moderate, 0 to 0.6 limited, "
        "below 0 deterioration."
    )
)
st.markdown(
    _(
        "**Special cases**, as Open SDG handles them: a base value or a target of 0 is replaced "
        "by 0.001; values that change sign (from negative to positive or back) cannot be "
        "assessed; when all values are negative the direction is flipped. Each badge says when "
        "one of these applied."
    )
)
st.subheader(_("ESCAP Anticipated Progress Index (second view)"))
st.markdown(
    _(
        "The UN regional commissions' index: a time-weighted linear regression on the data "
        "since 2000 (recent years weigh more) predicts the 2030 value; the index is the "
        "predicted change from the base year divided by the change the target needs. 1 or more "
        "is on track, 0 to 1 needs acceleration, below 0 is regressing. Only series with a "
        "numeric target have this index."
    )
)
st.subheader(_("Sources"))
st.markdown(  # i18n-ok: titles of cited documents stay as published
    "- open-sdg/sdg-build, `sdg/ProgressMeasure.py` (commit 139fede7)\n"
    "- Open SDG, *Progress Measurement Methodology* (docs/progress-methodology.md)\n"
    "- UN ESCAP, *Progress Assessment Methodology*; UNECE SDG report, technical notes\n"
    + _("- Targets and directions: indicators.yaml (each with its source); docs/progress.md")
)
