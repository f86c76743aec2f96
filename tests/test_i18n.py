"""Every string the UI uses exists in both catalogues, and English is complete."""

from datetime import date

from jouw_omgeving.i18n import LANGUAGES, catalog, format_date, gettext
from jouw_omgeving.i18n.extract import extract_msgids


def test_every_used_string_is_in_every_catalogue():
    used = extract_msgids()
    assert "Mijn doelen" in used  # the extractor really finds t(...) calls
    for lang in LANGUAGES:
        known = {m.id for m in catalog(lang) if m.id}
        assert used - known == set(), f"{lang} catalogue misses strings"


def test_english_catalogue_is_complete():
    untranslated = [m.id for m in catalog("en") if m.id and not m.string]
    assert untranslated == []


def test_translation_and_fallback():
    assert gettext("Mijn doelen", "en") == "My goals"
    assert gettext("Mijn doelen", "nl") == "Mijn doelen"
    # An unsupported language falls back to Dutch, never to an error.
    assert gettext("Mijn doelen", "xx") == "Mijn doelen"


def test_dates_follow_the_language():
    assert format_date(date(2026, 3, 3), "nl") == "3 maart 2026"
    assert format_date(date(2026, 3, 3), "en") == "March 3, 2026"
