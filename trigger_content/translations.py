"""Translations for use: a locale's texts from its catalog, for pages, sites and the review page.

:func:`load_locale` reads a catalog once and gives all that publishing needs
of it: the texts, which of them are fuzzy, and how much is translated.
:func:`load_translations` is the runtime's reading: the compiled ``.mo``
when it is current, else the ``.po``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .errors import TriggerContentError
from .languages import english_name
from .po.entry import Catalog, Entry
from .po.mo import compiled_from, mo_is_current, read_mo
from .po.reader import read_po
from .po.stats import count

#: A text's key in a catalog: ``(msgctxt or "", msgid)``.
Key = tuple[str, str]


@dataclass(frozen=True)
class LocaleCatalog:
    """A locale's catalog as publishing uses it, from one reading."""

    #: Every translation that could be shown: fuzzy ones included, see :attr:`fuzzy`.
    texts: dict[Key, str]
    #: The keys of the fuzzy translations among :attr:`texts`.
    fuzzy: frozenset[Key] = frozenset()
    #: How much of the catalog is translated, as ``msgfmt --statistics`` counts it.
    percent: float = 100.0
    #: What the reader of a report should know (a ``.mo`` that is not current…).
    notes: tuple[str, ...] = ()
    #: The catalog read, for the review page; ``None`` when only a ``.mo`` was there.
    catalog: Catalog | None = field(default=None, repr=False, compare=False)

    def usable(self, *, fuzzy: bool = False) -> Mapping[Key, str]:
        """The translations a page may show: fuzzy ones only when ``fuzzy``."""
        if fuzzy or not self.fuzzy:
            return self.texts
        return {key: text for key, text in self.texts.items() if key not in self.fuzzy}


def load_locale(po: str | Path) -> LocaleCatalog:
    """The catalog at ``po`` read once: its texts, its fuzzy ones, its percentage.

    The ``.po`` is read: only it says what is fuzzy and how much is
    translated. A ``.mo`` beside it that was not compiled from it is said in
    the notes (the runtime would read an older text); a ``.mo`` alone is read
    as 100% translated, with nothing fuzzy.
    """
    po = Path(po)
    if not po.is_file():
        return LocaleCatalog(load_translations(po)[0])
    catalog = read_po(po)
    texts = usable_texts(catalog.entries, fuzzy=True)
    fuzzy = frozenset(key for key, entry in _keyed(catalog.entries) if entry.fuzzy and key in texts)
    percent = count(catalog.entries, header=catalog.header_entry).percent
    note = _mo_note(po, catalog)
    return LocaleCatalog(texts, fuzzy, percent, (note,) if note else (), catalog)


def read_source_catalog(po: Path) -> Catalog:
    """The ``.po`` at ``po``, for what only it says (the review page, review records); a ``.mo`` alone is refused, saying so."""
    if not po.is_file():
        raise TriggerContentError(
            missing_catalog(po) or "only a compiled .mo: reviews are of the .po's texts, which translators edit", path=po
        )
    return read_po(po)


def _keyed(entries: Iterable[Entry]) -> Iterable[tuple[Key, Entry]]:
    return (((entry.msgctxt or "", entry.msgid), entry) for entry in entries)


def usable_texts(entries: Iterable[Entry], *, fuzzy: bool = False) -> dict[Key, str]:
    """The usable translations of a catalog's entries: ``(msgctxt or "", msgid)`` → msgstr.

    Fuzzy, obsolete, plural and empty entries are left out, so their texts
    fall back to the source language; with ``fuzzy``, fuzzy ones are kept.
    """
    return {
        (entry.msgctxt or "", entry.msgid): entry.msgstr[0]
        for entry in entries
        if entry.msgstr[0] and entry.msgid_plural is None and not entry.obsolete and (fuzzy or not entry.fuzzy)
    }


def read_translations(path: str | Path) -> dict[Key, str]:
    """The usable translations of the catalog at ``path`` (see :func:`usable_texts`)."""
    return usable_texts(read_po(path).entries)


def load_translations(po: str | Path) -> tuple[dict[Key, str], str | None]:
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
    if mo.is_file() and compiled_from(mo.read_bytes(), po.read_bytes()):
        return _read_mo(mo), None  # compiled here from this very .po
    catalog = read_po(po)
    note = _mo_note(po, catalog)
    # A .mo that says what the .po says (msgfmt's, pybabel's) has its texts: they are read once, from the .po.
    return usable_texts(catalog.entries), (f"{note} (read {po.name} instead)" if note else None)


def _mo_note(po: Path, catalog: Catalog) -> str | None:
    """Why the ``.mo`` beside ``po`` is not current (not compiled, or not saying what ``catalog`` says); ``None`` when it is."""
    mo = po.with_suffix(".mo")
    if not mo.is_file():
        return f"{mo}: not compiled; run `trigger-content compile`"
    if not mo_is_current(mo, catalog):
        return (
            f"{mo}: not compiled from the current {po.name}, so gettext in an application shows older texts; run `trigger-content compile`"
        )
    return None


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
        english_name(locale)
    except TriggerContentError as error:
        return f"no catalog for locale {locale!r}, and {error.message}"
    return f"no catalog for locale {locale!r}; create it with `trigger-content init {locale}`"


def _read_mo(path: Path) -> dict[Key, str]:
    return usable_texts(read_mo(path).entries)
