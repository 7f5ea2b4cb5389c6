"""The strict reader: a PO file read exactly as GNU gettext's msgfmt reads it, or refused with ``path:line``.

gettext's reader is a lexer and a grammar (``po-lex.c``, ``po-gram-gen.y``):
tokens are keywords, quoted strings, numbers and brackets, free to sit on one
line or several; a backslash at the end of a line joins the next one;
comments run to the end of their line; ``#~`` marks the tokens of the rest of
its line obsolete and ``#|`` makes them previous ones. This module reads the
same tokens with the same rules, and refuses, at the line msgfmt names, what
msgfmt refuses: what cannot be read (a string left open, an escape that is
not one, bytes that are not text in the file's charset, a keyword out of
place, a message defined twice). Everything msgfmt compiles is read: plural
forms that do not match Plural-Forms, a Plural-Forms that does not parse;
those are for ``check``, and so is a translation whose newlines at its ends
differ from the English (msgfmt refuses to compile that one; this reader
reads it).

Where this reader and msgfmt differ, on purpose (``docs/po-files.md``): a
UTF-8 byte order mark is skipped with a note, where msgfmt stops; a NUL
character, msgcat's conflict markers (``#-#-#-#-#``) and a ``domain``
directive are refused, where msgfmt cuts the string at the NUL, compiles the
markers into the page, or starts a second catalog; a charset gettext does
not know is read as ASCII, and text it cannot read is refused at its line,
where msgfmt passes the bytes on unread; the strings before the header entry
are read in the header's charset.
"""

from __future__ import annotations

import codecs
import re
from bisect import bisect_right
from collections import namedtuple
from functools import cache
from pathlib import Path

from ..errors import CatalogError, line_and_column
from .charset import Charset, header_charset
from .entry import Catalog, Entry, parse_references
from .fast import count_fast, read_fast
from .stats import Statistics, count

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from typing import NoReturn

__all__ = ["read_bytes", "read_po", "statistics"]


def read_bytes(path: str | Path) -> bytes:
    """The bytes of the file at ``path``; :class:`CatalogError` if it cannot be read."""
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise CatalogError(error.strerror or str(error), path=str(path)) from None


def read_po(source: str | Path, data: bytes | None = None, *, fast: bool = True) -> Catalog:
    """Read a PO file as msgfmt reads it; raise :class:`CatalogError` with ``path:line: what``.

    ``data`` are the file's bytes when they are at hand (else the file at
    ``source`` is read). With ``fast`` (the default), a file laid out as GNU
    gettext writes it is read by a faster path that gives exactly the same
    catalog (:mod:`trigger_content.po.fast`); ``fast=False`` reads every file
    token by token.
    """
    path = str(source)
    if data is None:
        data = read_bytes(path)
    notes: list[str] = []
    text, charset, clean = decode(path, data, notes)
    newline = "\r\n" if "\r" in text and "\r\n" in text else "\n"
    if fast and clean:
        found = read_fast(text)
        if found is not None:
            entries, header, header_index = found
            return _catalog(path, entries, header, header_index, notes, charset, newline, data)
    reader = _Reader(path, text, charset)
    reader.run()
    notes.extend(reader.notes)
    return _catalog(path, reader.entries, reader.header, reader.header_index, notes, charset, newline, data)


def _catalog(
    path: str, entries: list[Entry], header: Entry | None, header_index: int, notes: list[str], charset: Charset, newline: str, data: bytes
) -> Catalog:
    if header is None:
        notes.append("no header entry: the catalog has no Language, charset or Plural-Forms")
    elif not charset.known and charset.name is not None and not (charset.name.upper() == "CHARSET" and path.endswith(".pot")):
        notes.append(f"the header's charset {charset.name!r} is not one this reader can decode; the file is read as ASCII")
    return Catalog(path, entries, header, header_index=header_index, notes=notes, charset=charset.codec, newline=newline, data=data)


# -- decoding ----------------------------------------------------------------------------

