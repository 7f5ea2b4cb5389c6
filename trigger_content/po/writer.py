"""Write PO files byte for byte as GNU gettext's ``msgcat`` writes them.

Translators' tools (msgmerge, msgcat, Poedit, Weblate's gettext backend)
re-wrap every string the way GNU gettext does; babel's ``write_po`` and
polib's ``save`` wrap differently, so every round trip through one of those
tools would show up as diff noise. :func:`format_po` reproduces the output of
``msgcat`` from GNU gettext 0.21 (linked against libunistring 1.0, Unicode 14)
for a :class:`~trigger_content.po.entry.Catalog`:

>>> from trigger_content.po.entry import Catalog, Entry
>>> header = Entry("", ("Content-Type: text/plain; charset=UTF-8\\n",))
>>> print(format_po(Catalog("fr.po", [Entry("Hello\\nworld")], header)), end="")
msgid ""
msgstr "Content-Type: text/plain; charset=UTF-8\\n"
<BLANKLINE>
msgid ""
"Hello\\n"
"world"
msgstr ""

How gettext wraps a string (``wrap()`` in gettext's write-po.c), in short:

* The string is cut after every ``\\n``; each piece is wrapped on its own
  and the ``\\n`` always ends an output line.
* Escapes are written first (``\\"``, ``\\\\``, ``\\t``...), and line breaking
  runs on the escaped text: the backslash of an escape takes part in the
  Unicode line breaking rules like any other character (it is a "prefix
  numeric" character, class PR), and an escape is never split.
* Break opportunities are the ones of Unicode's line breaking algorithm
  (UAX #14) as libunistring implements it (:mod:`trigger_content.po.linebreak`);
  the greedy fill then breaks at the last opportunity that keeps the line
  within the width, counted in display columns.
* If the string does not fit on the keyword's line, or contains a ``\\n``
  before its end, the keyword gets an empty string (``msgid ""``) and the
  text starts on the next line.

Like msgcat, it writes the messages in their order (the header where it
stands among them), then the obsolete ones that hold a translation; comments
as gettext read them (``#`` and a space, then the text), references filled
to the width, and the flags gettext knows in its order (it drops others).

Limits: format directives are kept whole for ``python-format`` and
``python-brace-format`` only (other languages' directives rarely contain a
break opportunity); beyond the BMP, emoji and historic scripts may break
differently; text is measured as UTF-8 whatever the catalog's charset
(which matters only for legacy East Asian charsets, and for brace-format
strings in other legacy charsets).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from ..errors import CatalogError
from .charset import Charset, header_charset
from .entry import Catalog, Entry
from .linebreak import MANDATORY, POSSIBLE, PROHIBITED, break_opportunities, char_width, line_break_class

__all__ = ["catalog_bytes", "format_po", "iter_po_lines", "wrap_string"]

#: ``msgcat``'s default ``--width``.
DEFAULT_WIDTH = 79


# --------------------------------------------------------------------------
# Public API


def format_po(catalog: Catalog, *, width: int = DEFAULT_WIDTH) -> str:
    """Return the text of ``catalog`` as ``msgcat --width=WIDTH`` would write it.

    Like msgcat, a ``width`` under 20 counts as 20, and 0 means no limit.
    Lines end in ``\\n``; :func:`catalog_bytes` gives the file's bytes in its
    charset and line ends.
    """
    return "".join(line + "\n" for line in iter_po_lines(catalog, width=width))


def iter_po_lines(catalog: Catalog, *, width: int = DEFAULT_WIDTH) -> Iterator[str]:
    """Yield the lines of :func:`format_po`'s output, without line ends."""
    width = _page_width(width)
    active = [entry for entry in catalog.entries if not entry.obsolete]
    if catalog.header_entry is not None:
        # The header where it stands among the messages (first, nearly always).
        before = sum(1 for entry in catalog.entries[: catalog.header_index] if not entry.obsolete)
        active.insert(before, catalog.header_entry)
    # gettext drops obsolete entries that have no translation.
    obsolete = [entry for entry in catalog.entries if entry.obsolete and entry.msgstr[0]]
    for number, entry in enumerate(active + obsolete):
        if number:
            yield ""
        yield from _entry_lines(entry, width)


