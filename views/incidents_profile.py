"""Area and institution profiles, with the country's official SDG 16 safety series beside
the report trend. Aggregates only below analyst (sdg16/services/privacy.py)."""

from __future__ import annotations

import streamlit as st

from sdg16.charts import incidents as charts
from sdg16.core import textsafe
from sdg16.core.filters import Filter
from sdg16.services import privacy
from sdg16.services.incidents import area_names
from sdg16.ui import cache, controls, page, present, state
from sdg16.ui.i18n import _
from sdg16.ui.incident_filters import country_names, filter_bar, fmt_count, translated_keys
from sdg16.ui.session import current_role

# Feeling safe walking alone after dark, homicide, intimate-partner violence against women.
OFFICIAL = ("VC_SNS_WALN_DRK", "VC_IHR_PSRC", "VC_VAW_MARR")

page.setup("incidents_profile")
role = present.audience(current_role())  # the public view on a shared screen
header = st.container()  # the title and takeaway go on top, once the counts are known
f = filter_bar(state.current_filter())
if f is None:
    with header:
        present.presenter_header(_("Incident profiles"))
    st.stop()
country = f.geo[0]
subject = area_names(country).get(f.admin1, f.admin1) if f.admin1 else country_names()[country]

institutions = cache.incident_breakdown(role, f.update(admin1=None), "institution")
named = [k for k in institutions["key"] if k not in ("not stated", privacy.SMALL_LABEL)]
if named:
    pick = controls.selectbox(
        _("Institution (optional)"),
        ["", *named],
        key=f"incidents_profile.institution.{country}",
        url=None,
        format_func=lambda k: k or _("(none)"),
    )
    if pick:
        subject = pick
        st.caption(_("Institution profiles count the reports that name the institution."))

summary = cache.incident_summary(role, f)
if not f.present:  # the presenter's takeaway names the subject and says the three numbers
    st.subheader(_("Profile: {subject}").format(subject=textsafe.md(subject)))
if summary["has_synthetic"]:
    st.warning(
        _("SYNTHETIC data: {n} of these reports are generated.").format(
            n=fmt_count(summary["synthetic"])
        )
    )
types = translated_keys(cache.incident_breakdown(role, f, "type"), "type")
places = translated_keys(cache.incident_breakdown(role, f, "place_type"), "place_type")
if not f.present:
    c1, c2, c3 = st.columns(3)
    c1.metric(_("Reports"), fmt_count(summary["reports"]))
    c2.metric(_("Most reported"), types["key"].iloc[0] if not types.empty else "—")
    c3.metric(_("Most common place"), places["key"].iloc[0] if not places.empty else "—")
with header:
    present.presenter_header(
        _("Incident profiles"),
        _(
            "{subject}: {reports} reports; most reported: {type}; most common place: {place}."
        ).format(
            subject=textsafe.md(subject),
            reports=fmt_count(summary["reports"]),
            type=types["key"].iloc[0] if not types.empty else "—",
            place=places["key"].iloc[0] if not places.empty else "—",
        ),
    )
left, right = st.columns(2)
left.plotly_chart(
    charts.bar_figure(types, _("Incident type"), lang=f.lang), width="stretch", theme=None
)
right.plotly_chart(charts.bar_figure(places, _("Place"), lang=f.lang), width="stretch", theme=None)

st.subheader(_("Official indicators beside the reports"))
st.caption(
    _(
        "Reports per year (bars) and the country's official SDG 16 series (line). Reports are "
        "self-selected: a rise can mean more reporting, not more incidents."
    )
)
per_year = cache.incident_breakdown(role, f, "year")
cat = cache.indicator_catalog()
for code in OFFICIAL:
    col = st.container()
    obs = cache.observations(Filter(series=code, geo=(country,)))
    title = _(cat.series(code).title) if cat.has_series(code) else code
    col.plotly_chart(
        charts.reports_and_indicator(per_year, obs, title, f.lang), width="stretch", theme=None
    )
    if obs.empty:
        col.caption(_("No official data for this country: {title}.").format(title=title))
st.caption(
    _("Sources: UN Statistics Division, SDG Global Database (UNODC, UN Women, WHO); reports: ")
    + (summary["sources"] or "—")
)
