"""Fast paths of the reader: the same result as the strict reader, for files laid out as gettext writes them.

:func:`read_fast` reads a catalog a column at a time: one regular expression
finds every entry's parts, then each keyword's texts are made in one pass
over all entries. :func:`count_fast` gives a catalog's figures from its
bytes, without making an entry at all. Each reads only the shape GNU gettext
and the editors write (strings one a line, the usual escapes, comments where
they go) and declines anything else, returning ``None``: the strict reader
then reads the file, or says where it is wrong. Property tests hold both to
the strict reader (``tests/test_po_reader.py``).
"""

from __future__ import annotations

import re
from collections import namedtuple
from collections.abc import Iterable
from functools import cache, lru_cache
from itertools import accumulate, repeat
from operator import add
from pathlib import Path

from .charset import Charset, header_charset
from .entry import Catalog, Entry, parse_references
from .plural import MAX_NPLURALS, nplurals
from .stats import Counts, Statistics, count_words_utf8

# -- entries -------------------------------------------------------------------------------

#: The inside of one quoted string.
_BODY = r'[^"\\\n]*+(?:\\.[^"\\\n]*+)*+'
#: Between two strings of a keyword, as GNU gettext writes them: the next
#: line starts with the quote, after "#~ " in an obsolete entry.
_BETWEEN = '"\n"'
_OBSOLETE_BETWEEN = '"\n#~ "'
#: What starts each line of an obsolete entry.
_OBSOLETE_PREFIX = r"[ \t]*+\#~[ \t]*+"
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "b": "\b", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "\\": "\\", '"': '"'}


class _Decline(Exception):
    """The fast path does not read this file; the strict reader will (or will say why not)."""


def _strings(between: str) -> str:
    """A keyword's strings, from the first quote to the last line's end; ``between`` (a literal) between two."""
    return '"' + _BODY + "(?:" + re.escape(between) + _BODY + ')*+"\n'


def _field(name: str, between: str = _BETWEEN) -> str:
    """:func:`_strings` after the white space that follows a keyword, as the group ``name``."""
    return rf"[ \t]*+(?P<{name}>" + _strings(between) + ")"


class _Expressions(namedtuple("_Expressions", "entry string form leading_blank obsolete_previous escape flag_separators previous")):
    __slots__ = ()
    entry: re.Pattern[str]
    string: re.Pattern[str]
    form: re.Pattern[str]
    leading_blank: re.Pattern[str]
    obsolete_previous: re.Pattern[str]
    escape: re.Pattern[str]
    flag_separators: re.Pattern[str]
    previous: re.Pattern[str]


@cache
def _patterns() -> _Expressions:
    """The expressions, compiled on first use (a command that reads no catalog skips them).

    ``entry`` matches one entry as GNU gettext and every editor write it,
    active or obsolete: its comments, then its keywords in their order, each
    followed by its strings, then blank lines; or, when nothing else does,
    one line (``other``), which sends the file to the strict reader.
    """
    old, strings = _OBSOLETE_PREFIX, _strings(_BETWEEN)
    entry = re.compile(
        r"(?P<comments>(?:[ \t]*+\#(?!~)(?:[^\n]*[^\\\n])?\n)*)"
        "(?:"
        r"(?:[ \t]*+msgctxt" + _field("ctx") + ")?"
        r"[ \t]*+msgid"
        + _field("id")
        + r"(?:[ \t]*+msgid_plural"
        + _field("plural")
        + r"(?P<forms>(?:[ \t]*+msgstr\[[0-9]+\][ \t]*+"
        + strings
        + ")++)"
        r"|[ \t]*+msgstr" + _field("str") + ")"
        r"|(?P<old_previous>(?:[ \t]*+\#~\|(?:[^\n]*[^\\\n])?\n)*+)"
        "(?:"
        + old
        + "msgctxt"
        + _field("old_ctx", _OBSOLETE_BETWEEN)
        + ")?"
        + old
        + "msgid"
        + _field("old_id", _OBSOLETE_BETWEEN)
        + "(?:"
        + old
        + "msgid_plural"
        + _field("old_plural", _OBSOLETE_BETWEEN)
        + "(?P<old_forms>(?:"
        + old
        + r"msgstr\[[0-9]+\][ \t]*+"
        + _strings(_OBSOLETE_BETWEEN)
        + ")++)"
        "|" + old + "msgstr" + _field("old_str", _OBSOLETE_BETWEEN) + ")"
        r"|(?P<other>[^\n]*+\n)"
        r")(?P<blank>(?:[ \t]*+\n)*+)"
    )
    return _Expressions(
        entry=entry,
        string=re.compile(r'"([^"\\\n]*(?:\\.[^"\\\n]*)*)"'),
        form=re.compile("(?:" + old + r")?msgstr\[([0-9]+)\][ \t]*+(" + strings + ")"),
        leading_blank=re.compile(r"(?:[ \t]*+\n)*+"),
        obsolete_previous=re.compile(r"(?m)^[ \t]*#~\|"),
        escape=re.compile(r"\\(.)"),
        flag_separators=re.compile(r"[\n \t\r\f\v,]+"),
        # A previous-message line's content (after ``#|``): an optional keyword, then one string.
        previous=re.compile(r'[ \t]*(?:(msgctxt|msgid|msgid_plural)[ \t]*)?("[^"\\\n]*(?:\\.[^"\\\n]*)*")[ \t]*'),
    )


