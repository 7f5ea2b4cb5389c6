"""Catalogs: the template, init, update (merge), compile, and reading translations.

One gettext domain holds the site chrome and every page, so a locale has one
catalog: ``locales/<locale>/LC_MESSAGES/trigger_content.po``. The template is
``locales/trigger_content.pot``.

The functions on :class:`polib.POFile` objects are pure; the ``*_file`` ones
read, and write through :func:`~trigger_content.files.write_atomic` only when
a file's bytes change, so running a command twice changes nothing.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Mapping
from datetime import datetime, timezone
from pathlib import Path

import polib

from .errors import TriggerContentError
from .files import write_atomic
from .model import Page
from .poreader import Entry
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


def project_sources(project: Project) -> tuple[list[Page], dict[str, str]]:
    """The project's pages, and the ``#:`` reference of each page id (and of ``site``): its file, relative to the project."""
    from .source import SITE_FILE, page_sources

    found = page_sources(project.content)
    files = {page.id: path for page, path in found}
    if (project.content / SITE_FILE).is_file():
        files["site"] = project.content / SITE_FILE
    base = project.root or project.content.parent
    return [page for page, _ in found], {key: Path(os.path.relpath(path, base)).as_posix() for key, path in files.items()}


def _read(path: Path) -> str | None:
    """The text of the file at ``path``; ``None`` when there is none, or it is a device, a pipe or this process's output (not read: it could wait, or be another file)."""
    from .files import own_descriptor

    if not path.is_file() or own_descriptor(path) is not None:
        return None
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


def read_catalog(path: str | Path) -> polib.POFile:
    """Read a catalog or template for editing; a file gettext would refuse raises ``path:line: what``.

    The strict reader (:mod:`trigger_content.poreader`) validates the file
    first, since polib accepts some broken files silently (an unterminated
    string loses its last character).
    """
    from .poreader import declared_charset, read_bytes, read_po

    path = Path(path)
    data = read_bytes(path)
    read_po(path, data)
    # polib is given the path: from a string it would split lines at U+2028
    # and the like, which are text inside PO strings. It decodes the file as
    # the strict reader did.
    encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else declared_charset(data)[0]
    try:
        catalog = polib.pofile(str(path), wrapwidth=79, encoding=encoding)
    except (OSError, ValueError, UnicodeDecodeError, LookupError) as error:  # pragma: no cover - validated above
        raise TriggerContentError(f"cannot read: {error}", path=path) from None
    catalog.fpath = str(path)
    # What writing it back must keep: its line ends, and its bytes to detect
    # a change by someone else before a write.
    catalog.newline = "\r\n" if b"\r\n" in data else "\n"
    catalog.source_bytes = data
    return catalog


def translations(catalog: polib.POFile) -> dict[tuple[str, str], str]:
    """The usable translations of a catalog: ``(msgctxt, msgid)`` → msgstr.

    Fuzzy, obsolete and empty entries are left out, so their texts fall back
    to the source language.
    """
    return {
        (entry.msgctxt or "", entry.msgid): entry.msgstr
        for entry in catalog
        if entry.msgstr and "fuzzy" not in getattr(entry, "flags", ()) and not entry.obsolete
    }


def read_translations(path: str | Path) -> dict[tuple[str, str], str]:
    """The usable translations of the catalog at ``path`` (see :func:`translations`).

    Read by the strict reader alone: nothing here is edited, so polib need
    not read the file a second time.
    """
    from .poreader import read_po

    return entry_translations(read_po(path).entries)


def entry_translations(entries: Iterable[Entry], *, fuzzy: bool = False) -> dict[tuple[str, str], str]:
    """:func:`translations` of the strict reader's entries; with ``fuzzy``, fuzzy ones too."""
    return {
        (entry.msgctxt or "", entry.msgid): entry.msgstr[0]
        for entry in entries
        if entry.msgstr[0] and entry.msgid_plural is None and not entry.obsolete and (fuzzy or not entry.fuzzy)
    }


def load_translations(po: str | Path) -> tuple[dict[tuple[str, str], str], str | None]:
    """The translations of a locale, from its compiled catalog when that is current.

    ``po`` is the path of the ``.po``; its ``.mo`` sits beside it. Returns the
    translations and, when the ``.mo`` could not be used, a sentence that says
    why (the ``.po`` was read instead).
    """
    po = Path(po)
    mo = po.with_suffix(".mo")
    if not po.is_file():
        missing = missing_catalog(po)
        if missing is not None:
            raise TriggerContentError(missing, path=po)
        return _read_mo(mo), None
    source = po.read_bytes()
    if not mo.is_file():
        note = f"{mo}: not compiled; run `trigger-content compile` (read {po.name} instead)"
    elif not mo_is_current(mo.read_bytes(), source):
        note = f"{mo}: not compiled from the current {po.name}; run `trigger-content compile` (read {po.name} instead)"
    else:
        return _read_mo(mo), None
    return read_translations(po), note


