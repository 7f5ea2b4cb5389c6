"""A strict, line-aware reader of PO files, for figures and checks.

polib and Babel read leniently: an unterminated string loses its last
character, an unknown keyword is skipped. This reader refuses what GNU
gettext's ``msgfmt`` refuses, with ``path:line: what`` (1-based lines, as
msgfmt counts), and records the line of each entry's keywords so a finding can
point at the exact line. It keeps only what status and checks need; editing
goes through polib (:mod:`trigger_content.catalogs`).
"""

from __future__ import annotations

import codecs
import re
from collections import namedtuple
from functools import cache
from itertools import accumulate, repeat
from operator import add
from pathlib import Path

from .errors import TriggerContentError, line_and_column

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v", "?": "?", "'": "'"}
_ESCAPE = re.compile(r"\\(?:([ntr\"\\abfv?'])|([0-7]{1,3})|x([0-9A-Fa-f]+)|(.?))")
_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[([^\]]*)\])?)[ \t]*(?=\")|([A-Za-z_][\w\[\]]*)")
_CHARSET = re.compile(rb"charset=([A-Za-z0-9_.:-]+)")
#: The rest of a string after its opening quote, up to its closing quote.
_CLOSING_QUOTE = re.compile(r'(?:[^"\\]|\\.)*"')
_KEYWORDS = frozenset({"msgctxt", "msgid", "msgid_plural", "msgstr"})
#: White space around PO lines: ASCII only; a no-break space is text, as for msgfmt.
_BLANK = " \t\r\f\v"
#: A previous-message line's content (after ``#|``), well formed.
_PREVIOUS = re.compile(r'(?:(?:msgctxt|msgid|msgid_plural)[ \t]*)?"[^"\\\n]*(?:\\.[^"\\\n]*)*"[ \t]*')


class CatalogError(TriggerContentError):
    """A PO file that GNU gettext would refuse."""


class Entry(
    namedtuple(
        "Entry",
        "msgctxt msgid msgid_plural msgstr flags obsolete line msgid_line msgstr_line previous_msgid comment",
        defaults=(None, ""),
    )
):
    """One message of a catalog, with the lines its parts start on.

    ``msgstr`` is a tuple: one string, or one per plural form in index order;
    ``flags`` a frozenset. ``line`` is the entry's first line (its first
    comment, or its first keyword), ``msgid_line`` and ``msgstr_line`` those of
    its keywords. ``comment`` holds the extracted comments (``#.``), joined by
    newlines. (A named tuple, not a dataclass: ``status`` starts faster
    without the dataclasses module.)
    """

    __slots__ = ()
    msgctxt: str | None
    msgid: str
    msgid_plural: str | None
    msgstr: tuple[str, ...]
    flags: frozenset[str]
    obsolete: bool
    line: int
    msgid_line: int
    msgstr_line: int
    previous_msgid: str | None
    comment: str

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def untranslated(self) -> bool:
        """The msgstr, or any plural form of it, is empty."""
        return not all(self.msgstr)


class Catalog:
    """The entries of a PO file (the header apart) and its header fields."""

    def __init__(
        self,
        path: str,
        entries: list[Entry],
        header: dict[str, str] | None = None,
        header_fuzzy: bool = False,
        header_line: int | None = None,
        notes: list[str] | None = None,
    ) -> None:
        self.path = path
        self.entries = entries
        self.header = {} if header is None else header
        self.header_fuzzy = header_fuzzy
        self.header_line = header_line
        #: What the reader noticed without refusing the file (a BOM, a missing header).
        self.notes = [] if notes is None else notes

    def __repr__(self) -> str:
        return f"Catalog({self.path!r}, {len(self.entries)} entries)"

    @property
    def locale(self) -> str:
        """The header's Language, or the folder name of ``<locale>/LC_MESSAGES/``."""
        language = self.header.get("Language", "").strip()
        if language:
            return language
        parts = Path(self.path).resolve().parts
        return parts[-3] if len(parts) >= 3 and parts[-2] == "LC_MESSAGES" else ""

    @property
    def active(self) -> list[Entry]:
        return [entry for entry in self.entries if not entry.obsolete]


