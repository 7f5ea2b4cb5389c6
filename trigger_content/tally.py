"""The figures of a catalog in a few passes over the whole file, for ``status``.

:func:`tally` gives what :func:`trigger_content.status.count` gives for the
catalog :func:`~trigger_content.poreader.read_po` reads, without building an
entry at a time. It reads only catalogs in the shape GNU gettext and every
editor write them, and proves that shape with one regular expression over the
whole file: strings with no escapes but ``\\n \\t \\" \\\\``, no white space
out of place, the header first, one flag line at most per entry, plural
messages with the header's number of forms. On anything else it returns
``None``, and the caller reads the file with the strict reader, which accepts
it or says where it is wrong: so status refuses exactly the files that reader
refuses.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterable
from functools import cache, lru_cache
from pathlib import Path

from .poreader import Catalog, CatalogError, _Parser, check_plurals
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
    comments = rb"(?:" + other + rb")*+(#,[^\n]*\n)?(?:" + other + rb")*+"
    # Possessive repeats (*+): a line's first characters decide what it is,
    # so nothing is ever given back, and nothing is kept to give back.
    return re.compile(comments + rb"(?:" + active + rb"|" + obsolete + rb")\n*+|([^\n]*\n|[^\n]+)")


def tally(path: str | Path, data: bytes) -> tuple[Catalog, Counts] | None:
    """The header (a catalog with no entries) and the figures of the PO file ``data``, or ``None``.

    ``None`` says only that the file is not in the shape read here; the
    strict reader decides whether it is a catalog.
    """
    # The columns are many small objects that live as long as this call:
    # looking for garbage among them would only cost time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _tally(path, data)
    finally:
        if collecting:
            gc.enable()


def _tally(path: str | Path, data: bytes) -> tuple[Catalog, Counts] | None:
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
    charset = re.search(r"charset=([A-Za-z0-9_.:-]+)", catalog.header.get("Content-Type", ""))
    if catalog.entries or charset is None or charset.group(1).upper().replace("_", "-") not in _UTF8:
        return None
    if not data.isascii():
        try:
            data.decode(charset.group(1))
        except UnicodeDecodeError:
            return None
    found = re.search(r"nplurals\s*=\s*(\d+)", catalog.header.get("Plural-Forms", ""))
    rows = _grammar(int(found.group(1)) if found else 2).findall(data, head.end())
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


@lru_cache(maxsize=4)
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
