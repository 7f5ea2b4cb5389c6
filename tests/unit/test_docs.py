"""The documentation says what the code does: its links lead somewhere, its examples run, its tables are complete."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

import trigger_content as tc

from conftest import ROOT

DOCS = sorted((ROOT / "docs").glob("*.md"))


@pytest.mark.parametrize("path", [ROOT / "README.md", *DOCS], ids=lambda path: path.name)
def test_every_link_to_a_file_of_the_project_leads_to_one(path: Path) -> None:
    prose = re.sub(r"```.*?```|`[^`]*`", "", path.read_text(encoding="utf-8"), flags=re.S)  # examples are not links
    for target in re.findall(r"\]\(([^)#:]+)\)", prose):
        assert (path.parent / target).exists(), target


def test_the_readme_stays_for_users() -> None:
    assert len((ROOT / "README.md").read_text(encoding="utf-8").splitlines()) <= 220


def test_the_page_example_of_the_docs_loads(tmp_path: Path) -> None:
    docs = (ROOT / "docs" / "content.md").read_text(encoding="utf-8")
    example = re.search(r"```toml\n(id = .*?)```", docs, re.S)
    assert example is not None
    (tmp_path / "page.toml").write_text(example.group(1), encoding="utf-8")
    page = tc.load_page(tmp_path / "page.toml")
    assert (page.id, page.sections[0].id) == ("trigger-point-injections", "getting")


def test_the_site_example_of_the_docs_loads(tmp_path) -> None:
    docs = (ROOT / "docs" / "content.md").read_text(encoding="utf-8")
    start = docs.index("```toml", docs.index("And `site.toml`:")) + len("```toml")
    (tmp_path / "site.toml").write_text(docs[start : docs.index("```", start)], encoding="utf-8")
    site = tc.load_site(tmp_path / "site.toml")
    assert site.locales == ("fr", "de", "it", "pt", "ru") and site.links["covid-updates"].url == "https://example.org/covid-19"


def test_the_table_of_checks_is_the_registrys() -> None:
    """docs/checks.md shows every check as the registry describes it (``python scripts/docs.py`` writes the table)."""
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "docs.py"), "--check"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    from trigger_content.checks import CHECKS

    table = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    assert sorted(re.findall(r"^\| `([a-z-]+)` \| (?:error|warning|note) \|", table, re.M)) == sorted(CHECKS)


def _blocks(language: str) -> list[tuple[str, str]]:
    """Each fenced block of ``language`` in README.md and docs/, with the file's name."""
    return [
        (path.name, body)
        for path in [ROOT / "README.md", *DOCS]
        for body in re.findall(rf"```{language}\n(.*?)```", path.read_text(encoding="utf-8"), re.S)
    ]


def _commands() -> list[tuple[str, list[str]]]:
    found = []
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    lines = [(name, line) for name, body in _blocks("sh") for line in body.splitlines()]
    lines += [(name, line) for name, body in _blocks("yaml") for line in body.splitlines() if "run:" in line]
    lines += [(".pre-commit-hooks.yaml", line) for line in hooks.splitlines() if line.strip().startswith("entry:")]
    for name, line in lines:
        for part in line.split(" #")[0].split("&&"):
            if "trigger-content " not in part:
                continue
            words = shlex.split(part.split(" | ")[0].split(" >")[0])
            starts = [index for index, word in enumerate(words) if word.endswith("trigger-content")]
            if starts:
                found.append((name, words[starts[0] + 1 :]))
    return found


@pytest.mark.parametrize(("name", "argv"), _commands(), ids=lambda value: " ".join(value) if isinstance(value, list) else value)
def test_every_command_of_the_docs_is_one_the_command_takes(name: str, argv: list[str]) -> None:
    from trigger_content.cli import _parser

    _parser(argv).parse_args(argv)  # an unknown command, option or value exits


@pytest.mark.parametrize(("name", "body"), [block for block in _blocks("toml") if "[tool.trigger-content" in block[1]])
def test_every_settings_example_of_the_docs_is_read(name: str, body: str, tmp_path: Path) -> None:
    from trigger_content.checks import load_policy
    from trigger_content.publish import load_publish_policy

    (tmp_path / "pyproject.toml").write_text(body, encoding="utf-8")
    project = tc.find_project(tmp_path)
    assert project.root == tmp_path
    load_policy(project.check, ROOT, source=project.pyproject)  # the glossary named is this project's
    load_publish_policy(project.publish, project.pyproject)