def catalog_bytes(catalog: Catalog, *, width: int = DEFAULT_WIDTH) -> bytes:
    """The bytes of a catalog file as GNU gettext writes it, in the catalog's charset and line ends.

    :class:`~trigger_content.errors.CatalogError` when a text cannot be
    written in the charset its header declares.
    """
    text = format_po(catalog, width=width)
    if catalog.newline != "\n":
        text = text.replace("\n", catalog.newline)
    header = catalog.header_entry
    declared = header_charset(header.msgstr[0]) if header is not None else None
    charset = Charset(declared)
    # A charset the reader cannot decode was read as ASCII: written so too,
    # so that no text the file could not be read back with goes into it.
    codec = charset.codec if charset.known else "ascii"
    try:
        return text.encode(codec)
    except UnicodeEncodeError as error:
        raise CatalogError(
            f"{text[error.start]!r} cannot be written in the catalog's charset {charset.label}; change it to UTF-8",
            path=catalog.path,
        ) from None


def wrap_string(
    keyword: str,
    value: str,
    *,
    prefix: str = "",
    width: int = DEFAULT_WIDTH,
    wrap: bool = True,
    format_flag: str | None = None,
) -> list[str]:
    """Return the lines that write ``keyword "value"``, wrapped as gettext does.

    ``prefix`` starts every line (``"#~ "`` for obsolete entries, ``"#| "``
    for previous strings); ``wrap=False`` is the ``no-wrap`` flag; and
    ``format_flag`` (``"python-format"``, ``"python-brace-format"``...) keeps
    line breaks out of that language's format directives. ``width`` is
    taken as :func:`format_po` takes it.

    >>> wrap_string("msgid", 'Say "hi"')
    ['msgid "Say \\\\"hi\\\\""']
    """
    width = _page_width(width)
    inside = _directive_interiors(format_flag, value)
    # Columns count from where the text starts on a continuation line, after
    # the prefix and the opening quote; one column stays for the closing quote.
    text_width = (width if wrap else _NO_WRAP_WIDTH) - 1 - (len(prefix) + 1)
    lines: list[str] = []
    on_keyword_line = True
    pieces = _split_after_newlines(value)
    for number, (start, end) in enumerate(pieces):
        chars, no_break = _escape(value[start:end], inside[start:end])
        # On the keyword's line, the text starts after 'keyword "'.
        start_column = len(keyword) + 1 if on_keyword_line else 0
        breaks = _wrap_breaks(chars, no_break, text_width, start_column)
        if on_keyword_line and chars:
            more_pieces = number < len(pieces) - 1
            if more_pieces or any(breaks) or start_column > text_width:
                # The text does not fit behind the keyword: gettext writes an
                # empty string there and starts over on the next line.
                lines.append(f'{prefix}{keyword} ""')
                on_keyword_line = False
                breaks = _wrap_breaks(chars, no_break, text_width, 0)
        line = [f"{prefix}{keyword} " if on_keyword_line else prefix, '"']
        on_keyword_line = False
        for char, break_before in zip(chars, breaks, strict=True):
            if break_before:
                line.append('"')
                lines.append("".join(line))
                line = [prefix, '"']
            line.append(char)
        line.append('"')
        lines.append("".join(line))
    return lines


def _page_width(width: int) -> int:
    if width < 0:
        raise ValueError(f"width must not be negative, not {width}")
    # msgcat's own limits (write-catalog.c, message_page_width_set).
    return _NO_WRAP_WIDTH if width == 0 else max(width, 20)


# --------------------------------------------------------------------------
# Entries


