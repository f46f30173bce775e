"""Every control that follows the URL, drawn one way: the URL decides on first load, after that
the widget's own state decides, and the page writes the URL from what the widgets return.

Why: a widget without a key, whose default follows the URL, changes identity whenever the URL
changes, and Streamlit resets it: the second of two quick clicks was lost. Here every control has
a stable key and its value is seeded from the URL only when

- the key is new in this session (first load, a link opened, a page switch: keys are per page,
  so another page's controls were dropped by Streamlit when they stopped being drawn), or
- the rerun is browser Back/Forward (``is_history_navigation``): the URL of that history entry
  is the view to restore.

On every other rerun the URL is never read for these controls, so a URL write still in flight
from an interrupted run cannot undo a newer click. Programmatic changes (Play on the map) go
through ``set_next``: a widget's state cannot be set once it is drawn in a run.

The widget's own key carries the language (``map.region.es``; English keeps ``map.region``).
Streamlit gives a keyed widget the same identity whatever its labels, and the browser then
keeps showing the old language's label for the chosen value ("Mexico" on a Spanish page).
A new language is a new widget, seeded from its state in the language before (the newest
truth: a click made while the last run was still going is in that state, not yet in the URL the
switch wrote with ``nav.rewrite``), or from the URL when there is none.

Usage: ``controls.selectbox(label, options, key="map.series", url=f.series, default=...)``.
``url`` is what the URL asks for (``None``/empty: nothing, so ``default``); ``key`` must be unique
per page (prefix it with the page's path).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from sdg16.core.policy import LANGUAGES
from sdg16.ui import nav
from sdg16.ui.i18n import current_lang

T = TypeVar("T")
PENDING_KEY = "sdg16_controls_pending"
DRAWN_KEY = "sdg16_controls_drawn"  # each control's value as the last run drew it


def from_history() -> bool:
    """True when this rerun is the browser's Back or Forward button."""
    ctx = get_script_run_ctx()
    return bool(ctx is not None and getattr(ctx, "is_history_navigation", False))


def set_next(key: str, value: Any) -> None:
    """Give the control ``key`` this value on the next run (it may already be drawn in this one)."""
    st.session_state.setdefault(PENDING_KEY, {})[key] = value


def widget_key(key: str, lang: str | None = None) -> str:
    """The Streamlit key of control ``key`` in ``lang`` (the page's language by default)."""
    lang = lang or current_lang()
    return key if lang == "en" else f"{key}.{lang}"


_MISSING = object()


def _before(key: str) -> Any:
    """The control's state in another language, if it is still there (a language switch: the
    run that switched stopped with ``st.rerun`` before Streamlit dropped the old widgets)."""
    for lang in LANGUAGES:
        other = widget_key(key, lang)
        if other != widget_key(key) and other in st.session_state:
            return st.session_state[other]
    return _MISSING


def _seed(key: str, url: Any, default: Any, valid: Callable[[Any], Any]) -> str:
    """Put the value the control must show into its session state, before it is drawn; returns
    the widget's key. ``valid`` maps a candidate to an allowed value (or ``None``)."""
    pending = st.session_state.get(PENDING_KEY, {})
    drawn = st.session_state.setdefault(DRAWN_KEY, {})
    own = widget_key(key)
    empty = (None, (), [])
    if key in pending:
        wanted = pending.pop(key)
    elif nav.page_run() and own in drawn:
        # A run the page asked for (the screen's size) changes no control; the browser may send
        # a widget it had not finished drawing at its first option (the map's year: 2000).
        wanted = drawn[own]
    elif from_history():
        wanted = url if url not in empty else default
    elif own not in st.session_state:
        # A language switch: the old language's widget state wins over the URL. The URL the
        # switch wrote is the view last drawn, and a click made while that run was still
        # going (a country removed) is only in the widget's state.
        earlier = _before(key)
        wanted = earlier if earlier is not _MISSING else url if url not in empty else default
    else:
        wanted = st.session_state[own]
    checked = valid(wanted)
    if checked is None:
        checked = valid(default)
    if own not in st.session_state or st.session_state[own] != checked:
        st.session_state[own] = checked
    drawn[own] = checked
    return own


def _one_of(options: Sequence[Any], allow_none: bool = False) -> Callable[[Any], Any]:
    allowed = list(options)
    return lambda v: v if v in allowed or (allow_none and v is None) else None


