"""TOML files: read with the line and column of any error, and the line of each key.

Source documents, ``pyproject.toml`` and the glossary are read here, so each
refusal says ``path:line:column``, and a setting or a field that is wrong is
said at its own line (:func:`toml_lines`).
"""

from __future__ import annotations

import re
from pathlib import Path

from .errors import TriggerContentError, line_and_column

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from typing import Any


def read_toml(path: Path, kind: type[TriggerContentError] = TriggerContentError) -> tuple[str, dict[str, Any]]:
    """The text of the TOML file at ``path`` and its data; ``kind`` of error, with the line and column, when it does not load."""

    try:
        raw = path.read_bytes()
    except OSError as error:
        raise kind(error.strerror or str(error), path=path) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = line_and_column(raw, error.start)
        raise kind(f"byte 0x{raw[error.start]:02x} is not UTF-8; save the file as UTF-8", path=path, line=line, column=column) from None
    return text, loads_toml(text, path, kind)


def loads_toml(text: str, path: str | Path, kind: type[TriggerContentError] = TriggerContentError) -> dict[str, Any]:
    """The data of a TOML text (the file at ``path``, or the document to be written there); errors as :func:`read_toml` says them."""
    import tomllib

    try:
        data = tomllib.loads(text)
    except RecursionError:
        data = None  # nested deeper than tomllib reads: said below, where
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        found = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
        if found is not None:
            line, column = int(found.group(1)), int(found.group(2))
        else:
            found = re.search(r"\s*\(at end of document\)$", message)
            if found is None:
                raise kind(f"invalid TOML: {message}", path=path) from None
            # The end of the document: said at its last line, after its last character.
            last = text.rstrip()
            line, column = line_and_column(last, len(last))
        what = message[: found.start()]
        raise kind(f"invalid TOML: {what[0].lower()}{what[1:]}", path=path, line=line, column=column) from None
    if data is None or _depth(data) > MAX_DEPTH:
        deep_line, deep_column = _too_deep(text)
        raise kind(
            f"values nested more than {MAX_DEPTH} deep (arrays or inline tables); no document of this project nests so deep",
            path=path,
            line=deep_line,
            column=deep_column,
        )
    return data


#: How deep arrays and tables of a TOML document may nest: far more than any
#: document needs, far less than the parsers' own limits (Python's recursion).
MAX_DEPTH = 32
_TOML_NESTING = r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#[^\n]*|[\[\]{}]'


def _depth(data: Any) -> int:
    """How deep ``data``'s lists and dicts nest (without recursion)."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            value = list(value.values())
        if isinstance(value, list):
            deepest = max(deepest, depth)
            stack.extend((item, depth + 1) for item in value if isinstance(item, (list, dict)))
    return deepest


def _too_deep(text: str) -> tuple[int | None, int | None]:
    """Where a TOML text's brackets and braces first nest past :data:`MAX_DEPTH` (strings and comments skipped)."""
    depth = 0
    for found in re.finditer(_TOML_NESTING, text):
        token = found.group(0)
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return line_and_column(text, found.start())
        elif token in "]}":
            depth = max(depth - 1, 0)
    return None, None


_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\[\]]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=""")


def _split_key(dotted: str) -> list[str]:
    return [part.strip().strip("\"'") for part in re.findall(r"""(?:"[^"]*"|'[^']*'|[^.]+)""", dotted)]


def toml_lines(text: str) -> dict[tuple[int | str, ...], int]:
    """Map the data path of each table, array element and key to its 1-based line.

    Covers TOML written as tables, arrays of tables and dotted keys (each
    part of ``a.b = 1`` maps to its line); values inside inline tables map to
    the line of their key, and lines inside multi-line strings are passed over.
    """
    lines: dict[tuple[int | str, ...], int] = {}
    counts: dict[tuple[int | str, ...], int] = {}
    current: tuple[int | str, ...] = ()
    in_string = None
    for number, line in enumerate(text.split("\n"), start=1):
        if in_string:
            if line.count(in_string) % 2 == 1:
                in_string = None
            continue
        header = _HEADER.match(line)
        if header:
            names = _split_key(header.group(2))
            # Resolve each name against the arrays already open.
            resolved: list[int | str] = []
            for name in names[:-1]:
                resolved.append(name)
                if tuple(resolved) in counts:
                    resolved.append(counts[tuple(resolved)] - 1)
            resolved.append(names[-1])
            if header.group(1) == "[[":
                key = tuple(resolved)
                counts[key] = counts.get(key, 0) + 1
                resolved.append(counts[key] - 1)
            current = tuple(resolved)
            lines.setdefault(current, number)
            continue
        assignment = _KEY.match(line)
        if assignment:
            parts = _split_key(assignment.group(1))
            for end in range(1, len(parts) + 1):  # a dotted key defines each table on its way
                lines.setdefault(current + tuple(parts[:end]), number)
            rest = line[assignment.end() :]
            for quote in ('"""', "'''"):
                if rest.count(quote) % 2 == 1:
                    in_string = quote
    return lines
