"""Checks of a whole catalog: its header and how complete it is."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..po.entry import Catalog
from ..po.plural import plural_problem
from ..po.stats import count
from .registry import Context, check


@check("unreadable", "error", scope="reader")
def unreadable(catalog: Catalog, context: Context) -> Iterator[tuple[int | None, str]]:
    """Unreadable: a catalog that gettext would refuse; the reader says where and why.

    A catalog or source document that cannot be read (reported with its
    `path:line`, and column where known, or its path when it cannot be opened).
    """
    return iter(())  # reported by the reader itself, before any check runs


@check("read", "warning", scope="catalog")
def read(catalog: Catalog, context: Context) -> Iterator[tuple[int | None, str]]:
    """Read: what the reader read past (a byte order mark, a comment not in the charset, a flag line that drops fuzzy, a charset it cannot decode).

    What the reader read past: a byte order mark, a comment not in the charset,
    a second flag line that drops `fuzzy` (msgfmt then compiles the entry), a
    charset it cannot decode.
    """
    for note in catalog.notes:
        found = re.match(r"line ([0-9]+): ", note)
        if found is not None:
            yield int(found.group(1)), note[found.end() :]
        elif "charset" in note and catalog.header_entry is not None:
            yield catalog.field_line("Content-Type"), note
        else:
            yield 1, note


@check("header", "error", scope="catalog")
def header(catalog: Catalog, context: Context) -> Iterator[tuple[int | None, str]]:
    """Header: the Language and the charset are declared.

    Language and charset declared.
    """
    if catalog.header_line is None:
        yield 1, "no header entry: declare Language, Content-Type (charset) and Plural-Forms"
        return
    if not catalog.header.get("Language"):
        yield None, "the header has no Language field"
    if "charset=" not in catalog.header.get("Content-Type", ""):
        yield None, "the header's Content-Type declares no charset"


@check("plural-forms", "error", scope="catalog")
def plural_forms(catalog: Catalog, context: Context) -> Iterator[tuple[int | None, str]]:
    """Plural-Forms: present, valid, and the rule gettext tools use for the language.

    Plural-Forms parses (never `eval`-ed), stays in range, and is gettext's rule
    for the language, reported at its line.
    """
    value = catalog.header.get("Plural-Forms")
    if catalog.header_line is None:
        return
    if value is None:
        if any(entry.msgid_plural is not None for entry in catalog.entries):
            yield None, "plural messages but no Plural-Forms in the header"
        return
    problem = plural_problem(value, context.locale)
    if problem:
        yield catalog.field_line("Plural-Forms"), f"Plural-Forms: {problem}"


@check("fuzzy-header", "warning", scope="catalog")
def fuzzy_header(catalog: Catalog, context: Context) -> Iterator[tuple[int | None, str]]:
    """Fuzzy header: the header is marked unfinished, and pybabel compile skips such a catalog.

    A header marked fuzzy (unfinished), whose catalog `pybabel compile` skips.
    """
    if catalog.header_fuzzy:
        yield (
            None,
            "the header is marked fuzzy (unfinished): pybabel compile skips the catalog; remove the flag once Language and Plural-Forms are right",
        )


@check("completeness", "error", scope="catalog")
def completeness(catalog: Catalog, context: Context) -> Iterator[tuple[int | None, str]]:
    """Completeness: the share of translated messages reaches the locale's threshold.

    The percent translated reaches the locale's threshold.
    """
    threshold = context.policy.threshold(context.locale)
    if threshold <= 0:
        return
    counts = count(catalog.entries, header=catalog.header_entry)
    if counts.percent < threshold:
        yield (
            None,
            (
                f"{counts.percent:.1f}% translated ({counts.translated} of {counts.total}; "
                f"{counts.fuzzy} fuzzy, {counts.untranslated} untranslated), below the {threshold:g}% required"
            ),
        )