def read_fast(text: str) -> tuple[list[Entry], Entry | None, int] | None:
    """The entries, the header and the header's index of a catalog's text; ``None`` when it is not in the usual shape.

    ``text`` is the whole file, decoded without a bad byte.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n")
        if "\r" in text:
            return None
    # (A backslash that joins two lines ends no line the expression reads: a
    # file that has one is declined there, without a search of its own.)
    if "\x04" in text or "#-#-#-#-#" in text:
        return None
    if not text.endswith("\n"):
        text += "\n"
    try:
        return _entries(text)
    except _Decline:
        return None


def _entries(text: str) -> tuple[list[Entry], Entry | None, int]:
    expressions = _patterns()
    head = expressions.leading_blank.match(text).end()  # type: ignore[union-attr]  # the pattern matches the empty string: never None
    rows = expressions.entry.findall(text, head)
    if not rows:
        if text[head:].strip():
            raise _Decline
        return [], None, 0
    comments, ctx, msgid, plural, forms, msgstr, old_previous, old_ctx, old_id, old_plural, old_forms, old_str, other, blank = map(
        list, zip(*rows, strict=True)
    )
    del rows
    if any(other):
        raise _Decline  # a line in no entry
    obsolete = list(map(bool, old_id))
    for index, old in enumerate(obsolete):
        if old:  # its fields in the same columns as an active entry's, written the same way
            if "#|" in comments[index]:
                raise _Decline  # #| lines before an obsolete entry: the strict reader says they do not match
            for column, old_column in ((ctx, old_ctx), (msgid, old_id), (plural, old_plural), (forms, old_forms), (msgstr, old_str)):
                column[index] = old_column[index].replace(_OBSOLETE_BETWEEN, _BETWEEN)
            comments[index] += expressions.obsolete_previous.sub("#|", old_previous[index])
    # Lines: each entry's first, its msgid's and its msgstr's.
    to_msgid = list(map(add, _newlines(comments), _newlines(ctx)))
    to_msgstr = list(map(add, _newlines(msgid), _newlines(plural)))
    to_next = map(sum, zip(to_msgid, to_msgstr, _newlines(msgstr), _newlines(forms), _newlines(blank), strict=True))
    firsts = list(accumulate(to_next, initial=text.count("\n", 0, head) + 1))[:-1]
    msgid_lines = list(map(add, firsts, to_msgid))
    msgstr_lines = list(map(add, msgid_lines, to_msgstr))
    del old_previous, old_ctx, old_id, old_plural, old_forms, old_str, other, blank
    # Texts, a keyword at a time, each keyword's strings let go once read
    # (a large catalog's memory).
    msgstrs: list[tuple[str, ...]] = list(zip(_texts(msgstr)))  # type: ignore[arg-type]  # every entry has a msgstr: no None
    del msgstr
    if any(plural):
        for index, raw in enumerate(forms):
            if raw:
                found = expressions.form.findall(raw)
                if [number for number, _ in found] != [str(number) for number in range(len(found))]:
                    raise _Decline  # the strict reader says what is wrong with the plural forms
                msgstrs[index] = tuple(_texts([strings for _, strings in found]))  # type: ignore[arg-type]  # a form always has strings: no None
    del forms
    parts = list(map(_comments, comments))
    del comments
    flags, translator, extracted, references, previous_ctxt, previous_id, previous_plural = (
        list(column) for column in zip(*parts, strict=True)
    )
    del parts
    msgctxts = _texts(ctx)
    del ctx
    msgids = _texts(msgid)
    del msgid
    msgid_plurals = _texts(plural)
    del plural
    if len(set(zip(msgctxts, msgids, strict=True))) != len(msgids):
        raise _Decline  # a message defined twice: the strict reader names both lines
    entries = list(
        map(
            Entry,
            msgids,
            msgstrs,
            msgctxts,
            msgid_plurals,
            flags,
            translator,
            extracted,
            references,
            previous_ctxt,
            previous_id,
            previous_plural,
            obsolete,
            firsts,
            msgid_lines,
            msgstr_lines,
        )
    )
    header, header_index = None, 0
    for index, entry in enumerate(entries):
        if entry.is_header:
            header, header_index = entries.pop(index), index
            break
    return entries, header, header_index


def _newlines(column: list[str]) -> list[int]:
    """How many newlines each of ``column``'s texts holds."""
    return list(map(str.count, column, repeat("\n")))


