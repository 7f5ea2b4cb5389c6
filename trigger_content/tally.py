"""The figures of a catalog in a few passes over the whole file, for ``status``.

:func:`tally` gives what :func:`trigger_content.status.count` gives for the
catalog :func:`~trigger_content.poreader.read_po` reads, without building an
entry at a time. It reads only catalogs in the shape GNU gettext and every
editor write them: the header first (read by the strict reader), then entries
proved to be in that shape by one regular expression run over the rest of the
file: strings with no escapes but ``\\n \\t \\" \\\\``, no white space
out of place, one flag line of plain flag names at most per entry, plural
messages with the header's number of forms, UTF-8 or ASCII. On anything else it returns
``None``, and the caller reads the file with the strict reader, which accepts
it or says where it is wrong: so status refuses exactly the files that reader
refuses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache
from pathlib import Path

from .plurals import PluralFormsError, parse_plural_forms
from .poreader import Catalog, CatalogError, _Parser, check_plurals, declared_charset
from .status import Counts, count_words_utf8

#: One string line: no control character (a tab, CR, EOT…), no escape but four.
_STRING = rb'"[^"\\\x00-\x1f]*+(?:\\[nt"\\][^"\\\x00-\x1f]*+)*+"\n'
#: The header entry, which must come first: comments, an empty msgid, its msgstr.
_HEADER = re.compile(rb'(?:#[^\n]*\n)*msgid ""\nmsgstr (?:' + _STRING + rb")+\n*")
_ESCAPE = re.compile(rb"\\.")
_UTF8 = frozenset({"UTF-8", "UTF8", "ASCII", "US-ASCII"})


@cache
def _grammar(forms: int) -> re.Pattern[bytes]:
    """An entry after the header, or else a line that is not one; ``forms`` is Plural-Forms' nplurals.

    The groups, in order: the flag line (``#,``), msgctxt, msgid,
    msgid_plural, the plural msgstr lines, the msgstr when its strings are
    all empty, ``#~`` when the entry is obsolete, and a line in no entry.
    """

    def strings(prefix: bytes = b"") -> bytes:
        return _STRING + rb"(?:" + prefix + _STRING + rb")*+"

    def plural(prefix: bytes = b"") -> bytes:
        return b"".join(prefix + rb"msgstr\[%d\] " % index + strings(prefix) for index in range(forms))

    def previous(prefix: bytes) -> bytes:
        return prefix + rb"\| (?:(?:msgctxt|msgid|msgid_plural) )?" + _STRING

    active = (
        rb"(?:msgctxt (" + strings() + rb"))?msgid (" + strings() + rb")"
        rb"(?:msgid_plural (" + strings() + rb")(" + plural() + rb")"
        rb'|msgstr (?:((?:""\n)+)(?!")|' + strings() + rb"))"
    )
    old = b"#~ "
    obsolete = (
        rb"(?=(#~))(?:" + previous(b"#~") + rb")*+"
        rb"(?:#~ msgctxt " + strings(old) + rb")?#~ msgid " + strings(old)
        + rb"(?:#~ msgid_plural " + strings(old) + plural(old) + rb"|#~ msgstr " + strings(old) + rb")"
    )
    other = rb"#(?:[^~|,\n][^\n]*)?\n|" + previous(b"#")
    # A flag line of flag names only: no white space but spaces, which str
    # and bytes strip alike.
    comments = rb"(?:" + other + rb")*+(#,[ A-Za-z0-9_,.:-]*\n)?(?:" + other + rb")*+"
    # Possessive repeats (*+): a line's first characters decide what it is,
    # so nothing is ever given back, and nothing is kept to give back.
    return re.compile(comments + rb"(?:" + active + rb"|" + obsolete + rb")\n*+|([^\n]*\n|[^\n]+)")


def tally(path: str | Path, data: bytes) -> tuple[Catalog, Counts] | None:
    """The header (a catalog with no entries) and the figures of the PO file ``data``, or ``None``.

    ``None`` says only that the file is not in the shape read here; the
    strict reader decides whether it is a catalog.
    """
    if b"#-#-#-#-#" in data or b"\r" in data or b"\0" in data:
        return None
    head = _HEADER.match(data, 3 if data.startswith(b"\xef\xbb\xbf") else 0)
    if head is None:
        return None
    try:
        catalog = _Parser(str(path), data[: head.end()]).parse()
        check_plurals(catalog)
    except CatalogError:
        return None
    # The charset the strict reader decodes with; words are counted in UTF-8.
    charset = declared_charset(data)[0]
    if catalog.entries or charset.upper().replace("_", "-") not in _UTF8:
        return None
    if not data.isascii():
        try:
            data.decode(charset)
        except UnicodeDecodeError:
            return None
    rule = catalog.header.get("Plural-Forms")
    try:
        count = parse_plural_forms(rule)[0] if rule else 2
    except PluralFormsError:
        return None
    rows = _grammar(count).findall(data, head.end())
    if not rows:
        return catalog, Counts()
    flags, msgctxts, msgids, plurals, forms, empties, olds, strays = zip(*rows)
    if strays.count(b"") != len(rows):
        return None  # a line in no entry, or an entry not in the shape read here
    # A column at a time: each keyword's strings joined into one string, the
    # same text always written one way, so that equal texts are equal bytes.
    sources = b"\0".join(msgids).replace(b'"\n"', b"")
    msgids = sources.split(b"\0")
    msgctxts = b"\0".join(msgctxts).replace(b'"\n"', b"").split(b"\0")
    old = {index for index, text in enumerate(olds) if text}
    keys = list(zip(msgctxts, msgids))
    if old:
        keys = [key for index, key in enumerate(keys) if index not in old]
    if len(set(keys)) != len(keys) or (b"", b'""\n') in keys:
        return None  # a duplicate or a second header: the strict reader names the lines
    empty = {index for index, text in enumerate(empties) if text}
    empty.update(index for index, text in enumerate(forms) if text and b'] ""\n' in text.replace(b'"\n"', b""))
    fuzzy = {index for index, text in enumerate(flags) if text and _is_fuzzy(text)} - empty - old
    pending = empty | fuzzy
    total = _all_words(sources) + _words(filter(None, plurals))
    waiting = _words([msgids[index] for index in pending] + [plurals[index] for index in pending])
    counts = Counts(len(keys) - len(pending), len(fuzzy), len(empty), len(old), total - waiting, total)
    return catalog, counts


def _is_fuzzy(line: bytes) -> bool:
    """Whether a flag line (``#,``) says fuzzy."""
    return b"fuzzy" in line and b"fuzzy" in [flag.strip() for flag in line[2:].split(b",")]


@lru_cache(maxsize=1)
def _all_words(sources: bytes) -> int:
    """The words of every msgid: the same for all the catalogs of one template, so remembered."""
    return _words([sources])


def _words(strings: Iterable[bytes]) -> int:
    """The words of keywords' strings as the file writes them, quotes and escapes and all."""
    text = b"\n".join(strings)
    if b'"\n"' in text:
        text = text.replace(b'"\n"', b"")
    if b"\\" in text:
        text = _ESCAPE.sub(b" ", text)  # \n \t \" \\ each stand for a character between words
    return count_words_utf8(text)