def missing_catalog(po: Path) -> str | None:
    """Why there are no translations at ``po`` (nor at its ``.mo``), and what to do; ``None`` when there are.

    The advice is ``init`` where the path is the catalog of a known locale.
    """
    if po.is_file() or po.with_suffix(".mo").is_file():
        return None
    if po.parent.name != "LC_MESSAGES" or not po.parent.parent.name:
        return "no such catalog"
    locale = po.parent.parent.name
    try:
        _english_name(locale)
    except TriggerContentError as error:
        return f"no catalog for locale {locale!r}, and {error.message}"
    return f"no catalog for locale {locale!r}; create it with `trigger-content init {locale}`"


def _read_mo(path: Path) -> dict[tuple[str, str], str]:
    try:
        return translations(polib.mofile(str(path)))
    except (OSError, ValueError) as error:
        raise TriggerContentError(f"cannot read compiled catalog: {error}", path=path) from None


# -- init --------------------------------------------------------------------------

CATALOG_COMMENT = (
    "{language} translation of the trigger_content pages.\n"
    "Translators edit this file (Poedit, Weblate, a text editor); "
    "`trigger-content update`\n"
    "merges changes of the English into it and keeps every translation."
)


def init_catalog(template: polib.POFile, locale: str, *, revision_date: str | None = None) -> polib.POFile:
    """A new, empty catalog for ``locale`` from ``template``, with a complete header.

    The header names the language and carries UTF-8 and the Plural-Forms that
    GNU gettext, Poedit and Weblate use for it (not Babel's CLDR proposal).
    """
    from .plurals import plural_forms

    language = _english_name(locale)
    catalog = polib.POFile(wrapwidth=79)
    catalog.header = CATALOG_COMMENT.format(language=language)
    catalog.metadata_is_fuzzy = False
    catalog.metadata = {
        "Project-Id-Version": template.metadata.get("Project-Id-Version", "trigger_content"),
        "Report-Msgid-Bugs-To": template.metadata.get("Report-Msgid-Bugs-To", ""),
        "POT-Creation-Date": template.metadata.get("POT-Creation-Date", ""),
        "PO-Revision-Date": revision_date or _now(),
        "Last-Translator": "",
        "Language-Team": language,
        "Language": locale,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": plural_forms(locale),
    }
    count = _nplurals(catalog)
    for entry in template:
        if not entry.obsolete:
            catalog.append(_fresh(entry, count))
    return catalog


def _nplurals(catalog: polib.POFile) -> int:
    """The number of plural forms the catalog's Plural-Forms declares (2 when it cannot tell)."""
    from .plurals import PluralFormsError, parse_plural_forms

    try:
        return parse_plural_forms(catalog.metadata.get("Plural-Forms", ""))[0]
    except PluralFormsError:
        return 2


def _english_name(locale: str) -> str:
    from babel import Locale, UnknownLocaleError

    from .locale_codes import locale_problem

    problem = locale_problem(locale)
    if problem:
        raise TriggerContentError(problem)
    try:
        return Locale.parse(locale).get_display_name("en") or locale
    except (UnknownLocaleError, ValueError):
        raise TriggerContentError(f"unknown locale {locale!r}; use a code such as fr, de or pt_BR") from None


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M%z")


def _fresh(entry: polib.POEntry, nplurals: int = 2) -> polib.POEntry:
    """An untranslated copy of a template entry, with ``nplurals`` empty forms if it is plural."""
    return polib.POEntry(
        msgctxt=entry.msgctxt,
        msgid=entry.msgid,
        msgid_plural=entry.msgid_plural,
        msgstr="",
        msgstr_plural={index: "" for index in range(nplurals)} if entry.msgid_plural else {},
        comment=entry.comment,
        occurrences=list(entry.occurrences),
        flags=[flag for flag in entry.flags if flag != "fuzzy"],
    )


# -- update ------------------------------------------------------------------------


