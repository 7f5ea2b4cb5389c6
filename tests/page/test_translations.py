"""The five shipped translations: complete, current, and sound for patients to read."""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib

import polib
import pytest

from conftest import ROOT, SEGMENTS

LOCALES = ROOT / "locales"
SHIPPED = ["de", "fr", "it", "pt", "ru"]
PROTECTED = ["Rush University Medical Center", "Rush", "COVID-19"]
TAG = re.compile(r"</?[a-z]+\d+>")
#: Words that are the same in English and the language, rightly.
SAME_AS_SOURCE = {"fr": {"Latent"}, "it": {"Stretching"}}


def catalog(locale: str) -> polib.POFile:
    return polib.pofile(str(LOCALES / locale / "LC_MESSAGES" / "trigger_content.po"))


@pytest.mark.parametrize("locale", SHIPPED)
def test_catalog_is_complete_with_nothing_fuzzy_or_obsolete(locale: str) -> None:
    po = catalog(locale)
    template = polib.pofile(str(LOCALES / "trigger_content.pot"))
    assert [(e.msgctxt, e.msgid) for e in po] == [(e.msgctxt, e.msgid) for e in template]
    assert po.percent_translated() == 100
    assert po.fuzzy_entries() == [] and po.obsolete_entries() == []
    assert not po.metadata_is_fuzzy
    assert po.metadata["Language"] == locale


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext is not installed")
@pytest.mark.parametrize("locale", SHIPPED)
def test_msgfmt_check_accepts_the_catalog(locale: str) -> None:
    path = LOCALES / locale / "LC_MESSAGES" / "trigger_content.po"
    result = subprocess.run(["msgfmt", "-c", "--statistics", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stderr.strip() == f"{SEGMENTS} translated messages."


@pytest.mark.parametrize("locale", SHIPPED)
def test_tags_names_and_numbers_are_kept(locale: str) -> None:
    for entry in catalog(locale):
        assert sorted(TAG.findall(entry.msgstr)) == sorted(TAG.findall(entry.msgid)), entry.msgctxt
        for token in PROTECTED:
            assert entry.msgid.count(token) <= entry.msgstr.count(token), (entry.msgctxt, token)
        assert entry.msgstr != entry.msgid or entry.msgid in SAME_AS_SOURCE.get(locale, ()), entry.msgctxt


@pytest.mark.parametrize("locale", SHIPPED)
def test_no_straight_quotes_or_apostrophes(locale: str) -> None:
    for entry in catalog(locale):
        assert '"' not in entry.msgstr and "'" not in entry.msgstr, entry.msgctxt


def test_french_spacing_before_high_punctuation_and_inside_guillemets() -> None:
    for entry in catalog("fr"):
        text = entry.msgstr
        assert not re.search(r"[^\u00a0\u202f][:;!?»]", text.replace("<a1>", "").replace("</a1>", "")), entry.msgctxt
        assert not re.search(r"«[^\u00a0\u202f]", text), entry.msgctxt


@pytest.mark.parametrize(("locale", "opening", "closing"), [("de", "„", "“"), ("ru", "«", "»"), ("pt", "“", "”")])
def test_quotation_marks_of_the_language(locale: str, opening: str, closing: str) -> None:
    quoted = [e for e in catalog(locale) if "“" in e.msgid]
    assert quoted
    for entry in quoted:
        assert opening in entry.msgstr and closing in entry.msgstr, entry.msgctxt


def test_russian_dashes_are_spaced_em_dashes() -> None:
    for entry in catalog("ru"):
        assert "–" not in entry.msgstr.replace(" – ", ""), entry.msgctxt


GLOSSARY = tomllib.loads((LOCALES / "glossary.toml").read_text(encoding="utf-8"))["term"]


@pytest.mark.parametrize("locale", SHIPPED)
def test_glossary_terms_are_used(locale: str) -> None:
    for entry in catalog(locale):
        for term in GLOSSARY:
            if any(re.search(rf"\b{re.escape(form)}", entry.msgid, re.I) for form in term["match"]):
                forms = term[locale]["match"]
                assert any(re.search(rf"(?<!\w){re.escape(form)}", entry.msgstr, re.I) for form in forms), (
                    f"{entry.msgctxt}: {term['en']!r} should be {term[locale]['text']!r}"
                )


def test_glossary_has_every_language_and_a_note_for_each_term() -> None:
    assert len(GLOSSARY) >= 14
    for term in GLOSSARY:
        assert term["meaning"]
        for locale in SHIPPED:
            assert term[locale]["text"] and term[locale]["match"], (term["en"], locale)
