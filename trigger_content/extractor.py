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

from .source import SITE_FILE, context_lines, document_segments, load_page, load_site


def extract(
    fileobj: IO[bytes],
    keywords: Mapping[str, Any],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[tuple[int, str, tuple[str, str], list[str]]]:
    """Yield ``(line, "pgettext", (msgctxt, msgid), comments)`` for each text of a document."""
    if "pgettext" not in keywords:
        # Babel looks each message up by this keyword: without it (--no-default-keywords) it would stop on a KeyError.
        raise ValueError(
            "the trigger_content extractor gives each text with its context, as pgettext: "
            "keep Babel's default keywords, or add -k pgettext:1c,2"
        )
    path = Path(getattr(fileobj, "name", ""))
    if not path.name:
        raise ValueError("the trigger_content extractor reads documents from files")
    found = document_segments(path, load_site(path) if path.name == SITE_FILE else load_page(path))
    lines = context_lines(path, [segment.context for segment in found])
    for segment in found:
        # A text the document leaves to its default has no line of its own: the file's first.
        yield lines[segment.context] or 1, "pgettext", (segment.context, segment.text), segment.comment.splitlines()