def read_po(path: str | Path, data: bytes | None = None, *, plurals: bool = True) -> Catalog:
    """Read a PO file strictly; raise :class:`CatalogError` with ``path:line: what``.

    With ``plurals`` (the default), the Plural-Forms header must parse and
    stay in range, and every plural message must have as many forms as it
    says, as ``msgfmt -c`` requires.
    """
    path = str(path)
    if data is None:
        data = read_bytes(path)
    catalog = _Parser(path, data).parse()
    if plurals:
        check_plurals(catalog, data)
    return catalog


def declared_charset(data: bytes) -> tuple[str, re.Match[bytes] | None]:
    """The charset a catalog's bytes are read in, and where it is said.

    As msgfmt reads it: the first ``charset=`` near the start of the file
    (a template's ``CHARSET`` placeholder is ASCII), UTF-8 when none.
    """
    found = _CHARSET.search(data, 0, 8192)
    charset = found.group(1).decode("ascii") if found else "UTF-8"
    return ("ASCII" if charset.upper() == "CHARSET" else charset), found


def read_bytes(path: str | Path) -> bytes:
    """The bytes of the file at ``path``; :class:`CatalogError` if it cannot be read."""
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise CatalogError(error.strerror or str(error), path=str(path)) from None


class _Parser:
    def __init__(self, path: str, data: bytes) -> None:
        self.path = path
        self.data = data
        self.notes: list[str] = []
        self.entries: list[Entry] = []
        self.header: tuple[Entry, str] | None = None
        self._reset(0)

    def fail(self, line: int, message: str, column: int | None = None) -> CatalogError:
        return CatalogError(message, path=self.path, line=line, column=column)

    # -- decoding --------------------------------------------------------------

    def text(self) -> str:
        data = self.data
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or (len(data) > 1 and data[1:2] == b"\0"):
            raise self.fail(1, "UTF-16 is not a PO file encoding; save the file as UTF-8")
        if data.startswith(codecs.BOM_UTF8):
            data = data[len(codecs.BOM_UTF8):]
            self.notes.append("a UTF-8 byte order mark starts the file; it was ignored")
        charset, found = declared_charset(data)
        try:
            codecs.lookup(charset)
        except LookupError:
            line = line_and_column(data, found.start())[0] if found else 1
            raise self.fail(line, f"unknown charset {charset!r} in Content-Type") from None
        nul = data.find(b"\0")
        if nul >= 0:
            line, column = line_and_column(data, nul)
            raise self.fail(line, "NUL byte in the file", column)
        try:
            return data.decode(charset)
        except UnicodeDecodeError as error:
            line, column = line_and_column(data, error.start)
            raise self.fail(line, f"byte 0x{data[error.start]:02x} is not valid {charset}", column) from None

    # -- entries ---------------------------------------------------------------

    def _reset(self, line: int) -> None:
        self.start = 0
        self.flags: set[str] = set()
        self.comments: list[str] = []
        self.previous: str | None = None
        self.fields: dict[str, list[str]] = {}
        self.lines: dict[str, int] = {}
        self.last: str | None = None
        self.obsolete = False

    def parse(self) -> Catalog:
        text = self.text()
        if not _Fast(self).read(text):
            self.entries, self.header = [], None
            self._reset(0)
            number = 0
            # Lines end at "\n" only (with an optional "\r" before it), as msgfmt
            # reads them: U+2028, form feeds and the like are part of a string.
            for number, raw in enumerate(text.split("\n"), start=1):
                self.line(number, raw.removesuffix("\r"))
            self.finish(number + 1)
        header: dict[str, str] = {}
        fuzzy_header, header_line = False, None
        if self.header is None:
            self.notes.append("no header entry: the catalog has no Language, charset or Plural-Forms")
        else:
            entry, value = self.header
            fuzzy_header, header_line = entry.fuzzy, entry.msgstr_line
            for field_line in value.split("\n"):
                name, colon, rest = field_line.partition(":")
                if colon:
                    header[name.strip()] = rest.strip()
        catalog = Catalog(self.path, self.entries, header, fuzzy_header, header_line, self.notes)
        check_duplicates(catalog)
        return catalog

    def line(self, number: int, raw: str) -> None:
        line = raw.strip(_BLANK)
        if not line:
            return
        if line.startswith(("<<<<<<<", ">>>>>>>", "=======")) or line.startswith("|||||||"):
            raise self.fail(number, "git conflict marker: resolve the merge of this catalog first")
        obsolete = False
        if line.startswith("#~"):
            obsolete = True
            line = line[2:].lstrip()
            if line.startswith("|"):
                self.comment_line(number, "#" + line, obsolete=True)
                return
            if not line:
                return
        elif line.startswith("#"):
            self.comment_line(number, line, obsolete=False)
            return
        if line.startswith('"'):
            if self.last is None:
                raise self.fail(number, "a string with no keyword before it")
            if obsolete != self.obsolete:
                raise self.fail(number, "inconsistent use of #~: an entry is obsolete in all its lines or in none")
            self.fields[self.last].append(self.string(number, raw, raw.index('"')))
            return
        found = _KEYWORD.match(line)
        if found is None or found.group(3):
            word = line.split()[0] if line.split() else line
            if word in _KEYWORDS or word.startswith("msgstr["):
                raise self.fail(number, f"{word} must be followed by a quoted string")
            raise self.fail(number, f"unknown keyword {word!r}" if found else f"cannot read {line[:20]!r}")
        keyword = found.group(1)
        if keyword.startswith("msgstr["):
            index = found.group(2)
            if not index.isdigit():
                raise self.fail(number, f"{keyword}: the plural index must be a number")
            keyword = f"msgstr[{int(index)}]"
        translated = self.has_msgstr()
        if self.fields and obsolete != self.obsolete and not (translated and keyword in ("msgctxt", "msgid")):
            raise self.fail(number, "inconsistent use of #~: an entry is obsolete in all its lines or in none")
        if keyword in ("msgctxt", "msgid"):
            if translated:
                self.finish(number)
            elif "msgid" in self.fields:
                raise self.fail(self.lines["msgid"], "msgid without msgstr")
            elif keyword in self.fields:
                raise self.fail(number, f"{keyword} appears twice in one entry")
            if not self.fields:
                self.obsolete = obsolete
                self.start = self.start or number
        elif keyword == "msgid_plural":
            if translated or "msgid" not in self.fields:
                raise self.fail(number, "msgid_plural without msgid before it")
            if keyword in self.fields:
                raise self.fail(number, "msgid_plural appears twice in one entry")
        else:  # msgstr, msgstr[N]
            if "msgid" not in self.fields or (keyword == "msgstr" and translated):
                raise self.fail(number, "msgctxt without msgid" if "msgctxt" in self.fields and "msgid" not in self.fields else f"{keyword} without msgid before it")
            if keyword in self.fields:
                raise self.fail(number, f"{keyword} appears twice in one entry")
        self.fields[keyword] = [self.string(number, raw, raw.index('"', raw.index(keyword[:5])))]
        self.lines[keyword] = number
        self.last = keyword

    def has_msgstr(self) -> bool:
        return any(key.startswith("msgstr") for key in self.fields)

    def comment_line(self, number: int, line: str, *, obsolete: bool) -> None:
        if self.has_msgstr():
            self.finish(number)
        elif self.fields:
            raise self.fail(self.lines.get("msgid", number), "msgid without msgstr")
        self.start = self.start or number
        if line.startswith("#,"):
            self.flags.update(flag.strip() for flag in line[2:].split(",") if flag.strip())
        elif line.startswith("#|"):
            rest = line[2:].strip(_BLANK)
            if rest.startswith("msgid ") and '"' in rest:
                self.previous = self.string(number, rest, rest.index('"'))
            elif rest.startswith('"') and self.previous is not None:
                self.previous += self.string(number, rest, 0)
        elif line.startswith("#."):
            self.comments.append(line[2:].strip())

    def string(self, number: int, raw: str, start: int) -> str:
        """The value of the quoted string that starts at ``raw[start]``, escapes resolved."""
        closing = _CLOSING_QUOTE.match(raw, start + 1)
        if closing is None:
            raise self.fail(number, "unterminated string", start + 1)
        end = closing.end()
        rest = raw[end:].strip()
        if rest:
            raise self.fail(number, "text after the end of the string", raw.index(rest[0], end) + 1)
        value = _ESCAPE.sub(lambda found: self.escape(number, found, start), raw[start + 1 : end - 1])
        if "\x04" in value:
            raise self.fail(number, "the context separator (EOT, \\x04) inside a string")
        if "#-#-#-#-#" in value:
            raise self.fail(number, "msgcat conflict markers (#-#-#-#-#): choose one translation and remove the others")
        return value

    def escape(self, number: int, found: re.Match[str], start: int) -> str:
        try:
            return _unescape(found)
        except ValueError:
            raise self.fail(number, f"invalid escape sequence '\\{found.group(4)}'", start + 2 + found.start()) from None

    def finish(self, number: int) -> None:
        """Close the entry in progress, if any."""
        if not self.fields:
            self._reset(number)
            return
        if "msgid" not in self.fields:
            raise self.fail(self.start, "msgctxt without msgid")
        plural_keys = sorted((k for k in self.fields if k.startswith("msgstr[")), key=lambda k: int(k[7:-1]))
        if "msgstr" not in self.fields and not plural_keys:
            raise self.fail(self.lines["msgid"], "msgid without msgstr")
        plural = "msgid_plural" in self.fields
        if plural and not plural_keys:
            raise self.fail(self.lines.get("msgstr", self.lines["msgid"]), "msgid_plural needs msgstr[0], msgstr[1]…")
        if plural_keys and not plural:
            raise self.fail(self.lines[plural_keys[0]], f"{plural_keys[0]} without msgid_plural")
        if plural_keys and [int(k[7:-1]) for k in plural_keys] != list(range(len(plural_keys))):
            raise self.fail(self.lines[plural_keys[0]], "plural forms must be msgstr[0], msgstr[1]… in order, none missing")
        join = "".join
        msgid = join(self.fields["msgid"])
        msgstr = tuple(join(self.fields[k]) for k in plural_keys) if plural else (join(self.fields["msgstr"]),)
        msgstr_line = self.lines[plural_keys[0]] if plural else self.lines["msgstr"]
        entry = Entry(
            msgctxt=join(self.fields["msgctxt"]) if "msgctxt" in self.fields else None,
            msgid=msgid,
            msgid_plural=join(self.fields["msgid_plural"]) if plural else None,
            msgstr=msgstr,
            flags=frozenset(self.flags),
            obsolete=self.obsolete,
            line=self.start or self.lines["msgid"],
            msgid_line=self.lines["msgid"],
            msgstr_line=msgstr_line,
            previous_msgid=self.previous,
            comment="\n".join(self.comments),
        )
        if msgid == "" and entry.msgctxt is None and not entry.obsolete:
            if self.header is not None:
                raise self.fail(entry.msgid_line, f"a second header entry (the first is at line {self.header[0].msgid_line})")
            self.header = (entry, msgstr[0])
        else:
            self.entries.append(entry)
        self._reset(number)


