"""Compiled catalogs (``.mo``): written and read with polib, which does this part well."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..errors import TriggerContentError
from .entry import Catalog, Entry, header_text

#: The header field of a compiled catalog that names the digest of the ``.po`` it was compiled from.
SOURCE_DIGEST = "X-Source-Digest"


def source_digest(po: bytes) -> str:
    """What :data:`SOURCE_DIGEST` says of a ``.po``'s bytes."""
    return "sha256:" + hashlib.sha256(po).hexdigest()


def compiled_from(mo: bytes, po: bytes) -> bool:
    """Whether a ``.mo`` compiled here records exactly these ``.po`` bytes: current without reading either."""
    return f"{SOURCE_DIGEST}: {source_digest(po)}\n".encode("ascii") in mo


def compiled_messages(catalog: Catalog) -> dict[tuple[str | None, str, str | None], tuple[str, ...]]:
    """What msgfmt compiles of a catalog: each translated, non-fuzzy message, by context, English and plural English."""
    return {
        (entry.msgctxt, entry.msgid, entry.msgid_plural): entry.msgstr
        for entry in catalog.entries
        if not (entry.obsolete or entry.fuzzy or entry.untranslated)
    }


def mo_is_current(mo: str | Path, catalog: Catalog) -> bool:
    """Whether the ``.mo`` at ``mo`` says what ``catalog`` says, whoever compiled it (msgfmt, pybabel, this package).

    One compiled here records the digest of its ``.po`` (:data:`SOURCE_DIGEST`):
    the same bytes, and it is current without being read. Any other is read
    and compared: the same messages, translations and Plural-Forms.
    """
    path = Path(mo)
    try:
        data = path.read_bytes()
    except OSError:
        return False
    if compiled_from(data, catalog.data):
        return True
    try:
        compiled = read_mo(path)
    except TriggerContentError:
        return False
    same_rule = compiled.header.get("Plural-Forms") == catalog.header.get("Plural-Forms")
    return same_rule and compiled_messages(compiled) == compiled_messages(catalog)


def compile_mo(catalog: Catalog, extra_fields: dict[str, str] | None = None) -> bytes:
    """The ``.mo`` of a catalog as msgfmt compiles it: the header and the translated, non-fuzzy messages.

    ``extra_fields`` are added to the compiled header.
    """
    import polib

    class Compiled(polib.POFile):  # type: ignore[misc]
        """polib's .mo writer, with the messages msgfmt compiles (polib's own choice drops a plural with an empty later form)."""

        def translated_entries(self) -> list[polib.POEntry]:
            return list(self)

    # In the catalog's charset, as msgfmt writes it (polib would write UTF-8 whatever the header says).
    compiled = Compiled(encoding=catalog.charset)
    compiled.metadata = {**catalog.header, **(extra_fields or {})}
    for (msgctxt, msgid, msgid_plural), msgstr in compiled_messages(catalog).items():
        if msgid_plural is not None:
            compiled.append(polib.POEntry(msgctxt=msgctxt, msgid=msgid, msgid_plural=msgid_plural, msgstr_plural=dict(enumerate(msgstr))))
        else:
            compiled.append(polib.POEntry(msgctxt=msgctxt, msgid=msgid, msgstr=msgstr[0]))
    return compiled.to_binary()  # type: ignore[no-any-return]


def read_mo(path: str | Path) -> Catalog:
    """A compiled catalog as a :class:`Catalog`: its header and its messages (no comments, no flags: a .mo has none)."""
    import polib

    try:
        compiled = polib.mofile(str(path))
    except (OSError, ValueError) as error:
        raise TriggerContentError(f"cannot read compiled catalog: {error}", path=path) from None
    entries = [
        Entry(
            msgid=entry.msgid,
            msgstr=tuple(text for _, text in sorted(entry.msgstr_plural.items())) if entry.msgid_plural else (entry.msgstr,),
            msgctxt=entry.msgctxt,
            msgid_plural=entry.msgid_plural or None,
        )
        for entry in compiled
    ]
    header = Entry("", (header_text(compiled.metadata.items()),))
    return Catalog(path, entries, header)


__all__ = ["SOURCE_DIGEST", "compile_mo", "compiled_from", "compiled_messages", "mo_is_current", "read_mo", "source_digest"]
