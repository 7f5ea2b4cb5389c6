"""Source documents: the packaged page loads; a broken one gets a line per problem that says where."""

from __future__ import annotations

import json

import pytest

import trigger_content as tc

from conftest import DATA

SOURCE = DATA / "source"


def test_packaged_page_loads_with_its_site_chrome(page: tc.Page) -> None:
    assert page.id == "trigger-point-injections"
    assert page.site is not None
    assert page.site.locales == ("fr", "de", "it", "pt", "ru")
    assert [section.id for section in page.sections] == ["getting", "should-i", "types-of-injections", "why-rush"]


@pytest.mark.parametrize(
    ("case", "where", "what"),
    [
        ("unknown_block_kind", ":5: blocks[0]:", "unknown kind 'table' (expected one of 'paragraph', 'list', 'definitions')"),
        ("missing_heading", ":8: sections[1]:", "missing field 'heading'; add it"),
        ("duplicate_id", ":15:", "id 'intro' is used more than once in the page"),
        ("unknown_link_target", ":10:", "link target 'away' is not in [links] (known: home)"),
        ("misspelt_field", ":6: sections[0].headng:", "unknown field 'headng'; did you mean 'heading'?"),
        ("wrong_type", ":7: blocks[0].ordered:", "input should be a valid boolean, not str 'yes'"),
        ("invalid_toml", ":2:15:", "invalid TOML"),
        ("toml_ends_too_soon", ":3:11:", "invalid TOML: invalid value"),
        ("unclosed_link", ":10: blocks[0].text:", "link '[…](…)' opened at character 4 is not closed"),
        ("unclosed_strong_in_a_multiline_string", ":9: blocks[0].text:", "strong '**…**' opened at character 36 is not closed"),
        ("javascript_url", ":5: links.home.url:", "URL scheme 'javascript' is not allowed"),
        ("latin1_encoding", ":2:13:", "byte 0xe9 is not UTF-8"),
        ("empty_list", ":7: blocks[0].items:", "must not be empty"),
        ("bad_id", ":5: sections[0].id:", "'First Section' is not a valid id"),
        ("site_locale_listed_twice", ":4: locales:", "locale 'fr' listed twice"),
        ("site_lists_its_source_locale", ":3: locales:", "locale 'en' listed twice"),
        ("site_lists_the_pseudo_locale", ":2: locales:", "en_XA is the pseudo-locale, for tests, not a language of the site"),
    ],
)
def test_broken_document_names_file_place_and_problem(case: str, where: str, what: str) -> None:
    path = SOURCE / f"{case}.toml"
    load = tc.load_site if case.startswith("site_") else tc.load_page
    with pytest.raises(tc.SourceError) as caught:
        load(path)
    message = str(caught.value)
    assert message.startswith(f"{path}{where} ")
    assert what in message
    assert "\n" not in message


def test_a_missing_content_folder_is_named_as_such(tmp_path, capsys) -> None:
    from trigger_content.cli import main

    assert main(["--content", str(tmp_path / "nowhere"), "render"]) == 2
    assert capsys.readouterr().err == f"{tmp_path / 'nowhere'}: no such content folder\n"


def test_missing_file_is_a_source_error(tmp_path) -> None:
    with pytest.raises(tc.SourceError, match=r"nothing\.toml: No such file"):
        tc.load_page(tmp_path / "nothing.toml")


def test_section_may_have_no_body() -> None:
    page = tc.load_page(SOURCE / "section_without_body.toml")
    assert page.sections[0].blocks == () and page.sections[0].sections == ()


def test_page_may_carry_its_own_site_chrome() -> None:
    page = tc.load_page(SOURCE / "self_contained.toml")
    assert page.site is not None and page.site.links["news"].url == "/news/"
    assert tc.plain_text(page.title) == "A self-contained page"


def test_site_toml_beside_the_page_gives_the_chrome(tmp_path) -> None:
    (tmp_path / "site.toml").write_text('tagline = "Hello."\nlocales = ["de"]\n', encoding="utf-8")
    (tmp_path / "one.toml").write_text('id = "one"\ntitle = "One"\n', encoding="utf-8")
    (page,) = tc.load_pages(tmp_path)
    assert page.site is not None and tc.plain_text(page.site.tagline) == "Hello."


def test_two_pages_with_one_id_are_refused(tmp_path) -> None:
    for name in ("a.toml", "b.toml"):
        (tmp_path / name).write_text('id = "same"\ntitle = "T"\n', encoding="utf-8")
    with pytest.raises(tc.SourceError, match=r"b\.toml: page id 'same' is already used by .*a\.toml"):
        tc.load_pages(tmp_path)


def test_dumped_page_loads_back_equal(page: tc.Page) -> None:
    data = page.model_dump(mode="json")
    assert data["blocks"][0]["text"].startswith("Trigger point injections are used")
    assert tc.Page.model_validate_json(json.dumps(data)) == page


def test_schema_describes_the_source_document() -> None:
    schema = tc.document_schema("page")
    assert schema["$schema"].endswith("2020-12/schema")
    assert schema["additionalProperties"] is False
    assert schema["properties"]["title"]["type"] == "string"
    kinds = {ref.split("/")[-1] for ref in schema["$defs"]["Section"]["properties"]["blocks"]["items"]["discriminator"]["mapping"].values()}
    assert kinds == {"Paragraph", "ItemList", "DefinitionList"}
    assert "tagline" in tc.document_schema("site")["properties"]


def test_every_problem_of_a_document_is_said_at_its_line(capsys: pytest.CaptureFixture[str]) -> None:
    """Not the first and "3 more": each, ``path:line: what``, in line order."""
    from trigger_content.cli import main

    path = SOURCE / "three_problems.toml"
    with pytest.raises(tc.SourceError) as raised:
        tc.load_page(path)
    lines = str(raised.value).splitlines()
    assert [line.split(": ", 1)[0] for line in lines] == [f"{path}:7", f"{path}:10", f"{path}:15"]
    assert "items: must not be empty" in lines[0] and "'First Section' is not a valid id" in lines[1]
    assert "unknown field 'headng'; did you mean 'heading'?" in lines[2] and len(lines) == 3  # not also "missing heading"
    assert main(["render", str(path)]) == 2
    assert capsys.readouterr().err.count("three_problems.toml:") == 3


def test_a_hidden_toml_file_in_the_content_folder_is_no_page(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import shutil

    shutil.copytree(tc.find_project().content, tmp_path / "content")
    (tmp_path / "content" / ".taplo.toml").write_text("[formatting]\nalign_entries = true\n", encoding="utf-8")
    assert [page.id for page in tc.load_pages(tmp_path / "content")] == ["trigger-point-injections"]
