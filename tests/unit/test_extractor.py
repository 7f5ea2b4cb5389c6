"""pybabel extract, through the package's Babel extractor, gives the template's messages."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import polib
import pytest
from babel.messages.extract import extract_from_dir

from conftest import ROOT

CONTENT = ROOT / "trigger_content" / "content"


def template_messages() -> list[tuple[str, str, str]]:
    return [(e.msgctxt, e.msgid, e.comment) for e in polib.pofile(str(ROOT / "locales" / "trigger_content.pot"))]


def test_babel_api_extracts_the_same_messages_and_comments() -> None:
    found = extract_from_dir(str(CONTENT), method_map=[("**.toml", "trigger_content.extractor:extract")])
    messages = sorted((context, message, "\n".join(comments)) for _, _, message, comments, context in found)
    assert messages == sorted(template_messages())


def test_references_point_at_the_defining_line() -> None:
    found = {
        context: (name, line)
        for name, line, _, _, context in extract_from_dir(str(CONTENT), method_map=[("**.toml", "trigger_content.extractor:extract")])
    }
    name, line = found["trigger-point-injections.getting.heading"]
    lines = (CONTENT / name).read_text(encoding="utf-8").splitlines()
    assert lines[line - 1] == 'heading = "Getting a trigger point injection"'
    assert (CONTENT / found["site.tagline"][0]).name == "site.toml"


@pytest.mark.skipif(
    not any(ep.name == "trigger_content" for ep in entry_points(group="babel.extractors")),
    reason="the package is not installed, so its Babel entry point is not registered",
)
def test_pybabel_command_with_a_mapping_file(tmp_path: Path) -> None:
    (tmp_path / "babel.cfg").write_text("[trigger_content: **.toml]\n", encoding="utf-8")
    output = tmp_path / "messages.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", str(tmp_path / "babel.cfg"), "-o", str(output), str(CONTENT)],
        check=True,
        capture_output=True,
    )
    extracted = {(e.msgctxt, e.msgid) for e in polib.pofile(str(output))}
    assert extracted == {(context, message) for context, message, _ in template_messages()}


def test_a_self_contained_page_yields_its_own_site_texts(tmp_path: Path) -> None:
    import shutil

    shutil.copy(ROOT / "tests" / "data" / "source" / "self_contained.toml", tmp_path / "page.toml")
    found = extract_from_dir(str(tmp_path), method_map=[("**.toml", "trigger_content.extractor:extract")])
    assert [context for *_, context in found] == [
        "site.notice",
        "site.tagline",
        "site.switcher-label",
        "site.fallback-note",
        "site.reviewed-label",
        "site.approved-label",
        "self-contained.title",
        "self-contained.intro",
    ]


def test_the_babel_references_are_the_templates() -> None:
    """The lines pybabel writes are those of ``trigger-content extract`` (the file's first for a text left to its default)."""
    babel = {
        context: f"{name}:{line}"
        for name, line, _, _, context in extract_from_dir(str(CONTENT), method_map=[("**.toml", "trigger_content.extractor:extract")])
    }
    for entry in polib.pofile(str(ROOT / "locales" / "trigger_content.pot")):
        ((path, line),) = entry.occurrences
        assert babel[entry.msgctxt] == f"{Path(path).name}:{line or 1}", entry.msgctxt


def test_without_the_pgettext_keyword_babel_is_told_what_to_add() -> None:
    with pytest.raises(ValueError, match=r"add -k pgettext:1c,2"):
        list(extract_from_dir(str(CONTENT), method_map=[("**.toml", "trigger_content.extractor:extract")], keywords={"gettext": None}))