def _texts(raws: list[str]) -> list[str | None]:
    """The text of each keyword's strings, from the strings as GNU gettext writes them (``"…"\\n``, one a line).

    An empty raw (an entry without that keyword) gives ``None``.
    """
    return [(_value(raw) if "\\" in raw else raw[1:-2].replace(_BETWEEN, "")) if raw else None for raw in raws]


def _value(raw: str) -> str:
    """The text of a keyword's strings: each string's escapes resolved, then the strings joined."""
    if raw.count("\n") == 1:
        return _resolve(raw.strip()[1:-1])  # one string on the keyword's line: most messages
    return "".join(map(_resolve, _patterns().string.findall(raw)))


def _resolve(value: str) -> str:
    """One string's escapes resolved: those of a character only; a byte's (octal, hex) or a wrong one is the strict reader's."""
    if "\\" in value:
        try:
            value = _patterns().escape.sub(lambda found: _SIMPLE_ESCAPES[found.group(1)], value)
        except KeyError:
            raise _Decline from None
    return value


_NO_COMMENTS: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...], None, None, None] = (
    (),
    (),
    (),
    (),
    None,
    None,
    None,
)


def _comments(block: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...], str | None, str | None, str | None]:
    """Flags, translator comments, extracted comments, references and previous msgctxt, msgid and msgid_plural of an entry's comment lines."""
    if not block:
        return _NO_COMMENTS
    if block.startswith("#. ") and block.count("\n") == 1:
        return (), (), (block[3:-1],), (), None, None, None  # most entries: one extracted comment
    flags: tuple[str, ...] | None = None
    translator: list[str] = []
    extracted: list[str] = []
    references: list[str] = []
    previous: list[str] = []
    for raw in block.split("\n")[:-1]:
        line = raw.lstrip(" \t")
        marker = line[1:2]
        if marker == "|":
            previous.append(line[2:])
            continue
        if previous:
            raise _Decline  # a comment after #| lines: the strict reader refuses it
        text = line[1:]
        if marker == ".":
            extracted.append(text[2:] if text[1:2] == " " else text[1:])
        elif marker == ":":
            references.extend(parse_references(text[1:]))
        elif marker in (",", "!"):
            if flags is not None:
                raise _Decline  # a second flag line: the strict reader notes which one counts
            flags = tuple(flag for flag in _patterns().flag_separators.split(text[1:]) if flag)
        else:
            translator.append(text[1:] if text.startswith(" ") else text)
    previous_fields = _previous(previous) if previous else (None, None, None)
    return (flags or (), tuple(translator), tuple(extracted), tuple(references), *previous_fields)


def _previous(lines: list[str]) -> tuple[str | None, str | None, str | None]:
    """The previous msgctxt, msgid and msgid_plural of ``#|`` lines, in the order the grammar allows."""
    fields: dict[str, list[str]] = {}
    order = ("msgctxt", "msgid", "msgid_plural")
    last: str | None = None
    for line in lines:
        found = _patterns().previous.fullmatch(line)
        if found is None:
            raise _Decline
        keyword, string = found.groups()
        if keyword is not None:
            if (
                keyword in fields
                or (last is not None and order.index(keyword) < order.index(last))
                or (keyword == "msgid_plural" and "msgid" not in fields)
            ):
                raise _Decline
            fields[keyword] = []
            last = keyword
        elif last is None:
            raise _Decline
        fields[last].append(_resolve(string[1:-1]))
    if "msgid" not in fields:
        raise _Decline
    return tuple("".join(fields[key]) if key in fields else None for key in order)  # type: ignore[return-value]  # three keys: three items


# -- figures ---------------------------------------------------------------------------------

