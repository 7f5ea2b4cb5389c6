"""A translator's work survives every change of the English: the update cycle, end to end."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from trigger_content.catalogs import count_translations
from trigger_content.cli import main
from trigger_content.po import read_po

from conftest import SEGMENTS

DOCUMENT = "content/trigger-point-injections.toml"
CATALOG = "locales/fr/LC_MESSAGES/trigger_content.po"


@pytest.fixture
def project(merged_project: Path) -> Path:
    """A copy of this project's content and catalogs, current, as the current folder."""
    return merged_project


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def update_as_msgmerge(project: Path, *, again: bool = False) -> None:
    """Run ``update``; each catalog is then what ``msgmerge --previous`` makes of it as it was (and, with ``again``, of ours)."""
    catalogs = sorted((project / "locales").glob("*/LC_MESSAGES/trigger_content.po"))
    before = {path: path.read_bytes() for path in catalogs}
    assert main(["update"]) == 0
    template = project / "locales" / "trigger_content.pot"
    for path in catalogs:
        original = path.with_suffix(".before.po")
        original.write_bytes(before[path])
        for merged_from in (original, path) if again else (original,):
            merged = subprocess.run(
                ["msgmerge", "--quiet", "--previous", "--output-file=-", str(merged_from), str(template)], capture_output=True, check=True
            ).stdout
            assert merged == path.read_bytes(), (path, merged_from)


def test_reword_remove_and_add_keep_every_translation(project: Path) -> None:
    catalog_path = project / CATALOG
    # A translator's notes that must survive: a comment, a flag, a header field.
    catalog = polib.pofile(str(catalog_path))
    catalog.metadata["X-Reviewed-By"] = "medical review board"
    title = catalog.find("Trigger Point Injections", msgctxt="trigger-point-injections.title")
    title.tcomment = "Checked against the leaflet of 2024."
    where = catalog.find("Injections are given in the doctor’s office.", msgctxt="trigger-point-injections.getting.where")
    where.flags.append("no-wrap")
    catalog.save()
    assert main(["update"]) == 0
    before = catalog_path.read_bytes()
    translated_before = count_translations(read_po(catalog_path))
    order_before = [entry.msgctxt for entry in polib.pofile(str(catalog_path))]

    document = project / DOCUMENT
    edit(document, 'title = "Trigger Point Injections"', 'title = "Trigger point injections"')
    edit(document, '[[sections.blocks]]\nkind = "paragraph"\nid = "where"\ntext = "Injections are given in the doctor’s office."\n', "")
    edit(
        document,
        'id = "why-rush"\nheading = "Why choose Rush for trigger point injections"\n',
        'id = "why-rush"\nheading = "Why choose Rush for trigger point injections"\n\n'
        '[[sections.blocks]]\nkind = "paragraph"\nid = "experience"\ntext = "Our specialists treat many patients each year."\n',
    )
    assert main(["extract"]) == 0
    assert main(["update", "--check"]) == 1
    assert catalog_path.read_bytes() == before  # --check wrote nothing
    assert main(["update"]) == 0
    after = polib.pofile(str(catalog_path))

    reworded = after.find("Trigger point injections", msgctxt="trigger-point-injections.title")
    assert reworded.msgstr == "Injections dans les points gâchettes"
    assert reworded.fuzzy and reworded.previous_msgid == "Trigger Point Injections"
    assert reworded.tcomment == "Checked against the leaflet of 2024."

    (gone,) = after.obsolete_entries()
    assert (gone.msgctxt, gone.msgstr) == ("trigger-point-injections.getting.where", "Les injections sont réalisées au cabinet du médecin.")
    assert "no-wrap" in gone.flags
    assert (gone.comment, gone.occurrences) == ("", [])  # as msgmerge drops them: they described the source

    added = after.find("Our specialists treat many patients each year.", msgctxt="trigger-point-injections.why-rush.experience")
    assert added.msgstr == "" and not added.fuzzy
    assert added.comment.startswith("Page “Trigger point injections”, section “Why choose Rush")

    assert after.metadata["X-Reviewed-By"] == "medical review board"
    assert count_translations(read_po(catalog_path)) == translated_before
    active_after = [entry.msgctxt for entry in after if not entry.obsolete]
    assert [c for c in active_after if c in order_before] == [c for c in order_before if c in active_after]
    text = catalog_path.read_text(encoding="utf-8")
    assert '#| msgid "Trigger Point Injections"\n' in text
    assert '#~ msgctxt "trigger-point-injections.getting.where"\n' in text

    snapshot = {path: path.read_bytes() for path in (project / "locales").rglob("*.po")}
    assert main(["update"]) == 0
    assert {path: path.read_bytes() for path in snapshot} == snapshot  # nothing changed: no byte moves
    assert main(["update", "--check"]) == 0


