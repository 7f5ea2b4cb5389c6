"""Checks of the English for patients, the policy's acceptances, and reading levels in every language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from trigger_content.cli import main
from trigger_content.readability import FORMULAS, reading, sentences, syllables, words

from conftest import copy_project

PAGE = """\
id = "flu"
title = "Flu vaccine"

[links.clinics]
url = "https://example.org/clinics"

[links.unused]
url = "https://example.org/old"

[[blocks]]
kind = "paragraph"
id = "intro"
text = "Everyone 6 months and older should get a flu vaccine every year, and the vaccine is given at every clinic of the county health department without an appointment."

[[sections]]
id = "where"
heading = "Where to get it"

[[sections.blocks]]
kind = "paragraph"
id = "lead"
text = "You can get it at:"

[[sections.blocks]]
kind = "paragraph"
id = "clinics"
text = "The [county clinics](clinics)."

[[sections]]
id = "more"
heading = "More information"
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = copy_project(tmp_path, monkeypatch, locales=False)
    (folder / "content" / "flu.toml").write_text(PAGE, encoding="utf-8")
    site = folder / "content" / "site.toml"  # English alone: no catalog is missing
    site.write_text(site.read_text(encoding="utf-8").replace('locales = ["fr", "de", "it", "pt", "ru"]', "locales = []"), encoding="utf-8")
    with open(folder / "pyproject.toml", "a", encoding="utf-8") as file:
        file.write("\n[tool.trigger-content.check]\nmax-sentence-words = 25\nmax-reading-grade = 8\n")
    assert main(["extract"]) == 0
    return folder


def findings(capsys: pytest.CaptureFixture[str], *options: str) -> tuple[int, list[dict[str, object]]]:
    capsys.readouterr()
    status = main(["check", "--format", "json", *options])
    return status, [item for item in json.loads(capsys.readouterr().out)["findings"] if item["path"].endswith("flu.toml")]


