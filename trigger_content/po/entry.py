"""The one model of a PO file: :class:`Entry` (a message) and :class:`Catalog` (a file of them)."""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path


# The field names and defaults are written in the call itself, so that mypy reads them.
class Entry(
    namedtuple(
        "Entry",
        "msgid msgstr msgctxt msgid_plural flags comments extracted references "
        "previous_msgctxt previous_msgid previous_msgid_plural obsolete line msgid_line msgstr_line",
        # The defaults of all but the first field.
        defaults=(("",), None, None, (), (), (), (), None, None, None, False, 0, 0, 0),
    )
):
    """One message of a catalog, as GNU gettext reads it, with the lines its parts start on.

    ``msgstr`` is a tuple: one string, or one per plural form in index order.
    ``flags`` are the words of the ``#,`` lines in order, split as gettext
    splits them (at commas and white space), so ``"fuzzy" in entry.flags``
    says what msgfmt says. ``comments`` are the translator's lines (``#``),
    ``extracted`` the extracted ones (``#.``), ``references`` the ``#:``
    locations (``file:line`` or ``file``). The ``previous_*`` fields are the
    ``#|`` lines of a fuzzy entry: the English it was translated from.
    ``line`` is the entry's first line (its first comment, or its first
    keyword), ``msgid_line`` and ``msgstr_line`` those of its keywords (0 for
    an entry made in memory). (A named tuple of the collections module: it
    starts faster than a dataclass or a typing.NamedTuple, and ``status``
    starts without importing typing.)
    """

    __slots__ = ()
    msgid: str
    msgstr: tuple[str, ...]
    msgctxt: str | None
    msgid_plural: str | None
    flags: tuple[str, ...]
    comments: tuple[str, ...]
    extracted: tuple[str, ...]
    references: tuple[str, ...]
    previous_msgctxt: str | None
    previous_msgid: str | None
    previous_msgid_plural: str | None
    obsolete: bool
    line: int
    msgid_line: int
    msgstr_line: int

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def untranslated(self) -> bool:
        """Untranslated as ``msgfmt --statistics`` counts it: the msgstr, or the first plural form, is empty."""
        return not self.msgstr[0]

    @property
    def has_translation(self) -> bool:
        """Any form holds a translation: what ``update`` must never lose, fuzzy or not."""
        return any(self.msgstr)

    @property
    def complete(self) -> bool:
        """Every form holds a translation (a plural form past the first may be empty, and msgfmt compiles it so)."""
        return all(self.msgstr)

    @property
    def key(self) -> tuple[str | None, str]:
        """``(msgctxt, msgid)``: what makes a message unique in its catalog."""
        return (self.msgctxt, self.msgid)

    @property
    def is_header(self) -> bool:
        return self.msgctxt is None and self.msgid == "" and not self.obsolete


class Catalog:
    """The messages of a PO file, its header entry apart, and what reading it noticed.

    ``entries`` are the messages in file order (active and obsolete), without
    the header; ``header_entry`` is the header entry (``None`` when the file
    has none) and ``header_index`` the number of messages before it;
    ``header`` is its ``Name: value`` lines as a dict. ``charset`` is the Python codec
    the file was read with, ``newline`` its line end, ``data`` the bytes it
    was read from (empty for a catalog made in memory).
    """

    def __init__(
        self,
        path: str | Path,
        entries: list[Entry],
        header: Entry | None = None,
        *,
        header_index: int = 0,
        notes: list[str] | None = None,
        charset: str = "utf-8",
        newline: str = "\n",
        data: bytes = b"",
    ) -> None:
        self.path = str(path)
        self.entries = entries
        self.header_entry = header
        self.header_index = header_index
        #: What the reader noticed without refusing the file (a BOM, a missing header).
        self.notes = [] if notes is None else notes
        self.charset = charset
        self.newline = newline
        self.data = data
        self.header = header_fields(header.msgstr[0]) if header is not None else {}

    def __repr__(self) -> str:
        return f"Catalog({self.path!r}, {len(self.entries)} entries)"

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def header_fuzzy(self) -> bool:
        return self.header_entry is not None and self.header_entry.fuzzy

    @property
    def header_line(self) -> int | None:
        """The line of the header's msgstr, where its fields are; ``None`` without a header."""
        return self.header_entry.msgstr_line if self.header_entry is not None else None

    def field_line(self, name: str) -> int | None:
        """The line of the header field ``name`` as the file writes it; the header's msgstr line when it cannot tell."""
        header = self.header_entry
        if header is None:
            return None
        at = self.data.find(b'"' + name.encode("ascii", "replace") + b":")
        if at >= 0:
            line = self.data.count(b"\n", 0, at) + 1
            if header.msgstr_line <= line <= header.msgstr_line + header.msgstr[0].count("\n") + 1:
                return line
        return header.msgstr_line

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

    def replace(
        self,
        entries: list[Entry] | None = None,
        header: Entry | None = None,
        *,
        fields: Mapping[str, str] | None = None,
    ) -> Catalog:
        """A copy with other entries, another header, or header fields changed (see :func:`with_fields`)."""
        header = header if header is not None else self.header_entry
        if fields is not None:
            header = with_fields(header or Entry(""), fields)
        return Catalog(
            self.path,
            list(self.entries) if entries is None else entries,
            header,
            header_index=self.header_index if entries is None else 0,
            notes=list(self.notes),
            charset=self.charset,
            newline=self.newline,
            data=self.data,
        )


