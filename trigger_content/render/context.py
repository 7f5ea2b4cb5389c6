"""The locale facts a renderer needs, gathered once: language tag, direction, switcher."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

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


@dataclass(frozen=True)
class RenderContext:
    """What the renderers know besides the page: nothing of gettext, only locale facts."""

    locale: str
    tag: str
    direction: str
    languages: tuple[Language, ...]
    #: The version for readers whose language is not published (``x-default``).
    default_href: str | None = None

    @classmethod
    def for_page(cls, page: Page, href: str = DEFAULT_HREF) -> RenderContext:
        """The context of ``page`` in its language, with links to each site locale.

        ``href`` is a pattern with ``{locale}`` and ``{page}``.
        """
        locales = [page.site.source_locale, *page.site.locales] if page.site else [page.lang]
        if page.lang not in locales:
            locales.append(page.lang)
        languages = tuple(
            Language(
                locale=code,
                tag=language_tag(code),
                name=endonym(code),
                href=href.format(locale=code, page=page.id),
                current=code == page.lang,
            )
            for code in locales
        )
        source = page.site.source_locale if page.site else page.lang
        return cls(
            locale=page.lang,
            tag=language_tag(page.lang),
            direction=text_direction(page.lang),
            languages=languages,
            default_href=href.format(locale=source, page=page.id) if len(languages) > 1 else None,
        )


def language_tag(locale: str) -> str:
    """The BCP 47 tag of a gettext locale code: ``pt_BR`` → ``pt-BR``."""
    return locale.replace("_", "-")


@cache
def endonym(locale: str) -> str:
    """The name of a language in that language, from CLDR: ``fr`` → ``Français``."""
    from babel import Locale, UnknownLocaleError

    try:
        name = Locale.parse(locale).get_display_name(locale) or locale
    except (UnknownLocaleError, ValueError):
        return locale
    # CLDR writes most names in lower case (français); a menu capitalizes them.
    return name[:1].upper() + name[1:]


@cache
def text_direction(locale: str) -> str:
    """``ltr`` or ``rtl`` for a locale, from CLDR."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(locale).text_direction
    except (UnknownLocaleError, ValueError):
        return "ltr"
