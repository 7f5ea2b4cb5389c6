"""Hostile translations stay text: no element or attribute of the output comes from a catalog."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

import trigger_content as tc
from trigger_content.languages import pseudo_text

PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    '"><svg onload=alert(3)>',
    '<a href="javascript:alert(4)">click</a>',
    "' onmouseover='alert(5)' x='",
    "</p><iframe src=//evil.example></iframe><p>",
    "<a1 href=javascript:alert(6)>x</a1>",
    "<!-- --><style>*{display:none}</style>",
    "&lt;script&gt; &amp; &#x3C;b&#x3E;",
]


class Markup(HTMLParser):
    """Every element with its attributes, and every comment, of a document."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, tuple[tuple[str, str | None], ...]]] = []
        self.comments: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, tuple(sorted(attrs))))

    def shapes(self) -> list[tuple[str, tuple[str, ...]]]:
        """Each element as its tag and its attribute names."""
        return [(tag, tuple(name for name, _ in attrs)) for tag, attrs in self.elements]

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


def translations(payload: str, keep_tags: bool):  # type: ignore[no-untyped-def]
    return lambda segment: f"{payload} {segment.text} {payload}" if keep_tags else payload


def allowed(page: tc.Page) -> set[tuple[str, tuple[str, ...]]]:
    """The element shapes of the page in English, rendered every way, and of a fallback (and of its note, when that fell back too)."""
    found: set = {("span", ("class", "dir", "lang")), ("small", ("class",)), ("span", ("dir", "lang"))}
    for html in (tc.render_html(page), tc.render_html(page, fragment=True)):
        found |= set(Markup(html).shapes())
    return found


#: The one attribute whose value is translated text (escaped): the switcher's name.
TEXT_ATTRIBUTES = {"aria-label"}


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("keep_tags", [True, False], ids=["with-tags", "without-tags"])
def test_no_element_or_attribute_comes_from_a_translation(page: tc.Page, payload: str, keep_tags: bool) -> None:
    localized = tc.localize(page, translations(payload, keep_tags), locale="fr")
    english = allowed(page.model_copy(update={"lang": "fr"}))
    for html in (tc.render_html(localized), tc.render_html(localized, fragment=True)):
        markup = Markup(html)
        new = [shape for shape in markup.shapes() if shape not in english]
        assert new == [], new
        assert markup.comments == []
        for tag, attrs in markup.elements:
            for name, value in attrs:
                if name not in TEXT_ATTRIBUTES:
                    assert "alert" not in (value or "") and "evil" not in (value or ""), (tag, name, value)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_text_output_keeps_the_payload_as_plain_characters(page: tc.Page, payload: str) -> None:
    localized = tc.localize(page, translations(payload, True), locale="fr")
    text = tc.render_text(localized, width=0)
    if "</a1>" in payload:  # a tag of the source used twice: the translation is refused
        assert payload not in text and "(Not yet translated)" in text
    else:
        assert payload in text  # shown as written, nothing interpreted or dropped


def test_a_fallback_span_carries_only_lang_dir_and_class(page: tc.Page) -> None:
    localized = tc.localize(page, translations('<b onclick="x">', False), locale="fr")
    spans = [attrs for tag, attrs in Markup(tc.render_html(localized)).elements if tag == "span"]
    assert spans and all(attrs == (("class", "untranslated"), ("dir", "ltr"), ("lang", "en")) for attrs in spans)


def test_pseudo_translation_keeps_tags_and_stays_text(page: tc.Page) -> None:
    assert pseudo_text("<script>") == "⟦<šçŕîþţ> ~⟧"
    localized = tc.localize(page, lambda segment: pseudo_text(segment.text), locale="en_XA")
    assert not [e for e in Markup(tc.render_html(localized)).elements if e[0] in ("script", "img", "iframe", "svg")]
