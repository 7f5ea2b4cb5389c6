"""Quality checks of catalogs: small functions, each with an id, a severity and a docstring.

A check of messages takes all the messages of a catalog at once, with the
:class:`Context` of the catalog, and yields ``(entry, message)`` for each
problem: ``scope="entry"`` checks take the active
:class:`~trigger_content.po.Entry` list, ``scope="translation"`` checks
each non-empty translation as a :class:`Translation`, beside the English it
translates, and ``scope="tagged"`` checks only the translations whose
English or text holds a "<" (the checks of tags and markup). Taking them at
once lets a check pass over most with one cheap test.
A check of catalogs takes the catalog and yields ``(line, message)``.
:func:`check_catalog` runs the enabled ones and returns :class:`Finding`
records that point at the exact line. Severities: ``error`` (the page would
be wrong or unsafe) and ``warning`` (a reviewer should look).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import TriggerContentError
from ..locale_codes import language_of, locale_problem
from ..errors import CatalogError
from ..po.entry import Catalog, Entry
from ..po.reader import read_po

SEVERITIES = ("error", "warning")


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
class Term:
    """A glossary term: English forms to find, and the forms each language must use."""

    en: str
    match: tuple[str, ...]
    renderings: dict[str, tuple[str, tuple[str, ...]]]


@dataclass(frozen=True)
class Policy:
    """What the checks enforce; read from ``[tool.trigger-content.check]``, overridden by flags."""

    min_percent: float = 0.0
    min_percent_for: dict[str, float] = field(default_factory=dict)
    fail_on: tuple[str, ...] = ("error",)
    disable: tuple[str, ...] = ()
    same_as_source: tuple[str, ...] = ()
    protected: tuple[str, ...] = ()
    do_not_translate: tuple[str, ...] = ()
    glossary: tuple[Term, ...] = ()

    def threshold(self, locale: str) -> float:
        """The minimum percent translated for ``locale``."""
        return self.min_percent_for.get(locale, self.min_percent)

    def fails(self, finding: Finding) -> bool:
        """Whether ``finding`` makes the policy fail."""
        return finding.severity in self.fail_on or finding.check in self.fail_on


@dataclass(frozen=True)
class Context:
    """What a check of messages may know about the catalog an entry is in."""

    path: str
    locale: str
    nplurals: int | None
    policy: Policy

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


CHECKS: dict[str, Check] = {}


def check(id: str, severity: str, scope: str = "entry") -> Callable[[CheckFunction], CheckFunction]:
    """Register a check function under ``id``; ``scope`` says what it takes (see the module's docstring)."""

    def register(function: CheckFunction) -> CheckFunction:
        CHECKS[id] = Check(id, severity, scope, function)
        return function

    return register


def check_catalog(catalog: Catalog, policy: Policy = Policy()) -> list[Finding]:
    """Run every enabled check on ``catalog``; findings in line order."""
    from ..po.plural import nplurals as plural_count

    # None: no number of forms to hold plural messages to (no Plural-Forms, or none readable in it).
    nplurals = plural_count(catalog.header.get("Plural-Forms"), 0) or None
    context = Context(catalog.path, catalog.locale, nplurals, policy)
    enabled = [item for item in CHECKS.values() if item.id not in policy.disable]
    findings: list[Finding] = []
    header_line = catalog.header_line or 1
    for item in enabled:
        if item.scope == "catalog":
            findings.extend(
                Finding(catalog.path, line or header_line, None, "", item.id, item.severity, message)
                for line, message in item.function(catalog, context)
            )
    entries = catalog.active
    translations = translations_of(entries)
    # Markup needs a "<": the checks of tags and markup take only the few translations that have one.
    tagged = [item for item in translations if "<" in item.source or "<" in item.text]
    messages = {"entry": entries, "translation": translations, "tagged": tagged}
    for item in enabled:
        if item.scope in messages:
            findings.extend(
                Finding(catalog.path, entry.msgstr_line, entry.msgctxt, entry.msgid, item.id, item.severity, message)
                for entry, message in item.function(messages[item.scope], context)
            )
    # Line order; on one line, the order of the checks.
    findings.sort(key=lambda finding: finding.line)
    return findings


# -- policy ------------------------------------------------------------------------


def load_policy(settings: dict[str, Any], root: Path | None, *, source: str = "pyproject.toml") -> Policy:
    """A policy from the ``[tool.trigger-content.check]`` table (``settings``)."""
    from ..project import Settings

    known = {"min-percent", "min-percent-for", "fail-on", "disable", "same-as-source", "protected", "do-not-translate", "glossary"}
    table = Settings("check", settings, known, source)
    glossary: tuple[Term, ...] = ()
    if table.text("glossary", ""):
        path = (root or Path.cwd()) / table.text("glossary", "")
        if not path.is_file():
            table.fail(f"glossary: no such file {str(path)!r}", "glossary")
        glossary = load_glossary(path)
    policy = Policy(
        min_percent=table.percent("min-percent", 0),
        min_percent_for=table.percents("min-percent-for"),
        fail_on=table.texts("fail-on", ("error",)),
        disable=table.texts("disable"),
        same_as_source=table.texts("same-as-source"),
        protected=table.texts("protected"),
        do_not_translate=table.texts("do-not-translate"),
        glossary=glossary,
    )
    for key, names in (("fail-on", policy.fail_on), ("disable", policy.disable)):
        problem = unknown_name(names)
        if problem:
            table.fail(f"{key}: {problem}", key)
    for locale in policy.min_percent_for:
        problem = locale_problem(locale)
        if problem:
            table.fail(f"min-percent-for: {problem}", "min-percent-for")
    return policy


def unknown_name(names: Iterable[str]) -> str | None:
    """What is wrong with the first of ``names`` that is neither a check id nor a severity; ``None`` if none is."""
    for name in names:
        if name not in CHECKS and name not in SEVERITIES:
            return f"unknown check or severity {name!r} (checks: {', '.join(sorted(CHECKS))})"
    return None


def validate_names(names: Iterable[str], source: str) -> None:
    """Refuse a check id or severity that does not exist."""
    problem = unknown_name(names)
    if problem:
        raise TriggerContentError(problem, path=source)


def load_glossary(path: Path) -> tuple[Term, ...]:
    """The terms of a glossary file (see ``locales/glossary.toml``)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise TriggerContentError(error.strerror or str(error), path=path) from None
    except tomllib.TOMLDecodeError as error:
        raise TriggerContentError(f"invalid TOML: {error}", path=path) from None
    terms = []
    for index, term in enumerate(data.get("term", [])):
        try:
            renderings = {
                locale: (str(value["text"]), tuple(str(form) for form in value["match"]))
                for locale, value in term.items()
                if isinstance(value, dict)
            }
            terms.append(Term(str(term["en"]), tuple(str(form) for form in term.get("match", [term["en"]])), renderings))
        except (KeyError, TypeError) as error:
            raise TriggerContentError(f"term[{index}]: missing {error}", path=path) from None
    return tuple(terms)


def contains_any(text: str, forms: tuple[str, ...]) -> bool:
    """Whether one of ``forms`` starts a word of ``text``, case aside."""
    folded = text.casefold()
    if not any(form.casefold() in folded for form in forms):
        return False  # most texts: no form at all, found without a regular expression
    return _starts_a_word(forms).search(text) is not None


@lru_cache(maxsize=4096)
def _starts_a_word(forms: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(form) for form in forms) + ")", re.IGNORECASE)


def findings_json(path: str | Path, policy: Policy) -> tuple[list[dict[str, object]], list[str]]:
    """The findings of the catalog at ``path`` as JSON-shaped data (the reader's notes among them, as the check ``read``): the work of one worker of ``check``."""
    catalog = read_po(path)
    return [finding.to_json() for finding in check_catalog(catalog, policy)], []


def policy_key(policy: Policy) -> str:
    """A name for the results of ``policy`` in the cache: the same policy, the same name."""
    import hashlib

    return "check:" + hashlib.sha256(repr(policy).encode("utf-8")).hexdigest()[:16]


def check_project(project: Any, policy: Policy = Policy()) -> list[Finding]:
    """Run the enabled checks of staleness on a project's template and catalogs."""
    findings = []
    for item in CHECKS.values():
        if item.scope == "project" and item.id not in policy.disable:
            try:
                for path, message in item.function(project):
                    findings.append(Finding(str(path), 0, None, "", item.id, item.severity, message))
            except CatalogError:
                continue  # an unreadable catalog: the caller reports it once, as "unreadable"
            except TriggerContentError as error:  # a source document or the template
                findings.append(unreadable_finding(error, str(error.path or "")))
                break
    return findings


def unreadable_finding(error: TriggerContentError, path: str) -> Finding:
    """A catalog the reader refused, as a finding of the check ``unreadable``."""
    return Finding(error.path or path, error.line or 0, None, "", "unreadable", "error", error.message, error.column)


# The checks register themselves on import.
from . import catalog as _catalog_checks  # noqa: E402,F401
from . import messages as _message_checks  # noqa: E402,F401
from . import project as _project_checks  # noqa: E402,F401
