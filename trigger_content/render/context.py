"""The locale facts a renderer needs, gathered once: language tag, direction, switcher."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup, escape

from ..inline import SourceText, plain_text
from ..languages import endonym, language_tag, text_direction
from ..model import Page

#: Where each language's version of a page is, relative to a page of the site
#: folder that ``trigger-content build`` writes (``<locale>/<page-id>.html``).
DEFAULT_HREF = "../{locale}/{page}.html"


@dataclass(frozen=True)
class Language:
    """One entry of the language switcher and one ``hreflang`` alternate."""

    locale: str
    #: BCP 47 tag for ``lang`` and ``hreflang`` (``pt-BR`` for ``pt_BR``).
    tag: str
    #: The language's name in the language itself (CLDR), capitalized for a menu.
    name: str
    href: str
    current: bool
    #: The address for ``hreflang`` alternates and the sitemap: absolute when
    #: the site has a ``base_url``, else the same as ``href``.
    url: str
    #: ``ltr`` or ``rtl``: its name is written in it (العربية in an English page).
    direction: str = "ltr"


@dataclass(frozen=True)
class PageApproval:
    """When a clinical reviewer last approved a translation a page shows, and whether every translation it shows is approved."""

    date: date
    complete: bool


@dataclass(frozen=True)
class RenderContext:
    """What the renderers know besides the page: nothing of gettext, only locale facts."""

    locale: str
    tag: str
    direction: str
    languages: tuple[Language, ...]
    #: The version for readers whose language is not published (``x-default``).
    default_href: str | None = None
    #: Said after a text shown in the source language, in the page's language.
    fallback_note: str = "Not yet translated"
    #: The language of the note when it is not translated itself yet (``en``).
    fallback_note_lang: str | None = None
    #: The page's review date, formatted for its locale by CLDR (Babel).
    reviewed: str | None = None
    #: When a clinical reviewer last approved a text of this translation of the page, formatted so; and as ISO 8601.
    approved: str | None = None
    approved_iso: str | None = None
    #: Whether every translation the page shows is approved: only then does the page say it was reviewed.
    approved_all: bool = False

    @property
    def fallback_note_html(self) -> Markup:
        """The fallback note, escaped; in a ``span`` with its language while it is not translated itself."""
        if self.fallback_note_lang is None:
            return escape(self.fallback_note)
        lang = self.fallback_note_lang
        return Markup('<span lang="{}" dir="{}">{}</span>').format(language_tag(lang), text_direction(lang), self.fallback_note)

    @classmethod
    def for_page(
        cls,
        page: Page,
        href: str = DEFAULT_HREF,
        *,
        locales: Sequence[str] | None = None,
        approved: PageApproval | None = None,
    ) -> RenderContext:
        """The context of ``page`` in its language, with links to each published locale.

        ``href`` is a pattern with ``{locale}`` and ``{page}``; when the site
        has a ``base_url``, alternates are absolute (``Language.url``).
        ``locales`` are the published ones (default: the site's source locale
        and its ``locales``). ``approved`` says when a clinical reviewer
        last approved a text of the page in its language, and whether all are.
        """
        if locales is None:
            locales = [page.site.source_locale, *page.site.locales] if page.site else [page.lang]
        locales = list(locales)
        if page.lang not in locales:
            locales.append(page.lang)
        base = page.site.base_url if page.site else None
        languages = tuple(
            Language(
                locale=code,
                tag=language_tag(code),
                name=endonym(code),
                href=href.format(locale=code, page=page.id),
                current=code == page.lang,
                url=f"{base}{code}/{page.id}.html" if base else href.format(locale=code, page=page.id),
                direction=text_direction(code),
            )
            for code in locales
        )
        source = page.site.source_locale if page.site else page.lang
        default = next((language for language in languages if language.locale == source), None)
        return cls(
            locale=page.lang,
            tag=language_tag(page.lang),
            direction=text_direction(page.lang),
            languages=languages,
            default_href=default.url if default is not None and len(languages) > 1 else None,
            fallback_note=plain_text(page.site.fallback_note) if page.site else "Not yet translated",
            fallback_note_lang=next((node.lang for node in page.site.fallback_note if isinstance(node, SourceText)), None)
            if page.site
            else None,
            reviewed=format_date(page.reviewed, page.lang) if page.reviewed else None,
            approved=format_date(approved.date, page.lang) if approved else None,
            approved_iso=approved.date.isoformat() if approved else None,
            approved_all=approved.complete if approved else False,
        )


def format_date(value: date, locale: str) -> str:
    """A date as the locale writes it in running text (CLDR's long format)."""
    from babel import UnknownLocaleError
    from babel.dates import format_date as babel_format_date

    try:
        return babel_format_date(value, format="long", locale=locale)
    except (UnknownLocaleError, ValueError):
        return value.isoformat()
