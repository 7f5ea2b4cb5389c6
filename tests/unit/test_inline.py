"""Inline markup: the source syntax, the catalog tags, and rebuilding translations."""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given, strategies as st

from trigger_content import Emphasis, Link, MarkupError, Strong, Text, from_catalog, parse_markup, plain_text, to_catalog
from trigger_content.inline import format_markup, plain_text as tc_plain


def test_links_emphasis_and_strong_parse_into_nodes() -> None:
    nodes = parse_markup("See [the _latest_ updates](covid-updates) and **call**.")
    assert nodes == (
        Text(text="See "),
        Link(target="covid-updates", content=(Text(text="the "), Emphasis(content=(Text(text="latest"),)), Text(text=" updates"))),
        Text(text=" and "),
        Strong(content=(Text(text="call"),)),
        Text(text="."),
    )
    assert plain_text(nodes) == "See the latest updates and call."


def test_backslash_makes_markup_characters_literal() -> None:
    nodes = parse_markup(r"5 \* 3 \[sic\] snake\_case")
    assert nodes == (Text(text="5 * 3 [sic] snake_case"),)
    assert parse_markup(format_markup(nodes)) == nodes


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("see [here", "link '[…](…)' opened at character 5 is not closed"),
        ("a ] b", "']' at character 3 does not close a link"),
        ("[x](Not An Id)", "does not close a link"),
        ("[x](Bad_Id)", "is not a link id"),
        ("_open", "emphasis '_…_' opened at character 1 is not closed"),
        ("**a _b** c_", "closed at character 7 before the emphasis"),
        ("a * b", "a single '*' at character 3 is not markup"),
        ("[](x)", "empty link"),
        ("uses <a1> literally", "reads as an inline tag"),
    ],
)
def test_bad_source_markup_says_what_and_where(source: str, message: str) -> None:
    with pytest.raises(MarkupError, match=re.escape(message)):
        parse_markup(source)


def test_catalog_form_numbers_tags_per_kind_in_reading_order() -> None:
    nodes = parse_markup("[a](x) _b_ [c **d**](y) _e_")
    assert to_catalog(nodes) == "<a1>a</a1> <em1>b</em1> <a2>c <strong1>d</strong1></a2> <em2>e</em2>"


def test_translation_takes_targets_from_the_source_and_may_reorder_tags() -> None:
    source = parse_markup("[first](one) then [second](two)")
    nodes = from_catalog("<a2>zweite</a2> vor <a1>erste</a1>", source)
    assert [(n.target, plain_text(n.content)) for n in nodes if isinstance(n, Link)] == [("two", "zweite"), ("one", "erste")]


@pytest.mark.parametrize(
    ("translation", "message"),
    [
        ("no tags at all", "missing <a1>…</a1>"),
        ("<a1>x</a1> <a1>y</a1>", "<a1> appears twice"),
        ("<a3>x</a3>", "<a3> is not a tag of the source text"),
        ("<a1>x", "<a1> is not closed"),
        ("x</a1>", "</a1> where no closing tag was expected"),
        ("<a1><em1>x</a1></em1>", "</a1> where </em1> was expected"),
        ("<a1></a1><em1>y</em1>", "encloses no text"),
        ("<em1><a1>x</a1></em1>", ""),
    ],
)
def test_translation_with_wrong_tags_is_refused(translation: str, message: str) -> None:
    source = parse_markup("[a](x) and _b_")
    if not message:  # nesting may change: that one is fine
        assert from_catalog(translation, source)
        return
    with pytest.raises(MarkupError, match=message):
        from_catalog(translation, source)


def test_a_container_never_nests_in_its_own_kind() -> None:
    with pytest.raises(MarkupError, match="inside another"):
        from_catalog("<a1>x <a2>y</a2></a1>", parse_markup("[a](x) [b](y)"))
    with pytest.raises(MarkupError, match="link .* at character 1 holds another one"):
        parse_markup("[a [b](y)](x)")


def test_markup_in_a_translation_that_is_not_a_tag_stays_text() -> None:
    nodes = from_catalog('<script>alert(1)</script> <b onclick="x">', parse_markup("plain"))
    assert nodes == (Text(text='<script>alert(1)</script> <b onclick="x">'),)


_words = st.text(alphabet="ab *_[]\\<>é—’", min_size=1, max_size=6).filter(lambda text: text.strip())


@st.composite
def inline_nodes(draw: st.DrawFn, outer: tuple[str, ...] = ()) -> tuple:
    """Inline node tuples as the model holds them (merged text, no empty containers)."""
    items = []
    for _ in range(draw(st.integers(1, 3))):
        kinds = ["text", "text", *(k for k in ("link", "em", "strong") if k not in outer)]
        kind = draw(st.sampled_from(kinds if len(outer) < 2 else ["text"]))
        if kind == "text":
            items.append(Text(text=draw(_words)))
        else:
            content = draw(inline_nodes((*outer, kind)))
            items.append(
                Link(target=draw(st.sampled_from(["x", "a-b"])), content=content)
                if kind == "link"
                else Emphasis(content=content)
                if kind == "em"
                else Strong(content=content)
            )
    from trigger_content.inline import _merge_text

    return _merge_text(items)


def _emphasis_inside_a_word(nodes: tuple, before: str = " ", after: str = " ") -> bool:
    """Whether an emphasis starts or ends next to a letter: no underscore spelling exists for it."""
    for index, node in enumerate(nodes):
        left = tc_plain(nodes[:index])[-1:] or before
        right = tc_plain(nodes[index + 1 :])[:1] or after
        if isinstance(node, Emphasis) and (left.isalnum() or right.isalnum()):
            return True
        if not isinstance(node, Text) and _emphasis_inside_a_word(node.content, left, right):
            return True
    return False


@given(inline_nodes())
def test_source_markup_round_trips(nodes: tuple) -> None:
    assume(not _emphasis_inside_a_word(nodes))
    assert parse_markup(format_markup(nodes)) == nodes


@given(inline_nodes())
def test_catalog_form_round_trips_against_its_source(nodes: tuple) -> None:
    assert from_catalog(to_catalog(nodes), nodes) == nodes


def test_underscores_inside_words_are_text() -> None:
    assert parse_markup("snake_case and a_b_c") == (Text(text="snake_case and a_b_c"),)
    assert parse_markup("an _emphasis_ here") == (Text(text="an "), Emphasis(content=(Text(text="emphasis"),)), Text(text=" here"))


@pytest.mark.parametrize("source", ["_ _", "** **", "[ ](x)"])
def test_blank_markup_is_refused(source: str) -> None:
    with pytest.raises(MarkupError, match="empty"):
        parse_markup(source)


def test_an_escaped_tag_lookalike_is_a_markup_error() -> None:
    with pytest.raises(MarkupError, match="reads as an inline tag"):
        parse_markup(r"\<a1\>")
