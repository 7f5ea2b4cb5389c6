"""Shared fixtures: the packaged page, and paths to data files named after their case."""

from __future__ import annotations

from pathlib import Path

import pytest

import trigger_content as tc

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent


#: How many texts the packaged page has for translators (site chrome included).
SEGMENTS = len(list(tc.segments(tc.load_pages()[0])))


@pytest.fixture(scope="session")
def page() -> tc.Page:
    """The Trigger Point Injections page, as the package ships it."""
    (page,) = tc.load_pages()
    return page


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test keeps its results cache to itself, away from the user's."""
    monkeypatch.setenv("TRIGGER_CONTENT_CACHE", str(tmp_path_factory.mktemp("cache")))


def copy_project(folder: Path, monkeypatch: pytest.MonkeyPatch, *, locales: bool = True) -> Path:
    """A copy of this project's content (and catalogs) in ``folder``, with a pyproject naming them, as the current folder."""
    import shutil

    shutil.copytree(ROOT / "trigger_content" / "content", folder / "content")
    if locales:
        shutil.copytree(ROOT / "locales", folder / "locales")
    (folder / "pyproject.toml").write_text('[tool.trigger-content]\ncontent = "content"\n', encoding="utf-8")
    monkeypatch.chdir(folder)
    return folder


@pytest.fixture
def merged_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of this project whose template, catalogs and .mo files are current for the copy's own files."""
    from trigger_content.cli import main

    copy_project(tmp_path, monkeypatch)
    for command in (["extract"], ["update"], ["compile"]):  # references now name the copy's files
        assert main(command) == 0
    return tmp_path
