"""Create report (analysts): filters from the link or picked here, then PDF, HTML and Excel.
Incident filters in the link (dates, types, places, areas) make an incident report."""

from __future__ import annotations

import streamlit as st

from sdg16.reports import incident_sections
from sdg16.reports.build import source_for
from sdg16.reports.indicator_sections import SECTION_LABELS, report_table, resolve
from sdg16.services.incidents import area_names
from sdg16.state.roles import Role
from sdg16.ui import cache, controls, guard, nav, page, report_maker, state, widgets
from sdg16.ui.i18n import _, num
from sdg16.ui.incident_filters import country_names
from sdg16.ui.session import current_role

guard.require(Role.ANALYST)  # a sign-in prompt (its own page setup) for anyone else
f = page.setup()  # the language picker and the accessible look; no "Save view" of a form

st.title(nav.page_title("reports"))
st.caption(
    _("Every report is recorded in the audit log with your name, the filters and the format.")
)

if source_for(f) == "incidents":
    # The incident page's own cached call: the table here is the one on that page.
    by_type = cache.incident_breakdown(current_role(), f, "type")
    data = incident_sections.breakdown_table(by_type, _("Incident type"))
    st.markdown("**" + _("Incident reports") + "** · " + " · ".join(report_maker.describe(f)))
    st.subheader(_("Reports by incident type for these filters"))
    st.dataframe(data, hide_index=True, height=260)
    where = country_names().get(f.geo[0], f.geo[0]) if f.geo else _("All countries")
    if f.admin1 and f.geo:
        where = area_names(f.geo[0]).get(f.admin1, f.admin1)
    report_maker.report_form(
        f,
        _("Incident reports: {place}").format(place=where),
        incident_sections.SECTION_LABELS,
        incident_sections.DEFAULT_SECTIONS,
    )
    report_maker.offer_downloads()
    st.stop()

geos = cache.geographies()
names = dict(zip(geos["geo_id"], geos["name"], strict=True))
left, middle, right = st.columns([2, 3, 2])
with left:
    series = widgets.series_picker(f.series, key="reports.series")
with middle:
    chosen = controls.multiselect(
        _("Countries or regions"),
        list(names),
        key="reports.geo",
        url=f.geo,
        format_func=names.__getitem__,
        placeholder=_("All geographies"),
    )
with right:
    lo, hi = controls.slider(
        _("Years"),
        1990,
        2025,
        key="reports.years",
        url=(f.year_from, f.year_to),
        default=(2000, 2025),
    )
f = f.update(series=series, geo=tuple(chosen), year_from=lo, year_to=hi)
state.write_filter(f)

data = report_table(cache.observations(resolve(cache.database(), f)), f.lang)
st.subheader(_("Data for these filters ({n} rows)").format(n=num(len(data))))
st.dataframe(data, hide_index=True, height=260)
title = _("{title} report").format(title=_(cache.indicator_catalog().series(series).title))
report_maker.report_form(f, title, SECTION_LABELS, tuple(SECTION_LABELS))
report_maker.offer_downloads()