def test_the_english_is_checked_for_patients_at_its_lines(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, found = findings(capsys)
    assert status == 0  # warnings: the default policy leaves them to a reviewer
    got = {(item["check"], item["line"], item["msgctxt"]) for item in found}
    assert got == {
        ("unused-link", 7, "flu.links.unused"),
        ("long-sentence", 13, "flu.intro"),
        ("reading-level", 13, "flu.intro"),
        ("lead-in", 22, "flu.where.lead"),
        ("empty-section", 31, "flu.more.heading"),
    }
    messages = {item["check"]: item["message"] for item in found}
    assert messages["long-sentence"] == "a sentence of 28 words (more than 25): “Everyone 6 months and older should…”"
    assert messages["unused-link"] == "the link 'unused' (https://example.org/old) is defined and never used"
    assert messages["reading-level"].startswith("reads at grade ") and messages["reading-level"].endswith(", above the 8 required")
    assert main(["check", "--fail-on", "warning"]) == 1
    assert main(["check", "--fail-on", "warning", "--disable", "unused-link,long-sentence,reading-level,lead-in,empty-section"]) == 0


def test_the_policy_accepts_a_finding_with_its_reason(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with open("pyproject.toml", "a", encoding="utf-8") as file:
        file.write(
            '\n[[tool.trigger-content.check.accept]]\ncheck = "empty-section"\ncontext = "flu.more.heading"\n'
            'reason = "the section is written next month"\n'
            '\n[[tool.trigger-content.check.accept]]\ncheck = "lead-in"\ncontext = "flu.*"\nreason = "kept as the source"\n'
            '\n[[tool.trigger-content.check.accept]]\ncheck = "markup"\ncontext = "flu.*"\nreason = "an acceptance of nothing"\n'
        )
    _, found = findings(capsys, "--fail-on", "warning")
    accepted = {item["check"]: (item["severity"], item["accepted"]) for item in found if item["accepted"]}
    assert accepted == {"empty-section": ("note", "the section is written next month"), "lead-in": ("note", "kept as the source")}
    capsys.readouterr()
    assert main(["check", "--disable", "unused-link,long-sentence,reading-level"]) == 0  # the stale acceptance is a warning
    out = capsys.readouterr().out
    assert (
        "flu.toml:31: note: the heading “More information” has nothing under it [empty-section] (flu.more.heading) accepted: the section is written next month"
        in out
    )
    assert (
        "pyproject.toml:18: warning: " in out
        and "accepts markup at 'flu.*', which matches no finding: remove it from the policy [accept]" in out
    )
    assert main(["check", "--fail-on", "warning", "--disable", "unused-link,long-sentence,reading-level"]) == 1


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("max-sentence-words = -1", "max-sentence-words must be 0 or more, not -1"),
        ("max-reading-grade = 'eight'", "max-reading-grade must be a number"),
        (
            'accept = [{ check = "lead-in", context = "x" }]',
            "pyproject.toml:5: [tool.trigger-content.check]: accept entry 1 needs reason, a string",
        ),
        ('accept = [{ check = "nope", context = "x", reason = "y" }]', "accept entry 1: unknown check 'nope' (checks: "),
    ],
)
def test_a_bad_setting_of_the_english_checks_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, setting: str, message: str
) -> None:  # type: ignore[no-untyped-def]
    copy_project(tmp_path, monkeypatch, locales=False)
    with open("pyproject.toml", "a", encoding="utf-8") as file:
        file.write(f"\n[tool.trigger-content.check]\n{setting}\n")
    assert main(["check"]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_junit_puts_the_english_checks_in_the_project_suite(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--format", "junit", "--fail-on", "warning"]) == 1
    xml = capsys.readouterr().out
    project_suite = xml.split('<testsuite name="project"')[1].split("</testsuite>")[0]
    for name in ("empty-section", "lead-in", "unused-link", "long-sentence", "reading-level"):
        assert f'name="{name}: ' in project_suite
    assert 'type="warning"' in project_suite


# -- reading levels ------------------------------------------------------------------------


def test_sentences_words_and_syllables() -> None:
    assert sentences("Take one. Then wait… Call us? Yes! “Done.” Last") == [
        "Take one.",
        "Then wait…",
        "Call us?",
        "Yes!",
        "“Done.”",
        "Last",
    ]
    assert sentences("See Dr. Smith at 10 a.m. on Monday. Take 2.5 mg, e.g. daily. Call J. Doe.") == [
        "See Dr. Smith at 10 a.m. on Monday.",
        "Take 2.5 mg, e.g. daily.",
        "Call J. Doe.",
    ]
    assert words("Dr. O’Brien’s well-known 2-step plan") == ["Dr", "O’Brien’s", "well-known", "2-step", "plan"]
    assert [syllables(word, "en") for word in ("area", "injections", "physiatrists", "well-known")] == [3, 3, 3, 2]
    assert syllables("обезболивающее", "ru") == 8  # a vowel to a syllable
    assert syllables("Behandlung", "de") == 3 and syllables("fisioterapista", "it") == 6


@pytest.mark.parametrize("language", sorted(FORMULAS))
def test_each_language_reads_by_its_own_formula(language: str) -> None:
    text = "Une phrase courte. Puis une autre phrase, un peu plus longue que la première."
    found = reading(text, language)
    assert found is not None and found.formula == FORMULAS[language][0]
    f = found.figures
    per_sentence, per_word = f.words / f.sentences, f.syllables / f.words
    expected = {
        "en": 0.39 * per_sentence + 11.8 * per_word - 15.59,
        "fr": 207 - 1.015 * per_sentence - 73.6 * per_word,
        "de": 180 - per_sentence - 58.5 * per_word,
        "it": 89 + (300 * f.sentences - 10 * f.letters) / f.words,
        "pt": 248.835 - 1.015 * per_sentence - 84.6 * per_word,
        "ru": 206.835 - 1.3 * per_sentence - 60.1 * per_word,
    }[language]
    assert found.value == round(expected, 1)
    assert reading(text, "es") is None and reading("", "en") is None


def test_readability_gives_each_page_in_each_language(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["readability", "--format", "json"]) == 0
    found = {item["locale"]: item for item in json.loads(capsys.readouterr().out)}
    assert list(found) == ["en", "de", "fr", "it", "pt", "ru"]
    assert {locale: item["formula"] for locale, item in found.items()} == {
        "en": "Flesch–Kincaid grade",
        "de": "Amstad",
        "fr": "Kandel–Moles",
        "it": "Gulpease",
        "pt": "Flesch (Brazilian Portuguese)",
        "ru": "Oborneva",
    }
    assert all(item["texts"] == item["total"] == 27 and 0 < item["value"] < 100 for item in found.values())
    assert main(["review", "--locale", "fr"]) == 0
    page = capsys.readouterr().out
    english, french = found["en"]["value"], found["fr"]["value"]
    assert (
        f"English, Flesch–Kincaid grade {english:.1f} (a US school grade" in page and f"French, Kandel–Moles {french:.1f} (0 to 100" in page
    )
