"""The room a chart gets, measured in the browser: the server cannot see the screen, and a
phone's user agent says nothing of a narrow desktop window or a projector.

A tiny Streamlit component (``st.components.v2``, no build step) placed where the chart goes
reports the width of the page's column and the height from there to the bottom of the window,
when it mounts and when the window is resized. The value is kept in the session per place, so
only the first visit of a page (and a resize) reruns the script. A map needs it: its zoom is
fixed when it is drawn, so it must be drawn for the frame it gets.
"""

from __future__ import annotations

import streamlit as st

from sdg16.ui import nav

_KEY = "sdg16_screen"
# Streamlit calls the function again whenever the server sends new data, without the cleanup
# in between: one state per element (``host.__sdg16room``), its listeners set up once.
# ``data-measuring`` is on the element while the browser has seen a size the server has not
# drawn for yet: the charts below are about to be redrawn (``wait_for_charts`` waits).
# ``data.tall`` false: the page uses only the width, so a height change (the part above drawn,
# a title growing) is no new size: each report is a whole rerun (a map redrawn) for nothing.
_JS = """
export default function({ setStateValue, data, parentElement }) {
  const host = parentElement.host || parentElement;
  const s = host.__sdg16room || (host.__sdg16room = { last: data.size });
  s.data = data.size;
  s.tall = data.tall;
  s.set = setStateValue;
  const same = (a, b) => !!a && (s.tall ? a === b : a.split('x')[0] === b.split('x')[0]);
  const busy = (on) => on
    ? host.setAttribute('data-measuring', '') : host.removeAttribute('data-measuring');
  s.report = () => {
    const box = host.getBoundingClientRect();
    const main = document.querySelector("[data-testid='stMain']");
    const top = box.top + (main ? main.scrollTop : 0);  // from the page's top, not the screen's
    const now = `${Math.round(box.width)}x${Math.round(window.innerHeight - top)}`;
    if (!same(s.last, now)) { s.last = now; s.set('size', now); }
    busy(!same(s.data, now));
  };
  if (!s.cleanup) {
    let timer = null;
    const later = () => { busy(true); clearTimeout(timer); timer = setTimeout(s.report, 80); };
    // The window resized, or the page above grew (a part the script draws last, the tabs).
    window.addEventListener('resize', later);
    const grown = new ResizeObserver(later);
    const page = document.querySelector("[data-testid='stMainBlockContainer']");
    if (page) grown.observe(page);
    s.cleanup = () => {
      clearTimeout(timer); grown.disconnect(); window.removeEventListener('resize', later);
      busy(false);
      delete host.__sdg16room;
    };
  }
  s.report();
  return s.cleanup;
}
"""
_component = None


def _mount():
    global _component
    if _component is None:  # registered once per process (a second one only warns)
        _component = st.components.v2.component("sdg16.screen", js=_JS)
    return _component


def room(place: str, height: bool = True) -> tuple[int, int] | None:
    """(width of the column, height left below this point on the first screen) in CSS px at
    ``place`` (a name unique on its page); None until the browser has said. ``height=False``:
    the page uses only the width (the height returned is the one last said, maybe stale), and
    a change of the height alone does not rerun the page."""
    key, probe = f"{_KEY}_{place}", f"{_KEY}_{place}_probe"
    # What the browser said before this run (the component's state), else what was kept: sent
    # back as the component's data, so the browser knows when this size has been drawn.
    said = st.session_state.get(probe)
    value = (said.get("size") if hasattr(said, "get") else None) or st.session_state.get(key)
    if value:
        st.session_state[key] = value
    _mount()(key=probe, data={"size": value, "tall": height}, on_size_change=nav.page_rerun)
    try:
        w, h = (int(n) for n in str(value).split("x"))
    except ValueError:  # not said yet (None)
        return None
    return (w, h) if w > 0 else None  # 0: drawn in a hidden tab


def mark_provisional(fig, room_known: bool):
    """Mark a plotly figure drawn without the measured room (``room`` was None): the browser
    redraws it a moment later, and ``sdg16.core.browser.wait_for_charts`` waits for that."""
    if not room_known:
        fig.update_layout(meta={"provisional": True})
    return fig
