"""The template: every segment once, stable bytes, accepted by GNU gettext."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest

import trigger_content as tc

from conftest import DATA, ROOT, SEGMENTS

TEMPLATE = ROOT / "locales" / "trigger_content.pot"
needs_gettext = pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext (msgfmt, msgcat) is not installed")


def test_template_has_one_entry_per_segment_with_context_and_comment(page: tc.Page) -> None:
    template = tc.build_template([page, page], references={"site": "site.toml", page.id: "page.toml"})
    assert [(e.msgctxt, e.msgid) for e in template] == [(s.context, s.text) for s in tc.segments(page)]
    (title,) = [entry for entry in template if entry.key == ("trigger-point-injections.title", "Trigger Point Injections")]
    assert title.extracted == ("Page “Trigger Point Injections”: page title.",)
    assert title.references == ("page.toml",)
    assert template.header["Content-Type"] == "text/plain; charset=UTF-8"


def test_site_chrome_is_extracted_once_for_many_pages(page: tc.Page) -> None:
    other = page.model_copy(update={"id": "other-page"})
    contexts = [entry.msgctxt for entry in tc.build_template([page, other])]
    assert contexts.count("site.notice") == 1
    assert "other-page.title" in contexts


def test_committed_template_is_current(tmp_path: Path) -> None:
    from trigger_content.extract import project_sources

    copy = tmp_path / "trigger_content.pot"
    shutil.copy(TEMPLATE, copy)
    pages, references = project_sources(tc.find_project(ROOT))
    assert tc.write_template(pages, copy, references=references) is False
    assert copy.read_bytes() == TEMPLATE.read_bytes()


def test_references_name_the_line_of_each_text_as_xgettext_writes_them() -> None:
    """``#: file:line``: the line where the text's field is written in its document."""
    from trigger_content.po import read_po

    document = ROOT / "trigger_content" / "content" / "trigger-point-injections.toml"
    lines = document.read_text(encoding="utf-8").splitlines()
    for entry in read_po(TEMPLATE).entries:
        (reference,) = entry.references
        name, _, line = reference.partition(":")
        if name.endswith("trigger-point-injections.toml"):
            field = re.match(r"\s*(\w+)\s*=", lines[int(line) - 1])
            assert field is not None and field.group(1) in ("text", "term", "definition", "title", "heading"), (entry.msgctxt, line)
            assert entry.msgctxt.rsplit(".", 1)[-1] in (field.group(1), *re.findall(r'id = "([^"]+)"', "\n".join(lines[: int(line)]))[-1:])


@needs_gettext
def test_template_is_what_msgcat_writes_and_msgfmt_accepts() -> None:
    written = subprocess.run(["msgcat", str(TEMPLATE)], capture_output=True, check=True).stdout
    assert written == TEMPLATE.read_bytes()
    checked = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(TEMPLATE)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr


def test_template_reads_back_with_polib() -> None:
    entries = polib.pofile(str(TEMPLATE))
    assert len(entries) == SEGMENTS and not entries.obsolete_entries()
    assert entries.metadata_is_fuzzy


# -- init, update, compile -----------------------------------------------------------

LOCALES = ROOT / "locales"
SHIPPED = ["de", "fr", "it", "pt", "ru"]


@pytest.mark.parametrize(
    ("locale", "plural_forms"),
    [
        ("fr", "nplurals=2; plural=(n > 1);"),
        ("de", "nplurals=2; plural=(n != 1);"),
        ("it", "nplurals=2; plural=(n != 1);"),
        ("pt", "nplurals=2; plural=(n != 1);"),
        ("pt_BR", "nplurals=2; plural=(n > 1);"),
        ("ru", "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"),
    ],
)
def test_init_writes_a_complete_header_with_gettexts_plural_forms(locale: str, plural_forms: str) -> None:
    from trigger_content.catalogs import init_catalog
    from trigger_content.po import read_po

    catalog = init_catalog(read_po(TEMPLATE), locale)
    assert catalog.header["Language"] == locale
    assert catalog.header["Content-Type"] == "text/plain; charset=UTF-8"
    assert catalog.header["Plural-Forms"] == plural_forms
    assert not catalog.header_fuzzy
    assert len(catalog) == SEGMENTS and all(entry.msgstr == ("",) for entry in catalog)


def test_shipped_catalogs_are_read_back_byte_for_byte() -> None:
    from trigger_content.po import catalog_bytes, read_po

    for path in [TEMPLATE, *sorted(LOCALES.glob("*/LC_MESSAGES/*.po"))]:
        assert catalog_bytes(read_po(path)) == path.read_bytes(), path


@needs_gettext
def test_every_file_in_locales_is_what_msgcat_writes() -> None:
    for path in [TEMPLATE, *sorted(LOCALES.glob("*/LC_MESSAGES/*.po"))]:
        written = subprocess.run(["msgcat", str(path)], capture_output=True, check=True).stdout
        assert written == path.read_bytes(), path


