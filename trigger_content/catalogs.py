"""Catalogs: the template extracted from the pages, and reading translations back.

One gettext domain holds the site chrome and every page, so a locale has one
catalog: ``locales/<locale>/LC_MESSAGES/trigger_content.po``. The template is
``locales/trigger_content.pot``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from datetime import datetime, timezone
from pathlib import Path

import polib

from .errors import TriggerContentError
from .files import write_atomic
from .model import Page

from .project import Project
from .walker import segments

#: Header fields of a new template, in the order xgettext writes them.
TEMPLATE_HEADER = (
    ("Project-Id-Version", "trigger_content"),
    ("Report-Msgid-Bugs-To", ""),
    ("POT-Creation-Date", ""),
    ("PO-Revision-Date", "YEAR-MO-DA HO:MI+ZONE"),
    ("Last-Translator", "FULL NAME <EMAIL@ADDRESS>"),
    ("Language-Team", "LANGUAGE <LL@li.org>"),
    ("Language", ""),
    ("MIME-Version", "1.0"),
    ("Content-Type", "text/plain; charset=UTF-8"),
    ("Content-Transfer-Encoding", "8bit"),
)

TEMPLATE_COMMENT = (
    "Translation template of the trigger_content pages.\n"
    "Made by `trigger-content extract` from the English source documents:\n"
    "edit those and extract again rather than this file."
)


def build_template(
    pages: Iterable[Page],
    *,
    references: Mapping[str, str] | None = None,
    creation_date: str = "",
) -> polib.POFile:
    """The template of ``pages``: one entry per segment, site chrome once.

    ``references`` maps a page id (and ``"site"``) to the file named in the
    entries' ``#:`` lines.
    """
    references = references or {}
    template = polib.POFile(wrapwidth=79)
    template.header = TEMPLATE_COMMENT
    template.metadata_is_fuzzy = True
    template.metadata = dict(TEMPLATE_HEADER)
    template.metadata["POT-Creation-Date"] = creation_date
    seen: dict[tuple[str, str], polib.POEntry] = {}
    for page in pages:
        for segment in segments(page):
            key = (segment.context, segment.text)
            if key in seen:
                continue
            root = segment.context.split(".", 1)[0]
            entry = polib.POEntry(
                msgctxt=segment.context,
                msgid=segment.text,
                msgstr="",
                comment=segment.comment,
                occurrences=[(references[root], "")] if root in references else [],
            )
            seen[key] = entry
            template.append(entry)
    return template


def template_text(template: polib.POFile) -> str:
    """The template file's text, as GNU gettext writes it."""
    from .pofile import format_po

    return format_po(template)


def write_template(
    pages: Iterable[Page],
    path: str | Path,
    *,
    references: Mapping[str, str] | None = None,
    check: bool = False,
) -> bool:
    """Write the template of ``pages`` to ``path``; return whether it changed.

    When only the creation date would differ, the file is left as it is, so
    extracting twice changes no byte. With ``check``, nothing is written.
    """
    path = Path(path)
    old_date = _creation_date(path)
    kept = template_text(build_template(pages, references=references, creation_date=old_date))
    if old_date and _read(path) == kept:
        return False
    if not check:
        now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M%z")
        text = template_text(build_template(pages, references=references, creation_date=now))
        write_atomic(path, text.encode("utf-8"))
    return True


def project_references(project: Project, files: Mapping[str, Path]) -> dict[str, str]:
    """The ``#:`` reference of each page id: its file, relative to the project."""
    base = project.root or project.content.parent
    return {key: Path(os.path.relpath(path, base)).as_posix() for key, path in files.items()}


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _creation_date(path: Path) -> str:
    text = _read(path)
    if text is None:
        return ""
    try:
        return polib.pofile(text).metadata.get("POT-Creation-Date", "")
    except (OSError, ValueError):
        return ""


def read_translations(path: str | Path) -> dict[tuple[str, str], str]:
    """The usable translations of a catalog: ``(msgctxt, msgid)`` → msgstr.

    Fuzzy, obsolete and empty entries are left out, so their texts fall back
    to the source language.
    """
    path = Path(path)
    try:
        catalog = polib.pofile(str(path), wrapwidth=0)
    except (OSError, ValueError) as error:
        raise TriggerContentError(f"cannot read catalog: {error}", path=path) from None
    return {
        (entry.msgctxt or "", entry.msgid): entry.msgstr
        for entry in catalog
        if entry.msgstr and not entry.fuzzy and not entry.obsolete
    }
