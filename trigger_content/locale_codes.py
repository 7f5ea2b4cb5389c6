"""What a gettext locale code looks like, for the model and for the commands that start without it."""

from __future__ import annotations

import re

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
