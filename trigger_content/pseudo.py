"""Pseudo-localization: the page "translated" into accented, longer, bracketed English.

Layout and truncation problems show before any real translation exists, and
text that escaped extraction stands out because it is not accented. Tags and
placeholders are kept, so the result goes through the same pipeline as a real
translation (:func:`~trigger_content.walker.localize`, the renderers).
"""

from __future__ import annotations

import re

from .tags import TAG_RE

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


def pseudo_translate(segment: object) -> str:
    """A translation function for :func:`~trigger_content.walker.localize`."""
    return pseudo_text(segment.text)  # type: ignore[attr-defined]