# -- the fast path ----------------------------------------------------------------------

#: The inside of one quoted string.
_BODY = r'[^"\\\n]*+(?:\\.[^"\\\n]*+)*+'
#: Between two strings of a keyword, as GNU gettext writes them: the next
#: line starts with the quote, after "#~ " in an obsolete entry.
_BETWEEN = '"\n"'
_OBSOLETE_BETWEEN = '"\n#~ "'
#: What starts each line of an obsolete entry.
_OBSOLETE_PREFIX = r"[ \t]*+\#~[ \t]*+"


def _strings(between: str) -> str:
    """A keyword's strings, from the first quote to the last line's end; ``between`` (a literal) between two."""
    return '"' + _BODY + "(?:" + re.escape(between) + _BODY + ')*+"\n'


def _field(name: str, between: str = _BETWEEN) -> str:
    """:func:`_strings` after the white space that follows a keyword, as the group ``name``."""
    return rf"[ \t]*+(?P<{name}>" + _strings(between) + ")"


_Expressions = namedtuple("_Expressions", "entry string form leading_blank obsolete_previous")


@cache
def _patterns() -> _Expressions:
    """The fast path's expressions, compiled on first use (a command that reads no catalog skips them).

    ``entry`` matches one entry as GNU gettext and every editor write it,
    active or obsolete: its comments, then its keywords in their order, each
    followed by its strings, then blank lines; or, when nothing else does,
    one line (``other``), which sends the file to the line-by-line parser.
    (The comments may give back their last line, so that comments that end
    the file are that line.) ``string`` matches one string, ``form`` one
    plural form of an entry ``entry`` matched, ``obsolete_previous`` the
    start of a previous-message line of an obsolete entry (``#~|``).
    """
    old, strings = _OBSOLETE_PREFIX, _strings(_BETWEEN)
    entry = re.compile(
        r"(?P<comments>(?:[ \t]*+\#(?!~)[^\n]*+\n)*)"
        "(?:"
        r"(?:[ \t]*+msgctxt" + _field("ctx") + ")?"
        r"[ \t]*+msgid" + _field("id")
        + r"(?:[ \t]*+msgid_plural" + _field("plural") + r"(?P<forms>(?:[ \t]*+msgstr\[[0-9]+\][ \t]*+" + strings + ")++)"
        r"|[ \t]*+msgstr" + _field("str") + ")"
        "|(?P<old_previous>(?:" + old + r"\|[^\n]*+\n)*+)"
        "(?:" + old + "msgctxt" + _field("old_ctx", _OBSOLETE_BETWEEN) + ")?"
        + old + "msgid" + _field("old_id", _OBSOLETE_BETWEEN)
        + "(?:" + old + "msgid_plural" + _field("old_plural", _OBSOLETE_BETWEEN)
        + "(?P<old_forms>(?:" + old + r"msgstr\[[0-9]+\][ \t]*+" + _strings(_OBSOLETE_BETWEEN) + ")++)"
        "|" + old + "msgstr" + _field("old_str", _OBSOLETE_BETWEEN) + ")"
        r"|(?P<other>[^\n]*+\n)"
        r")(?P<blank>(?:[ \t]*+\n)*+)"
    )
    return _Expressions(
        entry=entry,
        string=re.compile(r'"([^"\\\n]*(?:\\.[^"\\\n]*)*)"'),
        form=re.compile("(?:" + old + r")?msgstr\[([0-9]+)\][ \t]*+(" + strings + ")"),
        leading_blank=re.compile(r"(?:[ \t]*+\n)*+"),
        obsolete_previous=re.compile(r"(?m)^[ \t]*#~[ \t]*\|"),
    )