def _entry_lines(entry: Entry, width: int) -> Iterator[str]:
    obsolete = entry.obsolete
    yield from _comment_lines("#", entry.comments)
    yield from _comment_lines("#.", entry.extracted)
    yield from _reference_lines(entry.references, width)
    flags = _Flags.parse(entry.flags)
    # gettext leaves out the fuzzy flag of an untranslated entry.
    line = flags.render(fuzzy=flags.fuzzy and bool(entry.msgstr[0]))
    if line:
        yield line
    wrap = flags.wrap
    fmt = flags.first_format
    previous_prefix = "#~| " if obsolete else "#| "
    for keyword, value in (
        ("msgctxt", entry.previous_msgctxt),
        ("msgid", entry.previous_msgid),
        ("msgid_plural", entry.previous_msgid_plural),
    ):
        if value is not None:
            yield from wrap_string(keyword, value, prefix=previous_prefix, width=width, wrap=wrap, format_flag=fmt)
    prefix = "#~ " if obsolete else ""
    fields: list[tuple[str, str]] = []
    if entry.msgctxt is not None:
        fields.append(("msgctxt", entry.msgctxt))
    fields.append(("msgid", entry.msgid))
    if entry.msgid_plural is not None:
        fields.append(("msgid_plural", entry.msgid_plural))
        fields.extend((f"msgstr[{index}]", text) for index, text in enumerate(entry.msgstr))
    else:
        fields.append(("msgstr", entry.msgstr[0]))
    for keyword, value in fields:
        yield from wrap_string(keyword, value, prefix=prefix, width=width, wrap=wrap, format_flag=fmt)


def _comment_lines(marker: str, lines: Iterable[str]) -> Iterator[str]:
    """Translator (``#``) or extracted (``#.``) comments, one line each."""
    for line in lines:
        yield f"{marker} {line}" if line else marker


def _reference_lines(references: Iterable[str], width: int) -> Iterator[str]:
    """``#:`` lines, filled up to the width like gettext does (counted in bytes)."""
    seen: set[tuple[str, int | None]] = set()
    written: list[str] = []
    for reference in references:
        file_name, colon, line = reference.rpartition(":")
        if not colon or not _is_ascii_number(line) or not file_name:
            file_name, line = reference, ""
        number = int(line) if line else None
        # gettext keeps each (file, line) once, as it read it...
        if (file_name, number) in seen:
            continue
        seen.add((file_name, number))
        # ... and writes the file name without leading "./".
        while file_name.startswith("./"):
            file_name = file_name[2:]
        written.append(file_name if number is None else f"{file_name}:{number}")
    if not written:
        return
    current = "#:"
    column = 2
    for reference in written:
        length = len(reference.encode("utf-8")) + 1
        if column > 2 and column + length > width:
            yield current
            current, column = "#:", 2
        current += " " + reference
        column += length
    yield current


# gettext's format languages, in the order its ``#,`` line lists them.
_FORMAT_LANGUAGES = [
    "c",
    "objc",
    "python",
    "python-brace",
    "java",
    "java-printf",
    "csharp",
    "javascript",
    "scheme",
    "lisp",
    "elisp",
    "librep",
    "ruby",
    "sh",
    "awk",
    "lua",
    "object-pascal",
    "smalltalk",
    "qt",
    "qt-plural",
    "kde",
    "kde-kuit",
    "boost",
    "tcl",
    "perl",
    "perl-brace",
    "php",
    "gcc-internal",
    "gfc-internal",
    "ycp",
]


