"""The fallback policy: fuzzy never published by default, missing text marked or withheld."""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest

import trigger_content as tc
from trigger_content.cli import main
from trigger_content.publish import PublishPolicy, locale_translations, publish

from conftest import ROOT

FRENCH = ROOT / "locales" / "fr" / "LC_MESSAGES" / "trigger_content.po"


@pytest.fixture
def french(tmp_path: Path) -> Path:
    """A copy of the French catalog: the title fuzzy, the tagline untranslated."""
    catalog = polib.pofile(str(FRENCH))
    catalog.find("Trigger Point Injections", msgctxt="trigger-point-injections.title").flags.append("fuzzy")
    catalog.find("Excellence is just the beginning.", msgctxt="site.tagline").msgstr = ""
    catalog.find("Stretching", msgctxt="trigger-point-injections.should-i.self-care.stretching").msgstr = ""
    path = tmp_path / "fr" / "LC_MESSAGES" / "trigger_content.po"
    path.parent.mkdir(parents=True)
    catalog.save(str(path))
    return path


def test_fuzzy_is_not_published_by_default(page: tc.Page, french: Path) -> None:
    localized, fallbacks = publish(page, locale_translations(french, "fr", PublishPolicy()), PublishPolicy())
    assert localized.title == (tc.SourceText(lang="en", content=page.title),)
    assert {(f.context, f.reason) for f in fallbacks} == {
        ("trigger-point-injections.title", "fuzzy: not reviewed since the English changed"),
        ("site.tagline", "untranslated"),
        ("trigger-point-injections.should-i.self-care.stretching", "untranslated"),
    }


def test_fuzzy_is_published_when_the_policy_says_so(page: tc.Page, french: Path) -> None:
    policy = PublishPolicy(fuzzy=True)
    found = locale_translations(french, "fr", policy)
    assert "1 fuzzy translation published" in found.notes[0]
    localized, fallbacks = publish(page, found, policy)
    assert tc.plain_text(localized.title) == "Injections dans les points gâchettes"
    assert len(fallbacks) == 2


class Spans(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.english: list[str] = []
        self.notes: list[str] = []
        self.stack: list[tuple[str, dict]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.stack.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1][1].get("lang") == "en" and self.stack[-1][0] == "span":
            self.english.append(data)
        if self.stack and self.stack[-1][1].get("class") == "fallback-note":
            self.notes.append(data)


def test_missing_text_is_english_marked_lang_en_with_a_localized_note(page: tc.Page, french: Path) -> None:
    localized, _ = publish(page, locale_translations(french, "fr", PublishPolicy()), PublishPolicy())
    spans = Spans()
    spans.feed(tc.render_html(localized))
    assert spans.english == ["Excellence is just the beginning.", "Trigger Point Injections", "Stretching"]
    assert spans.notes == ["(Pas encore traduit)"] * 3
    text = tc.render_text(localized, width=0)
    assert "  • Stretching (Pas encore traduit)\n" in text


def test_a_section_with_missing_text_can_be_withheld(page: tc.Page, french: Path) -> None:
    policy = PublishPolicy(missing="withhold-section")
    localized, fallbacks = publish(page, locale_translations(french, "fr", policy), policy)
    assert [section.id for section in localized.sections] == ["getting", "types-of-injections", "why-rush"]
    withheld = [f for f in fallbacks if f.reason.startswith("section withheld")]
    assert [(f.context, f.reason) for f in withheld] == [("trigger-point-injections.should-i", "section withheld: 1 text not translated")]


def test_a_locale_below_the_threshold_is_withheld(french: Path) -> None:
    assert (
        locale_translations(french, "fr", PublishPolicy(min_percent=100)).withheld == "90.9% translated, below the 100% required to publish"
    )
    assert locale_translations(french, "fr", PublishPolicy(min_percent=90)).withheld is None


def test_policy_from_pyproject_and_flags(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], french: Path
) -> None:
    shutil.copytree(ROOT / "trigger_content" / "content", tmp_path / "content")
    shutil.copy(ROOT / "locales" / "trigger_content.pot", tmp_path / "fr" / "trigger_content.pot")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.trigger-content]\ncontent = "content"\nlocales = "."\n\n[tool.trigger-content.publish]\nmin-percent = 95\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    assert main(["render", "--locale", "fr"]) == 1
    assert "fr: withheld: 90.9% translated, below the 95% required to publish" in capsys.readouterr().err
    assert main(["render", "--locale", "fr", "--min-percent", "80"]) == 0
    assert "trigger-point-injections.title: fuzzy: not reviewed since the English changed" in capsys.readouterr().err
    assert main(["render", "--locale", "fr", "--min-percent", "80", "--strict"]) == 1
    capsys.readouterr()
    assert main(["render", "--locale", "fr", "--min-percent", "80", "--fuzzy", "--missing", "withhold-section", "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert "Injections dans les points gâchettes\n====" in out and "Stretching" not in out
    (tmp_path / "pyproject.toml").write_text('[tool.trigger-content.publish]\nmissing = "hide"\n', encoding="utf-8")
    assert main(["render"]) == 2
    assert "missing must be one of english, withhold-section" in capsys.readouterr().err


def test_a_fuzzy_flag_beside_another_on_one_line_is_fuzzy(page: tc.Page, tmp_path: Path) -> None:
    """gettext splits flags at commas and white space: "#, fuzzy c-format" is fuzzy, and never published."""
    path = tmp_path / "fr" / "LC_MESSAGES" / "trigger_content.po"
    path.parent.mkdir(parents=True)
    text = FRENCH.read_text(encoding="utf-8")
    title = 'msgctxt "trigger-point-injections.title"\n'
    assert title in text
    path.write_text(text.replace(title, "#, fuzzy c-format\n" + title), encoding="utf-8")
    localized, fallbacks = publish(page, locale_translations(path, "fr", PublishPolicy()), PublishPolicy())
    assert localized.title == (tc.SourceText(lang="en", content=page.title),)
    assert [(f.context, f.reason) for f in fallbacks] == [
        ("trigger-point-injections.title", "fuzzy: not reviewed since the English changed")
    ]