@pytest.mark.skipif(shutil.which("msgmerge") is None, reason="GNU gettext's msgmerge is not installed")
def test_gnu_msgmerge_changes_nothing_after_an_update(project: Path) -> None:
    document = project / DOCUMENT
    edit(document, 'title = "Trigger Point Injections"', 'title = "Trigger point injections"')  # a fuzzy entry
    edit(
        document, '[[sections.blocks]]\nkind = "paragraph"\nid = "where"\ntext = "Injections are given in the doctor’s office."\n', ""
    )  # an obsolete one
    assert main(["extract"]) == 0
    update_as_msgmerge(project, again=True)  # GNU gettext's merge of the catalog as it was, and of ours


def test_a_block_moved_to_another_section_keeps_its_translation(project: Path) -> None:
    document = project / DOCUMENT
    edit(document, '[[sections.blocks]]\nkind = "paragraph"\nid = "where"\ntext = "Injections are given in the doctor’s office."\n', "")
    edit(
        document,
        'id = "why-rush"\nheading = "Why choose Rush for trigger point injections"\n',
        'id = "why-rush"\nheading = "Why choose Rush for trigger point injections"\n\n'
        '[[sections.blocks]]\nkind = "paragraph"\nid = "where"\ntext = "Injections are given in the doctor’s office."\n',
    )
    assert main(["extract"]) == 0
    assert main(["update"]) == 0
    after = polib.pofile(str(project / CATALOG))
    moved = after.find("Injections are given in the doctor’s office.", msgctxt="trigger-point-injections.why-rush.where")
    assert moved.msgstr == "Les injections sont réalisées au cabinet du médecin."
    assert moved.fuzzy and moved.previous_msgctxt == "trigger-point-injections.getting.where"
    assert after.obsolete_entries() == []


