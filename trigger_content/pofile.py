"""Write PO files byte for byte as GNU gettext's ``msgcat`` writes them.

Translators' tools (msgmerge, msgcat, Poedit, Weblate's gettext backend)
re-wrap every string the way GNU gettext does; babel's ``write_po`` and
polib's ``save`` wrap differently, so every round trip through one of those
tools would show up as diff noise. :func:`format_po` reproduces the output of
``msgcat`` from GNU gettext 0.21 (linked against libunistring 1.0, Unicode 14)
for a :class:`polib.POFile`:

>>> import polib
>>> catalog = polib.POFile()
>>> catalog.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
>>> catalog.append(polib.POEntry(msgid="Hello\\nworld", msgstr=""))
>>> print(format_po(catalog), end="")
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
  (UAX #14) as libunistring implements it, with a few deliberate
  departures; the greedy fill then breaks at the last opportunity that
  keeps the line within the width, counted in display columns.
* If the string does not fit on the keyword's line, or contains a ``\\n``
  before its end, the keyword gets an empty string (``msgid ""``) and the
  text starts on the next line.

The line breaking classes are derived from :mod:`unicodedata` plus a table
of exceptions at the end of this module, so that every code point of the
Basic Multilingual Plane gets the class libunistring 1.0 gives it.

Limits: format directives are kept whole for ``python-format`` and
``python-brace-format`` only (other languages' directives rarely contain a
break opportunity); beyond the BMP, emoji and historic scripts may break
differently; text is measured as UTF-8 whatever the catalog's charset
(which matters only for legacy East Asian charsets, and for brace-format
strings in other legacy charsets).
polib loses some details when it reads a file (``#~|`` lines, the position
of a header that is not first, trailing spaces in comments, the ``\a``
escape), and no writer can put them back.
"""

from __future__ import annotations

import bisect
import functools
import unicodedata
from collections.abc import Iterable, Iterator, Sequence

import polib

__all__ = ["format_po", "iter_po_lines", "wrap_string"]

#: ``msgcat``'s default ``--width``.
DEFAULT_WIDTH = 79


# --------------------------------------------------------------------------
# Public API


def format_po(catalog: polib.POFile, *, width: int = DEFAULT_WIDTH) -> str:
    """Return the text of ``catalog`` as ``msgcat --width=WIDTH`` would write it.

    Like msgcat, a ``width`` under 20 counts as 20, and 0 means no limit.

    Lines end in ``\\n``; encode the result with the catalog's charset (UTF-8
    for everything this project writes). The header entry comes first, built
    from ``catalog.header`` (its comment), ``catalog.metadata`` (in the dict's
    order) and ``catalog.metadata_is_fuzzy``; then the entries in order; then
    the obsolete ones, as msgcat orders them. A catalog with no message
    still gets its header, as with ``msgcat --force-po``.
    """
    return "".join(line + "\n" for line in iter_po_lines(catalog, width=width))


def iter_po_lines(catalog: polib.POFile, *, width: int = DEFAULT_WIDTH) -> Iterator[str]:
    """Yield the lines of :func:`format_po`'s output, without line ends."""
    width = _page_width(width)
    blank_line = False
    header = _header_entry(catalog)
    if header is not None:
        yield from _entry_lines(header, width)
        blank_line = True
    elif catalog.header:
        # Without a header entry, the comment polib took for the header's
        # belongs to the first message in gettext's eyes: write it where it was.
        yield from _comment_lines("#", catalog.header)
    for entry in catalog:
        if entry.obsolete:
            continue
        if blank_line:
            yield ""
        yield from _entry_lines(entry, width)
        blank_line = True
    for entry in catalog:
        # gettext drops obsolete entries that have no translation.
        if not entry.obsolete or not _first_msgstr(entry):
            continue
        if blank_line:
            yield ""
        yield from _entry_lines(entry, width)
        blank_line = True


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