class _Flags:
    """The ``#,`` flags as gettext understands them (unknown flags are dropped)."""

    def __init__(self) -> None:
        self.fuzzy = False
        self.formats: dict[str, str] = {}  # language -> "yes" | "no" | "possible" | "impossible"
        self.range: tuple[int, int] | None = None
        self.wrap = True

    @classmethod
    def parse(cls, flags: Iterable[str]) -> _Flags:
        result = cls()
        # The reader splits the flags at commas and white space, as gettext
        # does; a flag made in memory may hold a space ("range: 1..5").
        tokens = " ".join(flags).replace(",", " ").split()
        position = 0
        while position < len(tokens):
            token = tokens[position]
            position += 1
            if token == "fuzzy":
                result.fuzzy = True
            elif token.endswith("-format") and result._set_format(token[: -len("-format")]):
                pass
            elif token == "range:" and position < len(tokens):
                bounds = tokens[position]
                position += 1
                low, dots, high = bounds.partition("..")
                high = high[: len(high) - len(high.lstrip("0123456789"))]
                if dots and _is_ascii_number(low) and high and int(low) <= int(high):
                    result.range = (int(low), int(high))
            elif token == "wrap":
                result.wrap = True
            elif token == "no-wrap":
                result.wrap = False
        return result

    def _set_format(self, name: str) -> bool:
        value = "yes"
        for prefix in ("no-", "possible-", "impossible-"):
            if name.startswith(prefix) and name[len(prefix) :] in _FORMAT_LANGUAGES:
                name, value = name[len(prefix) :], prefix[:-1]
                break
        if name not in _FORMAT_LANGUAGES:
            return False
        self.formats[name] = value
        return True

    @property
    def first_format(self) -> str | None:
        """The format whose directives gettext keeps whole when wrapping."""
        for language in _FORMAT_LANGUAGES:
            if self.formats.get(language) in ("yes", "possible"):
                return f"{language}-format"
        return None

    def render(self, *, fuzzy: bool) -> str | None:
        words = ["fuzzy"] if fuzzy else []
        for language in _FORMAT_LANGUAGES:
            value = self.formats.get(language)
            if value in ("yes", "possible"):
                words.append(f"{language}-format")
            elif value == "no":
                words.append(f"no-{language}-format")
        if self.range is not None:
            words.append(f"range: {self.range[0]}..{self.range[1]}")
        if not self.wrap:
            words.append("no-wrap")
        return "#, " + ", ".join(words) if words else None


def _is_ascii_number(text: str) -> bool:
    return text.isascii() and text.isdigit()


# --------------------------------------------------------------------------
# Strings: escaping and wrapping

# gettext's no-wrap width is INT_MAX; any width longer than a string will do.
_NO_WRAP_WIDTH = 2**31 - 1

# The C escapes gettext writes; other control characters are written as is.
_ESCAPES = {
    "\a": "\\a",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\v": "\\v",
    "\\": "\\\\",
    '"': '\\"',
}


def _split_after_newlines(value: str) -> list[tuple[int, int]]:
    """(start, end) of the parts of ``value`` that end with a newline or the end."""
    pieces: list[tuple[int, int]] = []
    start = 0
    while True:
        end = value.find("\n", start) + 1
        if end == 0:
            if start < len(value) or not pieces:
                pieces.append((start, len(value)))
            return pieces
        pieces.append((start, end))
        start = end


def _escape(text: str, inside_directive: Sequence[bool]) -> tuple[list[str], list[bool]]:
    """Escape ``text`` into display characters, and mark where no break may go.

    The second list is true for the characters that a line must not start
    with whatever the Unicode rules say: the second half of an escape, and
    the inside of a format directive.
    """
    chars: list[str] = []
    no_break: list[bool] = []
    for char, inside in zip(text, inside_directive, strict=True):
        escape = _ESCAPES.get(char)
        if escape is None:
            chars.append(char)
            no_break.append(inside)
        else:
            chars.extend(escape)
            no_break.extend((inside, True))
    if text.endswith("\n"):
        # Never break just before the final "\n" of a piece.
        no_break[-2] = True
    return chars, no_break


