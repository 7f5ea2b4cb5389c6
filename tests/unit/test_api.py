"""The public API: what ``import trigger_content`` offers, pinned."""

from __future__ import annotations

import pytest

import trigger_content as tc


def test_exported_names_are_sorted_and_all_resolve() -> None:
    assert tc.__all__ == sorted(tc.__all__)
    for name in tc.__all__:
        assert getattr(tc, name) is not None, name


def test_the_exported_names() -> None:
    assert set(tc.__all__) == {
        "Block",
        "CatalogError",
        "DOMAIN",
        "Definition",
        "DefinitionList",
        "Emphasis",
        "Fallback",
        "Inline",
        "ItemList",
        "Language",
        "Link",
        "LinkTarget",
        "ListItem",
        "MarkupError",
        "Page",
        "Paragraph",
        "Project",
        "RenderContext",
        "Role",
        "Section",
        "Segment",
        "Site",
        "SourceError",
        "SourceText",
        "Strong",
        "Text",
        "Translations",
        "TriggerContentError",
        "build_template",
        "document_schema",
        "find_project",
        "from_catalog",
        "load_page",
        "load_pages",
        "load_site",
        "load_translations",
        "localize",
        "parse_markup",
        "plain_text",
        "read_translations",
        "render_html",
        "render_text",
        "segments",
        "to_catalog",
        "walk",
        "write_template",
    }


def test_unknown_names_raise_attribute_error() -> None:
    import pytest

    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        tc.nope  # noqa: B018


def test_the_readme_python_example_runs(capsys, monkeypatch, tmp_path) -> None:
    """The example of README.md runs as written, from any folder."""
    import re

    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```python\n(.*?)```", readme, re.S).group(1)
    monkeypatch.chdir(tmp_path)
    exec(compile(example, "README.md", "exec"), {})
    assert capsys.readouterr().out.splitlines()[-1] == "Triggerpunkt-Injektionen"


def test_load_translations_of_a_missing_file_says_so(tmp_path) -> None:
    with pytest.raises(tc.TriggerContentError) as raised:
        tc.load_translations(tmp_path / "missing.po")
    assert str(raised.value) == f"{tmp_path / 'missing.po'}: no such catalog"


def test_localize_refuses_what_is_not_a_locale_code(page: tc.Page) -> None:
    with pytest.raises(tc.TriggerContentError, match="not a gettext locale code"):
        tc.localize(page, {}, locale="../../etc")
    with pytest.raises(tc.TriggerContentError, match="not a gettext locale code"):
        tc.localize(page, {}, locale="fr\n")
    assert tc.localize(page, {}, locale="pt_BR").lang == "pt_BR"


def test_a_broken_catalog_raises_catalog_error(tmp_path) -> None:
    broken = tmp_path / "fr.po"
    broken.write_text('msgid "a"\nmsgstr "b\n', encoding="utf-8")
    with pytest.raises(tc.CatalogError):
        tc.load_translations(broken)