class _Decline(Exception):
    """The fast path cannot read this file; the line-by-line parser will (or will say why not)."""


class _Fast:
    """Reads a well-formed catalog a column at a time: one regular expression over the whole text.

    It gives exactly what the line-by-line parser gives, and declines (the
    parser then runs) on anything unusual: a line in no entry, strings not
    laid out as GNU gettext writes them, a backslash it does not know, a
    bare carriage return. One expression finds every entry's parts; each
    keyword's texts are then made in one pass over all entries.
    """

    def __init__(self, parser: _Parser) -> None:
        self.parser = parser

    def read(self, text: str) -> bool:
        if "\r" in text:
            text = text.replace("\r\n", "\n")
            if "\r" in text:
                return False
        if "\x04" in text or "#-#-#-#-#" in text:
            return False
        if not text.endswith("\n"):
            text += "\n"
        try:
            self.entries(text)
        except _Decline:
            return False
        return True

    def entries(self, text: str) -> None:
        expressions = _patterns()
        head = expressions.leading_blank.match(text).end()  # type: ignore[union-attr]
        rows = expressions.entry.findall(text, head)
        if not rows:
            return
        comments, ctx, msgid, plural, forms, msgstr, old_previous, old_ctx, old_id, old_plural, old_forms, old_str, other, blank = map(list, zip(*rows))
        del rows
        if any(other):
            raise _Decline  # a line in no entry
        obsolete = list(map(bool, old_id))
        for index, old in enumerate(obsolete):
            if old:  # its fields in the same columns as an active entry's, written the same way
                for column, old_column in ((ctx, old_ctx), (msgid, old_id), (plural, old_plural), (forms, old_forms), (msgstr, old_str)):
                    column[index] = old_column[index].replace(_OBSOLETE_BETWEEN, _BETWEEN)
                comments[index] += expressions.obsolete_previous.sub("#|", old_previous[index])
        # Lines: each entry's first, its msgid's and its msgstr's.
        to_msgid = list(map(add, _newlines(comments), _newlines(ctx)))
        to_msgstr = list(map(add, _newlines(msgid), _newlines(plural)))
        to_next = map(sum, zip(to_msgid, to_msgstr, _newlines(msgstr), _newlines(forms), _newlines(blank)))
        firsts = list(accumulate(to_next, initial=text.count("\n", 0, head) + 1))[:-1]
        msgid_lines = list(map(add, firsts, to_msgid))
        msgstr_lines = list(map(add, msgid_lines, to_msgstr))
        del old_previous, old_ctx, old_id, old_plural, old_forms, old_str, other, blank
        # Texts, a keyword at a time, each keyword's strings let go once read
        # (a large catalog's memory).
        msgstrs: list[tuple[str | None, ...]] = list(zip(_texts(msgstr)))
        del msgstr
        if any(plural):
            for index, raw in enumerate(forms):
                if raw:
                    found = expressions.form.findall(raw)
                    if [number for number, _ in found] != [str(number) for number in range(len(found))]:
                        raise _Decline  # the line parser says what is wrong with the plural forms
                    msgstrs[index] = tuple(_texts([strings for _, strings in found]))
        del forms
        flags, extracted, previous = zip(*map(_comments, comments))
        del comments
        msgctxts = _texts(ctx)
        del ctx
        msgids = _texts(msgid)
        del msgid
        msgid_plurals = _texts(plural)
        del plural
        entries = list(map(Entry, msgctxts, msgids, msgid_plurals, msgstrs, flags, obsolete, firsts, msgid_lines, msgstr_lines, previous, extracted))
        headers = [index for index, value in enumerate(msgids) if not value and msgctxts[index] is None and not obsolete[index]]
        if len(headers) > 1:
            raise _Decline  # a second header: the line parser names both lines
        if headers:
            header = entries.pop(headers[0])
            self.parser.header = (header, header.msgstr[0])
        self.parser.entries = entries


