"""One place that makes user-controlled text safe to show: Markdown, HTML and notices.

Anything a person can type or put in a link (URL values, saved-view titles and notes,
imported names, login names) reaches the page only through ``md`` (Streamlit Markdown: st.
markdown, st.caption, st.toast, st.error, help tooltips) or ``html`` (st.html, deck.gl
tooltips, HTML reports). ``sdg16.ui.state.notice`` dedupes and caps what a page announces.
"""

from __future__ import annotations

import html as _html
import re

# The characters that give Streamlit Markdown a meaning on one line: links and images
# ([]()!), emphasis (*~), code (`), raw HTML (<>), headings (#), LaTeX ($), tables (|) and
# Streamlit's :colour[...] directives (need []). Escaped with a backslash, each shows as
# itself: ![t](http://host/px.png) is text and fetches nothing. Other punctuation (quotes,
# "=", ":", ".", and "_", common in codes like VC_IHR_PSRC) is left alone so notices read as
# written; "_" can at most set a word in italics.
_MD_SPECIAL = re.compile(r"([\\`*\[\]()<>#!~$|])")
_LINE_START = re.compile(r"^(\d*)([-+=.)])")  # lists and setext headings at the start
_AUTOLINK = re.compile(r"(?i)(?<=[a-z])(:)(?=//)|(?<=www)(\.)")  # bare http://, www. links
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
MAX_SHOWN = 200  # characters of one value shown in a notice; longer ones are cut
MAX_NOTICES = 5  # notices a page shows; the rest are counted in one line


def clean(text: object, limit: int | None = None) -> str:
    """Text without control and bidirectional-override characters, cut to ``limit``."""
    out = _CONTROL.sub("", str(text))
    if limit is not None and len(out) > limit:
        out = out[:limit] + "…"
    return out


def md(text: object, limit: int | None = MAX_SHOWN) -> str:
    """User text as Streamlit Markdown that shows exactly those characters and nothing more
    (no links, images, emphasis, HTML, LaTeX or icons); newlines become spaces."""
    flat = " ".join(clean(text, limit).split())
    out = _MD_SPECIAL.sub(r"\\\1", flat)
    out = _AUTOLINK.sub(lambda m: "\\" + m.group(0), out)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), out)


def html(text: object, limit: int | None = None) -> str:
    """User text for an HTML context (element content or a quoted attribute)."""
    return _html.escape(clean(text, limit), quote=True)
