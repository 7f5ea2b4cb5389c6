"""A .mo compiled by GNU msgfmt or by pybabel from the current .po is current: staleness compares what the files say."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from trigger_content.cli import main

FRENCH = Path("locales") / "fr" / "LC_MESSAGES" / "trigger_content.po"


def _msgfmt(po: Path) -> None:
    subprocess.run(["msgfmt", "-o", str(po.with_suffix(".mo")), str(po)], check=True)


def _pybabel(po: Path) -> None:
    pybabel = Path(sys.executable).with_name("pybabel")
    subprocess.run([str(pybabel), "-q", "compile", "-i", str(po), "-o", str(po.with_suffix(".mo")), "-l", "fr"], check=True)


@pytest.mark.parametrize(
    "compiler",
    [
        pytest.param(_msgfmt, id="msgfmt", marks=pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext is not installed")),
        pytest.param(_pybabel, id="pybabel"),
    ],
)
def test_a_mo_compiled_by_another_tool_from_the_current_po_is_current(
    compiler, merged_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    compiler(FRENCH)
    made = FRENCH.with_suffix(".mo").read_bytes()
    capsys.readouterr()
    assert main(["compile", "--check"]) == 0
    assert main(["render", "--locale", "fr", "-o", "fr.html"]) == 0
    assert "not compiled" not in capsys.readouterr().err
    assert main(["compile"]) == 0
    assert FRENCH.with_suffix(".mo").read_bytes() == made  # left as the other tool wrote it
    # A translation changed since: stale, whoever compiled it.
    FRENCH.write_text(FRENCH.read_text(encoding="utf-8").replace('msgstr "Langues"', 'msgstr "Choix de la langue"'), encoding="utf-8")
    capsys.readouterr()
    assert main(["compile", "--check"]) == 1
    assert "trigger_content.mo: not current with its .po" in capsys.readouterr().err
    assert main(["check"]) == 1  # the default policy fails a .mo that is not current
    out = capsys.readouterr().out
    assert "[stale-mo]" in out and out.endswith("policy failed (the default policy)\n")