def _newlines(column: list[str]) -> list[int]:
    """How many newlines each of ``column``'s texts holds."""
    return list(map(str.count, column, repeat("\n")))


def _texts(raws: list[str]) -> list[str | None]:
    """The text of each keyword's strings, from the strings as GNU gettext writes them (``"…"\\n``, one a line).

    An empty raw (an entry without that keyword) gives ``None``.
    """
    return [(_value(raw) if "\\" in raw else raw[1:-2].replace(_BETWEEN, "")) if raw else None for raw in raws]


def _value(raw: str) -> str:
    """The text of a keyword's strings: each string's escapes resolved, then the strings joined.

    (In that order: ``"\\1"`` then ``"2"`` is U+0001 and ``2``, not ``"\\12"``.)
    """
    if raw.count("\n") == 1:
        return _resolve(raw.strip()[1:-1])  # one string on the keyword's line: most messages
    return "".join(map(_resolve, _patterns().string.findall(raw)))


def _resolve(value: str) -> str:
    """One string's escapes resolved; the line parser says what is wrong with one it cannot."""
    if "\\" in value:
        try:
            value = _ESCAPE.sub(_unescape, value)
        except ValueError:
            raise _Decline from None
        if "\x04" in value or "#-#-#-#-#" in value:
            raise _Decline
    return value


