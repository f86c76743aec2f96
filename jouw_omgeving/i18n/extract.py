"""Find every translatable string in the package: ``t(...)``, ``gettext(...)``, ``N_(...)``.

Run ``python -m jouw_omgeving.i18n.extract`` to add new msgids to both catalogues (English
ones arrive empty, and the catalogue test fails until someone translates them).
"""

from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import write_po

from jouw_omgeving.i18n import _LOCALES_DIR, LANGUAGES, catalog

PACKAGE_DIR = Path(__file__).resolve().parents[1]
KEYWORDS = {"t": None, "gettext": None, "N_": None}


def extract_msgids() -> set[str]:
    """Every msgid used in the package's Python source."""
    found = extract_from_dir(
        str(PACKAGE_DIR),
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=(),
    )
    return {
        message
        for _file, _line, message, _comments, _context in found
        if isinstance(message, str) and message
    }


def update_catalogues() -> None:
    """Add missing msgids to every catalogue (Dutch: msgstr = msgid)."""
    msgids = extract_msgids()
    for lang in LANGUAGES:
        existing = catalog(lang)
        updated = Catalog(locale=lang)
        for msgid in sorted(msgids | {m.id for m in existing if m.id}):
            old = existing.get(msgid)
            text = old.string if old is not None else ""
            updated.add(msgid, msgid if lang == "nl" else text)
        path = _LOCALES_DIR / lang / "LC_MESSAGES" / "messages.po"
        with path.open("wb") as handle:
            write_po(handle, updated, omit_header=False, sort_output=True, width=100)
    catalog.cache_clear()


def merge_translations(lang: str, translations: dict[str, str]) -> None:
    """Fill in translations for ``lang`` (msgid -> text), keeping all others."""
    existing = catalog(lang)
    for msgid, text in translations.items():
        message = existing.get(msgid)
        if message is None:
            existing.add(msgid, text)
        else:
            message.string = text
    path = _LOCALES_DIR / lang / "LC_MESSAGES" / "messages.po"
    with path.open("wb") as handle:
        write_po(handle, existing, omit_header=False, sort_output=True, width=100)
    catalog.cache_clear()


def main(argv: list[str] | None = None) -> None:
    """``extract [--merge-en FILE.json]``: update catalogues, then merge English texts."""
    import argparse
    import json

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--merge-en", help="JSON file {dutch msgid: english text}")
    args = parser.parse_args(argv)
    update_catalogues()
    if args.merge_en:
        with open(args.merge_en, encoding="utf-8") as handle:
            merge_translations("en", json.load(handle))


if __name__ == "__main__":
    main()
