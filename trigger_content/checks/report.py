"""Findings for people and machines: compiler-style text, JSON, GitHub annotations, JUnit XML."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from pathlib import Path
from xml.etree import ElementTree

from . import CHECKS, SEVERITIES, Finding, Policy


def summary(findings: Sequence[Finding], policy: Policy, catalogs: int) -> str:
    """One line: how many catalogs, errors and warnings, and whether the policy is met."""
    errors = sum(1 for finding in findings if finding.severity == "error")
    notes = sum(1 for finding in findings if finding.severity == "note")
    warnings = len(findings) - errors - notes
    verdict = "policy failed" if any(policy.fails(finding) for finding in findings) else "policy met"
    counted = f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}"
    if notes:
        counted += f", {notes} note{'s' if notes != 1 else ''}"
    return f"{catalogs} catalog{'s' if catalogs != 1 else ''}: {counted}; {verdict} ({policy.source})"


def to_text(findings: Sequence[Finding], policy: Policy, catalogs: int) -> str:
    """``path:line: severity: message [check] (msgctxt)``, one line each (``path:`` alone for the file as a whole), then the summary."""
    lines = []
    for finding in findings:
        where = f" ({finding.msgctxt})" if finding.msgctxt else ""
        accepted = f" accepted: {finding.accepted}" if finding.accepted else ""
        lines.append(f"{finding.place}: {finding.severity}: {finding.message} [{finding.check}]{where}{accepted}")
    lines.append(summary(findings, policy, catalogs))
    return "\n".join(lines) + "\n"


def to_json(findings: Sequence[Finding], policy: Policy, catalogs: int) -> str:
    """``{"passed": bool, "summary": str, "findings": [...]}`` on one line.

    Not indented: json writes an indented document with its Python encoder,
    ten times slower than its C one on a catalog with thousands of findings.
    """
    document = {
        "passed": not any(policy.fails(finding) for finding in findings),
        "summary": summary(findings, policy, catalogs),
        "findings": [finding.to_json() for finding in findings],
    }
    return json.dumps(document, ensure_ascii=False) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def to_github(findings: Sequence[Finding], policy: Policy, catalogs: int) -> str:
    """GitHub Actions workflow commands: an ``::error`` or ``::warning`` annotation per finding.

    GitHub places an annotation by its path from the repository's root: in a
    workflow (``GITHUB_WORKSPACE`` set), a path below it is written from there,
    whatever the current folder.
    """
    workspace = os.environ.get("GITHUB_WORKSPACE")
    lines = []
    for finding in findings:
        level = "error" if policy.fails(finding) else "notice" if finding.severity == "note" else "warning"
        title = f"{finding.check}" + (f" ({finding.msgctxt})" if finding.msgctxt else "")
        line = f"line={finding.line}," if finding.line else ""  # no line: an annotation of the whole file
        if finding.line and finding.column:
            line += f"col={finding.column},"
        path = _from_workspace(finding.path, workspace) if workspace else finding.path
        message = finding.message + (f" (accepted: {finding.accepted})" if finding.accepted else "")
        lines.append(f"::{level} file={_escape_property(path)},{line}title={_escape_property(title)}::{_escape_data(message)}")
    lines.append(summary(findings, policy, catalogs))
    return "\n".join(lines) + "\n"


def _from_workspace(path: str, workspace: str) -> str:
    """``path`` from the root of the repository GitHub checked out, when it is below it."""
    full, root = Path(path).resolve(), Path(workspace).resolve()
    return full.relative_to(root).as_posix() if full.is_relative_to(root) else path


def to_junit(findings: Sequence[Finding], policy: Policy, paths: Sequence[str], *, project: bool = False) -> str:
    """JUnit XML: a test suite per file (and one for the project), a test case per check.

    A check whose findings fail the policy is a ``failure`` whose message
    names the first finding; a file that cannot be read is an ``error`` (the
    check ``unreadable``), and the checks that could not run on it are
    ``skipped``, never passed. Each suite, and the whole, counts its tests,
    failures, errors and skipped tests, as the common JUnit schema asks.
    """
    root = ElementTree.Element("testsuites", name="trigger-content check")
    by_path: dict[str, list[Finding]] = {path: [] for path in paths}
    if project:
        by_path["project"] = []
    for finding in findings:
        outside = finding.path not in by_path  # a source document or the template that could not be read
        key = "project" if project and (CHECKS[finding.check].scope in _PROJECT_SCOPES or outside) else finding.path
        by_path.setdefault(key, []).append(finding)
    totals = dict.fromkeys(("tests", "failures", "errors", "skipped"), 0)
    for path, found in by_path.items():
        suite = ElementTree.SubElement(root, "testsuite", name=path)
        counts = dict.fromkeys(totals, 0)
        scopes = _PROJECT_SCOPES if path == "project" or path not in paths else {"reader", "entry", "translation", "tagged", "catalog"}
        unread = [finding for finding in found if finding.check == "unreadable"]
        checks = [
            item
            for item in CHECKS.values()
            if (item.scope in scopes or (item.id == "unreadable" and unread)) and item.id not in policy.disable
        ]
        for item in checks:
            counts["tests"] += 1
            case = ElementTree.SubElement(suite, "testcase", classname=path, name=f"{item.id}: {item.title}")
            mine = [finding for finding in found if finding.check == item.id]
            report = "\n".join(f"{f.place}: {f.severity}: {f.message}" + (f" ({f.msgctxt})" if f.msgctxt else "") for f in mine)
            if item.id == "unreadable" and mine:
                ElementTree.SubElement(case, "error", message=_first(mine), type="unreadable").text = report
                counts["errors"] += 1
            elif unread and not mine:
                what = "the catalog" if path in paths else "a source document or the template"
                ElementTree.SubElement(case, "skipped", message=f"not run: {what} cannot be read")
                counts["skipped"] += 1
            elif any(policy.fails(finding) for finding in mine):
                ElementTree.SubElement(case, "failure", message=_first(mine), type=item.severity).text = report
                counts["failures"] += 1
            elif mine:
                ElementTree.SubElement(case, "system-out").text = report
        for name, number in counts.items():
            suite.set(name, str(number))
            totals[name] += number
    for name, number in totals.items():
        root.set(name, str(number))
    ElementTree.indent(root)
    text = ElementTree.tostring(root, encoding="unicode")
    # Control characters a catalog may hold are not allowed in XML 1.0.
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "\ufffd", text)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n"


#: The checks of a project as a whole, reported in its own suite: staleness, the source documents, the policy.
_PROJECT_SCOPES = frozenset({"project", "document", "policy"})


def _first(findings: Sequence[Finding]) -> str:
    """A failure's message: the first finding, where and what, and how many more."""
    first = findings[0]
    more = f" (and {len(findings) - 1} more)" if len(findings) > 1 else ""
    return f"{first.place}: {first.message}{more}"


def checks_table() -> str:
    """The Markdown table of every check, errors first, as docs/checks.md shows it (``scripts/docs.py`` writes it there)."""
    rows = sorted(CHECKS.values(), key=lambda item: (SEVERITIES.index(item.severity), item.id))
    lines = ["| id | severity | what it looks for |", "| --- | --- | --- |"]
    lines += ["| `{}` | {} | {} |".format(item.id, item.severity, item.description.replace("|", "\\|")) for item in rows]
    return "\n".join(lines) + "\n"