def test_compiled_catalogs_are_current_and_hold_every_translation() -> None:
    from trigger_content.po.mo import compiled_from
    from trigger_content.translations import load_translations, read_translations

    for locale in SHIPPED:
        po = LOCALES / locale / "LC_MESSAGES" / "trigger_content.po"
        assert compiled_from(po.with_suffix(".mo").read_bytes(), po.read_bytes()), locale
        translations, note = load_translations(po)
        assert note is None
        assert translations == read_translations(po)
        assert len(translations) == SEGMENTS


def test_a_stale_or_missing_mo_is_reported_and_the_po_used(tmp_path: Path) -> None:
    from trigger_content.translations import load_translations

    po = tmp_path / "trigger_content.po"
    shutil.copy(LOCALES / "fr" / "LC_MESSAGES" / "trigger_content.po", po)
    translations, note = load_translations(po)
    assert note is not None and "not compiled; run `trigger-content compile`" in note
    shutil.copy(LOCALES / "de" / "LC_MESSAGES" / "trigger_content.mo", po.with_suffix(".mo"))
    again, note = load_translations(po)
    assert note is not None and "not compiled from the current trigger_content.po" in note
    assert again == translations  # read from the .po, not the wrong .mo


def test_merge_keeps_exact_matches_byte_for_byte() -> None:
    from trigger_content.catalogs import merge
    from trigger_content.po import catalog_bytes, read_po

    template = read_po(TEMPLATE)
    for locale in SHIPPED:
        path = LOCALES / locale / "LC_MESSAGES" / "trigger_content.po"
        assert catalog_bytes(merge(read_po(path), template)) == path.read_bytes()


def _catalog(text: str) -> tc.po.Catalog:  # type: ignore[name-defined]
    from trigger_content.po import read_po

    return read_po("case.po", text.encode("utf-8"))


RU_HEADER = 'msgid ""\nmsgstr ""\n"Language: ru\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"\n\n'


def test_merge_a_message_that_became_plural_keeps_it_as_the_first_form() -> None:
    from trigger_content.catalogs import count_translations, merge

    catalog = _catalog(RU_HEADER + 'msgctxt "a"\nmsgid "One visit"\nmsgstr "Один визит"\n')
    template = _catalog('msgid ""\nmsgstr ""\n\nmsgctxt "a"\nmsgid "%d visit"\nmsgid_plural "%d visits"\nmsgstr[0] ""\nmsgstr[1] ""\n')
    (entry,) = merge(catalog, template)
    assert entry.msgstr == ("Один визит", "", "")
    assert entry.fuzzy and entry.previous_msgid == "One visit"
    assert count_translations(merge(catalog, template)) == 1


def test_merge_a_message_that_became_singular_keeps_its_first_form() -> None:
    from trigger_content.catalogs import merge

    catalog = _catalog(
        RU_HEADER
        + 'msgctxt "a"\nmsgid "%d visit"\nmsgid_plural "%d visits"\nmsgstr[0] "%d визит"\nmsgstr[1] "%d визита"\nmsgstr[2] "%d визитов"\n'
    )
    template = _catalog('msgid ""\nmsgstr ""\n\nmsgctxt "a"\nmsgid "Visits"\nmsgstr ""\n')
    (entry,) = merge(catalog, template)
    assert entry.msgstr == ("%d визит",) and entry.msgid_plural is None and entry.fuzzy


def test_merge_without_contexts_revives_obsolete_and_adds_plural_forms_of_the_language() -> None:
    from trigger_content.catalogs import merge

    catalog = _catalog(RU_HEADER + '#~ msgid "Back"\n#~ msgstr "Снова"\n\nmsgid "Gone"\nmsgstr "Ушло"\n')
    template = _catalog(
        'msgid ""\nmsgstr ""\n\nmsgid "Back"\nmsgstr ""\n\nmsgid "%d day"\nmsgid_plural "%d days"\nmsgstr[0] ""\nmsgstr[1] ""\n'
    )
    merged = merge(catalog, template)
    back, days, gone = merged
    assert (back.msgstr, back.obsolete) == (("Снова",), False)
    assert days.msgstr == ("", "", "")
    assert (gone.msgid, gone.obsolete, gone.msgstr) == ("Gone", True, ("Ушло",))


def test_the_reader_refuses_what_polib_would_silently_change(tmp_path: Path) -> None:
    from trigger_content.errors import TriggerContentError
    from trigger_content.po import read_po

    broken = tmp_path / "broken.po"
    broken.write_text('msgid "Deep"\nmsgstr "Profond\n', encoding="utf-8")
    assert polib.pofile(str(broken))[0].msgstr == "Profon"  # the last character lost, without a word
    with pytest.raises(TriggerContentError, match=r"broken\.po:2:8: unterminated string"):
        read_po(broken)


@pytest.mark.parametrize(
    "path", sorted((DATA / "catalogs").glob("*.po")) + sorted((ROOT / "locales").rglob("*.po")), ids=lambda path: path.name
)
def test_translations_equal_those_polib_reads(path: Path) -> None:
    """polib, an independent reader, finds the same usable translations in the well-formed catalogs."""
    from trigger_content.translations import read_translations

    expected = {
        (entry.msgctxt or "", entry.msgid): entry.msgstr
        for entry in polib.pofile(str(path))
        if entry.translated() and not entry.msgid_plural
    }
    assert read_translations(path) == expected