def merge(catalog: polib.POFile, template: polib.POFile) -> polib.POFile:
    """The catalog brought up to the template, as ``msgmerge --previous`` does.

    Entries follow the template's order. An entry whose English changed (same
    msgctxt, new msgid) keeps its translation, marked fuzzy, with the previous
    msgid; an English text that moved (new msgctxt, same msgid) likewise, with
    the previous msgctxt. Entries gone from the template become obsolete when
    translated, without their extracted comments and references. Translator
    comments, flags and the header survive; only the
    header's POT-Creation-Date follows the template. No translation is lost.
    """
    merged = polib.POFile(wrapwidth=catalog.wrapwidth)
    merged.newline = getattr(catalog, "newline", "\n")
    merged.header = catalog.header
    merged.metadata = dict(catalog.metadata)
    merged.metadata_is_fuzzy = catalog.metadata_is_fuzzy
    if "POT-Creation-Date" in template.metadata:
        merged.metadata["POT-Creation-Date"] = template.metadata["POT-Creation-Date"]

    active = [entry for entry in catalog if not entry.obsolete]
    by_key = {(entry.msgctxt, entry.msgid): entry for entry in active}
    by_context = {entry.msgctxt: entry for entry in active if entry.msgctxt is not None}
    wanted = {(entry.msgctxt, entry.msgid) for entry in template if not entry.obsolete}
    template_contexts = {key[0] for key in wanted}
    # Translations of texts that left their place, by English text: a block moved.
    movable: dict[str, polib.POEntry] = {}
    for entry in active:
        if entry.msgctxt not in template_contexts and _translated(entry):
            movable.setdefault(entry.msgid, entry)
    revivable = {(entry.msgctxt, entry.msgid): entry for entry in catalog.obsolete_entries()}

    nplurals = _nplurals(catalog)
    used: set[int] = set()
    for source in template:
        if source.obsolete:
            continue
        key = (source.msgctxt, source.msgid)
        old = by_key.get(key) or revivable.get(key)
        if old is not None:
            entry = _carry(old, source, nplurals)
        elif source.msgctxt in by_context and _translated(by_context[source.msgctxt]):
            old = by_context[source.msgctxt]
            entry = _carry(old, source, nplurals, fuzzy=True, previous_msgid=old.previous_msgid or old.msgid)
        elif source.msgid in movable and id(movable[source.msgid]) not in used:
            old = movable[source.msgid]
            entry = _carry(old, source, nplurals, fuzzy=True, previous_msgctxt=old.msgctxt)
        else:
            merged.append(_fresh(source, nplurals))
            continue
        used.add(id(old))
        merged.append(entry)

    for entry in catalog:
        if id(entry) in used or (entry.msgctxt, entry.msgid) in wanted:
            continue
        if entry.obsolete or _translated(entry):
            gone = _copy(entry)
            gone.obsolete = True
            # What tied it to the source goes with the source; the
            # translator's comments, flags and previous msgid stay.
            gone.comment, gone.occurrences = "", []
            merged.append(gone)
    return merged


def _translated(entry: polib.POEntry) -> bool:
    """Whether an entry holds any translation (of any plural form)."""
    return bool(entry.msgstr) or any(entry.msgstr_plural.values())


def _copy(entry: polib.POEntry) -> polib.POEntry:
    copy = polib.POEntry(
        msgctxt=entry.msgctxt,
        msgid=entry.msgid,
        msgid_plural=entry.msgid_plural,
        msgstr=entry.msgstr,
        msgstr_plural=dict(entry.msgstr_plural),
        comment=entry.comment,
        tcomment=entry.tcomment,
        occurrences=list(entry.occurrences),
        flags=list(entry.flags),
        previous_msgctxt=entry.previous_msgctxt,
        previous_msgid=entry.previous_msgid,
        previous_msgid_plural=entry.previous_msgid_plural,
        obsolete=entry.obsolete,
    )
    return copy


def _carry(
    old: polib.POEntry,
    source: polib.POEntry,
    nplurals: int,
    *,
    fuzzy: bool = False,
    previous_msgid: str | None = None,
    previous_msgctxt: str | None = None,
) -> polib.POEntry:
    """The old entry's translation and translator's notes on the template's entry."""
    entry = _copy(old)
    entry.obsolete = False
    entry.msgctxt, entry.msgid, entry.msgid_plural = source.msgctxt, source.msgid, source.msgid_plural
    entry.comment = source.comment
    entry.occurrences = list(source.occurrences)
    # A message that became plural, or singular, keeps its translation as the
    # first form (or from it), for the translator to review.
    if source.msgid_plural and not old.msgid_plural:
        entry.msgstr_plural = {0: old.msgstr, **{index: "" for index in range(1, nplurals)}}
        entry.msgstr = ""
        fuzzy = fuzzy or bool(old.msgstr)
    elif old.msgid_plural and not source.msgid_plural:
        entry.msgstr = old.msgstr_plural.get(0, "")
        entry.msgstr_plural = {}
        fuzzy = fuzzy or bool(entry.msgstr)
    if fuzzy:
        if "fuzzy" not in entry.flags:
            entry.flags.insert(0, "fuzzy")
        if previous_msgid is not None and previous_msgid != source.msgid:
            entry.previous_msgid = previous_msgid
            if entry.previous_msgctxt is None:
                entry.previous_msgctxt = old.msgctxt  # msgmerge names the context too
        if previous_msgctxt is not None and previous_msgctxt != source.msgctxt:
            entry.previous_msgctxt = previous_msgctxt
            entry.previous_msgid = entry.previous_msgid or old.msgid
    elif "fuzzy" not in entry.flags:
        entry.previous_msgctxt = entry.previous_msgid = entry.previous_msgid_plural = None
    return entry