def _header_entry(catalog: polib.POFile) -> polib.POEntry | None:
    """Build the header entry polib keeps apart, or ``None`` when there is none."""
    if any(_is_header(entry) for entry in catalog if not entry.obsolete):
        # A header entry in the list itself is written where it stands.
        return None
    fuzzy = catalog.metadata_is_fuzzy
    if not catalog.metadata and not fuzzy:
        return None
    entry = polib.POEntry(msgid="", tcomment=catalog.header)
    entry.msgstr = "".join(f"{key}: {value}\n" for key, value in catalog.metadata.items())
    if isinstance(fuzzy, (list, tuple)):
        entry.flags = list(fuzzy)
    elif fuzzy:
        entry.flags = ["fuzzy"]
    return entry


def _is_header(entry: polib.POEntry) -> bool:
    return entry.msgctxt is None and entry.msgid == ""


def _first_msgstr(entry: polib.POEntry) -> str:
    """The msgstr gettext tests for emptiness: the first plural form if plural."""
    if entry.msgid_plural:
        forms = _plural_forms(entry)
        return forms[0][1] if forms else ""
    return entry.msgstr or ""


def _plural_forms(entry: polib.POEntry) -> list[tuple[int, str]]:
    return sorted((int(index), text) for index, text in entry.msgstr_plural.items())


def _entry_lines(entry: polib.POEntry, width: int) -> Iterator[str]:
    obsolete = bool(entry.obsolete)
    yield from _comment_lines("#", entry.tcomment)
    yield from _comment_lines("#.", entry.comment)
    yield from _reference_lines(entry.occurrences, width)
    flags = _Flags.parse(entry.flags)
    # gettext leaves out the fuzzy flag of an untranslated entry.
    line = flags.render(fuzzy=flags.fuzzy and bool(_first_msgstr(entry)))
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
    if entry.msgid_plural:
        fields.append(("msgid_plural", entry.msgid_plural))
        forms = _plural_forms(entry) or [(0, ""), (1, "")]
        fields.extend((f"msgstr[{index}]", text) for index, text in forms)
    else:
        fields.append(("msgstr", entry.msgstr or ""))
    for keyword, value in fields:
        yield from wrap_string(keyword, value, prefix=prefix, width=width, wrap=wrap, format_flag=fmt)


def _comment_lines(marker: str, text: str | None) -> Iterator[str]:
    """Translator (``#``) or extracted (``#.``) comments, one line each."""
    if not text:
        return
    for line in text.split("\n"):
        yield f"{marker} {line}" if line else marker


def _reference_lines(occurrences: Iterable[tuple[str, str | int | None]], width: int) -> Iterator[str]:
    """``#:`` lines, filled up to the width like gettext does (counted in bytes)."""
    seen: set[tuple[str, int | None]] = set()
    references: list[str] = []
    for file_name, line in occurrences:
        line = "" if line is None else str(line)
        if line and not _is_ascii_number(line):
            file_name, line = f"{file_name}:{line}", ""
        number = int(line) if line else None
        # gettext keeps each (file, line) once, as it read it...
        if (file_name, number) in seen:
            continue
        seen.add((file_name, number))
        # ... and writes the file name without leading "./".
        while file_name.startswith("./"):
            file_name = file_name[2:]
        references.append(file_name if number is None else f"{file_name}:{number}")
    if not references:
        return
    current = "#:"
    column = 2
    for reference in references:
        length = len(reference.encode("utf-8")) + 1
        if column > 2 and column + length > width:
            yield current
            current, column = "#:", 2
        current += " " + reference
        column += length
    yield current


