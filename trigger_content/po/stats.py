"""How complete a catalog is: the three counts of ``msgfmt --statistics``, and words.

Counting rules, those of GNU msgfmt:

* obsolete (``#~``) entries are not among the three; they are counted apart;
* untranslated: the msgstr, or the first plural form, is empty, fuzzy or not
  (msgfmt compiles a plural message whose later forms are empty);
* fuzzy: flagged fuzzy and not untranslated;
* translated: all the others;
* the header entry is not counted, unless its msgstr is empty: msgfmt counts
  an empty header among the untranslated.

Words are the source words (msgid, and msgid_plural) with inline tags left
out; "translated words" are those of the translated entries.
"""

from __future__ import annotations

import re
from collections import namedtuple
from collections.abc import Iterable
from functools import lru_cache

from .entry import Entry

_WORD = re.compile(r"[^\W_]+(?:[-’'][^\W_]+)*")
_TAG = re.compile(r"</?[a-z]+\d+>")


TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from typing import Any


class Counts(namedtuple("Counts", "translated fuzzy untranslated obsolete words_translated words_total", defaults=(0, 0, 0, 0, 0, 0))):
    """The figures of a set of entries."""

    __slots__ = ()
    translated: int
    fuzzy: int
    untranslated: int
    obsolete: int
    words_translated: int
    words_total: int

    @property
    def total(self) -> int:
        """Translated, fuzzy and untranslated: the obsolete entries are not among them."""
        return self.translated + self.fuzzy + self.untranslated

    @property
    def percent(self) -> float:
        """Translated entries out of the total, 0–100, to two decimals.

        Never rounded up to 100: one untranslated entry in 20,000 is 99.99.
        A catalog without messages has translated nothing: 0, so that an
        emptied catalog is never published as complete.
        """
        return _share(self.translated, self.total)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Counts:
        words = data["words"]
        return cls(data["translated"], data["fuzzy"], data["untranslated"], data["obsolete"], words["translated"], words["total"])

    def to_json(self) -> dict[str, object]:
        return {
            "translated": self.translated,
            "fuzzy": self.fuzzy,
            "untranslated": self.untranslated,
            "obsolete": self.obsolete,
            "total": self.total,
            "percent": self.percent,
            "words": {"translated": self.words_translated, "total": self.words_total},
        }


def _share(part: int, total: int) -> float:
    """``part`` of ``total`` in percent, to two decimals, never rounded up to 100; 0 of nothing."""
    if not total:
        return 0.0
    return min(round(100 * part / total, 2), 99.99) if part < total else 100.0


class ReviewCounts(namedtuple("ReviewCounts", "approved stale unreviewed", defaults=(0, 0, 0))):
    """How many texts a clinical reviewer approved, how many approvals are stale, how many texts are unreviewed.

    See :mod:`trigger_content.reviews`; without a review file, every text is unreviewed.
    """

    __slots__ = ()
    approved: int
    stale: int
    unreviewed: int

    @property
    def total(self) -> int:
        return self.approved + self.stale + self.unreviewed

    @property
    def percent(self) -> float:
        """Approved texts out of all, 0–100, as :attr:`Counts.percent` rounds: 100 only when every one is."""
        return _share(self.approved, self.total)

    @classmethod
    def tally(cls, states: Iterable[str]) -> ReviewCounts:
        """The counts of ``states`` (``approved``, ``stale`` or ``unreviewed``, one per text)."""
        states = list(states)
        return cls(states.count("approved"), states.count("stale"), states.count("unreviewed"))

    @property
    def recorded(self) -> bool:
        """Whether any text has a record (approved or stale)."""
        return bool(self.approved or self.stale)

    def to_json(self) -> dict[str, object]:
        return {"approved": self.approved, "stale": self.stale, "unreviewed": self.unreviewed, "percent": self.percent}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ReviewCounts:
        return cls(data["approved"], data["stale"], data["unreviewed"])


def state(entry: Entry) -> str:
    """``translated``, ``fuzzy`` or ``untranslated``, by the counting rules above."""
    if entry.untranslated:
        return "untranslated"
    return "fuzzy" if entry.fuzzy else "translated"


def count(entries: Iterable[Entry], *, header: Entry | None = None) -> Counts:
    """The figures of ``entries``; with the catalog's ``header``, an empty one counts as untranslated."""
    tally = {"translated": 0, "fuzzy": 0, "untranslated": 0}
    obsolete = words_translated = words_total = 0
    for entry in entries:
        if entry.obsolete:
            obsolete += 1
            continue
        kind = state(entry)
        tally[kind] += 1
        size = words(entry.msgid) + (words(entry.msgid_plural) if entry.msgid_plural else 0)
        words_total += size
        if kind == "translated":
            words_translated += size
    if header is not None and header.untranslated:
        tally["untranslated"] += 1
    return Counts(obsolete=obsolete, words_translated=words_translated, words_total=words_total, **tally)


def count_words(text: str) -> int:
    """The number of words in ``text``, inline tags left out."""
    return _WORD.subn("", _TAG.sub(" ", text) if "<" in text else text)[1]


#: :func:`count_words`, remembered: the catalogs of one template share their English.
words = lru_cache(maxsize=1 << 17)(count_words)

_TAG_BYTES = re.compile(_TAG.pattern.encode("ascii"))
#: For ASCII text: a letter or digit becomes "a", a connector "-", anything else a space.
_CLASSES = bytes(ord("a") if chr(byte).isalnum() else ord("-") if chr(byte) in "-'" else ord(" ") for byte in range(128)) + b" " * 128
_CONNECTOR_AS_SPACE = bytes.maketrans(b"-", b" ")
#: A connector between two runs (the match ends before the second, which may join a third).
_JOIN = re.compile(rb"a-(?=a)")


def count_words_utf8(text: bytes) -> int:
    """:func:`count_words` of UTF-8 ``text``, in a few passes over the whole of it when it is ASCII.

    A word is a run of letters and digits, runs joined by single connectors
    (``-``, ``'``, ``’``) included: so the words are the runs, less the
    connectors that join two runs.
    """
    if b"<" in text:
        text = _TAG_BYTES.sub(b" ", text)
    if not text.isascii():
        text = text.replace("’".encode(), b"'")  # a connector like '
        if not text.isascii():
            return count_words(text.decode("utf-8"))
    classes = b" " + text.translate(_CLASSES)
    runs = classes.translate(_CONNECTOR_AS_SPACE).count(b" a")
    return runs - len(_JOIN.findall(classes))


class Statistics(namedtuple("Statistics", "locale counts notes")):
    """What ``status`` needs of one catalog: its locale, its figures, and what reading it noticed."""

    __slots__ = ()
    locale: str
    counts: Counts
    notes: list[str]