def test_a_malformed_catalog_stops_update_and_nothing_is_written(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(project / DOCUMENT, 'title = "Trigger Point Injections"', 'title = "Trigger point injections"')
    assert main(["extract"]) == 0
    broken = project / "locales" / "ru" / "LC_MESSAGES" / "trigger_content.po"
    broken.write_text(broken.read_text(encoding="utf-8").replace('msgstr "Языки"', 'msgstrr "Языки"'), encoding="utf-8")
    snapshot = {path: path.read_bytes() for path in (project / "locales").rglob("*.po")}
    capsys.readouterr()
    assert main(["update"]) == 2
    error = capsys.readouterr().err.strip().splitlines()
    # Named as the user would type it, from the project's folder.
    assert len(error) == 1 and error[0].startswith("locales/ru/LC_MESSAGES/trigger_content.po:47: unknown keyword 'msgstrr'")
    assert {path: path.read_bytes() for path in snapshot} == snapshot


def test_init_creates_a_catalog_and_refuses_to_overwrite(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", "es"]) == 0
    created = project / "locales" / "es" / "LC_MESSAGES" / "trigger_content.po"
    catalog = polib.pofile(str(created))
    assert catalog.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    assert catalog.metadata["Language-Team"] == "Spanish"
    assert len(catalog.untranslated_entries()) == SEGMENTS
    assert main(["init", "es"]) == 2
    assert "catalog exists already" in capsys.readouterr().err
    with pytest.raises(SystemExit) as refused:
        main(["init", "xx-nonsense"])  # a usage error: not a locale code
    assert refused.value.code == 2 and "not a gettext locale code" in capsys.readouterr().err
    assert main(["init", "qq"]) == 2  # a code, but no language
    assert "unknown locale 'qq'" in capsys.readouterr().err


def test_render_reads_the_po_and_says_when_the_mo_is_not_current(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compile", "--check"]) == 0
    capsys.readouterr()
    catalog = project / CATALOG
    edit(catalog, 'msgstr "Langues"', 'msgstr "Choix de la langue"')
    assert main(["compile", "--check"]) == 1
    assert main(["render", "--locale", "fr"]) == 0
    captured = capsys.readouterr()
    assert 'aria-label="Choix de la langue"' in captured.out
    assert (
        "trigger_content.mo: not compiled from the current trigger_content.po, so gettext in an application shows older texts"
        in captured.err
    )
    assert captured.err.rstrip().endswith("run `trigger-content compile`")
    assert main(["compile"]) == 0
    capsys.readouterr()
    assert main(["render", "--locale", "fr"]) == 0
    captured = capsys.readouterr()
    assert 'aria-label="Choix de la langue"' in captured.out and captured.err == ""


@pytest.mark.parametrize("code", ["es_419", "sr@latin", "zh_Hant"])
def test_init_accepts_every_shape_of_gettext_locale_code(project: Path, code: str) -> None:
    assert main(["init", code]) == 0
    assert (project / "locales" / code / "LC_MESSAGES" / "trigger_content.po").is_file()


def test_init_refuses_a_posix_locale_name(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as refused:
        main(["init", "en_US.UTF-8"])
    assert refused.value.code == 2 and "is not a gettext locale code" in capsys.readouterr().err
    assert not (project / "locales" / "en_US.UTF-8").exists()


def test_a_locale_named_twice_is_merged_and_compiled_once(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["update", "fr", "fr"]) == 0
    assert main(["compile", "fr", "fr"]) == 0
    assert [line.split(": ")[0] for line in capsys.readouterr().err.splitlines()] == [CATALOG, CATALOG.replace(".po", ".mo")]


# -- catalogs as other tools write them: read right, never corrupted --------------------------


def test_a_comment_that_names_another_charset_changes_nothing(project: Path) -> None:
    """The charset is the header's: a UTF-8 catalog whose comment says ISO-8859-1 is merged as UTF-8, byte for byte."""
    catalog_path = project / CATALOG
    catalog_path.write_bytes(b"# Saved once as charset=ISO-8859-1.\n" + catalog_path.read_bytes())
    before = catalog_path.read_bytes()
    assert main(["update", "--check"]) == 0
    assert main(["update"]) == 0
    assert catalog_path.read_bytes() == before
    assert "Injections dans les points gâchettes" in catalog_path.read_text(encoding="utf-8")


@pytest.mark.skipif(shutil.which("msgcat") is None, reason="GNU gettext's msgcat is not installed")
def test_a_latin1_catalog_whose_comment_says_utf8_is_written_back_in_latin1() -> None:
    from trigger_content.po import catalog_bytes

    from conftest import DATA

    path = DATA / "valid" / "latin1_file_whose_comment_says_utf8.po"
    written = catalog_bytes(read_po(path))
    assert written == subprocess.run(["msgcat", str(path)], capture_output=True, check=True).stdout
    assert "Étirements".encode("latin-1") in written


@pytest.mark.skipif(shutil.which("msgcat") is None, reason="GNU gettext's msgcat is not installed")
def test_octal_escapes_are_read_as_the_characters_they_encode_and_written_as_msgcat_writes_them(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``msgcat --escape`` writes é as \\303\\251: update writes the characters back, and the page shows them."""
    catalog_path = project / CATALOG
    escaped = subprocess.run(["msgcat", "--escape", str(catalog_path)], capture_output=True, check=True).stdout
    assert b"\\303\\242" in escaped and "â".encode() not in escaped
    expected = subprocess.run(["msgcat", "-"], input=escaped, capture_output=True, check=True).stdout
    catalog_path.write_bytes(escaped)
    assert main(["update"]) == 0
    assert catalog_path.read_bytes() == expected
    assert "gâchettes" in catalog_path.read_text(encoding="utf-8")
    catalog_path.write_bytes(escaped)
    capsys.readouterr()
    assert main(["render", "--locale", "fr"]) == 0
    assert "Injections dans les points gâchettes" in capsys.readouterr().out


@pytest.mark.skipif(shutil.which("msgmerge") is None, reason="GNU gettext's msgmerge is not installed")
def test_the_bug_address_of_the_settings_reaches_every_catalog_as_msgmerge_carries_it(project: Path) -> None:
    """``report-msgid-bugs-to`` goes into the template; update carries it into each catalog as msgmerge does, even one without the field."""
    pyproject = project / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text(encoding="utf-8") + 'report-msgid-bugs-to = "https://example.org/translations/issues"\n', encoding="utf-8"
    )
    french = project / CATALOG
    edit(french, '"Report-Msgid-Bugs-To: \\n"\n', "")
    assert main(["extract"]) == 0
    template = project / "locales" / "trigger_content.pot"
    assert '"Report-Msgid-Bugs-To: https://example.org/translations/issues\\n"' in template.read_text(encoding="utf-8")
    update_as_msgmerge(project)


def test_init_names_the_language_team_of_the_settings(project: Path) -> None:
    pyproject = project / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")
    pyproject.write_text(text + '\n[tool.trigger-content.language-team]\nes = "Equipo de traducción <es@example.org>"\n', encoding="utf-8")
    assert main(["init", "es"]) == 0
    header = (project / "locales" / "es" / "LC_MESSAGES" / "trigger_content.po").read_text(encoding="utf-8")
    assert '"Language-Team: Equipo de traducción <es@example.org>\\n"' in header
    assert main(["init", "it", "--force"]) == 0  # a locale the table does not name: its English name
    assert '"Language-Team: Italian\\n"' in (project / "locales" / "it" / "LC_MESSAGES" / "trigger_content.po").read_text(encoding="utf-8")


@pytest.mark.skipif(shutil.which("msgmerge") is None, reason="GNU gettext's msgmerge is not installed")
@pytest.mark.parametrize(
    "change",
    [
        "moved and reworded",  # a paragraph moved to another section and reworded: fuzzy, with its old place and English
        "moved and reworded beyond recognition",  # too unlike: untranslated, the old one obsolete
        "moved onto an obsolete text",  # the most similar English is an obsolete entry's
    ],
)
def test_a_text_moved_and_reworded_is_merged_as_msgmerge_merges_it(project: Path, change: str) -> None:
    """Byte for byte what ``msgmerge --previous`` writes from the same catalog and template."""
    document = project / DOCUMENT
    where = '[[sections.blocks]]\nkind = "paragraph"\nid = "where"\ntext = "Injections are given in the doctor’s office."\n'
    edit(document, where, "")
    reworded = {
        "moved and reworded": "Injections are usually given in the doctor’s office.",
        "moved and reworded beyond recognition": "Most visits take about half an hour.",
        "moved onto an obsolete text": "Injections are given in the doctor’s own office.",
    }[change]
    text = document.read_text(encoding="utf-8")
    anchor = text.index('[[sections]]\nid = "should-i"')
    document.write_text(
        text[:anchor]
        + f'[[sections]]\nid = "visit"\nheading = "Your visit"\n\n[[sections.blocks]]\nkind = "paragraph"\nid = "office"\ntext = "{reworded}"\n\n'
        + text[anchor:],
        encoding="utf-8",
    )
    if change == "moved onto an obsolete text":
        french = project / CATALOG
        french.write_text(
            french.read_text(encoding="utf-8")
            + '\n#~ msgctxt "old.place"\n#~ msgid "Injections are given in the doctor’s own office!"\n#~ msgstr "Ancienne traduction."\n',
            encoding="utf-8",
        )
    assert main(["extract"]) == 0
    update_as_msgmerge(project)
    french = (project / CATALOG).read_text(encoding="utf-8")
    if change == "moved and reworded beyond recognition":
        assert '#~ msgctxt "trigger-point-injections.getting.where"' in french
    else:
        assert "#, fuzzy\n#| msgctxt " in french and 'msgctxt "trigger-point-injections.visit.office"' in french


def test_a_new_text_like_one_that_stays_takes_its_translation_fuzzy(project: Path) -> None:
    """A fuzzy match copies a translation from a text still in the template: one more translation, none lost."""
    document = project / DOCUMENT
    text = document.read_text(encoding="utf-8")
    anchor = text.index('[[sections]]\nid = "should-i"')
    new_block = (
        '[[sections.blocks]]\nkind = "paragraph"\nid = "where-else"\ntext = "Injections are given in the doctor’s office or clinic."\n\n'
    )
    document.write_text(text[:anchor] + new_block + text[anchor:], encoding="utf-8")
    assert main(["extract"]) == 0
    assert main(["update"]) == 0
    french = (project / CATALOG).read_text(encoding="utf-8")
    assert '#| msgid "Injections are given in the doctor’s office."\nmsgctxt "trigger-point-injections.getting.where-else"' in french