_BOM_UTF8 = codecs.BOM_UTF8
#: A header entry first (after comments that do not end with a backslash), and its strings.
_USUAL_HEADER = rb'(?:#(?![~|])(?:[^\n]*[^\\\n])?\n)*msgid ""\r?\nmsgstr ""\r?\n((?:"[^"\\\n]*(?:\\[^\n][^"\\\n]*)*"\r?\n)+)'


def decode(path: str, data: bytes, notes: list[str]) -> tuple[str, Charset, bool]:
    """The text of a catalog, decoded in the charset its header names, that charset, and whether every byte was valid in it.

    Bytes that are not valid in the charset are kept as lone surrogates
    (Python's ``surrogateescape``): the reader refuses them where they are
    in a string, and reads a comment with U+FFFD in their place, as
    gettext reads comments without checking them.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or (len(data) > 1 and data[1:2] == b"\0"):
        raise CatalogError("UTF-16 is not a PO file encoding; save the file as UTF-8", path=path, line=1)
    if data.startswith(_BOM_UTF8):
        data = data[len(_BOM_UTF8) :]
        notes.append("a UTF-8 byte order mark starts the file; it was ignored")
    nul = data.find(b"\0")
    if nul >= 0:
        line, column = line_and_column(data, nul)
        raise CatalogError("NUL byte in the file", path=path, line=line, column=column)
    charset = Charset(_declared(path, data))
    try:
        return data.decode(charset.codec), charset, True
    except UnicodeDecodeError:
        return data.decode(charset.codec, "surrogateescape"), charset, False


def _declared(path: str, data: bytes) -> str | None:
    """The charset the header entry names, read as gettext reads the header: before any charset is known."""
    expressions = _expressions()
    usual = expressions.usual_header.match(data)
    if usual is not None:
        # The header first, after plain comments: its strings joined, and
        # read without the lexer when their escapes are the usual four.
        joined = b"".join(expressions.usual_strings.findall(usual.group(1)))
        if b"\\\\" not in joined and not expressions.unusual_escape.search(joined):
            text = joined.replace(b"\\n", b"\n").replace(b"\\t", b"\t").replace(b'\\"', b'"')
            return header_charset(text.decode("latin-1"))
    from contextlib import suppress  # here, not at start-up: only a header out of the usual shape comes this far

    reader = _Reader(path, data.decode("latin-1"), Charset("ISO-8859-1"), until_header=True)
    with suppress(CatalogError):  # the reading proper says what is wrong, in the right charset
        reader.run()
    if reader.header is None:
        return None
    return header_charset(reader.header.msgstr[0])


# -- tokens ------------------------------------------------------------------------------

_TOKENS = r"""(?P<nl>\n)
    |(?P<ws>[ \t\r\f\v]+)
    |\#(?:(?P<obsolete>~\|?)|(?P<previous>\|)|(?P<comment>[^\n]*))
    |(?P<string>"(?P<body>[^"\\\n]*+(?:\\[^\n][^"\\\n]*+)*+)(?P<closed>"?))
    |(?P<number>[0-9]+)
    |(?P<word>[A-Za-z_$][A-Za-z0-9_$]*)
    |(?P<bracket>[\[\]])
    |(?P<junk>.)"""
_ESCAPE = r"\\(?:([ntbrfva\\\"])|([0-7]{1,3})|x[0-9A-Fa-f]*?([0-9A-Fa-f]{1,2})(?![0-9A-Fa-f])|(.?))"
_SIMPLE = {"n": "\n", "t": "\t", "b": "\b", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "\\": "\\", '"': '"'}
_SURROGATE = "[\udc80-\udcff]"
_KEYWORDS = {"msgctxt", "msgid", "msgid_plural", "msgstr", "domain"}
_PREVIOUS_KEYWORDS = {"msgctxt", "msgid", "msgid_plural"}
_CONFLICT = ("<<<<<<<", ">>>>>>>", "=======", "|||||||")
_FLAG_SEPARATORS = r"[\n \t\r\f\v,]+"


class _Expressions(namedtuple("_Expressions", "tokens escape surrogate flag_separators usual_header usual_strings unusual_escape")):
    __slots__ = ()
    tokens: re.Pattern[str]
    escape: re.Pattern[str]
    surrogate: re.Pattern[str]
    flag_separators: re.Pattern[str]
    usual_header: re.Pattern[bytes]
    usual_strings: re.Pattern[bytes]
    unusual_escape: re.Pattern[bytes]


@cache
def _expressions() -> _Expressions:
    """The reader's expressions, compiled on first use (a command that reads no catalog skips them)."""
    return _Expressions(
        re.compile(_TOKENS, re.VERBOSE),
        re.compile(_ESCAPE),
        re.compile(_SURROGATE),
        re.compile(_FLAG_SEPARATORS),
        re.compile(_USUAL_HEADER),
        re.compile(rb'"((?:[^"\\\n]|\\.)*)"'),
        re.compile(rb'\\[^nt"\\]'),
    )


