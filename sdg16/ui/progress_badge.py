"""Progress badges: one per series, a click shows the numbers that produced the status."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from sdg16.charts import progress as words
from sdg16.core.formatting import number
from sdg16.ui import cache
from sdg16.ui.i18n import _, current_lang

METHOD_PAGE = "views/progress_method.py"


def method_link() -> None:
    lang = current_lang()
    st.page_link(
        METHOD_PAGE,
        label=_("How is this computed?"),
        icon=":material/help:",
        query_params={"lang": lang} if lang != "en" else None,
    )


def _value(v: object, year: object, lang: str) -> str:
    if v is None or pd.isna(v):
        return "–"
    return _("{value} ({year})").format(value=number(float(v), lang, digits=4), year=int(year))


def details(row: dict, title: str) -> None:
    """The numbers behind one badge, as a small table."""
    lang = current_lang()
    if row["method"] == 1:
        method = _("1 · no numeric target: growth a year, signed by the desired direction")
    else:
        method = _("2 · target {target} by {year}: observed growth over the growth needed").format(
            target=number(float(row["target"]), lang), year=int(row["target_year"])
        )
    lines = [
        (_("Status"), words.badge_text(row["status"], lang)),
        (_("Method"), method),
        (_("Base value"), _value(row["base_value"], row["base_year"], lang)),
        (_("Current value"), _value(row["current_value"], row["current_year"], lang)),
        (_("Growth figure"), words.growth_text(row, lang)),
        (_("Notes"), words.notes_text(row["notes"], lang) or "–"),
        (_("ESCAP Anticipated Progress Index"), words.badge_text(row["api_status"], lang, True)),
        (_("Predicted for 2030 (ESCAP)"), _value(row["api_predicted"], 2030, lang)),
        (_("Source of the target"), row["target_source"] or "–"),
    ]
    st.markdown(f"**{title}** · `{row['series']}`")
    st.table(pd.DataFrame(lines, columns=[_("What"), _("Value")]).set_index(_("What")))
    method_link()


def section(geo: str, codes: list[str], titles: dict[str, str]) -> None:
    """Every series of the profile with a badge; the ones with no data are left out."""
    lang = current_lang()
    rows = cache.progress((geo,), tuple(codes))
    rows = rows[rows["current_year"].notna() | (rows["notes"] == "not_assessed")]
    st.subheader(_("Are we on track for 2030?"))
    counts = rows["status"].value_counts()
    st.caption(
        _(
            "Progress since 2015 (or the first later year with data) by the Open SDG progress "
            "measure: {good} series with substantial progress or the target achieved, "
            "{bad} deteriorating. Click a badge for the numbers behind it."
        ).format(
            good=int(counts.get("substantial_progress", 0) + counts.get("target_achieved", 0)),
            bad=int(counts.get("deterioration", 0)),
        )
    )
    cols = st.columns(3)
    for i, row in enumerate(rows.to_dict("records")):
        title = titles.get(row["series"], row["series"])
        label = f"{words.badge_markdown(row['status'], lang)} · {title}"
        with cols[i % 3].popover(label, width="stretch", key=f"badge_{row['series']}"):
            details(row, title)
