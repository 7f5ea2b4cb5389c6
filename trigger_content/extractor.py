"""A Babel extraction method, so ``pybabel extract`` reads the content documents too.

In ``babel.cfg``::

    [trigger_content: trigger_content/content/**.toml]

It gives the messages of ``trigger-content extract``: the same contexts,
English text and translator comments. A page document yields its own texts;
``site.toml`` yields the site chrome, once.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from .source import SITE_FILE, load_page, load_site
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
    text = path.read_text(encoding="utf-8")
    if path.name == SITE_FILE:
        found = segments(load_site(path))
    elif (path.parent / SITE_FILE).is_file():
        # The chrome comes from site.toml, which yields it once for all pages.
        found = (segment for segment in segments(load_page(path)) if not segment.context.startswith("site."))
    else:
        found = segments(load_page(path))  # a self-contained page, with its own [site]
    for segment in found:
        yield _line(text, segment.context), "pgettext", (segment.context, segment.text), segment.comment.splitlines()


def _line(text: str, context: str) -> int:
    """The line of the document where the text of ``context`` is defined (best effort)."""
    parts = context.split(".")
    for name, key in ((parts[-1], None), (parts[-2] if len(parts) > 1 else "", parts[-1])):
        found = re.search(rf"""^\s*id\s*=\s*["']{re.escape(name)}["']""", text, re.M)
        if found:
            start = text.count("\n", 0, found.start()) + 1
            if key is None:
                return start
            below = re.compile(rf"^\s*{re.escape(key.replace('-', '_'))}\s*=", re.M).search(text, found.end())
            return start if below is None else text.count("\n", 0, below.start()) + 1
    top = re.search(rf"^\s*{re.escape(parts[-1].replace('-', '_'))}\s*=", text, re.M)
    return text.count("\n", 0, top.start()) + 1 if top else 1
