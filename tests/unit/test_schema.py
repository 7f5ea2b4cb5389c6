"""The JSON Schema and the loader agree: what the schema accepts loads, what the loader refuses the schema refuses where a schema can say it."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import jsonschema
import pytest

import trigger_content as tc

from conftest import DATA, ROOT

#: What the loader refuses and a JSON Schema cannot say, and why.
LOADER_ONLY = {
    "duplicate_id.toml": "an id used twice in a page: uniqueness across the whole document",
    "unknown_link_target.toml": "a link to an id of [links]: a reference inside a string",
    "unclosed_link.toml": "the inline markup inside a string",
    "unclosed_strong_in_a_multiline_string.toml": "the inline markup inside a string",
    "javascript_url.toml": "a URL's scheme, read as browsers read it",
    "site_lists_its_source_locale.toml": "one field against another",
    "site_lists_the_pseudo_locale.toml": "a value the site reserves",
    "site_locale_listed_twice.toml": "uniqueness with a message of its own (the schema says uniqueItems too)",
    "section_without_body.toml": "a section with neither blocks nor subsections",
}

DOCUMENTS = sorted(
    [*(DATA / "source").glob("*.toml"), *(ROOT / "trigger_content" / "content").glob("*.toml")],
    key=lambda path: path.name,
)


def _data(path: Path) -> dict[str, object] | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None  # not TOML: no schema is asked
    return json.loads(json.dumps(data, default=str))  # TOML's dates as JSON writes them


@pytest.mark.parametrize("path", [path for path in DOCUMENTS if _data(path) is not None], ids=lambda path: path.name)
def test_the_schema_and_the_loader_agree(path: Path) -> None:
    """Every document of the tests that is TOML (one that is not is the reader's to place, no schema is asked)."""
    data = _data(path)
    assert data is not None
    site = path.name == "site.toml" or path.name.startswith("site_")
    schema = tc.document_schema("site" if site else "page")
    schema_errors = sorted(error.message for error in jsonschema.Draft202012Validator(schema).iter_errors(data))
    try:
        (tc.load_site if site else tc.load_page)(path)
        loaded = True
    except tc.SourceError:
        loaded = False
    if loaded:
        assert schema_errors == [], "the schema refuses a document that loads"
    elif path.name in LOADER_ONLY:
        assert schema_errors == [] or path.name == "site_locale_listed_twice.toml"
    else:
        assert schema_errors, "the loader refuses a document the schema accepts"


def test_a_block_without_its_kind_is_refused_by_both(tmp_path: Path) -> None:
    path = tmp_path / "page.toml"
    path.write_text('id = "p"\ntitle = "T"\n\n[[blocks]]\nid = "a"\ntext = "x"\n', encoding="utf-8")
    with pytest.raises(tc.SourceError, match=r"missing field 'kind' \(expected one of 'paragraph', 'list', 'definitions'\)"):
        tc.load_page(path)
    errors = list(jsonschema.Draft202012Validator(tc.document_schema("page")).iter_errors(_data(path)))
    assert errors