def _wrap_breaks(chars: Sequence[str], no_break: Sequence[bool], width: int, start_column: int) -> list[bool]:
    """Where to break lines: libunistring's greedy ``u8_width_linebreaks``.

    Text is cut into atomic pieces at break opportunities; a piece includes
    the spaces that follow it, so trailing spaces count towards the width and
    stay at the end of the line. When a piece would cross ``width``, the line
    is broken before it (a piece longer than a line stays whole).
    """
    opportunities = break_opportunities([line_break_class(char) for char in chars])
    result = [False] * len(chars)
    last_break: int | None = None  # the opportunity that starts the current piece
    column = start_column  # where the current piece starts
    piece_width = 0
    for index, char in enumerate(chars):
        opportunity = PROHIBITED if no_break[index] else opportunities[index]
        if opportunity != PROHIBITED and last_break is not None and column + piece_width > width:
            result[last_break] = True
            column = 0
        if opportunity == MANDATORY:
            # Only U+2028, U+2029 and NEL get here (the others are escaped):
            # gettext does not break the line, but the column starts over.
            last_break, column, piece_width = None, 0, 0
            continue
        if opportunity == POSSIBLE:
            last_break = index
            column += piece_width
            piece_width = 0
        piece_width += char_width(char)
    if last_break is not None and column + piece_width > width:
        result[last_break] = True
    return result


# --------------------------------------------------------------------------
# Format directives (gettext keeps them on one line)
#
# gettext's format parsers mark each directive in a per-character array:
# START at its first character, END at its last, ERROR where it went wrong
# (and they stop there). Breaks are then forbidden inside each START..END
# range, but not before its first character.

_START, _END, _ERROR = 1, 2, 4


def _directive_interiors(format_flag: str | None, value: str) -> list[bool]:
    """True for the characters of ``value`` that a format directive has begun."""
    inside = [False] * len(value)
    scanner = _DIRECTIVE_SCANNERS.get(format_flag or "")
    if scanner is None:
        return inside
    # gettext's parsers work on the UTF-8 bytes, and the marks are byte
    # offsets; decoding the bytes as Latin-1 gives one character per byte.
    octets = value.encode("utf-8").decode("latin-1")
    marks = [0] * (len(octets) + 1)  # one more: C strings end with a NUL
    scanner(octets, marks)
    forbidden = [False] * len(octets)
    position = 0
    while position < len(octets):
        if marks[position] & _START:
            end = position
            while end < len(octets) and not marks[end] & (_END | _ERROR):
                end += 1
            if end == len(octets):
                break
            if not marks[end] & _ERROR:
                for index in range(position, end + 1):
                    forbidden[index] = not marks[index] & _START
            position = end
        position += 1
    offset = 0
    for index, char in enumerate(value):
        inside[index] = forbidden[offset]
        offset += _utf8_length(char)
    return inside


def _utf8_length(char: str) -> int:
    code = ord(char)
    return 1 if code < 0x80 else 2 if code < 0x800 else 3 if code < 0x10000 else 4


def _ascii_digit(value: str, index: int) -> bool:
    return index < len(value) and "0" <= value[index] <= "9"


def _python_marks(value: str, marks: list[int]) -> None:
    """Mark directives as gettext's format-python.c does."""
    named = unnamed = False
    index = 0
    length = len(value)
    while index < length:
        if value[index] != "%":
            index += 1
            continue
        marks[index] |= _START
        index += 1
        has_name = False
        if index < length and value[index] == "(":
            # A mapping key: anything with balanced parentheses.
            depth = 0
            index += 1
            while index < length and not (value[index] == ")" and depth == 0):
                depth += {"(": 1, ")": -1}.get(value[index], 0)
                index += 1
            if index == length:
                marks[index - 1] |= _ERROR
                return
            index += 1
            has_name = True
        while index < length and value[index] in "-+ #0":
            index += 1
        # A width, then a precision after a ".": digits, or "*" for an argument.
        for part in ("width", "precision"):
            if part == "precision":
                if index == length or value[index] != ".":
                    break
                index += 1
            if index < length and value[index] == "*":
                index += 1
                if named:
                    marks[index - 1] |= _ERROR
                    return
                unnamed = True
            else:
                while _ascii_digit(value, index):
                    index += 1
        if index < length and value[index] in "hlL":
            index += 1
        if index == length:
            marks[index - 1] |= _ERROR
            return
        if value[index] not in "%csridouxXeEfgG":
            marks[index] |= _ERROR
            return
        if has_name or value[index] != "%":
            # Named and unnamed arguments cannot be mixed.
            if (has_name and unnamed) or (not has_name and named):
                marks[index] |= _ERROR
                return
            named, unnamed = named or has_name, unnamed or not has_name
        marks[index] |= _END
        index += 1


