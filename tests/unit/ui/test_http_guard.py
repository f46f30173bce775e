"""The audit line's client name (``sdg16.ui.http_guard._agent``): the User-Agent header is the
requester's to write, so what reaches the audit log is printable and short."""

from __future__ import annotations

from sdg16.ui.http_guard import AGENT_CHARS, _agent


def test_a_browser_is_named_in_brackets() -> None:
    assert _agent("Mozilla/5.0 HeadlessChrome") == " (Mozilla/5.0 HeadlessChrome)"


def test_no_header_adds_nothing() -> None:
    assert _agent("") == "" and _agent("  \t ") == ""


def test_control_characters_cannot_forge_a_second_line() -> None:
    shown = _agent("curl\r\n2026-12-02 admin exported everything\x1b[31m")
    assert "\n" not in shown and "\r" not in shown and "\x1b" not in shown
    assert shown.startswith(" (curl2026-12-02 admin")


def test_a_huge_header_is_cut() -> None:
    assert len(_agent("x" * 100_000)) == AGENT_CHARS + 3
