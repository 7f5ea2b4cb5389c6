"""Rendering: a complete, semantic, escaped HTML document; wrapped plain text."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

import trigger_content as tc


class Elements(HTMLParser):
    """Start tags in document order, with their attributes and the path of open elements."""

    VOID = {"meta", "link", "br", "img", "input", "hr"}

    def __init__(self, html: str) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None], tuple[str, ...]]] = []
        self.open: list[str] = []
        self.texts: list[tuple[str, tuple[str, ...]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs), tuple(self.open)))
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, f"</{tag}> closes {self.open[-1:]}"
        self.open.pop()

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.texts.append((data, tuple(self.open)))

    def tags(self) -> list[str]:
        return [tag for tag, _, _ in self.found]

    def first(self, tag: str) -> dict[str, str | None]:
        return next(attrs for name, attrs, _ in self.found if name == tag)

    def text_in(self, tag: str) -> list[str]:
        return [data for data, path in self.texts if path and path[-1] == tag]


def test_html_document_has_lang_charset_title_and_landmarks(page: tc.Page) -> None:
    html = tc.render_html(page)
    assert html.startswith("<!DOCTYPE html>\n")
    doc = Elements(html)
    assert doc.first("html") == {"lang": "en", "dir": "ltr"}
    assert doc.first("meta") == {"charset": "utf-8"}
    assert doc.text_in("title") == ["Trigger Point Injections"]
    structure = [(tag, path) for tag, _, path in doc.found if tag in ("header", "nav", "main", "article", "h1")]
    assert structure == [
        ("header", ("html", "body")),
        ("nav", ("html", "body", "header")),
        ("main", ("html", "body")),
        ("article", ("html", "body", "main")),
        ("h1", ("html", "body", "main", "article")),
    ]
    assert doc.open == []  # every element closed


def test_headings_paragraphs_lists_and_terms_are_semantic(page: tc.Page) -> None:
    doc = Elements(tc.render_html(page))
    assert doc.text_in("h1") == ["Trigger Point Injections"]
    assert doc.text_in("h2") == [
        "Getting a trigger point injection",
        "Should I have trigger point injections?",
        "Types of trigger point injections",
        "Why choose Rush for trigger point injections",
    ]
    assert doc.text_in("dt") == ["Active", "Latent"]
    assert doc.text_in("li")[-3:] == [
        "Lidocaine (an anesthetic)",
        "Corticosteroids (in rare cases, for certain muscles)",
        "A combination of the two",
    ]
    assert doc.tags().count("ul") == 3  # the switcher and the two lists of the article


def test_links_come_from_the_document_and_the_switcher_from_the_site_locales(page: tc.Page) -> None:
    doc = Elements(tc.render_html(page))
    notice_links = [attrs["href"] for tag, attrs, path in doc.found if tag == "a" and "p" in path]
    assert notice_links == ["https://www.rush.edu/covid-19", "https://www.rush.edu/giving"]
    switcher = [attrs for tag, attrs, path in doc.found if tag == "a" and "nav" in path]
    assert [a["hreflang"] for a in switcher] == ["en", "fr", "de", "it", "pt", "ru"]
    assert [a["lang"] for a in switcher] == ["en", "fr", "de", "it", "pt", "ru"]
    assert [a.get("aria-current") for a in switcher] == ["page", None, None, None, None, None]
    assert [text for text, path in doc.texts if "nav" in path] == ["English", "Français", "Deutsch", "Italiano", "Português", "Русский"]
    alternates = [attrs["hreflang"] for tag, attrs, _ in doc.found if tag == "link" and attrs.get("rel") == "alternate"]
    assert alternates == ["en", "fr", "de", "it", "pt", "ru", "x-default"]


def test_fragment_is_the_article_only(page: tc.Page) -> None:
    html = tc.render_html(page, fragment=True)
    assert html.startswith(f'<article data-page="{page.id}">') and html.rstrip().endswith("</article>")
    assert "<header>" not in html and "<html" not in html


def test_text_from_a_translation_is_escaped(page: tc.Page) -> None:
    hostile = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    html = tc.render_html(tc.localize(page, lambda segment: f"{hostile} {segment.text}"))
    doc = Elements(html)
    assert "script" not in doc.tags() and "img" not in doc.tags()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_user_templates_override_the_packaged_ones(page: tc.Page, tmp_path) -> None:
    (tmp_path / "fragment.html").write_text(
        '{% from "macros.html" import inline %}<h1 class="mine">{{ inline(page.title, page.links) }}</h1>\n', encoding="utf-8"
    )
    assert tc.render_html(page, fragment=True, templates=tmp_path) == '<h1 class="mine">Trigger Point Injections</h1>\n'
    assert "<article data-page=" in tc.render_html(page, templates=tmp_path)  # page.html still the packaged one


def test_an_override_extends_the_page_and_its_style_as_the_docs_show(page: tc.Page, tmp_path) -> None:
    (tmp_path / "add").mkdir()
    (tmp_path / "add" / "page.html").write_text(
        '{% extends "trigger_content/page.html" %}{% block style %}{{ super() }}\n<style>.notice { display: none; }</style>{% endblock %}',
        encoding="utf-8",
    )
    added = tc.render_html(page, templates=tmp_path / "add")
    assert "font: 1.0625rem/1.55" in added and "<style>.notice { display: none; }</style>" in added
    (tmp_path / "replace").mkdir()
    (tmp_path / "replace" / "page.html").write_text(
        '{% extends "trigger_content/page.html" %}{% block style %}<link rel="stylesheet" href="/site.css">{% endblock %}', encoding="utf-8"
    )
    replaced = tc.render_html(page, templates=tmp_path / "replace")
    assert '<link rel="stylesheet" href="/site.css">' in replaced and "<style>" not in replaced


def test_user_templates_have_the_inline_filter(page: tc.Page, tmp_path) -> None:
    (tmp_path / "fragment.html").write_text(
        "<p>{{ page.sections[0].blocks[0].text | inline(page.links, context.fallback_note) }}</p>\n", encoding="utf-8"
    )
    english = tc.render_html(page, fragment=True, templates=tmp_path)
    assert english.startswith("<p>") and "<a href=" not in english
    untranslated = tc.localize(page, lambda segment: None, locale="fr")
    assert '<span lang="en" dir="ltr" class="untranslated">' in tc.render_html(untranslated, fragment=True, templates=tmp_path)


def test_english_left_in_a_right_to_left_page_keeps_its_own_direction(page: tc.Page) -> None:
    arabic = tc.render_html(tc.localize(page, lambda segment: None, locale="ar"))
    assert '<html lang="ar" dir="rtl">' in arabic
    assert arabic.count('<span lang="en" dir="ltr" class="untranslated">') == arabic.count('class="untranslated"') > 0
    # So does each language's name in the switcher.
    assert 'lang="ar" dir="rtl" hreflang="ar"' in arabic and 'lang="en" dir="ltr" hreflang="en"' in arabic
    serbian = tc.render_html(tc.localize(page, lambda segment: None, locale="sr@latin"))
    assert '<span lang="en" dir="ltr" class="untranslated">' in serbian and 'lang="sr-Latn"' in serbian


def test_the_fallback_note_says_its_own_language_while_it_is_not_translated(page: tc.Page) -> None:
    untranslated = tc.render_html(tc.localize(page, lambda segment: None, locale="es"))
    assert '<small class="fallback-note">(<span lang="en" dir="ltr">Not yet translated</span>)</small>' in untranslated
    translated = tc.localize(page, lambda segment: "Aún no traducido" if segment.text == "Not yet translated" else None, locale="es")
    assert '<small class="fallback-note">(Aún no traducido)</small>' in tc.render_html(translated)
    assert "(Aún no traducido)" in tc.render_text(translated)


def test_render_context_gives_direction_and_tags_from_cldr(page: tc.Page) -> None:
    russian = tc.RenderContext.for_page(page.model_copy(update={"lang": "ru"}))
    assert (russian.tag, russian.direction) == ("ru", "ltr")
    assert [language.current for language in russian.languages] == [False, False, False, False, False, True]
    assert tc.RenderContext.for_page(page.model_copy(update={"lang": "ar"})).direction == "rtl"


@pytest.mark.parametrize("width", [40, 60, 78])
def test_text_is_wrapped_at_the_width(page: tc.Page, width: int) -> None:
    text = tc.render_text(page, width=width)
    long_lines = [line for line in text.splitlines() if len(line) > width and " " in line.strip()]
    assert long_lines == []


def test_text_marks_headings_bullets_and_link_targets(page: tc.Page) -> None:
    text = tc.render_text(page, width=0)
    assert "Trigger Point Injections\n========================\n" in text
    assert "Getting a trigger point injection\n---------------------------------\n" in text
    assert "  • Active – Applying pressure will cause pain at the spot," in text
    assert "  • Lidocaine (an anesthetic)\n" in text
    assert "see the latest updates <https://www.rush.edu/covid-19>." in text
    assert "<https://" not in tc.render_text(page, urls=False)


def test_text_never_breaks_inside_hyphenated_words(page: tc.Page) -> None:
    for width in range(30, 80, 7):
        lines = tc.render_text(page, width=width).splitlines()
        assert not any(line.endswith(("in-", "COVID-", "self-")) for line in lines)


@pytest.mark.parametrize(
    ("locale", "shown"),
    [("en", "March 12, 2025"), ("fr", "12 mars 2025"), ("de", "12. März 2025"), ("ru", "12 марта 2025\u202fг.")],
)
def test_the_review_date_is_written_as_each_language_writes_dates(page: tc.Page, locale: str, shown: str) -> None:
    import datetime

    reviewed = page.model_copy(update={"reviewed": datetime.date(2025, 3, 12), "lang": locale})
    html = tc.render_html(reviewed)
    assert f'<time datetime="2025-03-12">{shown}</time>' in html
    assert f"Last reviewed: {shown}" in tc.render_text(reviewed, width=0)


@pytest.mark.parametrize(("locale", "separator"), [("fr", " – "), ("de", " – "), ("it", " – "), ("pt", " — "), ("ru", " — ")])
def test_text_puts_the_languages_own_dash_between_a_term_and_its_definition(page: tc.Page, locale: str, separator: str) -> None:
    from trigger_content.model import DefinitionList

    translations, _ = tc.load_translations(tc.find_project().catalog(locale))
    localized = tc.localize(page, translations, locale=locale)
    terms = [tc.plain_text(item.term) for block in localized.blocks if isinstance(block, DefinitionList) for item in block.items]
    text = tc.render_text(localized, width=0)
    assert terms and all(f"  • {term}{separator}" in text for term in terms)