# gettext's format languages, in the order its ``#,`` line lists them.
_FORMAT_LANGUAGES = (
    "c objc python python-brace java java-printf csharp javascript scheme lisp elisp librep ruby "
    "sh awk lua object-pascal smalltalk qt qt-plural kde kde-kuit boost tcl perl perl-brace php "
    "gcc-internal gfc-internal ycp"
).split()


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
        # gettext splits the line at commas and white space; polib splits at
        # commas only, so "range: 1..5" arrives in one piece.
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
    opportunities = _break_opportunities([_line_break_class(char) for char in chars])
    result = [False] * len(chars)
    last_break: int | None = None  # the opportunity that starts the current piece
    column = start_column  # where the current piece starts
    piece_width = 0
    for index, char in enumerate(chars):
        opportunity = _PROHIBITED if no_break[index] else opportunities[index]
        if opportunity != _PROHIBITED:
            if last_break is not None and column + piece_width > width:
                result[last_break] = True
                column = 0
        if opportunity == _MANDATORY:
            # Only U+2028, U+2029 and NEL get here (the others are escaped):
            # gettext does not break the line, but the column starts over.
            last_break, column, piece_width = None, 0, 0
            continue
        if opportunity == _POSSIBLE:
            last_break = index
            column += piece_width
            piece_width = 0
        piece_width += _char_width(char)
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
    if index < len(value) and (value[index] == "_" or value[index].isascii() and value[index].isalpha()):
        index += 1
        while index < len(value) and (value[index] == "_" or value[index].isascii() and value[index].isalnum()):
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


# --------------------------------------------------------------------------
# Unicode line breaking, as libunistring 1.0 does it (UAX #14 of Unicode 14)

_PROHIBITED, _POSSIBLE, _MANDATORY = 0, 1, 2

# The classes that the pair table below covers, in its order. OPW is an
# opening punctuation of East Asian width W or F: unlike OP, a letter or a
# digit may be broken from it.
_TABLE_CLASSES = (
    "WJ GL B2 BA BB HY CL CP EX IN NS OP QU IS NU PO PR SY AL H2 H3 ID JL JV JT HL RI ZWJ EB EM OPW"
).split()
# Classes handled before the table is consulted.
_SPECIAL_CLASSES = "BK CM ZW SP".split()
_CLASS = {name: number for number, name in enumerate(_TABLE_CLASSES + _SPECIAL_CLASSES)}
_WJ, _GL, _BA, _HY, _AL, _ID, _HL, _RI, _ZWJ, _OP, _CL, _NU, _H2, _H3, _JL, _JV, _JT, _OPW, _QU = (
    _CLASS[name] for name in "WJ GL BA HY AL ID HL RI ZWJ OP CL NU H2 H3 JL JV JT OPW QU".split()
)
_BK, _CM, _ZW, _SP = (_CLASS[name] for name in _SPECIAL_CLASSES)