def _python_brace_marks(value: str, marks: list[int]) -> None:
    """Mark directives as gettext 0.21's format-python-brace.c does."""
    index = 0
    while index < len(value):
        if value[index] == "{":
            after = _brace_directive(value, index, marks, top_level=True)
            if after is None:
                return
            index = after
        else:
            index += 1


def _brace_directive(value: str, start: int, marks: list[int], *, top_level: bool) -> int | None:
    """Parse the directive at ``value[start] == "{"``; return the index after it.

    gettext 0.21 records the marks of a brace directive relative to the
    directive's own start instead of the string's (its ``FDI_SET`` uses the
    directive parser's local start pointer), so they all land on the first
    bytes of the string. We reproduce that, since it decides where msgcat
    breaks lines: found by experiment, for example "Changed {fields}." is
    never broken before the brace at ``--width=20``.
    """

    def mark(index: int, flag: int) -> None:
        marks[index - start] |= flag

    length = len(value)
    index = start + 1
    if index < length and value[index] == "{":
        return index + 1  # "{{" is a literal brace
    name_start = index
    after = _brace_field(value, index)
    if after is None:
        mark(index, _ERROR)
        return None
    index = after
    while index < length and value[index] in ".[":
        if value[index] == ".":
            index += 1
            after = _brace_identifier(value, index)
            if after is None:
                mark(index, _ERROR)
                return None
            index = after
        else:
            index += 1
            after = _brace_field(value, index)
            if after is None:
                mark(index, _ERROR)
                return None
            index = after
            if index == length or value[index] != "]":
                mark(index - 1, _ERROR)
                return None
            index += 1
    if index < length and value[index] == ":":
        if not top_level:
            mark(index, _ERROR)
            return None
        index += 1
        if index < length and value[index] == "{":
            after = _brace_directive(value, index, marks, top_level=False)
            if after is None:
                return None
            index = after
        else:
            # [[fill]align][sign][#][0][width][.precision][type]
            if index == length:
                mark(index - 1, _ERROR)
                return None
            if index + 1 < length and value[index + 1] in "<>=^":
                index += 2
            elif value[index] in "<>=^":
                index += 1
            for optional in ("+- ", "#", "0"):
                if index < length and value[index] in optional:
                    index += 1
            while _ascii_digit(value, index):
                index += 1
            if index < length and value[index] == "." and _ascii_digit(value, index + 1):
                index += 1
                while _ascii_digit(value, index):
                    index += 1
            if index < length and value[index] in "bcdoxXneEfFgG%":
                index += 1
    if index == length or value[index] != "}":
        mark(index - 1, _ERROR)
        return None
    if top_level:
        mark(name_start - 1, _START)
        mark(index, _END)
    return index + 1


def _brace_identifier(value: str, index: int) -> int | None:
    if index < len(value) and (value[index] == "_" or (value[index].isascii() and value[index].isalpha())):
        index += 1
        while index < len(value) and (value[index] == "_" or (value[index].isascii() and value[index].isalnum())):
            index += 1
        return index
    return None


def _brace_field(value: str, index: int) -> int | None:
    """The end of a field name (identifier or number) starting at ``index``."""
    after = _brace_identifier(value, index)
    if after is None and _ascii_digit(value, index):
        after = index
        while _ascii_digit(value, after):
            after += 1
    return after


_DIRECTIVE_SCANNERS = {
    "python-format": _python_marks,
    "python-brace-format": _python_brace_marks,
}