def _unescape(found: re.Match[str]) -> str:
    """The character an escape sequence (a match of ``_ESCAPE``) stands for; ValueError if none."""
    simple, octal, hexadecimal, _ = found.groups()
    if simple is not None:
        return _ESCAPES[simple]
    if octal is not None:
        return chr(int(octal, 8))
    if hexadecimal is not None:
        return chr(int(hexadecimal, 16) & 0xFF)
    raise ValueError


_NO_FLAGS: frozenset[str] = frozenset()


def _comments(block: str) -> tuple[frozenset[str], str, str | None]:
    """Flags, extracted comments and the previous msgid of an entry's comment lines."""
    if not block:
        return _NO_FLAGS, "", None
    if block.startswith("#."):
        lines = block.count("\n")
        if lines == 1:
            return _NO_FLAGS, block[2:].strip(), None  # most entries: one extracted comment
        if block.count("\n#.") == lines - 1:
            return _NO_FLAGS, "\n".join([line[2:].strip() for line in block.split("\n")[:-1]]), None  # extracted comments only
    flags: set[str] = set()
    extracted: list[str] = []
    previous: str | None = None
    for raw in block.split("\n")[:-1]:
        line = raw.strip(_BLANK)
        if line.startswith("#,"):
            flags.update(flag.strip() for flag in line[2:].split(",") if flag.strip())
        elif line.startswith("#."):
            extracted.append(line[2:].strip())
        elif line.startswith("#|"):
            rest = line[2:].strip(_BLANK)
            if not _PREVIOUS.fullmatch(rest):
                raise _Decline  # the line parser says what is wrong with it
            if rest.startswith("msgid ") and '"' in rest:
                previous = _value(rest[5:].strip() + "\n")
            elif rest.startswith('"') and previous is not None:
                previous += _value(rest + "\n")
    return frozenset(flags), "\n".join(extracted), previous