# Break between a character of the row's class and one of the column's:
# D = always possible, I = only across spaces, P = never. This is table 7.3
# of UAX #14 as libunistring 1.0 fills it; measured against the library, it
# differs from the standard in places, notably IS/AL (D: "sentence.</P>"
# may break before "<"), the WJ/GL rows and ZWJ.
_PAIR_TABLE = """
WJ  P I I I I I P P P I I I I P I I I P I I I I I I I I I I I I I
GL  P I I I I I P P P I I I I P I I I P I I I I I I I I I I I I I
B2  P I P I D I P P P I I D I P D D D P D D D D D D D D D I D D D
BA  P D D I D I P P P I I D I P D D D P D D D D D D D D D I D D D
BB  P I I I I I P P P I I I I P I I I P I I I I I I I I I I I I I
HY  P D D I D I P P P I I D I P I D D P D D D D D D D D D I D D D
CL  P I D I D I P P P I P D I P D I I P D D D D D D D D D I D D D
CP  P I D I D I P P P I I D I P I I I P I D D D D D D I D I D D D
EX  P I D I D I P P P I I D I P D D D P D D D D D D D D D I D D D
IN  P I D I D I P P P I I D I P D D D P D D D D D D D D D I D D D
NS  P I D I D I P P P I I D I P D D D P D D D D D D D D D I D D D
OP  P P P P P P P P P P P P P P P P P P P P P P P P P P P I P P P
QU  P I I I I I P P P I I P I P I I I P I I I I I I I I I I I I P
IS  P I D I D I P P P I I D I P I D D P D D D D D D D D D I D D D
NU  P I D I D I P P P I I I I P I I I P I D D D D D D I D I D D D
PO  P I D I D I P P P I I I I P I D D P I D D D D D D I D I D D I
PR  P I D I D I P P P I I I I P I D D P I I I I I I I I D I I I I
SY  P I D I D I P P P I I D I P I D D P D D D D D D D I D I D D D
AL  P I D I D I P P P I I I I P I I I P I D D D D D D I D I D D D
H2  P I D I D I P P P I I D I P D I D P D D D D D I I D D I D D D
H3  P I D I D I P P P I I D I P D I D P D D D D D D I D D I D D D
ID  P I D I D I P P P I I D I P D I D P D D D D D D D D D I D D D
JL  P I D I D I P P P I I D I P D I D P D I I D I I D D D I D D D
JV  P I D I D I P P P I I D I P D I D P D D D D D I I D D I D D D
JT  P I D I D I P P P I I D I P D I D P D D D D D D I D D I D D D
HL  P I D I D I P P P I I I I P I I I P I D D D D D D I D I D D D
RI  P I D I D I P P P I I D I P D D D P D D D D D D D D I I D D D
ZWJ P I I I I I P P P I I I I P I I I P I I I I I I I I I I I I I
EB  P I D I D I P P P I I D I P D I D P D D D D D D D D D I D I D
EM  P I D I D I P P P I I D I P D I D P D D D D D D D D D I D D D
OPW P P P P P P P P P P P P P P P P P P P P P P P P P P P I P P P
"""


def _parse_pair_table(text: str) -> list[list[str]]:
    table = [[""] * len(_TABLE_CLASSES) for _ in _TABLE_CLASSES]
    for row in text.split("\n"):
        if row:
            name, *cells = row.split()
            table[_CLASS[name]] = cells
    return table


_PAIRS = _parse_pair_table(_PAIR_TABLE)


def _break_opportunities(classes: Sequence[int]) -> list[int]:
    """For each character, whether a line may break just before it."""
    result = []
    last = _BK  # class of the last character that is not a space (CM folded in)
    after_spaces = False
    previous = previous2 = _BK  # classes of the two characters just before
    regional_run = 0  # regional indicators immediately before
    for cls in classes:
        if cls == _BK:
            brk = _MANDATORY
            last, after_spaces = _BK, False
        elif cls == _SP:
            brk = _PROHIBITED
            after_spaces = True
        elif cls == _ZW:
            brk = _PROHIBITED
            last, after_spaces = _ZW, False
        elif cls in (_CM, _ZWJ):
            # A combining mark belongs to the character before it, unless that
            # is a space, a zero width space or the start of the text: then
            # it stands alone, as a letter.
            if last == _BK:
                brk = _PROHIBITED
                last, after_spaces = _AL, False
            elif last == _ZW or after_spaces:
                brk = _POSSIBLE
                last, after_spaces = _AL, False
            else:
                brk = _PROHIBITED
        else:
            if last == _BK:
                brk = _PROHIBITED
            elif last == _ZW:
                brk = _POSSIBLE
            elif previous == _ZWJ:
                brk = _PROHIBITED
            elif previous in (_HY, _BA) and previous2 == _HL:
                # A Hebrew word with a hyphen stays attached to what follows.
                brk = _PROHIBITED
            elif last == _RI and cls == _RI:
                # Flags are pairs of regional indicators.
                brk = _POSSIBLE if after_spaces or regional_run % 2 == 0 else _PROHIBITED
            else:
                rule = _PAIRS[last][cls]
                brk = _POSSIBLE if rule == "D" or (rule == "I" and after_spaces) else _PROHIBITED
            last, after_spaces = cls, False
        result.append(brk)
        previous, previous2 = cls, previous
        regional_run = regional_run + 1 if cls == _RI else 0
    return result


