"""Findings for people and machines: compiler-style text, JSON, GitHub annotations, JUnit XML."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from xml.etree import ElementTree

from . import CHECKS, SEVERITIES, Finding, Policy


def summary(findings: Sequence[Finding], policy: Policy, catalogs: int) -> str:
    """One line: how many catalogs, errors and warnings, and whether the policy is met."""
    errors = sum(1 for finding in findings if finding.severity == "error")
    warnings = len(findings) - errors
    verdict = "policy failed" if any(policy.fails(finding) for finding in findings) else "policy met"
    return f"{catalogs} catalog{'s' if catalogs != 1 else ''}: {errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}; {verdict}"


def to_text(findings: Sequence[Finding], policy: Policy, catalogs: int) -> str:
    """``path:line: severity: message [check] (msgctxt)``, one line each (``path:`` alone for the file as a whole), then the summary."""
    lines = []
    for finding in findings:
        where = f" ({finding.msgctxt})" if finding.msgctxt else ""
        lines.append(f"{finding.place}: {finding.severity}: {finding.message} [{finding.check}]{where}")
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
    """GitHub Actions workflow commands: an ``::error`` or ``::warning`` annotation per finding."""
    lines = []
    for finding in findings:
        level = "error" if policy.fails(finding) else "warning"
        title = f"{finding.check}" + (f" ({finding.msgctxt})" if finding.msgctxt else "")
        line = f"line={finding.line}," if finding.line else ""  # no line: an annotation of the whole file
        if finding.line and finding.column:
            line += f"col={finding.column},"
        lines.append(
            f"::{level} file={_escape_property(finding.path)},{line}title={_escape_property(title)}::{_escape_data(finding.message)}"
        )
    lines.append(summary(findings, policy, catalogs))
    return "\n".join(lines) + "\n"


def to_junit(findings: Sequence[Finding], policy: Policy, paths: Sequence[str], *, project: bool = False) -> str:
    """JUnit XML: a test suite per file (and one for the project), a test case per check."""
    root = ElementTree.Element("testsuites", name="trigger-content check")
    by_path: dict[str, list[Finding]] = {path: [] for path in paths}
    if project:
        by_path["project"] = []
    for finding in findings:
        key = "project" if project and CHECKS[finding.check].scope == "project" else finding.path
        by_path.setdefault(key, []).append(finding)
    total = failures = 0
    for path, found in by_path.items():
        suite = ElementTree.SubElement(root, "testsuite", name=path)
        suite_failures = 0
        scopes = {"project"} if path == "project" or path not in paths else {"reader", "entry", "translation", "tagged", "catalog"}
        checks = [item for item in CHECKS.values() if item.scope in scopes and item.id not in policy.disable]
        for item in checks:
            case = ElementTree.SubElement(suite, "testcase", classname=path, name=f"{item.id}: {item.title}")
            mine = [finding for finding in found if finding.check == item.id]
            failing = [finding for finding in mine if policy.fails(finding)]
            report = "\n".join(f"{f.place}: {f.severity}: {f.message}" + (f" ({f.msgctxt})" if f.msgctxt else "") for f in mine)
            if failing:
                failure = ElementTree.SubElement(
                    case, "failure", message=f"{len(failing)} finding{'s' if len(failing) != 1 else ''}", type=item.severity
                )
                failure.text = report
                suite_failures += 1
            elif mine:
                ElementTree.SubElement(case, "system-out").text = report
        suite.set("tests", str(len(checks)))
        suite.set("failures", str(suite_failures))
        total += len(checks)
        failures += suite_failures
    root.set("tests", str(total))
    root.set("failures", str(failures))
    ElementTree.indent(root)
    text = ElementTree.tostring(root, encoding="unicode")
    # Control characters a catalog may hold are not allowed in XML 1.0.
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "\ufffd", text)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n"


def checks_table() -> str:
    """The Markdown table of every check, errors first, as docs/checks.md shows it (``scripts/docs.py`` writes it there)."""
    rows = sorted(CHECKS.values(), key=lambda item: (SEVERITIES.index(item.severity), item.id))
    lines = ["| id | severity | what it looks for |", "| --- | --- | --- |"]
    lines += ["| `{}` | {} | {} |".format(item.id, item.severity, item.description.replace("|", "\\|")) for item in rows]
    return "\n".join(lines) + "\n"