def check_plurals(catalog: Catalog, data: bytes = b"") -> None:
    """Refuse a Plural-Forms that does not parse or stay in range, or plural forms that do not match it."""
    from .plurals import plural_problem

    value = catalog.header.get("Plural-Forms")
    if value is None:
        return
    found = data.find(b'"Plural-Forms:')
    line = data.count(b"\n", 0, found) + 1 if found >= 0 else catalog.header_line
    problem = plural_problem(value)
    if problem:
        raise CatalogError(f"Plural-Forms: {problem}", path=catalog.path, line=line)
    count = int(re.search(r"nplurals\s*=\s*(\d+)", value).group(1))  # type: ignore[union-attr]
    for entry in catalog.active:
        if entry.msgid_plural is not None and len(entry.msgstr) != count:
            raise CatalogError(
                f"{len(entry.msgstr)} plural forms where Plural-Forms says nplurals={count}",
                path=catalog.path,
                line=entry.msgstr_line,
            )


def check_duplicates(catalog: Catalog) -> None:
    """Refuse two active entries with the same msgctxt and msgid, naming both lines."""
    seen: dict[tuple[str | None, str], int] = {}
    for entry in catalog.active:
        key = (entry.msgctxt, entry.msgid)
        if key in seen:
            raise CatalogError(
                f"duplicate message definition (first defined at line {seen[key]})",
                path=catalog.path,
                line=entry.msgid_line,
            )
        seen[key] = entry.msgid_line
