"""The README's Security section says what each role sees and does, and its numbers are the
ones the code enforces (a changed limit fails here until the README says it)."""

from __future__ import annotations

from sdg16.core import disclosure
from sdg16.state import accounts, presentations
from sdg16.state.roles import Role
from testkit.paths import ROOT


def _section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text.split("\n## Security\n", 1)[1].split("\n## ", 1)[0]


def test_every_role_has_a_row() -> None:
    rows = [line for line in _section().splitlines() if line.startswith("| ")]
    assert [r.split("|")[1].strip() for r in rows[1:]] == [role.label for role in Role]


def test_the_numbers_are_the_enforced_ones() -> None:
    s = " ".join(_section().split())  # the prose as one line, however it is wrapped
    assert disclosure.SMALL_COUNT == 5 and disclosure.BASE == 5
    assert "1-4 is withheld" in s and "multiple of 5" in s and "ONS" in s
    assert f"{accounts.MAX_FAILURES} failed" in s.replace("Five", "5")
    assert f"within {accounts.FAILURE_WINDOW_S // 60} minutes" in s
    assert f"{accounts.MAX_ADDRESS_FAILURES} from one network address" in s
    assert f"at most {accounts.MAX_PASSWORD_BYTES} bytes" in s
    assert f"save {presentations.SAVES_PER_HOUR} views an hour" in s
    assert f"at most {presentations.MAX_VIEWS} per presentation" in s
    assert (
        f"{presentations.DECKS_PER_WINDOW} PDF decks per {presentations.DECK_WINDOW_S // 60}" in s
    )
    assert "python -m sdg16 audit verify" in s