@functools.lru_cache(maxsize=4096)
def _line_break_class(char: str) -> int:
    code = ord(char)
    position = bisect.bisect_right(_EXCEPTION_STARTS, code) - 1
    if position >= 0 and code <= _EXCEPTION_ENDS[position]:
        return _EXCEPTION_CLASSES[position]
    return _generic_class(code)


# Scripts whose words need a dictionary to break (Thai, Lao, Myanmar, Khmer,
# Tai...): libunistring does not break them and treats their letters and
# marks as ordinary letters.
_COMPLEX_CONTEXT_BLOCKS = (
    (0x0E00, 0x0EFF),
    (0x1000, 0x109F),
    (0x1780, 0x17FF),
    (0x1950, 0x19DF),
    (0x1A20, 0x1AAF),
    (0xA9E0, 0xA9FF),
    (0xAA60, 0xAADF),
    (0x11700, 0x1174F),
)
# Unassigned code points that UAX #14 treats as ideographs.
_IDEOGRAPHIC_RESERVED = (
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x1F000, 0x1FAFF),
    (0x1FC00, 0x1FFFD),
    (0x20000, 0x2FFFD),
    (0x30000, 0x3FFFD),
)
_CATEGORY_CLASS = {"Mn": _CM, "Mc": _CM, "Me": _CM, "Cc": _CM, "Cf": _CM, "Nd": _NU, "Pe": _CL, "Pi": _QU, "Pf": _QU}


def _generic_class(code: int) -> int:
    """The line breaking class most characters get from their general category."""
    char = chr(code)
    category = unicodedata.category(char)
    if category == "Cn":
        return _ID if _in_ranges(code, _IDEOGRAPHIC_RESERVED) else _AL
    if category[0] in "LM" and _in_ranges(code, _COMPLEX_CONTEXT_BLOCKS):
        return _AL
    wide = unicodedata.east_asian_width(char) in "WF"
    if category == "Ps":
        return _OPW if wide else _OP
    cls = _CATEGORY_CLASS.get(category)
    if cls is not None:
        return cls
    if 0xAC00 <= code <= 0xD7A3:
        # Hangul syllables: LV when there is no final consonant.
        return _H2 if (code - 0xAC00) % 28 == 0 else _H3
    if 0x1100 <= code <= 0x115F or 0xA960 <= code <= 0xA97C:
        return _JL
    if 0x1160 <= code <= 0x11A7 or 0xD7B0 <= code <= 0xD7C6:
        return _JV
    if 0x11A8 <= code <= 0x11FF or 0xD7CB <= code <= 0xD7FB:
        return _JT
    if wide:
        return _ID
    if category == "Lo" and (0x0590 <= code <= 0x05FF or 0xFB1D <= code <= 0xFB4F):
        return _HL
    return _AL


def _in_ranges(code: int, ranges: Iterable[tuple[int, int]]) -> bool:
    return any(low <= code <= high for low, high in ranges)


# Unassigned code points that libunistring counts two columns wide.
_WIDE_RESERVED = (
    (0x2E80, 0x303E),
    (0x3040, 0xA4CF),
    (0xF900, 0xFAFF),
    (0xFE10, 0xFE19),
    (0xFE30, 0xFE6F),
    (0xFF00, 0xFF60),
    (0xFFE0, 0xFFE6),
    (0x1F200, 0x1F2FF),
    (0x20000, 0x3FFFD),
)
# Combining marks that libunistring 1.0 counts one column wide.
_SPACING_MARKS = frozenset((0x0CBF, 0x0CC6, 0x11A07, 0x11A08, 0x11C3F))


