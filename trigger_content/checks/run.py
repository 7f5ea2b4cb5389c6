"""Running the checks: on a catalog, on a project's files, and on many catalogs for ``check``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from ..batch import Outcome, batch_options, each_catalog
from ..errors import CatalogError, TriggerContentError
from ..po.entry import Catalog
from ..po.plural import nplurals as plural_count
from ..po.reader import read_po
from ..project import Project, catalog_paths
from .policy import Policy, policy_key
from .registry import CHECKS, Context, Finding, translations_of


def check_catalog(catalog: Catalog, policy: Policy = Policy()) -> list[Finding]:
    """Run every enabled check on ``catalog``; findings in line order."""
    # None: no number of forms to hold plural messages to (no Plural-Forms, or none readable in it).
    nplurals = plural_count(catalog.header.get("Plural-Forms"), 0) or None
    context = Context(catalog.path, catalog.locale, nplurals, policy, catalog)
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


def findings_json(path: str | Path, policy: Policy) -> tuple[list[dict[str, object]], list[str]]:
    """The findings of the catalog at ``path`` as JSON-shaped data (the reader's notes among them, as the check ``read``): the work of one worker of ``check``."""
    catalog = read_po(path)
    return [finding.to_json() for finding in check_catalog(catalog, policy)], []


def check_project(project: Project, policy: Policy = Policy()) -> list[Finding]:
    """Run the enabled checks of staleness on a project's template and catalogs."""
    findings = []
    for item in CHECKS.values():
        if item.scope == "project" and item.id not in policy.disable:
            try:
                for path, message in item.function(project):
                    findings.append(Finding(str(path), 0, None, "", item.id, item.severity, message))
            except CatalogError:
                continue  # an unreadable catalog: the caller reports it once, as "unreadable"
            except TriggerContentError as error:  # a source document or the template: each of its problems
                findings.append(unreadable_finding(error, str(error.path or "")))
                for line, message in getattr(error, "others", ()):
                    findings.append(unreadable_finding(TriggerContentError(message, path=error.path, line=line), str(error.path or "")))
                break
    return findings


def unreadable_finding(error: TriggerContentError, path: str) -> Finding:
    """A catalog the reader refused, as a finding of the check ``unreadable``."""
    return Finding(error.path or path, error.line or 0, None, "", "unreadable", "error", error.message, error.column)


def run_checks(
    project: Project, paths: Sequence[str | Path] = (), policy: Policy = Policy(), *, cache: bool = True, jobs: int | None = None
) -> tuple[list[Finding], list[Outcome]]:
    """The findings of ``check``: of each catalog at ``paths``, else of the project's catalogs and files.

    A catalog that cannot be read is a finding of the check ``unreadable``
    (its outcome says so too); in a project, without ``paths``, the checks
    of staleness run as well. Findings in file and line order, and the
    outcome of each catalog read (its notes, or its error).
    """
    # A project without a catalog yet is still checked: its template, and the languages of its site.
    found = project.catalogs() if not paths and project.root is not None else catalog_paths(project, paths)
    store, workers = batch_options(cache, jobs)
    outcomes = each_catalog(found, findings_json, (policy,), kind=policy_key(policy), cache=store, jobs=workers)
    findings = [Finding(**{**item, "path": str(outcome.path)}) for outcome in outcomes if outcome.error is None for item in outcome.value]
    findings += [unreadable_finding(outcome.error, str(outcome.path)) for outcome in outcomes if outcome.error is not None]
    if not paths and project.root is not None:
        findings += check_project(project, policy)
        findings += check_documents(project, policy)
    findings = accepted(findings, policy, every=not paths and project.root is not None, source=project.pyproject)
    findings.sort(key=lambda finding: (finding.path, finding.line))
    return findings, outcomes


def check_documents(project: Project, policy: Policy = Policy()) -> list[Finding]:
    """Run the enabled checks of the English on the project's source documents (a document that cannot be read is said by ``stale-template``)."""
    from ..errors import SourceError
    from ..source import SITE_FILE, context_lines, document_segments, load_site, page_sources
    from .document import Document

    enabled = [item for item in CHECKS.values() if item.scope == "document" and item.id not in policy.disable]
    if not enabled:
        return []
    try:
        documents = [Document(path, page, tuple(document_segments(path, page))) for page, path in page_sources(project.content)]
        site = project.content / SITE_FILE
        if site.is_file():
            model = load_site(site)
            documents.append(Document(site, model, tuple(document_segments(site, model))))
    except SourceError:
        return []
    findings = []
    for document in documents:
        found = [(item, context, message) for item in enabled for context, message in item.function(document, policy)]
        if not found:
            continue
        lines = context_lines(document.path, {context for _, context, _ in found})
        texts = {segment.context: segment.text for segment in document.segments}
        for item, context, message in found:
            line = lines.get(context) or 0
            findings.append(Finding(str(document.path), line, context, texts.get(context, ""), item.id, item.severity, message))
    return findings


def accepted(findings: list[Finding], policy: Policy, *, every: bool, source: str) -> list[Finding]:
    """``findings``, each one the policy accepts turned into a note with its reason; with ``every``, an acceptance that matches nothing is a finding too."""
    if not policy.accept:
        return findings
    used: set[tuple[str, str, str]] = set()
    out = []
    for finding in findings:
        acceptance = policy.acceptance(finding)
        if acceptance is None:
            out.append(finding)
            continue
        used.add(acceptance)
        out.append(replace(finding, severity="note", accepted=acceptance[2]))
    if every and "accept" not in policy.disable:
        from ..project import setting_line

        for index, (check_id, context, reason) in enumerate(policy.accept):
            if (check_id, context, reason) not in used:
                line = setting_line(source, "check", f"accept[{index}]") or 0
                message = f"accepts {check_id} at {context!r}, which matches no finding: remove it from the policy"
                out.append(Finding(source, line, None, "", "accept", CHECKS["accept"].severity, message))
    return out
