"""The registry of checks: what a check is, what it is given, and what it finds.

A check of messages takes all the messages of a catalog at once, with the
:class:`Context` of the catalog, and yields ``(entry, message)`` for each
problem: ``scope="entry"`` checks take the active
:class:`~trigger_content.po.Entry` list, ``scope="translation"`` checks
each non-empty translation as a :class:`Translation`, beside the English it
translates, and ``scope="tagged"`` checks only the translations whose
English or text holds a "<" (the checks of tags and markup). Taking them at
once lets a check pass over most with one cheap test. A check of catalogs
takes the catalog and yields ``(line, message)``; a check of projects takes
the project and yields ``(path, message)``; a check of documents takes a
source document and the policy and yields ``(context, message)``. Severities: ``error`` (the page
would be wrong or unsafe), ``warning`` (a reviewer should look) and ``note``
(nothing is wrong; a command would tidy it). A policy fails on the
severities and checks its ``fail_on`` names.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any, NamedTuple

from ..languages import language_of
from ..po.entry import Entry

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ..po.entry import Catalog
    from ..reviews import CatalogReviews
    from .policy import Policy

SEVERITIES = ("error", "warning", "note")


@dataclass(frozen=True)
class Finding:
    """One problem: where (path, 1-based line, msgctxt, msgid), which check, how bad, what.

    ``line`` is 0 when the finding is about the file as a whole (a stale
    template, a file that cannot be opened); ``column`` (1-based) is known
    only for a file that cannot be read, where its reader stopped.
    """

    path: str
    line: int
    msgctxt: str | None
    msgid: str
    check: str
    severity: str
    message: str
    column: int | None = None
    #: The reason the policy gives for accepting it (its ``accept`` list), or ``None``.
    accepted: str | None = None

    def __post_init__(self) -> None:
        if not self.line and self.column is not None:
            object.__setattr__(self, "column", None)  # a column means nothing without its line

    def to_json(self) -> dict[str, object]:
        """Its fields in order; ``Finding(**data)`` makes it again."""
        return dict(vars(self))

    @property
    def place(self) -> str:
        """``path:line`` (``path:line:column`` when the column is known), or ``path`` for the file as a whole."""
        if not self.line:
            return self.path
        return f"{self.path}:{self.line}:{self.column}" if self.column else f"{self.path}:{self.line}"


class Translation(NamedTuple):
    """A non-empty translation of an entry and the English it translates (msgid_plural for plural forms past the first)."""

    entry: Entry
    source: str
    text: str


def translations_of(entries: Iterable[Entry]) -> list[Translation]:
    """Each non-empty translation of ``entries`` with its English."""
    out = []
    for entry in entries:
        msgstr = entry.msgstr
        if len(msgstr) == 1:
            if msgstr[0]:
                out.append(Translation(entry, entry.msgid, msgstr[0]))  # most entries
            continue
        for index, text in enumerate(msgstr):
            if text:
                out.append(Translation(entry, entry.msgid if index == 0 or entry.msgid_plural is None else entry.msgid_plural, text))
    return out


@dataclass(frozen=True)
class Context:
    """What a check of messages may know about the catalog an entry is in."""

    path: str
    locale: str
    nplurals: int | None
    policy: Policy
    #: The catalog itself, for what needs more than its messages (the review records).
    catalog: Catalog | None = None

    @cached_property
    def reviews(self) -> CatalogReviews | None:
        """The review state of the catalog's texts, from the review file beside it; ``None`` without one."""
        from pathlib import Path

        from ..project import review_file

        if self.catalog is None or not review_file(Path(self.path)).is_file():
            return None
        from ..reviews import catalog_reviews

        return catalog_reviews(self.catalog)

    @cached_property
    def language(self) -> str:
        """The language of the catalog's locale: ``pt`` of ``pt_BR``."""
        return language_of(self.locale)

    @cached_property
    def names(self) -> tuple[str, ...]:
        """The policy's names that are never translated, longest first (a name may hold a shorter one)."""
        return tuple(sorted(self.policy.do_not_translate, key=len, reverse=True))

    @cached_property
    def any_name(self) -> re.Pattern[str]:
        """Finds any of the names: a text without one cannot lose one."""
        return re.compile("|".join(re.escape(name) for name in self.names))

    @cached_property
    def any_term(self) -> re.Pattern[str]:
        """Finds any English form of the glossary where it starts a word, case aside."""
        return _starts_a_word(tuple(form for term in self.policy.glossary for form in term.match))


#: A check's function: it yields ``(where, message)``, where an entry or a line.
CheckFunction = Callable[..., Iterable[tuple[Any, str]]]


@dataclass(frozen=True)
class Check:
    """A registered check: its id, severity, scope (what it takes: ``entry``, ``translation``, ``tagged``, ``catalog``, ``project``, or ``reader`` for the reader's own refusals) and function."""

    id: str
    severity: str
    scope: str
    function: CheckFunction

    @property
    def title(self) -> str:
        """The first line of the function's docstring."""
        return (self.function.__doc__ or self.id).strip().splitlines()[0]

    @property
    def description(self) -> str:
        """The docstring's paragraphs after its first line, as one line: what the check looks for, in the documentation's words."""
        _, _, body = inspect.cleandoc(self.function.__doc__ or "").partition("\n\n")
        return " ".join(body.split()) or self.title


CHECKS: dict[str, Check] = {}


def check(id: str, severity: str, scope: str = "entry") -> Callable[[CheckFunction], CheckFunction]:
    """Register a check function under ``id``; ``scope`` says what it takes (see the module's docstring)."""

    def register(function: CheckFunction) -> CheckFunction:
        CHECKS[id] = Check(id, severity, scope, function)
        return function

    return register


def contains_any(text: str, forms: tuple[str, ...]) -> bool:
    """Whether one of ``forms`` starts a word of ``text``, case aside."""
    folded = text.casefold()
    if not any(form.casefold() in folded for form in forms):
        return False  # most texts: no form at all, found without a regular expression
    return _starts_a_word(forms).search(text) is not None


@lru_cache(maxsize=4096)
def _starts_a_word(forms: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(form) for form in forms) + ")", re.IGNORECASE)