# Grammar states: what the reader expects next.
(
    _IDLE,
    _PREV_CTXT,
    _PREV_CTXT_S,
    _PREV_ID,
    _PREV_ID_S,
    _PREV_PLURAL,
    _PREV_PLURAL_S,
    _CTXT,
    _CTXT_S,
    _ID,
    _ID_S,
    _PLURAL,
    _PLURAL_S,
    _STR,
    _STR_S,
    _FORM_OPEN,
    _FORM_NUMBER,
    _FORM_CLOSE,
    _FORM,
    _FORM_S,
) = range(20)
#: The state each token leads to from each state; a pair not here is an error.
_NEXT = {
    (_IDLE, "previous msgctxt"): _PREV_CTXT,
    (_IDLE, "previous msgid"): _PREV_ID,
    (_IDLE, "msgctxt"): _CTXT,
    (_IDLE, "msgid"): _ID,
    (_PREV_CTXT, "previous string"): _PREV_CTXT_S,
    (_PREV_CTXT_S, "previous string"): _PREV_CTXT_S,
    (_PREV_CTXT_S, "previous msgid"): _PREV_ID,
    (_PREV_ID, "previous string"): _PREV_ID_S,
    (_PREV_ID_S, "previous string"): _PREV_ID_S,
    (_PREV_ID_S, "previous msgid_plural"): _PREV_PLURAL,
    (_PREV_ID_S, "msgctxt"): _CTXT,
    (_PREV_ID_S, "msgid"): _ID,
    (_PREV_PLURAL, "previous string"): _PREV_PLURAL_S,
    (_PREV_PLURAL_S, "previous string"): _PREV_PLURAL_S,
    (_PREV_PLURAL_S, "msgctxt"): _CTXT,
    (_PREV_PLURAL_S, "msgid"): _ID,
    (_CTXT, "string"): _CTXT_S,
    (_CTXT_S, "string"): _CTXT_S,
    (_CTXT_S, "msgid"): _ID,
    (_ID, "string"): _ID_S,
    (_ID_S, "string"): _ID_S,
    (_ID_S, "msgid_plural"): _PLURAL,
    (_ID_S, "msgstr"): _STR,
    (_PLURAL, "string"): _PLURAL_S,
    (_PLURAL_S, "string"): _PLURAL_S,
    (_PLURAL_S, "msgstr"): _FORM_OPEN,
    (_STR, "string"): _STR_S,
    (_STR_S, "string"): _STR_S,
    (_STR, "["): _FORM_NUMBER,
    (_FORM_OPEN, "["): _FORM_NUMBER,
    (_FORM_NUMBER, "number"): _FORM_CLOSE,
    (_FORM_CLOSE, "]"): _FORM,
    (_FORM, "string"): _FORM_S,
    (_FORM_S, "string"): _FORM_S,
    (_FORM_S, "msgstr"): _FORM_OPEN,
}
_AFTER_KEYWORD = {_PREV_CTXT, _PREV_ID, _PREV_PLURAL, _CTXT, _ID, _PLURAL, _STR, _FORM}
_STRINGS_OF = {
    _PREV_CTXT_S: "previous_msgctxt",
    _PREV_ID_S: "previous_msgid",
    _PREV_PLURAL_S: "previous_msgid_plural",
    _CTXT_S: "msgctxt",
    _ID_S: "msgid",
    _PLURAL_S: "msgid_plural",
    _STR_S: "msgstr",
    _FORM_S: "msgstr",
}


