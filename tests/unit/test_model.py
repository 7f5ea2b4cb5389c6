"""The model: frozen, strict, ids unique, sections without body, safe link targets."""

from __future__ import annotations

import pydantic
import pytest

import trigger_content as tc


def paragraph(id: str, text: str) -> tc.Paragraph:
    return tc.Paragraph(id=id, text=tc.parse_markup(text))


def test_models_are_frozen(page: tc.Page) -> None:
    with pytest.raises(pydantic.ValidationError, match="frozen"):
        page.id = "other"  # type: ignore[misc]


def test_unknown_fields_are_rejected() -> None:
    with pytest.raises(pydantic.ValidationError, match="Extra inputs are not permitted"):
        tc.Paragraph.model_validate({"kind": "paragraph", "id": "a", "text": "x", "colour": "red"})


def test_types_are_not_coerced() -> None:
    with pytest.raises(pydantic.ValidationError, match="valid boolean"):
        tc.ItemList.model_validate({"kind": "list", "id": "a", "ordered": "yes", "items": ({"id": "b", "text": "x"},)})


def test_ids_must_be_unique_in_the_page_at_any_depth() -> None:
    inner = tc.Section(id="dup", heading=tc.parse_markup("Inner"))
    outer = tc.Section(id="outer", heading=tc.parse_markup("Outer"), sections=(inner,))
    with pytest.raises(pydantic.ValidationError, match="id 'dup' is used more than once"):
        tc.Page(id="p", title=tc.parse_markup("T"), blocks=(paragraph("dup", "x"),), sections=(outer,))


def test_block_ids_and_item_ids_share_one_namespace() -> None:
    items = tc.ItemList(id="steps", items=(tc.ListItem(id="steps", text=tc.parse_markup("x")),))
    with pytest.raises(pydantic.ValidationError, match="id 'steps'"):
        tc.Page(id="p", title=tc.parse_markup("T"), blocks=(items,))


def test_links_must_point_into_the_links_table() -> None:
    with pytest.raises(pydantic.ValidationError, match="link target 'nowhere' is not in"):
        tc.Page(id="p", title=tc.parse_markup("T"), blocks=(paragraph("a", "[x](nowhere)"),))


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x", "vbscript:x", "https://a b"])
def test_unsafe_link_urls_are_rejected(url: str) -> None:
    with pytest.raises(pydantic.ValidationError):
        tc.LinkTarget(url=url)


@pytest.mark.parametrize("url", ["https://www.rush.edu/", "/giving", "../fr/page.html", "#top", "mailto:a@b.org", "tel:+13125555555"])
def test_safe_link_urls_are_accepted(url: str) -> None:
    assert tc.LinkTarget(url=url).url == url


def test_the_page_holds_the_seed_structure(page: tc.Page) -> None:
    kinds = [block.kind for block in page.blocks]
    assert kinds == ["paragraph", "paragraph", "definitions"]
    terms = [tc.plain_text(item.term) for item in page.blocks[2].items]
    assert terms == ["Active", "Latent"]
    lists = {block.id: [tc.plain_text(i.text) for i in block.items] for s in page.sections for block in s.blocks if block.kind == "list"}
    assert lists["self-care"][-1] == "Medications — muscles relaxers and/or sleep aids — if needed"
    assert lists["injected"] == [
        "Lidocaine (an anesthetic)",
        "Corticosteroids (in rare cases, for certain muscles)",
        "A combination of the two",
    ]
    assert page.sections[-1].blocks == ()  # "Why choose Rush…" has no body in the source
    notice = page.site.notice.text
    links = [(node.target, tc.plain_text(node.content)) for node in notice if isinstance(node, tc.Link)]
    assert links == [("covid-updates", "see the latest updates"), ("donate", "Rush accepts donations")]


@pytest.mark.parametrize("reserved", ["title", "heading", "term", "definition", "site"])
def test_ids_that_would_collide_with_a_text_context_are_reserved(reserved: str) -> None:
    with pytest.raises(pydantic.ValidationError, match=f"id '{reserved}' is reserved"):
        tc.Page(id="p", title=tc.parse_markup("T"), blocks=(paragraph(reserved, "x"),))
    with pytest.raises(pydantic.ValidationError, match="id 'site' is reserved"):
        tc.Page(id="site", title=tc.parse_markup("T"))


def test_nested_sections_have_unique_contexts_and_deeper_headings() -> None:
    inner = tc.Section(id="inner", heading=tc.parse_markup("Inner"), blocks=(paragraph("deep", "Deep text."),))
    outer = tc.Section(id="outer", heading=tc.parse_markup("Outer"), sections=(inner,))
    page = tc.Page(id="p", title=tc.parse_markup("T"), sections=(outer,))
    assert [s.context for s in tc.segments(page)] == ["p.title", "p.outer.heading", "p.outer.inner.heading", "p.outer.inner.deep"]
    assert "<h3>Inner</h3>" in tc.render_html(page, fragment=True)
    assert "Outer\n-----\n\n### Inner\n\nDeep text.\n" in tc.render_text(page)
