"""The policy of ``check``: thresholds, what fails, and the project's terms, from ``[tool.trigger-content.check]``."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..errors import TriggerContentError
from ..languages import locale_problem
from ..project import Settings
from ..tomlfile import read_toml
from .registry import CHECKS, SEVERITIES, Finding


@dataclass(frozen=True)
class Term:
    """A glossary term: English forms to find, and the forms each language must use."""

    en: str
    match: tuple[str, ...]
    renderings: dict[str, tuple[str, tuple[str, ...]]]


#: What fails by default: every error, and every text a reader would see in
#: English or out of date (untranslated, fuzzy, a stale .mo, a language
#: without a catalog). The other warnings are for a reviewer's judgement.
DEFAULT_FAIL_ON = ("error", "untranslated", "fuzzy", "stale-mo", "no-catalog")


@dataclass(frozen=True)
class Policy:
    """What the checks enforce; read from ``[tool.trigger-content.check]``, overridden by flags."""

    min_percent: float = 0.0
    min_percent_for: dict[str, float] = field(default_factory=dict)
    #: The minimum percent of texts a clinical reviewer approved (:mod:`trigger_content.reviews`).
    min_approved: float = 0.0
    min_approved_for: dict[str, float] = field(default_factory=dict)
    fail_on: tuple[str, ...] = DEFAULT_FAIL_ON
    disable: tuple[str, ...] = ()
    same_as_source: tuple[str, ...] = ()
    protected: tuple[str, ...] = ()
    do_not_translate: tuple[str, ...] = ()
    glossary: tuple[Term, ...] = ()
    #: The longest sentence of the English, in words (0: no limit).
    max_sentence_words: int = 0
    #: The highest US school grade (Flesch–Kincaid) of an English paragraph or page (0: no limit).
    max_reading_grade: float = 0.0
    #: Findings the project accepts, each with its reason: ``(check, context pattern, reason)``.
    accept: tuple[tuple[str, str, str], ...] = ()
    #: Where the policy comes from, as ``check`` says it.
    source: str = "the default policy"

    def threshold(self, locale: str) -> float:
        """The minimum percent translated for ``locale``."""
        return self.min_percent_for.get(locale, self.min_percent)

    def approved_threshold(self, locale: str) -> float:
        """The minimum percent approved by a clinical reviewer for ``locale``."""
        return self.min_approved_for.get(locale, self.min_approved)

    def acceptance(self, finding: Finding) -> tuple[str, str, str] | None:
        """The acceptance of the policy that ``finding`` falls under, if any: its check, and its context (a pattern) or path."""
        from fnmatch import fnmatchcase

        for accepted in self.accept:
            check, context, _ = accepted
            if finding.check == check and fnmatchcase(finding.msgctxt or finding.path, context):
                return accepted
        return None

    def fails(self, finding: Finding) -> bool:
        """Whether ``finding`` makes the policy fail: an accepted one never does."""
        if finding.accepted is not None:
            return False
        return finding.severity in self.fail_on or finding.check in self.fail_on


def load_policy(settings: dict[str, Any], root: Path | None, *, source: str = "pyproject.toml") -> Policy:
    """A policy from the ``[tool.trigger-content.check]`` table (``settings``)."""
    known = {
        "min-percent",
        "min-percent-for",
        "max-sentence-words",
        "max-reading-grade",
        "accept",
        "min-approved",
        "min-approved-for",
        "fail-on",
        "disable",
        "same-as-source",
        "protected",
        "do-not-translate",
        "glossary",
    }
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
        min_approved=table.percent("min-approved", 0),
        min_approved_for=table.percents("min-approved-for"),
        fail_on=table.texts("fail-on", DEFAULT_FAIL_ON),
        disable=table.texts("disable"),
        same_as_source=table.texts("same-as-source"),
        protected=table.texts("protected"),
        do_not_translate=table.texts("do-not-translate"),
        glossary=glossary,
        max_sentence_words=int(table.number("max-sentence-words", 0)),
        max_reading_grade=table.number("max-reading-grade", 0),
        accept=tuple(
            (item["check"], item["context"], item["reason"])
            for item in table.tables("accept", {"check": True, "context": True, "reason": True})
        ),
        source=f"{source} [tool.trigger-content.check]" if settings else "the default policy",
    )
    for key, names in (("fail-on", policy.fail_on), ("disable", policy.disable)):
        problem = unknown_name(names)
        if problem:
            table.fail(f"{key}: {problem}", key)
    for index, (check_id, _, _) in enumerate(policy.accept):
        if check_id not in CHECKS:
            table.fail(f"accept entry {index + 1}: unknown check {check_id!r} (checks: {', '.join(sorted(CHECKS))})", f"accept[{index}]")
    for key, thresholds in (("min-percent-for", policy.min_percent_for), ("min-approved-for", policy.min_approved_for)):
        for locale in thresholds:
            problem = locale_problem(locale)
            if problem:
                table.fail(f"{key}: {problem}", key)
    return policy


def override(
    policy: Policy,
    *,
    min_percent: float | None = None,
    min_approved: float | None = None,
    fail_on: str | None = None,
    disable: str | None = None,
    source: str = "trigger-content check",
) -> Policy:
    """``policy`` with what the command line says: thresholds for every locale, comma-separated ``fail_on`` and ``disable`` lists."""
    changes: dict[str, Any] = {}
    if min_percent is not None:
        changes.update(min_percent=min_percent, min_percent_for={})
    if min_approved is not None:
        changes.update(min_approved=min_approved, min_approved_for={})
    if fail_on is not None:
        changes["fail_on"] = tuple(name.strip() for name in fail_on.split(",") if name.strip())
        if not changes["fail_on"]:  # an unset CI variable must not turn the gate off
            raise TriggerContentError("--fail-on names nothing; give a severity (error, warning) or check ids")
    if disable is not None:
        changes["disable"] = tuple(name.strip() for name in disable.split(",") if name.strip())
    validate_names([*changes.get("fail_on", ()), *changes.get("disable", ())], source)
    if changes:
        changes["source"] = f"{policy.source}, with the command line's options"
    return replace(policy, **changes)


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
    _, data = read_toml(path)
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


def policy_key(policy: Policy) -> str:
    """A name for the results of ``policy`` in the cache: the same policy, the same name."""
    return "check:" + hashlib.sha256(repr(policy).encode("utf-8")).hexdigest()[:16]
