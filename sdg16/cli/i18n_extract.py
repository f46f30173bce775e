"""Extract every user-facing string into ``locales/messages.pot`` and update the .po files.

Run with ``make i18n``. Sources: Python code (keywords ``_``, ``N_``, ``gettext(lang, msg)``,
configured in babel.cfg), plus data the UI shows: indicator and series titles from
indicators.yaml, unit / nature / dataset labels and page titles. The catalog test runs the
same ``extract()`` in-process, so a string nobody translated fails the suite.
"""

from __future__ import annotations

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from sdg16.core.i18n import DOMAIN, LOCALES_DIR, po_path
from sdg16.core.policy import LANGUAGES
from sdg16.core.settings import ROOT

KEYWORDS = {
    "_": None,
    "N_": None,
    "gettext": (2,),
    "p_": ((1, "c"), 2),  # p_(context, msg)
    "pgettext": ((2, "c"), 3),  # pgettext(lang, context, msg)
}
POT_PATH = LOCALES_DIR / f"{DOMAIN}.pot"


def _data_strings() -> list[tuple[str, str] | tuple[str, str, str | None]]:
    """(message, where[, context]) for strings that come from data rather than code."""
    from sdg16.charts.profile import short_title
    from sdg16.core import catalog, formatting
    from sdg16.core.policy import SMALL_LABEL
    from sdg16.core.schema import DATASETS
    from sdg16.core.taxonomy import get as taxonomy
    from sdg16.state.roles import Role
    from sdg16.ui.registry import PAGES

    out = []
    for ind in catalog.load(ROOT / "indicators.yaml").indicators:
        out.append((ind.title, f"indicators.yaml:{ind.code}"))
        out.append((ind.definition, f"indicators.yaml:{ind.code}"))
        out += [(s.unit, f"indicators.yaml:{s.code}") for s in ind.series]
        out += [(s.title, f"indicators.yaml:{s.code}") for s in ind.series]
        out += [(short_title(s.title), f"indicators.yaml:{s.code}") for s in ind.series]
    for name, table in (
        ("UNIT_LABELS", formatting.UNIT_LABELS),
        ("UNIT_SHORT", formatting.UNIT_SHORT),
        ("NATURE_LABELS", formatting.NATURE_LABELS),
        ("DATASETS", DATASETS),
    ):
        out += [(v, f"sdg16/core/formatting.py:{name}") for v in table.values() if v]
    out += [(p.title, "sdg16/ui/registry.py:PAGES", p.context) for p in PAGES]
    out += [(p.section, "sdg16/ui/registry.py:PAGES") for p in PAGES]  # menu headings
    tax = taxonomy()
    for table in (tax.types, tax.place_types):
        out += [(label, "sdg16/core/taxonomy.yaml") for label in table.values()]
    out += [(role.label, "sdg16/state/roles.py") for role in Role]
    out.append((SMALL_LABEL, "sdg16/core/policy.py:SMALL_LABEL"))  # merged small categories
    out += [("number", "sdg16/core/formatting.py:unit_label"), ("not stated", "formatting")]
    return out


def extract() -> Catalog:
    """The template catalog: every msgid the app can show."""
    pot = Catalog(project="sdg16", domain=DOMAIN)
    with (ROOT / "babel.cfg").open() as fh:
        from babel.messages.frontend import parse_mapping_cfg

        method_map, options_map = parse_mapping_cfg(fh)
    found = extract_from_dir(
        str(ROOT), method_map, options_map, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)
    )
    for filename, lineno, message, comments, context in found:
        if isinstance(message, tuple):  # gettext(lang, msg): the msgid is the one kept string
            message = next(m for m in message if m)
        if message:
            pot.add(
                message, locations=[(filename, lineno)], auto_comments=comments, context=context
            )
    for message, where, *context in _data_strings():
        pot.add(message, locations=[(where, 0)], context=context[0] if context else None)
    return pot


def update() -> None:
    """Write the .pot and merge it into each language's .po (new strings come in empty)."""
    pot = extract()
    POT_PATH.parent.mkdir(parents=True, exist_ok=True)
    with POT_PATH.open("wb") as fh:
        write_po(fh, pot, omit_header=False, sort_output=True, width=100)
    for lang in LANGUAGES:
        if lang == "en":
            continue
        path = po_path(lang)
        if path.exists():
            with path.open("rb") as fh:
                cat = read_po(fh, locale=lang)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            cat = Catalog(locale=lang, domain=DOMAIN, project="sdg16")
        cat.update(pot, update_creation_date=False)
        cat.obsolete.clear()  # removed strings go away rather than piling up
        with path.open("wb") as fh:
            write_po(fh, cat, sort_output=True, width=100, ignore_obsolete=True)


if __name__ == "__main__":
    update()
    print(f"wrote {POT_PATH.relative_to(ROOT)} and {', '.join(x for x in LANGUAGES if x != 'en')}")
