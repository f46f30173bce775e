"""No English text reaches a page without ``_()``: every literal in a Streamlit text call in
views/ and sdg16/ui/ goes through the catalog (the extractor cannot see the others)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SOURCES = sorted(
    [ROOT / "app.py", *(ROOT / "views").glob("*.py"), *(ROOT / "sdg16" / "ui").glob("*.py")]
)
# Streamlit calls whose first argument (or label=/body=/placeholder=/help=) a person reads.
TEXT_CALLS = {
    "title", "header", "subheader", "caption", "markdown", "write", "text", "info", "warning",
    "error", "success", "toast", "button", "download_button", "link_button", "page_link",
    "selectbox", "multiselect", "slider", "select_slider", "segmented_control", "radio",
    "toggle", "checkbox", "text_input", "text_area", "number_input", "date_input", "metric",
    "expander", "popover", "tabs", "form_submit_button", "spinner", "status", "file_uploader",
    "progress", "dialog", "set_page_config", "Page", "pills", "feedback",
    # st.column_config: a table heading is text too
    "Column", "TextColumn", "NumberColumn", "LinkColumn", "LineChartColumn", "BarChartColumn",
    "ProgressColumn", "DateColumn", "DatetimeColumn", "SelectboxColumn", "CheckboxColumn",
    "ListColumn", "ImageColumn", "AreaChartColumn",
}  # fmt: skip
TEXT_KEYWORDS = {
    "label",
    "body",
    "placeholder",
    "help",
    "value_label",
    "text",
    "page_title",
    "title",
}


def _has_words(node: ast.AST) -> bool:
    """A string literal (or f-string part) holding letters: text someone would read."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return any(ch.isalpha() for ch in node.value)
    if isinstance(node, ast.JoinedStr):
        return any(_has_words(v) for v in node.values if isinstance(v, ast.Constant))
    if isinstance(node, ast.BinOp):
        return _has_words(node.left) or _has_words(node.right)
    if isinstance(node, ast.List | ast.Tuple):  # st.tabs(["Map", ...])
        return any(_has_words(e) for e in node.elts)
    return False


LOGGERS = {"log", "logger", "logging"}
ALLOW = "# i18n-ok"  # on the call's line, with a reason: e.g. titles of cited documents


def bare_literals(source: str, filename: str) -> list[str]:
    found = []
    lines = source.splitlines()
    for node in ast.walk(ast.parse(source, filename)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr not in TEXT_CALLS or ALLOW in lines[node.lineno - 1]:
            continue
        owner = node.func.value
        if isinstance(owner, ast.Name) and owner.id.lower() in LOGGERS:
            continue  # LOG.info(...): the server's log, not the page
        # page_link and Page take a path first; set_page_config only page_title= is text.
        no_first = {"page_link", "Page", "set_page_config"}
        first = [] if node.func.attr in no_first else node.args[:1]
        args = first + [k.value for k in node.keywords if k.arg in TEXT_KEYWORDS]
        found += [f"{filename}:{node.lineno} {node.func.attr}()" for a in args if _has_words(a)]
    return found


def test_the_check_sees_literals_and_fstrings() -> None:
    code = 'st.caption(f"Sources: {x}")\nst.title(_("Ok"))\ncol.metric("Reports", 3)\n'
    assert bare_literals(code, "x.py") == ["x.py:1 caption()", "x.py:3 metric()"]


def test_the_check_sees_table_headings_tab_titles_and_progress_text() -> None:
    code = (
        'st.column_config.TextColumn("Country", width=9)\n'
        'st.set_page_config(page_title="SDG 16 dashboard")\n'
        'bar.progress(0.5, text="Reading")\n'
        'st.column_config.NumberColumn(_("Year"), format="%d")\n'
    )
    found = bare_literals(code, "x.py")
    assert found == ["x.py:1 TextColumn()", "x.py:2 set_page_config()", "x.py:3 progress()"]


def test_no_bare_literal_in_streamlit_text_calls() -> None:
    found = []
    for path in SOURCES:
        found += bare_literals(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    assert found == [], "wrap these in _() (then `make i18n` and translate)"