def count_translations(catalog: polib.POFile) -> int:
    """Entries that hold a translation, active and obsolete: an update keeps this number."""
    return sum(1 for entry in catalog if _translated(entry))


# -- compile -----------------------------------------------------------------------

#: The header field of a compiled catalog that names the digest of its source.
SOURCE_DIGEST = "X-Source-Digest"


def compile_catalog(catalog: polib.POFile, source: bytes) -> bytes:
    """The ``.mo`` of a catalog: its translated, non-fuzzy entries.

    The header records the SHA-256 of the ``.po`` bytes, so a reader can tell
    whether the ``.mo`` is current without parsing the ``.po``.
    """
    compiled = polib.POFile()
    compiled.metadata = {**catalog.metadata, SOURCE_DIGEST: _digest(source)}
    for entry in catalog.translated_entries():
        compiled.append(entry)
    return compiled.to_binary()


def _digest(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def mo_is_current(mo: bytes, po: bytes) -> bool:
    """Whether a compiled catalog was made from exactly these ``.po`` bytes."""
    return f"{SOURCE_DIGEST}: {_digest(po)}\n".encode("ascii") in mo



# -- files of a project ------------------------------------------------------------


def init_file(project: Project, locale: str, *, force: bool = False) -> Path:
    """Create the catalog of ``locale`` from the project's template; return its path."""
    target = project.catalog(locale)
    if target.exists() and not force:
        raise TriggerContentError("catalog exists already; `trigger-content update` merges the template into it", path=target)
    template = _read_template(project)
    write_atomic(target, format_catalog(init_catalog(template, locale)))
    return target


def update_files(project: Project, locales: Iterable[str] = (), *, check: bool = False) -> list[tuple[Path, bool]]:
    """Merge the template into each catalog; return each path and whether it changed.

    Every catalog is read and merged before any is written, so a malformed one
    stops the update with every file as it was. With ``check``, nothing is
    written.
    """
    template = _read_template(project)
    results = []
    for path in project.catalogs(locales):
        catalog = read_catalog(path)
        before = catalog.source_bytes
        merged = merge(catalog, template)
        if count_translations(merged) != count_translations(catalog):  # pragma: no cover - an invariant
            raise TriggerContentError("update would lose translations; nothing written", path=path)
        data = format_catalog(merged)
        results.append((path, data, before))
    if not check:
        for path, data, before in results:
            if data != before:
                write_atomic(path, data, expected=before)
    return [(path, data != before) for path, data, before in results]


def compile_files(project: Project, locales: Iterable[str] = (), *, check: bool = False) -> list[tuple[Path, bool]]:
    """Write the ``.mo`` beside each catalog; return each ``.mo`` path and whether it changed."""
    results = []
    for path in project.catalogs(locales):
        source = path.read_bytes() if path.is_file() else b""
        compiled = compile_catalog(read_catalog(path), source)
        target = path.with_suffix(".mo")
        old = target.read_bytes() if target.is_file() else None
        results.append((target, compiled, compiled != old))
    if not check:
        for target, compiled, changed in results:
            if changed:
                write_atomic(target, compiled)
    return [(target, changed) for target, _, changed in results]


def format_catalog(catalog: polib.POFile) -> bytes:
    """The bytes of a catalog file, as GNU gettext writes it, in its charset and line ends."""
    from .pofile import format_po

    text = format_po(catalog)
    newline = getattr(catalog, "newline", "\n")
    if newline != "\n":
        text = text.replace("\n", newline)
    found = re.search(r"charset=([A-Za-z0-9_.:-]+)", catalog.metadata.get("Content-Type", ""))
    charset = found.group(1) if found and found.group(1).upper() != "CHARSET" else "utf-8"
    try:
        return text.encode(charset)
    except UnicodeEncodeError as error:
        raise TriggerContentError(
            f"{text[error.start]!r} cannot be written in the catalog's charset {charset}; change it to UTF-8",
            path=getattr(catalog, "fpath", None),
        ) from None
    except LookupError:
        raise TriggerContentError(f"unknown charset {charset!r}", path=getattr(catalog, "fpath", None)) from None


def _read_template(project: Project) -> polib.POFile:
    if not project.template.is_file():
        raise TriggerContentError("no template; run `trigger-content extract` first", path=project.template)
    return read_catalog(project.template)