@functools.lru_cache(maxsize=4096)
def _char_width(char: str) -> int:
    """Columns of ``char`` as libunistring's ``uc_width`` counts them for UTF-8."""
    code = ord(char)
    if code < 0x20 or 0x7F <= code < 0xA0:
        return 0  # control characters: ignored by the line breaker
    category = unicodedata.category(char)
    if category in ("Mn", "Me", "Cf") and code not in _SPACING_MARKS:
        return 0
    if 0x1160 <= code <= 0x11FF or 0xD7B0 <= code <= 0xD7FF:
        return 0  # Hangul vowels and final consonants join the syllable
    if category == "Cn":
        return 2 if _in_ranges(code, _WIDE_RESERVED) else 1
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


# Code points whose class differs from what _generic_class() says: each entry
# is "FIRST[-LAST]:CLASS". Generated by comparing _generic_class() with
# libunistring 1.0's own classes for every code point of the BMP (and for the
# regional indicators and emoji modifiers beyond it).
_EXCEPTIONS = """
0009:BA 000B-000C:BK 0020:SP 0021:EX 0022:QU 0024:PR 0025:PO 0027:QU 0029:CP 002B:PR
002C:IS 002D:HY 002E:IS 002F:SY 003A-003B:IS 003F:EX 005C:PR 005D:CP 007C:BA 0085:BK
00A0:GL 00A1:OP 00A2:PO 00A3-00A5:PR 00AD:BA 00B0:PO 00B1:PR 00B4:BB 00BF:OP 02C8:BB
02CC:BB 02DF:BB 034F:GL 035C-0362:GL 037E:IS 0589:IS 058A:BA 058F:PR 05BE:BA 05C6:EX
0600-0605:AL 0609-060B:PO 060C-060D:IS 061B:EX 061D-061F:EX 066A:PO 066B-066C:NU 06D4:EX
06DD:AL 070F:AL 07F8:IS 07F9:EX 07FE-07FF:PR 0890-0891:AL 08E2:AL 0964-0965:BA
09F2-09F3:PO 09F9:PO 09FB:PR 0AF1:PR 0BF9:PR 0C77:BB 0C84:BB 0D79:PO 0E3F:PR
0E5A-0E5B:BA 0F01-0F04:BB 0F06-0F07:BB 0F08:GL 0F09-0F0A:BB 0F0B:BA 0F0C:GL 0F0D-0F11:EX
0F12:GL 0F14:EX 0F34:BA 0F7F:BA 0F85:BA 0FBE-0FBF:BA 0FD0-0FD1:BB 0FD2:BA 0FD3:BB
0FD9-0FDA:GL 104A-104B:BA 1361:BA 1400:BA 1680:BA 16EB-16ED:BA 1735-1736:BA 17D4-17D5:BA
17D6:NS 17D8:BA 17DA:BA 17DB:PR 1802-1803:EX 1804-1805:BA 1806:BB 1808-1809:EX 180E:GL
1944-1945:EX 1A7F:CM 1B5A-1B5B:BA 1B5D-1B60:BA 1B7D-1B7E:BA 1C3B-1C3F:BA 1C7E-1C7F:BA
1FFD:BB 2000-2006:BA 2007:GL 2008-200A:BA 200B:ZW 200D:ZWJ 2010:BA 2011:GL 2012-2013:BA
2014:B2 2024-2026:IN 2027:BA 2028-2029:BK 202F:GL 2030-2037:PO 203C-203D:NS 2044:IS
2047-2049:NS 2056:BA 2058-205B:BA 205D-205F:BA 2060:WJ 2061-2064:AL 20A0-20A6:PR 20A7:PO
20A8-20B5:PR 20B6:PO 20B7-20BA:PR 20BB:PO 20BC-20BD:PR 20BE:PO 20BF:PR 20C0:PO
20C1-20CF:PR 2103:PO 2109:PO 2116:PR 2212-2213:PR 22EF:IN 23E9-23EC:AL 23F1-23F2:ID
25FD-25FE:AL 2600-2603:ID 2618:ID 261A-261C:ID 261D:EB 261E-261F:ID 2639-263B:ID
2648-2653:AL 2668:ID 2693:AL 26A1:AL 26AA-26AB:AL 26BF-26C3:ID 26C6-26C8:ID 26CD:ID
26CE:AL 26CF-26D1:ID 26D3:ID 26D8-26D9:ID 26DC:ID 26DF-26E1:ID 26F1:ID 26F4:ID
26F7-26F8:ID 26F9:EB 26FE-2704:ID 2705:AL 2708-2709:ID 270A-270D:EB 2728:AL 274C:AL
274E:AL 2753-2755:AL 2757:AL 275B-2760:QU 2762-2763:EX 2764:ID 2795-2797:AL 27B0:AL
27BF:AL 2B1B-2B1C:AL 2B50:AL 2B55:AL 2CF9:EX 2CFA-2CFC:BA 2CFE:EX 2CFF:BA 2D70:BA
2E00-2E01:QU 2E06-2E08:QU 2E0B:QU 2E0E-2E15:BA 2E17:BA 2E18:OP 2E19:BA 2E2A-2E2D:BA
2E2E:EX 2E30-2E31:BA 2E33-2E34:BA 2E3A-2E3B:B2 2E3C-2E3E:BA 2E40-2E41:BA 2E43-2E4A:BA
2E4C:BA 2E4E-2E4F:BA 2E53-2E54:EX 2E5D:BA 3000:BA 3001-3002:CL 3005:NS 301C:NS 3035:CM
303B-303C:NS 303F:ID 3041:NS 3043:NS 3045:NS 3047:NS 3049:NS 3063:NS 3083:NS 3085:NS
3087:NS 308E:NS 3095-3096:NS 309B-309E:NS 30A0-30A1:NS 30A3:NS 30A5:NS 30A7:NS 30A9:NS
30C3:NS 30E3:NS 30E5:NS 30E7:NS 30EE:NS 30F5-30F6:NS 30FB-30FE:NS 31F0-31FF:NS A015:NS
A4FE-A4FF:BA A60D:BA A60E:EX A60F:BA A6F3-A6F7:BA A838:PO A874-A875:BB A876-A877:EX
A8CE-A8CF:BA A8FC:BB A92E-A92F:BA A9C7-A9C9:BA AA5D-AA5F:BA AAF0-AAF1:BA ABEB:BA FDFC:PO
FE10:IS FE11-FE12:CL FE13-FE14:IS FE15-FE16:EX FE19:IN FE50:CL FE52:CL FE54-FE55:NS
FE56-FE57:EX FE69:PR FE6A:PO FEFF:WJ FF01:EX FF04:PR FF05:PO FF0C:CL FF0E:CL
FF10-FF19:ID FF1A-FF1B:NS FF1F:EX FF61:CL FF62:OPW FF64:CL FF65:NS FF66:ID FF67-FF70:NS
FF71-FF9D:ID FF9E-FF9F:NS FFA0-FFBE:ID FFC2-FFC7:ID FFCA-FFCF:ID FFD2-FFD7:ID
FFDA-FFDC:ID FFE0:PO FFE1:PR FFE5-FFE6:PR FFFC:ID 1F1E6-1F1FF:RI 1F3FB-1F3FF:EM
"""


def _parse_exceptions(text: str) -> tuple[list[int], list[int], list[int]]:
    starts, ends, classes = [], [], []
    for item in text.split():
        span, _, name = item.partition(":")
        first, _, last = span.partition("-")
        starts.append(int(first, 16))
        ends.append(int(last or first, 16))
        classes.append(_CLASS[name])
    return starts, ends, classes


_EXCEPTION_STARTS, _EXCEPTION_ENDS, _EXCEPTION_CLASSES = _parse_exceptions(_EXCEPTIONS)
