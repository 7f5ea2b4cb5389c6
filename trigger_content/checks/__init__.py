"""Quality checks of catalogs: small functions, each with an id, a severity and a docstring.

:mod:`.registry` says what a check is, :mod:`.policy` what ``check`` holds
the catalogs to, :mod:`.run` runs them; the checks themselves are in
:mod:`.catalog`, :mod:`.messages`, :mod:`.project`, :mod:`.review` and :mod:`.document`.
"""

from __future__ import annotations

from . import catalog, document, messages, project, review  # each check registers itself on import
from .policy import Policy, Term, load_glossary, load_policy, override, policy_key, unknown_name, validate_names
from .registry import CHECKS, SEVERITIES, Check, Context, Finding, Translation, check, contains_any, translations_of
from .run import check_catalog, check_project, findings_json, run_checks, unreadable_finding

__all__ = [
    "CHECKS",
    "SEVERITIES",
    "Check",
    "Context",
    "Finding",
    "Policy",
    "Term",
    "Translation",
    "catalog",
    "check",
    "check_catalog",
    "check_project",
    "contains_any",
    "document",
    "findings_json",
    "load_glossary",
    "load_policy",
    "messages",
    "override",
    "policy_key",
    "project",
    "review",
    "run_checks",
    "translations_of",
    "unknown_name",
    "unreadable_finding",
    "validate_names",
]
