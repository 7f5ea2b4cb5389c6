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
from .project import Project, packaged_data
from .source import SITE_FILE, context_lines, document_segments, page_sources
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

    ``references`` maps a message context, or a page id (and ``"site"``) for
    all the texts of a page, to what the entries' ``#:`` lines name; ``bugs_to`` is the header's Report-Msgid-Bugs-To.
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
                    references=tuple(filter(None, [references.get(segment.context) or references.get(root)])),
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
    """The project's pages, and the ``#:`` reference of each text: ``file:line``, the file relative to the project.

    The references are by message context, and by page id (and ``site``)
    for a text whose document leaves it to its default (the file alone). With
    ``required``, a content folder without a page is refused.
    """
    found = page_sources(project.content, required=required)
    # References are from the project's folder; the packaged page's, from the checkout's (as its template has them).
    packaged = project.content.resolve() == packaged_data("content").resolve()
    base = project.root or (project.content.parent.parent if packaged else project.content.parent)
    documents = [(path, document_segments(path, page)) for page, path in found]
    site = project.content / SITE_FILE
    if site.is_file() and found and found[0][0].site is not None:  # the chrome every page shares, from the file that writes it
        documents.append((site, document_segments(site, found[0][0].site)))
    references: dict[str, str] = {}
    for document, written in documents:
        contexts = [segment.context for segment in written]
        name = Path(os.path.relpath(document, base)).as_posix()
        references[contexts[0].split(".", 1)[0] if contexts else document.stem] = name
        for context, line in context_lines(document, contexts).items():
            if line is not None:
                references[context] = f"{name}:{line}"
    return [page for page, _ in found], references


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