def selectbox(
    label: str,
    options: Sequence[T],
    *,
    key: str,
    url: T | None,
    default: T | None = None,
    where: Any = st,
    **kwargs: Any,
) -> T | None:
    """A select box; ``default`` is what shows when the URL names nothing valid (the first option
    if not given). With ``placeholder=...`` and no ``default``, nothing is chosen until a click."""
    options = list(options)
    empty_allowed = default is None and "placeholder" in kwargs
    if default is None and not empty_allowed and options:
        default = options[0]
    own = _seed(key, url, default, _one_of(options, allow_none=empty_allowed))
    index = None if empty_allowed else 0  # the state set above decides what shows
    return where.selectbox(label, options, index=index, key=own, **kwargs)


def multiselect(
    label: str,
    options: Sequence[T],
    *,
    key: str,
    url: Sequence[T],
    default: Sequence[T] = (),
    where: Any = st,
    **kwargs: Any,
) -> list[T]:
    """A multiselect; the order of choice is kept (it is the order of lines and columns)."""
    options = list(options)

    def valid(values: Any) -> list[T] | None:
        kept = [v for v in dict.fromkeys(values or ()) if v in options]
        # None of the chosen values is an option any more (the options follow another
        # control): the default, rather than an empty choice that then sticks.
        return kept if kept or not values else None

    own = _seed(key, list(url), list(default), valid)
    return list(where.multiselect(label, options, key=own, **kwargs))


def slider(
    label: str,
    lo: Any,
    hi: Any,
    *,
    key: str,
    url: Any,
    default: Any,
    where: Any = st,
    **kwargs: Any,
) -> Any:
    """A slider over ``lo``..``hi``; a tuple ``default`` makes it a range. Values are clamped to the
    bounds (they move with the series or the country), and a range is kept in order."""

    def clamp(v: Any) -> Any:
        return min(max(v, lo), hi)

    def valid(value: Any) -> Any:
        if isinstance(default, tuple):
            if not isinstance(value, (tuple, list)) or len(value) != 2:
                return None
            start = value[0] if value[0] is not None else default[0]
            end = value[1] if value[1] is not None else default[1]
            start, end = clamp(start), clamp(end)
            return (start, max(start, end))
        return None if value is None else clamp(value)

    own = _seed(key, url, default, valid)
    return where.slider(label, lo, hi, value=default, key=own, **kwargs)


def select_slider(
    label: str,
    options: Sequence[T],
    *,
    key: str,
    url: Any,
    default: Any,
    where: Any = st,
    **kwargs: Any,
) -> Any:
    """A slider over a list of values (the map's years); a tuple ``default`` makes it a range
    (the incident months below analyst), kept in order and within the options."""
    options = list(options)
    one = _one_of(options)

    def valid(value: Any) -> Any:
        if not isinstance(default, tuple):
            return one(value)
        if not isinstance(value, (tuple, list)) or len(value) != 2:
            return None
        pairs = zip(value, default, strict=True)
        start, end = (one(v) if one(v) is not None else d for v, d in pairs)
        return (start, end) if options.index(start) <= options.index(end) else (end, start)

    own = _seed(key, url, default, valid)
    return where.select_slider(label, options=options, key=own, **kwargs)


def _always_one(widget: str, doc: str) -> Callable[..., Any]:
    """A control over ``options`` that always has one of them chosen, drawn by the Streamlit
    function ``widget`` (the radio and the segmented control differ in nothing else)."""

    def control(
        label: str,
        options: Sequence[T],
        *,
        key: str,
        url: T | None,
        default: T,
        where: Any = st,
        **kwargs: Any,
    ) -> T:
        options = list(options)
        own = _seed(key, url, default, _one_of(options))
        chosen = getattr(where, widget)(label, options, key=own, **kwargs)
        return chosen if chosen is not None else default

    control.__doc__ = doc
    return control


radio = _always_one("radio", "Radio buttons (always one choice).")
# A second click on the chosen segment would otherwise clear it: the default then.
segmented = _always_one("segmented_control", "A segmented control that always has a choice.")


def toggle(label: str, *, key: str, url: bool | None, default: bool = False, where: Any = st, **kw):
    own = _seed(key, url, default, lambda v: bool(v) if v is not None else None)
    return bool(where.toggle(label, key=own, **kw))
