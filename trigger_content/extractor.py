"""A Babel extraction method, so ``pybabel extract`` reads the content documents too.

In ``babel.cfg``::

    [trigger_content: trigger_content/content/**.toml]

It gives the messages of ``trigger-content extract``: the same contexts,
English text and translator comments. A page document yields its own texts;
``site.toml`` yields the site chrome, once.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from .errors import SourceError
from .source import SITE_FILE, load_page, load_site
from .tomlfile import read_toml, toml_lines
from .walker import segments


def extract(
    fileobj: IO[bytes],
    keywords: Mapping[str, Any],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[tuple[int, str, tuple[str, str], list[str]]]:
    """Yield ``(line, "pgettext", (msgctxt, msgid), comments)`` for each text of a document."""
    path = Path(getattr(fileobj, "name", ""))
    if not path.name:
        raise ValueError("the trigger_content extractor reads documents from files")
    text, data = read_toml(path, SourceError)
    lines, ids = toml_lines(text), _ids(data)
    if path.name == SITE_FILE:
        found = segments(load_site(path))
    elif (path.parent / SITE_FILE).is_file():
        # The chrome comes from site.toml, which yields it once for all pages.
        found = (segment for segment in segments(load_page(path)) if not segment.context.startswith("site."))
    else:
        found = segments(load_page(path))  # a self-contained page, with its own [site]
    for segment in found:
        yield _line(lines, ids, segment.context), "pgettext", (segment.context, segment.text), segment.comment.splitlines()


def _line(lines: Mapping[tuple[int | str, ...], int], ids: Mapping[str, tuple[int | str, ...]], context: str) -> int:
    """The line of the document where the text of ``context`` is defined (best effort).

    A context ends with the id of the block that holds the text, or with the
    field of the block (or of the document) named by the id before it.
    """
    *parents, last = context.split(".")
    if last in ids:
        return lines.get((*ids[last], "id"), 1)
    field = last.replace("-", "_")
    where = ids.get(parents[-1], ()) if parents else ()
    return lines.get((*where, field)) or lines.get((*where, "id")) or lines.get((field,), 1)


def _ids(data: Any) -> dict[str, tuple[int | str, ...]]:
    """The data path of each table of ``data`` that has an ``id``, by that id (the first, if one repeats)."""
    found: dict[str, tuple[int | str, ...]] = {}
    stack: list[tuple[Any, tuple[int | str, ...]]] = [(data, ())]
    while stack:
        value, path = stack.pop()
        items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
        if isinstance(value, dict) and isinstance(value.get("id"), str):
            found.setdefault(value["id"], path)
        stack.extend((item, (*path, key)) for key, item in items if isinstance(item, (dict, list)))
    return found
