"""The template: every segment once, stable bytes, accepted by GNU gettext."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest

import trigger_content as tc
from conftest import ROOT

TEMPLATE = ROOT / "locales" / "trigger_content.pot"
needs_gettext = pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext (msgfmt, msgcat) is not installed")


def test_template_has_one_entry_per_segment_with_context_and_comment(page: tc.Page) -> None:
    template = tc.build_template([page, page], references={"site": "site.toml", page.id: "page.toml"})
    assert [(e.msgctxt, e.msgid) for e in template] == [(s.context, s.text) for s in tc.segments(page)]
    title = template.find("Trigger Point Injections", msgctxt="trigger-point-injections.title")
    assert title.comment == "Page “Trigger Point Injections”: page title."
    assert title.occurrences == [("page.toml", "")]
    assert template.metadata["Content-Type"] == "text/plain; charset=UTF-8"


def test_site_chrome_is_extracted_once_for_many_pages(page: tc.Page) -> None:
    other = page.model_copy(update={"id": "other-page"})
    contexts = [entry.msgctxt for entry in tc.build_template([page, other])]
    assert contexts.count("site.notice") == 1
    assert "other-page.title" in contexts


def test_committed_template_is_current(page: tc.Page, tmp_path: Path) -> None:
    copy = tmp_path / "trigger_content.pot"
    shutil.copy(TEMPLATE, copy)
    references = {"site": "trigger_content/content/site.toml", page.id: "trigger_content/content/trigger-point-injections.toml"}
    assert tc.write_template([page], copy, references=references) is False
    assert copy.read_bytes() == TEMPLATE.read_bytes()


@needs_gettext
def test_template_is_what_msgcat_writes_and_msgfmt_accepts() -> None:
    written = subprocess.run(["msgcat", str(TEMPLATE)], capture_output=True, check=True).stdout
    assert written == TEMPLATE.read_bytes()
    checked = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(TEMPLATE)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr


def test_template_reads_back_with_polib() -> None:
    entries = polib.pofile(str(TEMPLATE))
    assert len(entries) == 30 and not entries.obsolete_entries()
    assert entries.metadata_is_fuzzy