#: One string line: no control character (a tab, CR, EOT…), no escape but four.
_STRING = rb'"[^"\\\x00-\x1f]*+(?:\\[nt"\\][^"\\\x00-\x1f]*+)*+"\n'
_UTF8 = frozenset({"utf-8", "ascii"})
_BYTE_ESCAPES = {b"n": b"\n", b"t": b"\t", b'"': b'"', b"\\": b"\\"}


class _CountExpressions(namedtuple("_CountExpressions", "header escape old_key")):
    __slots__ = ()
    header: re.Pattern[bytes]
    escape: re.Pattern[bytes]
    old_key: re.Pattern[bytes]


@cache
def _count_patterns() -> _CountExpressions:
    """The expressions of :func:`count_fast` but its grammar, compiled on first use."""
    return _CountExpressions(
        # The header entry, which must come first: comments (none obsolete,
        # previous or joined to the next line), an empty msgid, its msgstr.
        header=re.compile(rb'((?:#(?![~|])(?:[^\n]*[^\\\n])?\n)*)msgid ""\nmsgstr ((?:' + _STRING + rb")+)\n*"),
        escape=re.compile(rb"\\(.)"),
        # The msgctxt and msgid lines of an obsolete entry, once its strings are joined as an active entry's are.
        old_key=re.compile(rb'(?:#~ msgctxt ("[^\n]*\n))?#~ msgid ("[^\n]*\n)'),
    )


@cache
def _grammar(forms: int) -> re.Pattern[bytes]:
    """An entry after the header, or else a line that is not one; ``forms`` is Plural-Forms' nplurals.

    The groups, in order: the flag line (``#,``), msgctxt, msgid,
    msgid_plural, the plural msgstr lines, the msgstr when its strings are
    all empty; the msgctxt and msgid lines when the entry is obsolete; and,
    from the first line in no entry, the rest of the file.
    """

    def strings(prefix: bytes = b"") -> bytes:
        return _STRING + rb"(?:" + prefix + _STRING + rb")*+"

    def plural(prefix: bytes = b"") -> bytes:
        return b"".join(prefix + rb"msgstr\[%d\] " % index + strings(prefix) for index in range(forms))

    def previous(prefix: bytes) -> bytes:
        # The #| lines of a fuzzy entry, in the order the grammar takes them.
        more = rb"(?:" + prefix + rb"\| " + _STRING + rb")*+"
        return (
            rb"(?:"
            + prefix
            + rb"\| msgctxt "
            + _STRING
            + more
            + rb")?"
            + prefix
            + rb"\| msgid "
            + _STRING
            + more
            + rb"(?:"
            + prefix
            + rb"\| msgid_plural "
            + _STRING
            + more
            + rb")?"
        )

    active = (
        rb"(?:" + previous(b"#") + rb")?"
        rb"(?:msgctxt (" + strings() + rb"))?msgid (" + strings() + rb")"
        rb"(?:msgid_plural (" + strings() + rb")(" + plural() + rb")"
        rb'|msgstr (?:((?:""\n)+)(?!")|' + strings() + rb"))"
    )
    old = b"#~ "
    obsolete = (
        rb"(?:" + previous(b"#~") + rb")?"
        rb"((?:#~ msgctxt "
        + strings(old)
        + rb")?#~ msgid "
        + strings(old)
        + rb")"
        + rb"(?:#~ msgid_plural "
        + strings(old)
        + plural(old)
        + rb"|#~ msgstr "
        + strings(old)
        + rb")"
    )
    # Comments of every kind but flags (#, #!), previous messages (#|) and
    # obsolete lines (#~), which have their own places.
    other = rb"#(?:[^~|,!\\\n]|[^~|,!\n][^\n]*[^\\\n])?\n"
    # A flag line of flag names only: no white space but spaces, which str
    # and bytes strip alike.
    comments = rb"(?:" + other + rb")*+(#,[ A-Za-z0-9_,.:-]*\n)?(?:" + other + rb")*+"
    # Possessive repeats (*+): a line's first characters decide what it is,
    # so nothing is ever given back, and nothing is kept to give back.
    # Anything else ends the reading (the file is the strict reader's): it
    # takes the rest of the file, so no line is tried twice.
    return re.compile(comments + rb"(?:" + active + rb"|" + obsolete + rb")\n*+|((?s:.+))")


