"""The one walker: segments for translators, and localize back into a page."""

from __future__ import annotations

import gettext

import pytest

import trigger_content as tc


def test_segments_are_in_reading_order_with_dotted_id_contexts(page: tc.Page) -> None:
    contexts = [segment.context for segment in tc.segments(page)]
    assert contexts[:6] == [
        "site.notice",
        "site.tagline",
        "site.switcher-label",
        "site.fallback-note",
        "site.reviewed-label",
        "site.approved-label",
    ]
    assert "trigger-point-injections.types.active.term" in contexts
    assert "trigger-point-injections.types.active.definition" in contexts
    assert "trigger-point-injections.should-i.self-care.medications" in contexts
    assert contexts[-1] == "trigger-point-injections.why-rush.heading"
    assert len(contexts) == len(set(contexts)) == 33


def test_segment_text_carries_numbered_tags_and_the_comment_explains_them(page: tc.Page) -> None:
    notice = next(tc.segments(page))
    assert "COVID-19, <a1>see the latest updates</a1>. <a2>Rush accepts donations</a2> to support" in notice.text
    assert "https://" not in notice.text and "https://" not in notice.comment
    assert notice.comment.splitlines() == [
        "Site header, on every page, notice banner: paragraph.",
        "<a1>…</a1> is a link to the hospital's page of COVID-19 news and updates.",
        "<a2>…</a2> is a link to the page for giving to Rush's COVID-19 response.",
    ]


def test_comment_says_section_and_role(page: tc.Page) -> None:
    by_context = {segment.context: segment for segment in tc.segments(page)}
    term = by_context["trigger-point-injections.types.latent.term"]
    assert term.role == "list item term"
    item = by_context["trigger-point-injections.types-of-injections.injected.lidocaine"]
    assert item.comment == "Page “Trigger Point Injections”, section “Types of trigger point injections”: list item."
    decide = by_context["trigger-point-injections.types-of-injections.decide"]
    assert "will talk with you about" in decide.comment  # the document's note for translators


def test_localize_with_the_identity_gives_an_equal_page(page: tc.Page) -> None:
    same = tc.localize(page, lambda segment: segment.text)
    assert same == page
    assert same is not page


def test_localize_rebuilds_links_from_the_source(page: tc.Page) -> None:
    notice = next(tc.segments(page))
    french = tc.localize(
        page,
        {(notice.context, notice.text): "Pour <a2>donner</a2> ou <a1>s’informer</a1>."},
        locale="fr",
    )
    assert french.lang == "fr"
    nodes = french.site.notice.text
    assert [(n.target, tc.plain_text(n.content)) for n in nodes if isinstance(n, tc.Link)] == [
        ("donate", "donner"),
        ("covid-updates", "s’informer"),
    ]
    assert french.title == (tc.SourceText(lang="en", content=page.title),)  # untranslated: English, marked
    assert tc.plain_text(french.title) == "Trigger Point Injections"


def test_localize_reports_every_fallback_and_refuses_broken_tags(page: tc.Page) -> None:
    notice = next(tc.segments(page))
    fallbacks: list[tc.Fallback] = []
    result = tc.localize(page, {(notice.context, notice.text): "sans balises"}, fallbacks=fallbacks)
    assert result.site.notice == page.site.notice
    assert fallbacks[0] == tc.Fallback(notice.context, notice.text, "translation not used: missing <a1>…</a1>, <a2>…</a2>")
    assert len(fallbacks) == len(list(tc.segments(page)))


def test_localize_takes_gettext_translations(page: tc.Page) -> None:
    class Catalog(gettext.NullTranslations):
        def pgettext(self, context: str, message: str) -> str:
            return "Injections" if context.endswith(".title") else message

    assert tc.plain_text(tc.localize(page, Catalog()).title) == "Injections"


def test_localize_rejects_what_cannot_translate(page: tc.Page) -> None:
    with pytest.raises(TypeError, match="cannot translate with int"):
        tc.localize(page, 3)  # type: ignore[arg-type]


def test_a_gettext_catalog_missing_a_message_counts_as_a_fallback(page: tc.Page) -> None:
    fallbacks: list[tc.Fallback] = []
    tc.localize(page, gettext.NullTranslations(), fallbacks=fallbacks)
    assert len(fallbacks) == len(list(tc.segments(page)))
    assert {fallback.reason for fallback in fallbacks} == {"untranslated"}


def test_a_page_is_planned_once_and_its_plan_goes_with_it(page: tc.Page) -> None:
    import gc

    import trigger_content.walker as walker

    gc.collect()
    copy = page.model_copy(update={"id": "another-page"})
    before = len(walker._plans)
    first, again = list(tc.segments(copy)), list(tc.segments(copy))
    assert first == again and all(a is b for a, b in zip(first, again))  # the same plan
    assert len(walker._plans) == before + 1
    french = tc.localize(copy, lambda segment: f"fr {segment.text}", locale="fr")
    assert [segment.context for segment in tc.segments(french)] == [segment.context for segment in first]
    del copy, french
    gc.collect()
    assert len(walker._plans) == before


def test_segments_follow_field_order_site_chrome_first(page: tc.Page) -> None:
    contexts = [segment.context for segment in tc.segments(page)]
    assert contexts[0].startswith("site.") and contexts.index(f"{page.id}.title") > max(
        index for index, context in enumerate(contexts) if context.startswith("site.")
    )


def test_localizing_again_reuses_nodes_but_never_a_changed_translation(page: tc.Page) -> None:
    first = next(segment for segment in tc.segments(page) if "<a1>" in segment.text)
    table = {(segment.context, segment.text): f"« {segment.text} »" for segment in tc.segments(page)}
    once, again = tc.localize(page, table, locale="fr"), tc.localize(page, table, locale="fr")
    assert once == again
    table[(first.context, first.text)] = first.text.replace("<a1>", "<a1>nouveau ")
    changed = tc.localize(page, table, locale="fr")
    assert changed != once and "nouveau" in tc.render_text(changed)
    assert tc.localize(page, {}, locale="fr") != once  # nothing translated: every text falls back
