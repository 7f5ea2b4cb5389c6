"""The charset a catalog is read in: the one its header entry names, as gettext decides it.

GNU gettext reads a PO file's header entry first, takes the first
``charset=`` in the header's msgstr (up to a space, tab or newline), and
reads every string after it in that charset. It knows a fixed list of
charset names; for any other name (``CHARSET`` of a template, a typo, a name
such as ``base64`` that is no text encoding) it warns and passes the bytes
through unread. This module gives the Python codec for a header, and says
when there is none to read the text with.
"""

from __future__ import annotations

import codecs
import re
from functools import cache

#: The charsets GNU gettext knows (po-charset.c), as their Python codecs. Three
#: of them (EUC-TW, VISCII, GEORGIAN-PS) have no codec in Python: a catalog in
#: one of them can be read only while its strings are ASCII.
GETTEXT_CHARSETS = [
    "ASCII",
    "ANSI_X3.4-1968",
    "US-ASCII",
    "ISO-8859-1",
    "ISO_8859-1",
    "ISO-8859-2",
    "ISO_8859-2",
    "ISO-8859-3",
    "ISO_8859-3",
    "ISO-8859-4",
    "ISO_8859-4",
    "ISO-8859-5",
    "ISO_8859-5",
    "ISO-8859-6",
    "ISO_8859-6",
    "ISO-8859-7",
    "ISO_8859-7",
    "ISO-8859-8",
    "ISO_8859-8",
    "ISO-8859-9",
    "ISO_8859-9",
    "ISO-8859-13",
    "ISO_8859-13",
    "ISO-8859-14",
    "ISO_8859-14",
    "ISO-8859-15",
    "ISO_8859-15",
    "KOI8-R",
    "KOI8-U",
    "KOI8-T",
    "CP850",
    "CP866",
    "CP874",
    "CP932",
    "CP949",
    "CP950",
    "CP1250",
    "CP1251",
    "CP1252",
    "CP1253",
    "CP1254",
    "CP1255",
    "CP1256",
    "CP1257",
    "GB2312",
    "EUC-JP",
    "EUC-KR",
    "EUC-TW",
    "BIG5",
    "BIG5-HKSCS",
    "GBK",
    "GB18030",
    "SHIFT_JIS",
    "JOHAB",
    "TIS-620",
    "VISCII",
    "GEORGIAN-PS",
    "UTF-8",
]

_CHARSET = re.compile(r"charset=([^ \t\n]*)")


class Charset:
    """How a catalog's strings are decoded.

    ``codec`` is the Python codec (``ascii`` when the header names none that
    can be read); ``name`` is what the header said (``None`` without a
    ``charset=``); ``known`` whether the name is one gettext or Python knows
    as a text encoding.
    """

    def __init__(self, name: str | None) -> None:
        self.name = name
        codec = _codec(name) if name is not None else "utf-8"
        self.known = codec is not None
        self.codec = codec or "ascii"

    def __repr__(self) -> str:
        return f"Charset({self.name!r} -> {self.codec})"

    @property
    def label(self) -> str:
        """The charset as messages name it: what the header says, or UTF-8 when it says nothing."""
        return self.name if self.name is not None else "UTF-8"


def header_charset(header_msgstr: str) -> str | None:
    """The charset a header's msgstr names: its first ``charset=``, up to a space, tab or newline.

    >>> header_charset("Content-Type: text/plain; charset=ISO-8859-1\\n")
    'ISO-8859-1'
    """
    found = _CHARSET.search(header_msgstr)
    return found.group(1) if found else None


#: The Python codecs of :data:`GETTEXT_CHARSETS`, by the names ``codecs.lookup`` gives them
#: (written out: looking them up would load forty encoding modules).
GETTEXT_CODECS = frozenset(
    [
        "ascii",
        "big5",
        "big5hkscs",
        "cp1250",
        "cp1251",
        "cp1252",
        "cp1253",
        "cp1254",
        "cp1255",
        "cp1256",
        "cp1257",
        "cp850",
        "cp866",
        "cp874",
        "cp932",
        "cp949",
        "cp950",
        "euc_jp",
        "euc_kr",
        "gb18030",
        "gb2312",
        "gbk",
        "iso8859-1",
        "iso8859-13",
        "iso8859-14",
        "iso8859-15",
        "iso8859-2",
        "iso8859-3",
        "iso8859-4",
        "iso8859-5",
        "iso8859-6",
        "iso8859-7",
        "iso8859-8",
        "iso8859-9",
        "johab",
        "koi8-r",
        "koi8-t",
        "koi8-u",
        "shift_jis",
        "tis-620",
        "utf-8",
    ]
)


@cache
def _codec(name: str) -> str | None:
    """The Python codec of a charset name, when it is one of gettext's charsets (or a Python alias of one)."""
    if name.upper() == "CHARSET":
        return None  # a template's placeholder
    try:
        codec = codecs.lookup(name)
    except (LookupError, ValueError):
        return None
    # Only the encodings gettext reads: no 'base64', 'rot13', 'utf-16' or
    # 'punycode', which are not text in an ASCII-compatible encoding.
    return codec.name if codec.name in GETTEXT_CODECS else None