def count_fast(path: str | Path, data: bytes) -> Statistics | None:
    """The figures of the PO file ``data`` (see :func:`trigger_content.po.stats.count`), or ``None``.

    ``None`` says only that the file is not in the shape read here; the
    strict reader decides whether it is a catalog.
    """
    if b"#-#-#-#-#" in data or b"\r" in data or b"\0" in data:
        return None  # (a backslash that joins two lines ends no line the grammar reads)
    expressions = _count_patterns()
    bom = data.startswith(b"\xef\xbb\xbf")
    head = expressions.header.match(data, 3 if bom else 0)
    if head is None or len(re.findall(rb"(?m)^#[,!]", head.group(1))) > 1:
        return None  # a second flag line: the strict reader says which one counts
    # The header's text: its strings joined, their four escapes resolved.
    raw = expressions.escape.sub(lambda found: _BYTE_ESCAPES[found.group(1)], head.group(2).replace(b'"\n"', b"")[1:-2])
    charset = Charset(header_charset(raw.decode("latin-1")))
    if not charset.known or charset.codec not in _UTF8:
        return None
    try:
        text = raw.decode(charset.codec)
        if not data.isascii():
            data.decode(charset.codec)
    except UnicodeDecodeError:
        return None
    header = Entry("", (text,))
    catalog = Catalog(path, [], header, notes=["a UTF-8 byte order mark starts the file; it was ignored"] if bom else [])
    header_empty = 1 if header.untranslated else 0
    form_count = nplurals(catalog.header.get("Plural-Forms"))
    if form_count > MAX_NPLURALS:
        return None  # the grammar would have an alternative per form
    rows = _grammar(form_count).findall(data, head.end())
    if not rows:
        return Statistics(catalog.locale, Counts(untranslated=header_empty), catalog.notes)
    flags, ctx_column, id_column, plurals, forms, empties, olds, strays = zip(*rows, strict=True)
    if strays.count(b"") != len(rows):
        return None  # a line in no entry, or an entry not in the shape read here
    # A column at a time: each keyword's strings joined into one string, the
    # same text always written one way, so that equal texts are equal bytes.
    sources = b"\0".join(id_column).replace(b'"\n"', b"")
    msgids = sources.split(b"\0")
    msgctxts = b"\0".join(ctx_column).replace(b'"\n"', b"").split(b"\0")
    old = [index for index, text in enumerate(olds) if text]
    keys = list(zip(msgctxts, msgids, strict=True))
    if old:
        # An obsolete entry's keywords are in a column of their own, "#~ " before each string.
        spans = b"\0".join([olds[index] for index in old]).replace(b'"\n#~ "', b"")
        for index, key in zip(old, expressions.old_key.findall(spans), strict=True):
            keys[index] = key
    if len(set(keys)) != len(keys) or (b"", b'""\n') in keys:
        return None  # a duplicate or a second header: the strict reader names the lines
    empty = {index for index, text in enumerate(empties) if text}
    empty.update(index for index, text in enumerate(forms) if text and text.startswith(b'msgstr[0] ""\n') and _first_form_empty(text))
    fuzzy = {index for index, text in enumerate(flags) if text and _is_fuzzy(text)} - empty - set(old)
    pending = empty | fuzzy
    total = _source_words(sources) + _words(filter(None, plurals))
    waiting = _words([msgids[index] for index in pending] + [plurals[index] for index in pending])
    counts = Counts(len(keys) - len(old) - len(pending), len(fuzzy), len(empty) + header_empty, len(old), total - waiting, total)
    return Statistics(catalog.locale, counts, catalog.notes)


def _first_form_empty(forms: bytes) -> bool:
    """Whether the first plural form of an entry's ``msgstr[N]`` lines is empty (its strings all ``""``)."""
    first = forms.split(b"\nmsgstr[1] ", 1)[0]
    return first.replace(b'"\n"', b"") in (b'msgstr[0] ""\n', b'msgstr[0] ""')


def _is_fuzzy(line: bytes) -> bool:
    """Whether a flag line (``#,``) says fuzzy: its words split at commas and spaces, as gettext splits them."""
    return b"fuzzy" in line and b"fuzzy" in line[2:].replace(b",", b" ").split()


def _words(strings: Iterable[bytes]) -> int:
    """The words of keywords' strings as the file writes them, quotes and escapes and all."""
    text = b"\n".join(strings)
    if b'"\n"' in text:
        text = text.replace(b'"\n"', b"")
    if b"\\" in text:
        text = _count_patterns().escape.sub(b" ", text)  # \n \t \" \\ each stand for a character between words
    return count_words_utf8(text)


@lru_cache(maxsize=4)
def _source_words(sources: bytes) -> int:
    """The words of every msgid: the same for all the catalogs of one template, so remembered."""
    return _words([sources])
