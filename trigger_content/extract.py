"""Extraction: the gettext template (``.pot``) of the pages, one entry per translatable text.

The site chrome comes once for all pages; each entry carries its context
(the ids of the text's place), the translators' comment the walker writes,
and a reference to its source document.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from .errors import TriggerContentError
from .files import own_descriptor, write_atomic
from .model import Page
from .po.entry import Catalog, Entry, header_date, header_text
from .po.reader import read_po
from .po.writer import format_po
from .project import Project
from .source import SITE_FILE, page_sources
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
    bugs_to: str = "",
) -> Catalog:
    """The template of ``pages``: one entry per segment, site chrome once.

    ``references`` maps a page id (and ``"site"``) to the file named in the
    entries' ``#:`` lines; ``bugs_to`` is the header's Report-Msgid-Bugs-To.
    """
    references = references or {}
    fields = dict(TEMPLATE_HEADER)
    fields["POT-Creation-Date"] = creation_date
    fields["Report-Msgid-Bugs-To"] = bugs_to
    header = Entry("", (header_text(fields.items()),), comments=tuple(TEMPLATE_COMMENT.split("\n")), flags=("fuzzy",))
    entries: list[Entry] = []
    seen: set[tuple[str, str]] = set()
    for page in pages:
        for segment in segments(page):
            key = (segment.context, segment.text)
            if key in seen:
                continue
            seen.add(key)
            root = segment.context.split(".", 1)[0]
            entries.append(
                Entry(
                    msgid=segment.text,
                    msgctxt=segment.context,
                    extracted=tuple(segment.comment.split("\n")) if segment.comment else (),
                    references=(references[root],) if root in references else (),
                )
            )
    return Catalog("trigger_content.pot", entries, header)


def write_template(
    pages: Iterable[Page],
    path: str | Path,
    *,
    references: Mapping[str, str] | None = None,
    check: bool = False,
    bugs_to: str = "",
) -> bool:
    """Write the template of ``pages`` to ``path``; return whether it changed.

    When only the creation date would differ, the file is left as it is, so
    extracting twice changes no byte. With ``check``, nothing is written.
    """
    path = Path(path)
    old_date = _creation_date(path)
    kept = format_po(build_template(pages, references=references, creation_date=old_date, bugs_to=bugs_to))
    if old_date and _read(path) == kept:
        return False
    if not check:
        text = format_po(build_template(pages, references=references, creation_date=header_date(), bugs_to=bugs_to))
        write_atomic(path, text.encode("utf-8"))
    return True


def project_sources(project: Project, *, required: bool = False) -> tuple[list[Page], dict[str, str]]:
    """The project's pages, and the ``#:`` reference of each page id (and of ``site``): its file, relative to the project.

    With ``required``, a content folder without a page is refused.
    """
    found = page_sources(project.content, required=required)
    files = {page.id: path for page, path in found}
    if (project.content / SITE_FILE).is_file():
        files["site"] = project.content / SITE_FILE
    base = project.root or project.content.parent
    return [page for page, _ in found], {key: Path(os.path.relpath(path, base)).as_posix() for key, path in files.items()}


def _read(path: Path) -> str | None:
    """The text of the file at ``path``; ``None`` when there is none, or it is a device, a pipe or this process's output (not read: it could wait, or be another file)."""
    if not path.is_file() or own_descriptor(path) is not None:
        return None
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _creation_date(path: Path) -> str:
    """The POT-Creation-Date of the template at ``path``; empty when it has none or cannot be read."""
    text = _read(path)
    if text is None:
        return ""
    try:
        return read_po(path, text.encode("utf-8")).header.get("POT-Creation-Date", "")
    except TriggerContentError:
        return ""
