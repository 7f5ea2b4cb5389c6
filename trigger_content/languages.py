"""Languages: what a locale code looks like, its BCP 47 tag, names and direction, and the pseudo-locale.

The checks of a code and the tag are plain text work, for the commands that
start without Babel; the names and the direction come from CLDR through
Babel, imported when first asked for.
"""

from __future__ import annotations

import re
from functools import cache

from .errors import TriggerContentError
from .tags import TAG_RE

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .walker import Segment

#: A gettext locale code: language, then optionally _Script or _TERRITORY (two
#: letters or three digits) and @modifier: fr, pt_BR, zh_Hant, es_419, sr@latin.
LOCALE_PATTERN = r"^[a-z]{2,3}(?:_[A-Z][a-z]{3})?(?:_(?:[A-Z]{2}|\d{3}))?(?:@[a-z]+)?$"


def locale_problem(code: str) -> str | None:
    """Why ``code`` is not a gettext locale code, or ``None`` when it is one."""
    if re.fullmatch(LOCALE_PATTERN, code):  # fullmatch: "$" alone would let "fr\n" through
        return None
    return f"{code!r} is not a gettext locale code such as fr, de, pt_BR or sr@latin"


def language_of(locale: str) -> str:
    """The language of a locale code: ``pt`` of ``pt_BR``, ``sr`` of ``sr@latin``."""
    return locale.split("@")[0].split("_")[0]


_SCRIPT_MODIFIERS = {"latin": "Latn", "cyrillic": "Cyrl", "arabic": "Arab", "devanagari": "Deva"}


def language_tag(locale: str) -> str:
    """The BCP 47 tag of a gettext locale code: ``pt_BR`` → ``pt-BR``, ``sr@latin`` → ``sr-Latn``.

    >>> [language_tag(code) for code in ("pt_BR", "zh_Hant", "sr@latin", "es_419", "de@euro")]
    ['pt-BR', 'zh-Hant', 'sr-Latn', 'es-419', 'de']
    """
    code, _, modifier = locale.partition("@")
    parts = code.split("_")
    script = _SCRIPT_MODIFIERS.get(modifier)
    if script and not any(len(part) == 4 for part in parts[1:]):
        parts.insert(1, script)
    return "-".join(parts)


def declared_locale(language: str) -> str | None:
    """The locale code of a catalog's ``Language`` field, however it is written; ``None`` when it names none.

    >>> [declared_locale(value) for value in ("pt-br", "FR", "de_DE.UTF-8", "sr@Latin", "zh-hant-tw", "Klingon")]
    ['pt_BR', 'fr', 'de_DE', 'sr@latin', 'zh_Hant_TW', None]
    """
    code, at, modifier = language.strip().partition("@")
    first, *rest = code.split(".")[0].replace("-", "_").split("_")
    parts = [first.lower(), *(part.title() if len(part) == 4 else part.upper() for part in rest)]
    locale = "_".join(parts) + (f"@{modifier.lower()}" if at else "")
    return None if locale_problem(locale) else locale


def declared_tag(language: str) -> str:
    """The BCP 47 tag of a catalog's ``Language`` field (see :func:`declared_locale`); "" when it names no locale."""
    locale = declared_locale(language)
    return language_tag(locale) if locale else ""


@cache
def endonym(locale: str) -> str:
    """The name of a language in that language, from CLDR: ``fr`` → ``Français``."""
    from babel import Locale, UnknownLocaleError

    try:
        name = Locale.parse(locale).get_display_name(locale) or language_tag(locale)
    except (UnknownLocaleError, ValueError):
        return language_tag(locale)
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


def english_name(locale: str) -> str:
    """The language's name in English, from CLDR: ``pt_BR`` → ``Portuguese (Brazil)``.

    Refuses (:class:`~trigger_content.errors.TriggerContentError`) what is not
    a locale code, or one that CLDR does not know.
    """
    from babel import Locale, UnknownLocaleError

    problem = locale_problem(locale)
    if problem:
        raise TriggerContentError(problem)
    try:
        return Locale.parse(locale).get_display_name("en") or locale
    except (UnknownLocaleError, ValueError):
        raise TriggerContentError(f"unknown locale {locale!r}; use a code such as fr, de or pt_BR") from None


# -- the pseudo-locale ---------------------------------------------------------------
#
# The page "translated" into accented, longer, bracketed English: layout and
# truncation problems show before any real translation exists, and text that
# escaped extraction stands out because it is not accented. Tags and
# placeholders are kept, so the result goes through the same pipeline as a
# real translation (:func:`~trigger_content.walker.localize`, the renderers).

#: The locale code of the pseudo-locale (``lang="en-XA"``, as Android names it).
PSEUDO_LOCALE = "en_XA"
#: How much longer pseudo-text is than the English: translations often are.
EXPANSION = 0.35

_ACCENTED = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "àƀçđéƒĝĥîĵķĺɱñöþǫŕšţûṽŵẋýžÀƁÇĐÉƑĜĤÎĴĶĹṀÑÖÞǪŔŠŢÛṼŴẊÝŽ",
)
#: What must come through unchanged: inline tags, printf and brace placeholders.
_KEEP = re.compile(TAG_RE.pattern + r"|%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[a-zA-Z%]|\{[^{}]*\}")


def pseudo_text(text: str) -> str:
    """Accent the letters of ``text``, pad it by about 35% and bracket it.

    >>> pseudo_text("See <a1>the news</a1>.")
    '⟦Šéé <a1>ţĥé ñéŵš</a1>. ~~⟧'
    """
    parts: list[str] = []
    position = 0
    letters = 0
    for kept in _KEEP.finditer(text):
        chunk = text[position : kept.start()]
        parts.append(chunk.translate(_ACCENTED))
        letters += len(chunk)
        parts.append(kept.group(0))
        position = kept.end()
    tail = text[position:]
    parts.append(tail.translate(_ACCENTED))
    letters += len(tail)
    # Padding in short groups, so that a long text can still wrap.
    padding = max(1, round(letters * EXPANSION) - 3)
    groups = " ".join("~" * min(5, padding - start) for start in range(0, padding, 6))
    return f"⟦{''.join(parts)} {groups}⟧"


def pseudo_translate(segment: Segment) -> str:
    """A translation function for :func:`~trigger_content.walker.localize`."""
    return pseudo_text(segment.text)