def header_fields(text: str) -> dict[str, str]:
    """The ``Name: value`` lines of a header's msgstr (a line without a colon is not a field)."""
    fields: dict[str, str] = {}
    for line in text.split("\n"):
        name, colon, value = line.partition(":")
        if colon:
            fields[name.strip()] = value.strip()
    return fields


def header_text(fields: Iterable[tuple[str, str]]) -> str:
    """A header's msgstr from its fields, one ``Name: value`` line each."""
    return "".join(f"{name}: {value}\n" for name, value in fields)


#: The fields of a header in the order xgettext writes them, and msgmerge places a field it adds.
HEADER_ORDER = (
    "Project-Id-Version",
    "Report-Msgid-Bugs-To",
    "POT-Creation-Date",
    "PO-Revision-Date",
    "Last-Translator",
    "Language-Team",
    "Language",
    "MIME-Version",
    "Content-Type",
    "Content-Transfer-Encoding",
    "Plural-Forms",
)


def with_fields(header: Entry, fields: Mapping[str, str]) -> Entry:
    """``header`` with ``fields`` set: a field it has keeps its line and place.

    A new field goes before the first field that follows it in
    :data:`HEADER_ORDER`, as msgmerge places it, or at the end. Every other
    line of the header stays as it was, byte for byte.
    """
    lines = header.msgstr[0].split("\n")
    wanted = dict(fields)
    for index, line in enumerate(lines):
        name, colon, _ = line.partition(":")
        if colon and name.strip() in wanted:
            lines[index] = f"{name.strip()}: {wanted.pop(name.strip())}"
    for name, value in wanted.items():
        later = set(HEADER_ORDER[HEADER_ORDER.index(name) + 1 :]) if name in HEADER_ORDER else set()
        place = next(
            (index for index, line in enumerate(lines) if line.partition(":")[1] and line.partition(":")[0].strip() in later), None
        )
        if place is None:
            place = len(lines) - 1 if lines and lines[-1] == "" else len(lines)  # before the text's final newline
        lines.insert(place, f"{name}: {value}")
    return header._replace(msgstr=("\n".join(lines),))


def parse_references(text: str) -> list[str]:
    """The locations of a ``#:`` line: ``file:line`` or ``file``, as gettext 0.21 reads them.

    Locations are parted by white space (a name with a space is two
    locations to gettext 0.21); a line number may follow the colon, or the
    name, after spaces (``file: 12``, ``file :12``, ``file : 12`` are
    ``file:12``).
    """
    tokens = text.split()
    found: list[str] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        after = tokens[index + 1 : index + 3]
        if token.endswith(":") and after and _is_number(after[0]):
            token, index = token + after[0], index + 1
        elif after and after[0] == ":" and len(after) == 2 and _is_number(after[1]):
            token, index = f"{token}:{after[1]}", index + 2
        elif after and after[0].startswith(":") and _is_number(after[0][1:]):
            token, index = token + after[0], index + 1
        found.append(token)
        index += 1
    return found


def _is_number(text: str) -> bool:
    return text.isascii() and text.isdigit()


def header_date() -> str:
    """The time now as PO headers write it (``POT-Creation-Date``, ``PO-Revision-Date``): ``2026-12-02 15:04+0000``."""
    from datetime import UTC, datetime

    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M%z")
