"""Translation memory: update fills new texts from the translations a project has, and from compendia."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from trigger_content.cli import main
from trigger_content.po import read_po

NEW_PAGE = """\
id = "exercise"
title = "Exercise after an injection"

[[blocks]]
kind = "paragraph"
id = "where"
text = "Injections are given in the doctor’s office."

[[blocks]]
kind = "paragraph"
id = "where-reworded"
text = "Injections are given in the doctor’s clinic."

[[blocks]]
kind = "paragraph"
id = "news"
text = "Keep moving gently for a day."
"""

COMPENDIUM = """\
msgid ""
msgstr ""
"Language: {locale}\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Keep moving gently for a day."
msgstr "{text}"
"""


@pytest.fixture
def project(merged_project: Path) -> Path:
    (merged_project / "content" / "exercise.toml").write_text(NEW_PAGE, encoding="utf-8")
    assert main(["extract"]) == 0
    return merged_project


def french(context: str) -> object:
    (entry,) = [entry for entry in read_po("locales/fr/LC_MESSAGES/trigger_content.po").entries if entry.msgctxt == context]
    return entry


def test_the_same_english_on_another_page_comes_in_fuzzy_from_where_it_was(project: Path) -> None:
    catalog = Path("locales/fr/LC_MESSAGES/trigger_content.po")
    before = catalog.read_bytes()
    assert main(["update"]) == 0
    entry = french("exercise.where")
    assert entry.msgstr == ("Les injections sont réalisées au cabinet du médecin.",)
    assert entry.fuzzy and entry.previous_msgctxt == "trigger-point-injections.getting.where"
    # Similar English: its translation, fuzzy, with the English it translated.
    similar = french("exercise.where-reworded")
    assert similar.fuzzy and similar.msgstr == entry.msgstr and similar.previous_msgid == "Injections are given in the doctor’s office."
    assert french("exercise.news").msgstr == ("",)
    capsys_free = [line for line in Path("locales/fr/LC_MESSAGES/trigger_content.po").read_text(encoding="utf-8").splitlines() if line]
    assert capsys_free  # the file is written
    from trigger_content.checks import check_catalog

    (finding,) = [f for f in check_catalog(read_po("locales/fr/LC_MESSAGES/trigger_content.po")) if f.msgctxt == "exercise.where"]
    assert finding.message == (
        "fuzzy: its translation comes from the same English at trigger-point-injections.getting.where; "
        "review the translation and remove the fuzzy flag"
    )
    # As msgmerge --previous fills them: the same file, byte for byte.
    if shutil.which("msgmerge"):
        Path("before.po").write_bytes(before)
        merged = subprocess.run(
            ["msgmerge", "--quiet", "--previous", "--output-file=-", "before.po", "locales/trigger_content.pot"],
            capture_output=True,
            check=True,
        ).stdout
        assert merged == catalog.read_bytes()


def test_a_project_may_take_the_same_english_as_translated(project: Path) -> None:
    with open("pyproject.toml", "a", encoding="utf-8") as file:
        file.write('\n[tool.trigger-content.update]\nexact-matches = "translated"\n')
    assert main(["update"]) == 0
    entry = french("exercise.where")
    assert not entry.fuzzy and entry.previous_msgctxt is None and entry.msgstr == ("Les injections sont réalisées au cabinet du médecin.",)
    assert french("exercise.where-reworded").fuzzy  # similar is never taken as it is


def test_a_compendium_fills_the_catalogs_of_its_language(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path("fr.po").write_text(COMPENDIUM.format(locale="fr", text="Continuez à bouger doucement pendant une journée."), encoding="utf-8")
    Path("de.po").write_text(COMPENDIUM.format(locale="de", text="Bewegen Sie sich einen Tag lang sanft."), encoding="utf-8")
    assert main(["update", "--compendium", "fr.po", "--compendium", "de.po"]) == 0
    news = french("exercise.news")
    assert news.msgstr == ("Continuez à bouger doucement pendant une journée.",) and news.fuzzy
    (german,) = [e for e in read_po("locales/de/LC_MESSAGES/trigger_content.po").entries if e.msgctxt == "exercise.news"]
    assert german.msgstr == ("Bewegen Sie sich einen Tag lang sanft.",)
    (italian,) = [e for e in read_po("locales/it/LC_MESSAGES/trigger_content.po").entries if e.msgctxt == "exercise.news"]
    assert italian.msgstr == ("",)  # no compendium in Italian
    # Named in the settings, for every update.
    with open("pyproject.toml", "a", encoding="utf-8") as file:
        file.write('\n[tool.trigger-content.update]\ncompendium = ["fr.po"]\n')
    assert main(["update", "--check"]) == 0


@pytest.mark.parametrize(
    ("arguments", "setting", "message"),
    [
        (["--compendium", "missing.po"], "", "missing.po: no such compendium"),
        (["--compendium", "nolang.po"], "", "nolang.po: a compendium's header names its Language"),
        ([], 'exact-matches = "always"', "exact-matches must be one of fuzzy, translated, not 'always'"),
        ([], "compendia = []", "unknown setting 'compendia'"),
    ],
)
def test_a_compendium_or_a_setting_that_cannot_serve_is_refused(  # type: ignore[no-untyped-def]
    project: Path, capsys, arguments: list[str], setting: str, message: str
) -> None:
    Path("nolang.po").write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n', encoding="utf-8")
    if setting:
        with open("pyproject.toml", "a", encoding="utf-8") as file:
            file.write(f"\n[tool.trigger-content.update]\n{setting}\n")
    before = Path("locales/fr/LC_MESSAGES/trigger_content.po").read_bytes()
    assert main(["update", *arguments]) == 2
    assert message in capsys.readouterr().err
    assert Path("locales/fr/LC_MESSAGES/trigger_content.po").read_bytes() == before
