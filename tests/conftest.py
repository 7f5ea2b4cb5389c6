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