class _Reader:
    """One pass over the tokens of a catalog's text, building its entries."""

    def __init__(self, path: str, text: str, charset: Charset, *, until_header: bool = False) -> None:
        self.path = path
        self.charset = charset
        self.until_header = until_header
        self.notes: list[str] = []
        self.entries: list[Entry] = []
        self.header: Entry | None = None
        self.header_index = 0
        self.seen: dict[tuple[str | None, str], int] = {}
        # A backslash at the end of a line joins the next one, everywhere;
        # the lines it joins still count.
        self.joins: list[int] = []
        if "\\\n" in text:
            text = self._join_lines(text)
        self.text = text
        self.expressions = _expressions()
        self.bad_bytes = self.expressions.surrogate.search(text) is not None
        self._reset()

    def _join_lines(self, text: str) -> str:
        parts = text.split("\\\n")
        offset = 0
        for part in parts[:-1]:
            offset += len(part)
            self.joins.append(offset)
        return "".join(parts)

    def _reset(self) -> None:
        self.state = _IDLE
        self.obsolete = False
        self.first_line = 0
        self.comments: list[str] = []
        self.extracted: list[str] = []
        self.references: list[str] = []
        self.flags: list[str] = []
        self.comment_line = 0
        self.fields: dict[str, list[str]] = {}
        self.lines: dict[str, int] = {}
        self.forms: list[list[str]] = []  # the strings of each plural form
        self.form_index = 0
        self.keyword_line = 0
        self.high_bytes = False  # an escape gave a byte past ASCII: the entry's fields are decoded as bytes
        self.no_plural = False  # plural forms after a msgid without msgid_plural

    def fail(self, line: int, message: str, column: int | None = None) -> CatalogError:
        return CatalogError(message, path=self.path, line=line, column=column)

    # -- the lexer --

    def run(self) -> None:
        text = self.text
        line, line_start = 1, 0
        obsolete = previous = False
        last_string_line = 0
        joins = self.joins
        for found in self.expressions.tokens.finditer(text):
            kind = found.lastgroup
            if kind == "ws":
                continue
            if kind == "nl":
                line += 1
                line_start = found.end()
                obsolete = previous = False
                continue
            start = found.start()
            # gettext names the line a token ends on.
            where = line if not joins else line + _count_before(joins, found.end() - 1)
            if kind == "obsolete":
                obsolete = True
                previous = found.group("obsolete") == "~|"
                continue
            if kind == "previous":
                previous = True
                continue
            if kind == "comment":
                self.comment(where, found.group("comment"))
                obsolete = False
                continue
            column = start - line_start + 1
            if kind == "string":
                if not found.group("closed"):
                    raise self.fail(where, "unterminated string", column)
                value = self.string(where, column, found.group("body"))
                self.token("previous string" if previous else "string", where, obsolete, value)
                last_string_line = where
                if self.until_header and self.header is not None:
                    return
                continue
            if kind == "word":
                word = found.group("word")
                if previous and word in _PREVIOUS_KEYWORDS:
                    self.token("previous " + word, where, obsolete)
                elif not previous and word in _KEYWORDS:
                    if word == "domain":
                        raise self.fail(where, "a domain directive: this reader keeps one domain a file; split the file at it")
                    self.token(word, where, obsolete)
                elif self.state == _FORM_NUMBER:
                    self.unexpected("word", where)
                elif self.state in _AFTER_KEYWORD:
                    self.missing_string(self.state, where)
                elif last_string_line == where:
                    raise self.fail(where, "text after the end of the string", column)
                else:
                    raise self.fail(where, f"unknown keyword {word!r}" + (" in a #| line" if previous and word in _KEYWORDS else ""))
                continue
            if kind == "number":
                self.token("number", where, obsolete, found.group("number"))
                continue
            if kind == "bracket":
                self.token(found.group("bracket"), where, obsolete)
                continue
            # Something no token starts with: a merge left unresolved, or
            # else what the entry in progress lacks is said first, as msgfmt
            # says it.
            char = found.group("junk")
            end = text.find("\n", start)
            rest = text[start : end if end >= 0 else len(text)].rstrip(" \t\r\f\v")
            if rest.startswith(_CONFLICT) and not text[line_start:start].strip(" \t\r\f\v"):
                raise self.fail(where, "git conflict marker: resolve the merge of this catalog first")
            if self.state in (_ID_S, _PLURAL_S):
                self.unexpected("junk", where)
            if self.bad_bytes and "\udc80" <= char <= "\udcff":
                raise self.fail(where, f"byte 0x{ord(char) - 0xDC00:02x} is not valid {self.charset.label}", column)
            if last_string_line == where:
                raise self.fail(where, "text after the end of the string", column)
            raise self.fail(where, f"cannot read {rest[:20]!r}" if rest else f"cannot read {char!r}", column)
        self.token("end", line if not joins else line + len(joins), False)

    def string(self, line: int, column: int, body: str) -> str:
        """A string's value: escapes resolved, bytes from escapes past ASCII kept as surrogates for :meth:`field`."""
        if self.bad_bytes:
            bad = self.expressions.surrogate.search(body)
            if bad is not None:
                raise self.fail(line, self._bad_byte(ord(bad.group()) - 0xDC00), column + 1 + bad.start())
        if "\\" in body:
            body = self.expressions.escape.sub(lambda found: self.escape(line, column, found), body)
        if "\x04" in body:
            raise self.fail(line, "the context separator (EOT, \\x04) inside a string")
        if "#-#-#-#-#" in body:
            raise self.fail(line, "msgcat conflict markers (#-#-#-#-#): choose one translation and remove the others")
        return body

    def _bad_byte(self, byte: int) -> str:
        if not self.charset.known and self.charset.name is not None:
            return f"byte 0x{byte:02x}: the header's charset {self.charset.name!r} is not one this reader can decode, so this text cannot be read; declare UTF-8"
        return f"byte 0x{byte:02x} is not valid {self.charset.label}"

    def escape(self, line: int, column: int, found: re.Match[str]) -> str:
        simple, octal, hexadecimal, other = found.groups()
        if simple is not None:
            return _SIMPLE[simple]
        if other is None:
            byte = int(octal, 8) & 0xFF if octal is not None else int(hexadecimal, 16)
            if byte == 0:
                raise self.fail(line, "a NUL character (\\0) in a string: gettext would cut the text there", column + 1 + found.start())
            # A byte of the file's charset: past ASCII, a surrogate until the
            # field's bytes are decoded together.
            if byte < 0x80:
                return chr(byte)
            self.high_bytes = True
            return chr(0xDC00 + byte)
        raise self.fail(line, f"invalid escape sequence '{found.group(0)}'", column + 1 + found.start())

    def comment(self, line: int, text: str) -> None:
        if self.state in (_STR_S, _FORM_S):
            self.complete()
        elif self.state != _IDLE:
            self.unexpected("a comment", line)
        if text.endswith("\r"):
            text = text[:-1]
        if self.bad_bytes and self.expressions.surrogate.search(text):
            text = self.expressions.surrogate.sub("\ufffd", text)
            self.notes.append(f"line {line}: a comment is not valid {self.charset.label}; read with U+FFFD in place of its bad bytes")
        if not self.comment_line:
            self.comment_line = line
        marker = text[:1]
        if marker == ".":
            rest = text[1:]
            self.extracted.append(rest[1:] if rest.startswith(" ") else rest)
        elif marker == ":":
            self.references.extend(parse_references(text[1:]))
        elif marker in (",", "!"):
            # Each flag line replaces the flags of the one before: msgfmt
            # keeps the last, and with it whether the entry is fuzzy.
            flags = [flag for flag in self.expressions.flag_separators.split(text[1:]) if flag]
            if "fuzzy" in self.flags and "fuzzy" not in flags:
                self.notes.append(
                    f"line {line}: a second flag line without 'fuzzy': gettext keeps only the last flag line, so the entry is not fuzzy"
                )
            self.flags = flags
        else:
            self.comments.append(text[1:] if text.startswith(" ") else text)

    # -- the grammar --

    def token(self, kind: str, line: int, obsolete: bool, value: str | None = None) -> None:
        state = self.state
        target = _NEXT.get((state, kind))
        if target is None and state in (_STR_S, _FORM_S):
            self.complete()  # the token starts what follows the entry
            state = _IDLE
            target = _NEXT.get((state, kind))
        if target is None:
            if state == _IDLE and kind == "end":
                return
            self.unexpected(kind, line)
        if state == _IDLE:
            self.obsolete = obsolete
            self.first_line = self.comment_line or line
        elif obsolete != self.obsolete:
            raise self.fail(line, "inconsistent use of #~: an entry is obsolete in all its lines or in none")
        if value is not None and kind != "number":  # a string
            if target == _FORM_S:
                self.forms[-1].append(value)
            elif state == target:
                self.fields[_STRINGS_OF[target]].append(value)
            else:
                self.fields[_STRINGS_OF[target]] = [value]
        elif kind == "number":
            digits = value.lstrip("0") or "0"  # type: ignore[union-attr]  # a number token always has its digits
            number = int(digits) if len(digits) < 20 else -1  # past any form index, and past int()'s limit on digits
            if number != self.form_index:
                shown = digits if len(digits) < 20 else digits[:8] + "…"
                message = (
                    "the first plural form must be msgstr[0]"
                    if not self.form_index
                    else f"msgstr[{shown}] where msgstr[{self.form_index}] is expected: plural forms go in order, none missing"
                )
                raise self.fail(self.keyword_line, message)
        elif kind == "]":
            if not self.form_index:
                self.lines["msgstr"] = self.keyword_line
            self.form_index += 1
            self.forms.append([])
        elif target == _FORM_OPEN:
            self.keyword_line = line
        elif state == _STR:  # msgstr[ without msgid_plural: said once the form is read, as msgfmt says it
            self.no_plural = True
            self.keyword_line = self.lines["msgstr"]
        elif kind in ("msgctxt", "msgid", "msgstr"):
            self.lines[kind] = line
        self.state = target

    def missing_string(self, state: int, line: int) -> NoReturn:
        keyword = {
            _PREV_CTXT: "#| msgctxt",
            _PREV_ID: "#| msgid",
            _PREV_PLURAL: "#| msgid_plural",
            _CTXT: "msgctxt",
            _ID: "msgid",
            _PLURAL: "msgid_plural",
            _STR: "msgstr",
        }[state]
        raise self.fail(line, f"{keyword} must be followed by a quoted string")

    def unexpected(self, kind: str, line: int) -> NoReturn:
        """The token ``kind`` cannot come here: say what is missing, at the line msgfmt names."""
        state = self.state
        if state == _FORM:
            raise self.fail(line, "msgstr[N] must be followed by a quoted string")
        if state in _AFTER_KEYWORD:
            self.missing_string(state, line)
        if state == _ID_S:
            raise self.fail(self.lines["msgid"], "msgid without msgstr")
        if state == _PLURAL_S:
            raise self.fail(self.lines["msgid"], "msgid_plural needs msgstr[0], msgstr[1]…")
        if state == _FORM_OPEN:
            raise self.fail(self.keyword_line, "msgid_plural needs msgstr[0], msgstr[1]…")
        if state in (_FORM_NUMBER, _FORM_CLOSE):
            raise self.fail(line, "a plural form is written msgstr[N] with N a number")
        if state == _CTXT_S:
            raise self.fail(line, "msgctxt without msgid")
        if state in (_PREV_CTXT_S, _PREV_ID_S, _PREV_PLURAL_S):
            raise self.fail(line, "#| lines must be followed by the msgctxt or msgid of their entry")
        described = {
            "string": "a string with no keyword before it",
            "previous string": "a #| string with no keyword before it",
            "msgstr": "msgstr without msgid before it",
            "msgid_plural": "msgid_plural without msgid before it",
            "previous msgid_plural": "#| msgid_plural without #| msgid before it",
            "number": "a number out of place",
            "[": "'[' out of place",
            "]": "']' out of place",
            "a comment": "a comment inside an entry",
        }
        raise self.fail(line, described.get(kind, f"{kind} out of place"))

    def field(self, name: str) -> str | None:
        pieces = self.fields.get(name)
        if pieces is None:
            return None
        return self.value("".join(pieces), name)

    def value(self, text: str, name: str) -> str:
        """A field's text; bytes that escapes gave are decoded with the strings around them, in the file's charset."""
        if self.high_bytes and self.expressions.surrogate.search(text):
            try:
                text = text.encode(self.charset.codec, "surrogateescape").decode(self.charset.codec)
            except UnicodeError:
                line = self.lines.get(name, self.first_line)
                raise self.fail(line, f"escape sequences in {name} give bytes that are not valid {self.charset.label}") from None
            if "\x04" in text:
                raise self.fail(self.lines.get(name, self.first_line), "the context separator (EOT, \\x04) inside a string")
            if "#-#-#-#-#" in text:
                raise self.fail(
                    self.lines.get(name, self.first_line),
                    "msgcat conflict markers (#-#-#-#-#): choose one translation and remove the others",
                )
        return text

    def complete(self) -> None:
        """The entry in progress is whole: keep it, after making sure it is not a second definition."""
        if self.no_plural:
            raise self.fail(self.lines["msgid"], "msgstr[N] without msgid_plural before it")
        msgid = self.field("msgid")
        assert msgid is not None
        if self.state == _FORM_S:
            msgstr = tuple(self.value("".join(form), "msgstr") for form in self.forms)
        else:
            msgstr = (self.field("msgstr") or "",)
        entry = Entry(
            msgid=msgid,
            msgstr=msgstr,
            msgctxt=self.field("msgctxt"),
            msgid_plural=self.field("msgid_plural"),
            flags=tuple(self.flags),
            comments=tuple(self.comments),
            extracted=tuple(self.extracted),
            references=tuple(self.references),
            previous_msgctxt=self.field("previous_msgctxt"),
            previous_msgid=self.field("previous_msgid"),
            previous_msgid_plural=self.field("previous_msgid_plural"),
            obsolete=self.obsolete,
            line=self.first_line,
            msgid_line=self.lines["msgid"],
            msgstr_line=self.lines["msgstr"],
        )
        key = (entry.msgctxt, entry.msgid)
        first = self.seen.get(key)
        if first is not None:
            if key == (None, "") and self.header is not None and not entry.obsolete:
                raise self.fail(entry.msgid_line, f"a second header entry (the first is at line {first})")
            raise self.fail(entry.msgid_line, f"duplicate message definition (first defined at line {first})")
        self.seen[key] = entry.msgstr_line  # msgfmt names the first definition by its msgstr line
        if entry.is_header and self.header is None:
            self.header, self.header_index = entry, len(self.entries)
        else:
            self.entries.append(entry)
        self._reset()


def _count_before(joins: list[int], position: int) -> int:
    """How many joined lines end before ``position`` of the joined text."""
    return bisect_right(joins, position)


def statistics(path: str | Path, data: bytes | None = None, *, fast: bool = True) -> Statistics:
    """The figures of the catalog at ``path`` (its bytes ``data`` when at hand), as :func:`count` gives them.

    With ``fast`` (the default), a catalog laid out as gettext writes it is
    counted from its bytes (:func:`trigger_content.po.fast.count_fast`),
    several times faster and with the same result; any other goes through
    the strict reader, which raises :class:`~trigger_content.errors.CatalogError`
    for a file it cannot read.
    """
    if data is None:
        data = read_bytes(path)
    if fast:
        found = count_fast(path, data)
        if found is not None:
            return found
    catalog = read_po(path, data, fast=fast)
    return Statistics(catalog.locale, count(catalog.entries, header=catalog.header_entry), catalog.notes)
